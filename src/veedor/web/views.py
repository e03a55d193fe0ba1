"""What each page shows, gathered from the store: the queries behind the web app's pages.

Aggregates that every visitor of the overview would recompute (counts, status breakdowns, the
asks with the broadest agreement) are cached per *data version*: a handful of ``max(id)`` reads
that change whenever a document, an item, a link or a status record is written.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, defer, selectinload

from veedor.link.summary import AskFilter, AskSummary, list_asks, publisher_group, summarise
from veedor.link.summary import ask_timeline as summary_timeline
from veedor.nlp.text import fold
from veedor.store.models import (
    AskRow,
    DocumentRow,
    ItemCountry,
    ItemRow,
    ItemTheme,
    LinkEventRow,
    StatusRecordRow,
    SuggestionRow,
    TrackedRow,
)
from veedor.track.status import SubjectKind, current_many, statuses

PAGE_SIZE = 20
# Items shown in lists need their document's title and date, never its full text.
DOCUMENT_WITHOUT_TEXT = selectinload(ItemRow.document).defer(DocumentRow.text)
KINDS = ("recommendation", "commitment", "figure")
T = TypeVar("T")


# --- a cache keyed by the data version ----------------------------------------------------


def data_version(session: Session) -> tuple[Any, ...]:
    """Changes whenever anything a page aggregates changes (cheap: primary-key maxima)."""
    row = session.execute(
        select(
            select(func.max(DocumentRow.id)).scalar_subquery(),
            select(func.max(ItemRow.id)).scalar_subquery(),
            select(func.count(ItemRow.id)).scalar_subquery(),
            select(func.max(StatusRecordRow.id)).scalar_subquery(),
            select(func.max(LinkEventRow.id)).scalar_subquery(),
            select(func.max(AskRow.updated_at)).scalar_subquery(),
            select(func.max(SuggestionRow.id)).scalar_subquery(),
        )
    ).one()
    return tuple(row)


class _Cache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._data: dict[tuple[Any, ...], Any] = {}

    def get(self, key: tuple[Any, ...], build: Callable[[], T]) -> T:
        with self._lock:
            if key in self._data:
                return self._data[key]  # type: ignore[no-any-return]
        value = build()
        with self._lock:
            if len(self._data) > 256:
                self._data.clear()
            self._data[key] = value
        return value


_cache = _Cache()


def cached(session: Session, name: str, build: Callable[[], T], *args: Any) -> T:
    key = (str(session.get_bind().engine.url), name, data_version(session), *args)
    return _cache.get(key, build)


# --- statuses -------------------------------------------------------------------------------


def status_counts(session: Session, kind: str) -> dict[str, int]:
    """How many asks (or commitments) are in each status; untracked ones are in the first."""
    names = statuses(kind)  # type: ignore[arg-type]
    if kind == "ask":
        total = session.scalar(select(func.count()).select_from(AskRow)) or 0
    else:
        total = session.scalar(select(func.count()).where(ItemRow.kind == "commitment")) or 0
    counts = dict.fromkeys(names, 0)
    tracked = 0
    for status, n in session.execute(
        select(TrackedRow.status, func.count())
        .where(TrackedRow.subject_kind == kind)
        .group_by(TrackedRow.status)
    ):
        counts[status] = counts.get(status, 0) + n
        tracked += n
    counts[names[0]] += max(total - tracked, 0)
    return counts


def status_of(session: Session, kind: SubjectKind, ids: list[int]) -> dict[int, str]:
    """The current status of each subject (untracked ones are in their first status)."""
    return {i: now.status for i, now in current_many(session, kind, ids).items()} if ids else {}


# --- overview -------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Overview:
    documents: int
    items: dict[str, int]
    asks: int
    ask_statuses: dict[str, int]
    commitment_statuses: dict[str, int]
    committed_usd: float
    countries: dict[str, int]
    agreement: list[AskSummary]
    pending_suggestions: int


def overview(session: Session, *, language: str | None = None) -> Overview:
    def build() -> Overview:
        items = dict(
            session.execute(select(ItemRow.kind, func.count()).group_by(ItemRow.kind)).all()
        )
        countries = dict(
            session.execute(select(ItemCountry.iso3, func.count()).group_by(ItemCountry.iso3)).all()
        )
        return Overview(
            documents=session.scalar(select(func.count()).select_from(DocumentRow)) or 0,
            items={k: int(items.get(k, 0)) for k in KINDS},
            asks=session.scalar(select(func.count()).select_from(AskRow)) or 0,
            ask_statuses=status_counts(session, "ask"),
            commitment_statuses=status_counts(session, "commitment"),
            committed_usd=float(
                session.scalar(
                    select(func.sum(ItemRow.amount_usd)).where(ItemRow.kind == "commitment")
                )
                or 0.0
            ),
            countries={k: int(v) for k, v in countries.items()},
            agreement=broadest_agreement(session, limit=8, language=language),
            pending_suggestions=session.scalar(
                select(func.count()).where(SuggestionRow.state == "pending")
            )
            or 0,
        )

    return cached(session, "overview", build, language)


def broadest_agreement(
    session: Session, *, limit: int, language: str | None = None
) -> list[AskSummary]:
    """Asks made by publishers of the most different groups, then by the most publishers.

    Ranked from (ask, publisher) pairs alone; only the winners are summarised, so a database of
    very broad asks does not load every member of the 200 candidates."""
    publishers: dict[int, set[str]] = defaultdict(set)
    sizes: Counter[int] = Counter()
    for ask_id, publisher, n in session.execute(
        select(ItemRow.ask_id, DocumentRow.publisher, func.count())
        .join(DocumentRow, DocumentRow.id == ItemRow.document_id)
        .where(ItemRow.ask_id.is_not(None))
        .group_by(ItemRow.ask_id, DocumentRow.publisher)
    ):
        if ask_id is None:
            continue
        publishers[ask_id].add(publisher or "")
        sizes[ask_id] += int(n)
    ranked = sorted(
        (a for a, names in publishers.items() if len(names) >= 2),
        key=lambda a: (
            -len({publisher_group(p or None) for p in publishers[a]}),
            -len(publishers[a]),
            -sizes[a],
            a,
        ),
    )
    return summarise(session, ranked[:limit], language=language)


def recent_documents(session: Session, *, limit: int = 8) -> list[DocumentRow]:
    return list(
        session.scalars(
            select(DocumentRow)
            .options(defer(DocumentRow.text))
            .order_by(DocumentRow.id.desc())
            .limit(limit)
        )
    )


def pairs(rows: Any) -> list[tuple[str, int]]:
    return [(str(k), int(n)) for k, n in rows if k is not None]


# --- ask pages ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Related:
    commitments: list[ItemRow]
    figures: list[ItemRow]


def related_items(session: Session, ask: AskSummary, *, limit: int = 8) -> Related:
    """Commitments and figures about the ask's countries, those sharing its themes first."""
    if not ask.countries:
        return Related([], [])
    in_countries = select(ItemCountry.item_id).where(ItemCountry.iso3.in_(ask.countries))
    shares_theme = (
        select(ItemTheme.item_id).where(ItemTheme.theme.in_(ask.themes))
        if ask.themes
        else select(ItemTheme.item_id).where(text("1 = 0"))
    )
    out: dict[str, list[ItemRow]] = {}
    for kind in ("commitment", "figure"):
        query = (
            select(ItemRow)
            .join(DocumentRow, DocumentRow.id == ItemRow.document_id)
            .where(ItemRow.kind == kind, ItemRow.id.in_(in_countries))
            .order_by(ItemRow.id.in_(shares_theme).desc(), DocumentRow.date.desc())
            .limit(limit)
        )
        out[kind] = list(session.scalars(query))
    return Related(out["commitment"], out["figure"])


def ask_timeline(session: Session, ask_id: int) -> list[dict[str, Any]]:
    """Recommendations per year and publisher, for the ask's timeline chart."""
    return [
        {"year": year, "publisher": publisher, "recommendations": n}
        for year, publisher, n in summary_timeline(session, ask_id)
    ]


# --- country, theme and publisher pages ---------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Scoped:
    asks: list[AskSummary]
    ask_status: dict[int, str]
    commitments: list[ItemRow]
    commitment_status: dict[int, str]
    figures: list[ItemRow]
    documents: list[DocumentRow]
    counts: dict[str, int]


def scoped(
    session: Session,
    *,
    country: str | None = None,
    theme: str | None = None,
    publisher: str | None = None,
    language: str | None = None,
) -> Scoped:
    """What a country, theme or publisher page shows."""

    def build() -> Scoped:
        asks = list_asks(
            session,
            AskFilter(country=country, theme=theme, publisher=publisher, limit=40),
            language=language,
        )
        item_filter = select(ItemRow.id).join(DocumentRow, DocumentRow.id == ItemRow.document_id)
        if country:
            item_filter = item_filter.where(
                ItemRow.id.in_(select(ItemCountry.item_id).where(ItemCountry.iso3 == country))
            )
        if theme:
            item_filter = item_filter.where(
                ItemRow.id.in_(select(ItemTheme.item_id).where(ItemTheme.theme == theme))
            )
        if publisher:
            item_filter = item_filter.where(DocumentRow.publisher == publisher)
        counts = dict(
            session.execute(
                select(ItemRow.kind, func.count())
                .where(ItemRow.id.in_(item_filter))
                .group_by(ItemRow.kind)
            ).all()
        )

        def of_kind(kind: str, limit: int) -> list[ItemRow]:
            return list(
                session.scalars(
                    select(ItemRow)
                    .join(DocumentRow, DocumentRow.id == ItemRow.document_id)
                    .options(DOCUMENT_WITHOUT_TEXT)
                    .where(ItemRow.kind == kind, ItemRow.id.in_(item_filter))
                    .order_by(DocumentRow.date.desc(), ItemRow.id)
                    .limit(limit)
                )
            )

        commitments = of_kind("commitment", 30)
        figures = of_kind("figure", 30)
        documents = list(
            session.scalars(
                select(DocumentRow)
                .options(defer(DocumentRow.text))
                .where(
                    DocumentRow.id.in_(
                        select(ItemRow.document_id).where(ItemRow.id.in_(item_filter))
                    )
                )
                .order_by(DocumentRow.date.desc())
                .limit(30)
            )
        )
        for row in (*commitments, *figures):
            _ = row.document
        return Scoped(
            asks=asks,
            ask_status=status_of(session, "ask", [a.id for a in asks]),
            commitments=commitments,
            commitment_status=status_of(session, "commitment", [c.id for c in commitments]),
            figures=figures,
            documents=documents,
            counts={k: int(counts.get(k, 0)) for k in KINDS},
        )

    return cached(session, "scoped", build, country, theme, publisher, language)


def country_counts(session: Session) -> list[tuple[str, int]]:
    return cached(
        session,
        "countries",
        lambda: pairs(
            session.execute(
                select(ItemCountry.iso3, func.count())
                .group_by(ItemCountry.iso3)
                .order_by(func.count().desc())
            )
        ),
    )


def theme_counts(session: Session) -> list[tuple[str, int]]:
    return cached(
        session,
        "themes",
        lambda: pairs(
            session.execute(
                select(ItemTheme.theme, func.count())
                .group_by(ItemTheme.theme)
                .order_by(func.count().desc())
            )
        ),
    )


def publisher_counts(session: Session) -> list[tuple[str, int]]:
    return cached(
        session,
        "publishers",
        lambda: pairs(
            session.execute(
                select(DocumentRow.publisher, func.count())
                .where(DocumentRow.publisher.is_not(None))
                .group_by(DocumentRow.publisher)
                .order_by(func.count().desc(), DocumentRow.publisher)
            )
        ),
    )


# --- commitments and figures ----------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class CommitmentsView:
    rows: list[ItemRow]
    status: dict[int, str]
    total: int
    by_status: list[dict[str, Any]]
    by_country: list[dict[str, Any]]


def commitments_view(
    session: Session,
    *,
    country: str | None = None,
    status: str | None = None,
    page: int = 1,
) -> CommitmentsView:
    def build() -> CommitmentsView:
        commitments = list(
            session.execute(
                select(ItemRow.id, ItemRow.amount_usd, DocumentRow.date)
                .join(DocumentRow, DocumentRow.id == ItemRow.document_id)
                .where(ItemRow.kind == "commitment")
            )
        )
        status_by_id = status_of(session, "commitment", [c.id for c in commitments])
        country_of: dict[int, list[str]] = defaultdict(list)
        for item_id, iso3 in session.execute(
            select(ItemCountry.item_id, ItemCountry.iso3)
            .join(ItemRow, ItemRow.id == ItemCountry.item_id)
            .where(ItemRow.kind == "commitment")
        ):
            country_of[item_id].append(iso3)
        chosen = [
            c
            for c in commitments
            if (not status or status_by_id[c.id] == status)
            and (not country or country in country_of.get(c.id, []))
        ]
        amounts_status: dict[str, float] = defaultdict(float)
        amounts_country: dict[str, float] = defaultdict(float)
        for c in chosen:
            amount = float(c.amount_usd or 0)
            amounts_status[status_by_id[c.id]] += amount
            for iso3 in country_of.get(c.id, []) or ["—"]:
                amounts_country[iso3] += amount
        chosen.sort(key=lambda c: (c.date or "", c.id), reverse=True)
        page_ids = [c.id for c in chosen[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]]
        rows = {
            r.id: r
            for r in session.scalars(
                select(ItemRow).where(ItemRow.id.in_(page_ids)).options(DOCUMENT_WITHOUT_TEXT)
            )
        }
        for r in rows.values():
            _ = r.document
        return CommitmentsView(
            rows=[rows[i] for i in page_ids if i in rows],
            status={i: status_by_id[i] for i in page_ids},
            total=len(chosen),
            by_status=[
                {"status": s, "usd": v, "count": sum(1 for c in chosen if status_by_id[c.id] == s)}
                for s, v in sorted(amounts_status.items(), key=lambda e: -e[1])
            ],
            by_country=[
                {"country": k, "usd": v}
                for k, v in sorted(amounts_country.items(), key=lambda e: -e[1])[:15]
            ],
        )

    return cached(session, "commitments", build, country, status, page)


@dataclass(frozen=True, kw_only=True)
class Series:
    key: str
    subject: str
    unit: str
    country: str | None
    points: list[dict[str, Any]]

    @property
    def span(self) -> str:
        dates = [p["date"] for p in self.points]
        return f"{min(dates)} – {max(dates)}" if dates else ""


def _series_key(subject: str, unit: str, country: str | None) -> str:
    return "|".join((fold(subject).strip(), unit, country or ""))


def figure_series(session: Session, *, min_points: int = 2) -> list[Series]:
    """Figures about the same subject, unit and country across documents: time series (a count
    reported in 2021 and again in 2022), longest first."""

    def build() -> list[Series]:
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        meta: dict[str, tuple[str, str, str | None]] = {}
        rows = session.execute(
            select(
                ItemRow.id,
                ItemRow.value,
                ItemRow.unit,
                ItemRow.data,
                ItemRow.start,
                DocumentRow.id,
                DocumentRow.date,
                DocumentRow.publisher,
            )
            .join(DocumentRow, DocumentRow.id == ItemRow.document_id)
            .where(ItemRow.kind == "figure", ItemRow.value.is_not(None))
        )
        for item_id, value, unit, data, start, doc_id, doc_date, publisher in rows:
            subject = str((data or {}).get("subject") or "").strip()
            if not subject:
                continue
            country = (data or {}).get("country")
            date = (data or {}).get("as_of") or (doc_date[:7] if doc_date else None)
            if not date:
                continue
            key = _series_key(subject, unit or "", country)
            meta.setdefault(key, (subject, unit or "", country))
            groups[key].append(
                {
                    "date": date,
                    "value": value,
                    "item_id": item_id,
                    "document_id": doc_id,
                    "start": start,
                    "publisher": publisher or "?",
                }
            )
        out = []
        for key, points in groups.items():
            if len({p["date"] for p in points}) < min_points:
                continue
            points.sort(key=lambda p: (p["date"], p["item_id"]))
            subject, unit, country = meta[key]
            out.append(Series(key=key, subject=subject, unit=unit, country=country, points=points))
        out.sort(key=lambda s: (-len(s.points), s.subject))
        return out

    return cached(session, "figure_series", build, min_points)
