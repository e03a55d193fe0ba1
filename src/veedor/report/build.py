"""Gathering a scorecard report: every query a report needs, into a typed model.

``build_report`` reads the documents, items and status records in a :class:`ReportScope` and
returns a :class:`Report` that the renderers turn into HTML, PDF or Markdown without touching the
database. Citations are numbered here, in the order a reader meets them (section by section, then
the key figures), so every format numbers them the same way.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from veedor.link.action import addressee_family
from veedor.link.summary import publisher_group, summarise
from veedor.nlp.text import fold
from veedor.report.model import (
    AskEntry,
    AskerLine,
    Citation,
    CommitmentEntry,
    FigurePoint,
    FigureSeries,
    Report,
    Section,
    StatusEvent,
)
from veedor.report.scope import ReportScope, report_strings
from veedor.store.models import (
    AskRow,
    DocumentRow,
    ItemCountry,
    ItemRow,
    ItemTheme,
    StatusRecordRow,
    TrackedRow,
)
from veedor.track.vocabulary import ASK_STATUSES, COMMITMENT_STATUSES

log = logging.getLogger(__name__)

INITIAL_ASK = ASK_STATUSES[0]
INITIAL_COMMITMENT = COMMITMENT_STATUSES[0]
# The key-figures table stays readable in print; the rest are counted, not listed.
MAX_KEY_FIGURES = 30
# A theme or country an ask or figure is "about": carried by a fair share of its members, the
# rule of veedor.link.summary.
_FAIR_SHARE = 3


@dataclass
class _Citations:
    """Numbers passages in the order they are cited; the same passage keeps its number."""

    items: list[Citation] = field(default_factory=list)
    _seen: dict[tuple[Any, ...], int] = field(default_factory=dict)

    def span(self, doc: DocumentRow, start: int, end: int) -> int:
        key = ("span", doc.id, start, end)
        if key not in self._seen:
            self._add(
                key,
                quote=doc.text[start:end],
                document_id=doc.id,
                start=start,
                end=end,
                publisher=doc.publisher,
                title=doc.title,
                date=doc.date,
                url=doc.url,
            )
        return self._seen[key]

    def external(self, url: str, quote: str, date: str | None) -> int:
        key = ("url", url, quote)
        if key not in self._seen:
            self._add(key, quote=quote, url=url, publisher=urlparse(url).hostname, date=date)
        return self._seen[key]

    def _add(self, key: tuple[Any, ...], **fields: Any) -> None:
        number = len(self.items) + 1
        self.items.append(Citation(number=number, **fields))
        self._seen[key] = number


# ---------------------------------------------------------------------------------- queries


def _in_scope(session: Session, scope: ReportScope, kind: str) -> list[tuple[ItemRow, DocumentRow]]:
    """Items of ``kind`` from documents in the period and of the publishers, naming one of the
    countries and themes when the scope has them; oldest document first."""
    query: Select[ItemRow, DocumentRow] = (
        select(ItemRow, DocumentRow)
        .join(DocumentRow, DocumentRow.id == ItemRow.document_id)
        .where(ItemRow.kind == kind)
    )
    # A coarse cut in SQL; ReportScope.in_period settles partial dates exactly below.
    if scope.date_from:
        query = query.where(DocumentRow.date >= scope.date_from[:4])
    if scope.date_to:
        query = query.where(DocumentRow.date <= scope.date_to + "\uffff")
    if scope.publishers:
        query = query.where(
            or_(
                *(
                    DocumentRow.publisher.ilike(f"%{_like(p)}%", escape="\\")
                    for p in scope.publishers
                )
            )
        )
    if scope.countries:
        named = select(ItemCountry.item_id).where(ItemCountry.iso3.in_(scope.countries))
        query = query.where(ItemRow.id.in_(named))
    if scope.themes:
        tagged = select(ItemTheme.item_id).where(ItemTheme.theme.in_(scope.themes))
        if kind == "figure":
            # Figures carry no themes; they belong to a theme through their document's items.
            docs = select(ItemRow.document_id).where(ItemRow.id.in_(tagged))
            query = query.where(ItemRow.document_id.in_(docs))
        else:
            query = query.where(ItemRow.id.in_(tagged))
    query = query.order_by(DocumentRow.date, ItemRow.document_id, ItemRow.start)
    return [(item, doc) for item, doc in session.execute(query) if scope.in_period(doc.date)]


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _labels(
    session: Session, item_ids: Iterable[int], table: Any, column: str
) -> dict[int, list[str]]:
    ids = list(item_ids)
    out: dict[int, list[str]] = defaultdict(list)
    if not ids:
        return out
    col = getattr(table, column)
    for item_id, value in session.execute(
        select(table.item_id, col).where(table.item_id.in_(ids)).order_by(table.item_id, col)
    ):
        out[item_id].append(value)
    return out


def _kinds(item: ItemRow, key: str) -> list[str]:
    value = (item.data or {}).get(key) or {}
    kinds = value.get("kinds", []) if isinstance(value, dict) else []
    return [k for k in kinds if isinstance(k, str)]


def _addressed(scope: ReportScope, kinds: list[str]) -> bool:
    if scope.addressee is None:
        return True
    if scope.addressee in kinds:
        return True
    return addressee_family(kinds) == scope.addressee


def _records(session: Session, kind: str, ids: list[int]) -> dict[int, list[StatusRecordRow]]:
    out: dict[int, list[StatusRecordRow]] = defaultdict(list)
    if not ids:
        return out
    for row in session.scalars(
        select(StatusRecordRow)
        .where(StatusRecordRow.subject_kind == kind, StatusRecordRow.subject_id.in_(ids))
        .order_by(StatusRecordRow.effective_date, StatusRecordRow.id)
    ):
        out[row.subject_id].append(row)
    return out


def _tracked(session: Session, kind: str, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {
        r.subject_id: r.status
        for r in session.scalars(
            select(TrackedRow).where(
                TrackedRow.subject_kind == kind, TrackedRow.subject_id.in_(ids)
            )
        )
    }


# ---------------------------------------------------------------------------------- status


@dataclass(frozen=True, slots=True)
class _Status:
    status: str
    changed: bool
    shown: list[tuple[StatusRecordRow, bool]]  # record, in period


def _status(
    scope: ReportScope, records: list[StatusRecordRow], initial: str, tracked: str | None
) -> _Status:
    """The status at the end of the period and the records to show as its evidence: those
    dated in the period, and the earlier one that set the status the period started with."""
    if scope.date_to is None:
        # No end: the current status, exactly as the rest of Veedor shows it.
        status = tracked or initial
        upto = records
    else:
        upto = [r for r in records if r.effective_date <= scope.date_to]
        status = upto[-1].to_status if upto else initial
    during = [r for r in upto if scope.in_period(r.effective_date)]
    before = [r for r in upto if r not in during]
    shown = [(r, True) for r in during]
    if before:
        shown.insert(0, (before[-1], False))
    return _Status(status=status, changed=bool(during), shown=shown)


def _events(
    session: Session, shown: list[tuple[StatusRecordRow, bool]], cites: _Citations
) -> tuple[StatusEvent, ...]:
    out = []
    for record, in_period in shown:
        number = _evidence_citation(session, record, cites)
        if number is None:
            continue
        out.append(
            StatusEvent(
                date=record.effective_date,
                from_status=record.from_status,
                to_status=record.to_status,
                note=record.note,
                citation=number,
                in_period=in_period,
            )
        )
    return tuple(out)


def _evidence_citation(session: Session, record: StatusRecordRow, cites: _Citations) -> int | None:
    if record.evidence_document_id is not None:
        doc = session.get(DocumentRow, record.evidence_document_id)
        if (
            doc is not None
            and record.evidence_start is not None
            and record.evidence_end is not None
        ):
            return cites.span(doc, record.evidence_start, record.evidence_end)
    if record.evidence_url:
        return cites.external(
            record.evidence_url, record.evidence_quote or "", record.effective_date
        )
    if record.evidence_quote:
        log.warning(
            "status record %s cites a document that is gone; quoting it as stored", record.id
        )
        return cites.external("", record.evidence_quote, record.effective_date)
    return None


# ---------------------------------------------------------------------------------- grouping


def _about(values: list[list[str]], scoped: tuple[str, ...]) -> tuple[str, ...]:
    """The keys a group of items is about (a fair share of them name it), restricted to the
    scope's keys; when the fair share misses every scoped key, the scoped keys they name."""
    counts: Counter[str] = Counter(v for vs in values for v in set(vs))
    n = len(values)
    fair = [k for k, c in counts.most_common() if c * _FAIR_SHARE >= n]
    if not scoped:
        return tuple(sorted(fair))
    kept = [k for k in fair if k in scoped] or [k for k in counts if k in scoped]
    return tuple(k for k in scoped if k in kept)


def _section_order(keys: Counter[str | None], scoped: tuple[str, ...]) -> list[str | None]:
    if scoped:
        order: list[str | None] = list(scoped)
    else:
        order = sorted((k for k in keys if k is not None), key=lambda k: (-keys[k], k))
    if None in keys:
        order.append(None)
    return order


# ---------------------------------------------------------------------------------- figures


@cache
def _noise() -> frozenset[str]:
    """Quantifiers and function words that say nothing of what a figure counts, per language
    (``subject_noise`` in the report's strings file)."""
    words = report_strings()["subject_noise"]
    return frozenset(w for lang_words in words.values() for w in lang_words)


_WORD = re.compile(r"[a-z]{3,}")


def _subject_key(subject: str, unit: str) -> str:
    """The content words of a figure's subject, less its unit and quantifiers: two figures with
    the same key, unit and country measure the same thing."""
    unit_words = set(_WORD.findall(fold(unit)))
    words = [w for w in _WORD.findall(fold(subject)) if w not in _noise() and w not in unit_words]
    return " ".join(words)


def _figure_point(item: ItemRow, doc: DocumentRow) -> FigurePoint | None:
    """A figure as a point; its citation is numbered once the reading order is known."""
    data = item.data or {}
    value = item.value if item.value is not None else data.get("value")
    if not isinstance(value, int | float):
        return None
    country = data.get("country")
    return FigurePoint(
        id=item.id,
        value=float(value),
        unit=str(item.unit or data.get("unit") or ""),
        subject=str(data.get("subject") or item.text),
        country=country if isinstance(country, str) else None,
        date=item.date or data.get("as_of") or (doc.date[:7] if doc.date else None),
        publisher=doc.publisher,
        citation=0,
    )


def _series(points: list[FigurePoint]) -> list[FigureSeries]:
    groups: dict[tuple[str | None, str, str], list[FigurePoint]] = defaultdict(list)
    for p in points:
        key = _subject_key(p.subject, p.unit)
        if key and p.date:
            groups[(p.country, p.unit, key)].append(p)
    out = []
    for (country, unit, _key), members in groups.items():
        if len({p.date for p in members}) < 2:
            continue
        ordered = tuple(sorted(members, key=lambda p: (p.date or "", p.id)))
        out.append(
            FigureSeries(subject=ordered[-1].subject, unit=unit, country=country, points=ordered)
        )
    out.sort(key=lambda s: (s.country or "~", s.unit, s.subject))
    return out


# ---------------------------------------------------------------------------------- report


def build_report(session: Session, scope: ReportScope) -> Report:
    """Everything a scorecard for ``scope`` shows, with numbered citations."""
    cites = _Citations()
    group_countries = scope.group_by == "country"
    scoped = scope.countries if group_countries else scope.themes

    recs = [
        (i, d)
        for i, d in _in_scope(session, scope, "recommendation")
        if _addressed(scope, _kinds(i, "addressee"))
    ]
    commits = [
        (i, d)
        for i, d in _in_scope(session, scope, "commitment")
        if _addressed(scope, _kinds(i, "actor"))
    ]
    figures = _in_scope(session, scope, "figure")
    item_ids = [i.id for i, _ in recs + commits]
    countries = _labels(session, item_ids, ItemCountry, "iso3")
    themes = _labels(session, item_ids, ItemTheme, "theme")
    keys_of = countries if group_countries else themes

    by_ask: dict[int, list[tuple[ItemRow, DocumentRow]]] = defaultdict(list)
    unlinked = 0
    for item, doc in recs:
        if item.ask_id is None:
            unlinked += 1
        else:
            by_ask[item.ask_id].append((item, doc))
    ask_ids = list(by_ask)
    summaries = {s.id: s for s in summarise(session, ask_ids)}
    ask_records = _records(session, "ask", ask_ids)
    ask_tracked = _tracked(session, "ask", ask_ids)
    commit_ids = [i.id for i, _ in commits]
    commit_records = _records(session, "commitment", commit_ids)
    commit_tracked = _tracked(session, "commitment", commit_ids)
    labels = _ask_labels(session, list(summaries))

    # Which sections each ask and commitment falls in, before numbering any citation.
    ask_keys: dict[int, tuple[str, ...]] = {
        ask_id: _about([keys_of.get(i.id, []) for i, _ in members], scoped)
        for ask_id, members in by_ask.items()
    }
    commit_keys: dict[int, tuple[str, ...]] = {
        i.id: _about([keys_of.get(i.id, [])], scoped) for i, _ in commits
    }
    weight: Counter[str | None] = Counter()
    for keys in (*ask_keys.values(), *commit_keys.values()):
        weight.update(keys or (None,))

    ask_entries: dict[int, AskEntry] = {}
    commit_entries: dict[int, CommitmentEntry] = {}
    commit_rows = {i.id: (i, d) for i, d in commits}
    sections = []
    for key in _section_order(weight, scoped):
        in_section = [a for a in ask_ids if key in ask_keys[a] or (key is None and not ask_keys[a])]
        in_section.sort(
            key=lambda a: (-len({d.publisher for _, d in by_ask[a]}), -len(by_ask[a]), a)
        )
        entries = []
        for ask_id in in_section:
            if ask_id not in ask_entries:
                if ask_id not in summaries:
                    continue
                ask_entries[ask_id] = _ask_entry(
                    session,
                    scope,
                    ask_id,
                    by_ask[ask_id],
                    summary_first=summaries[ask_id].first,
                    label=summaries[ask_id].label,
                    labels=labels.get(ask_id, {}),
                    family=summaries[ask_id].family,
                    status=_status(
                        scope, ask_records[ask_id], INITIAL_ASK, ask_tracked.get(ask_id)
                    ),
                    countries=_about([countries.get(i.id, []) for i, _ in by_ask[ask_id]], ()),
                    themes=_about([themes.get(i.id, []) for i, _ in by_ask[ask_id]], ()),
                    cites=cites,
                )
            entries.append(ask_entries[ask_id])
        in_commits = [
            c for c in commit_ids if key in commit_keys[c] or (key is None and not commit_keys[c])
        ]
        centries = []
        for cid in in_commits:
            if cid not in commit_entries:
                item, doc = commit_rows[cid]
                commit_entries[cid] = _commitment_entry(
                    session,
                    item,
                    doc,
                    status=_status(
                        scope, commit_records[cid], INITIAL_COMMITMENT, commit_tracked.get(cid)
                    ),
                    countries=tuple(countries.get(cid, [])),
                    themes=tuple(themes.get(cid, [])),
                    cites=cites,
                )
            centries.append(commit_entries[cid])
        sections.append(Section(key=key, asks=tuple(entries), commitments=tuple(centries)))

    points = [p for p in (_figure_point(i, d) for i, d in figures) if p is not None]
    series = _series(points)
    in_series = {p.id for s in series for p in s.points}
    # Renumber figure citations in reading order: series first, then the key-figures table.
    rows = {i.id: (i, d) for i, d in figures}
    series = [
        replace(s, points=tuple(_renumbered(p, rows, cites) for p in s.points)) for s in series
    ]
    others = [p for p in points if p.id not in in_series and p.country]
    # By country, the most recent first.
    others.sort(key=lambda p: (p.country or "", _negated(p.date), p.id))
    key_figures = [_renumbered(p, rows, cites) for p in others[:MAX_KEY_FIGURES]]

    ask_status = Counter(e.status for e in ask_entries.values())
    commitment_status = Counter(e.status for e in commit_entries.values())
    docs = {d.id: d for _, d in recs + commits + figures}
    dates = sorted(d.date for d in docs.values() if d.date)
    report = Report(
        scope=scope,
        generated=dt.date.today().isoformat(),
        documents=len(docs),
        publishers=tuple(sorted({d.publisher for d in docs.values() if d.publisher})),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        ask_status={s: ask_status.get(s, 0) for s in ASK_STATUSES},
        commitment_status={s: commitment_status.get(s, 0) for s in COMMITMENT_STATUSES},
        asks_changed=sum(e.changed_in_period for e in ask_entries.values()),
        commitments_changed=sum(e.changed_in_period for e in commit_entries.values()),
        unlinked_recommendations=unlinked,
        committed_usd=sum(e.amount_usd or 0.0 for e in commit_entries.values()),
        sections=tuple(sections),
        series=tuple(series),
        key_figures=tuple(key_figures),
        figures_total=len(points),
        citations=tuple(cites.items),
    )
    log.info(
        "report: %d documents, %d asks, %d commitments, %d figures, %d citations",
        report.documents,
        report.asks_total,
        report.commitments_total,
        report.figures_total,
        len(report.citations),
    )
    return report


def _negated(date: str | None) -> int:
    return -int((date or "0").replace("-", "")[:8] or 0)


def _renumbered(
    point: FigurePoint, rows: dict[int, tuple[ItemRow, DocumentRow]], cites: _Citations
) -> FigurePoint:
    item, doc = rows[point.id]
    return replace(point, citation=cites.span(doc, item.start, item.end))


def _ask_labels(session: Session, ask_ids: list[int]) -> dict[int, dict[str, str]]:
    """Each ask's label per language (from ``AskRow.labels``), read in two queries."""
    if not ask_ids:
        return {}
    wanted = {
        a.id: dict(a.labels or {})
        for a in session.scalars(select(AskRow).where(AskRow.id.in_(ask_ids)))
    }
    item_ids = {i for langs in wanted.values() for i in langs.values()}
    texts: dict[int, str] = {}
    if item_ids:
        query = select(ItemRow.id, ItemRow.text).where(ItemRow.id.in_(item_ids))
        texts = {item_id: text for item_id, text in session.execute(query)}
    return {
        ask_id: {lang: texts[i] for lang, i in langs.items() if i in texts}
        for ask_id, langs in wanted.items()
    }


def _ask_entry(
    session: Session,
    scope: ReportScope,
    ask_id: int,
    members: list[tuple[ItemRow, DocumentRow]],
    *,
    summary_first: str | None,
    label: str,
    labels: dict[str, str],
    family: str,
    status: _Status,
    countries: tuple[str, ...],
    themes: tuple[str, ...],
    cites: _Citations,
) -> AskEntry:
    per_publisher: dict[str, list[tuple[ItemRow, DocumentRow]]] = defaultdict(list)
    for item, doc in members:  # oldest first
        per_publisher[doc.publisher or ""].append((item, doc))
    askers = []
    for publisher, recs in per_publisher.items():
        item, doc = recs[0]
        askers.append(
            AskerLine(
                publisher=publisher,
                group=publisher_group(publisher or None),
                first=doc.date,
                recommendations=len(recs),
                citation=cites.span(doc, item.start, item.end),
            )
        )
    return AskEntry(
        id=ask_id,
        label=label,
        labels=labels,
        family=family,
        status=status.status,
        changed_in_period=status.changed,
        first_asked=summary_first,
        recommendations=len(members),
        askers=tuple(askers),
        events=_events(session, status.shown, cites),
        countries=countries,
        themes=themes,
    )


def _commitment_entry(
    session: Session,
    item: ItemRow,
    doc: DocumentRow,
    *,
    status: _Status,
    countries: tuple[str, ...],
    themes: tuple[str, ...],
    cites: _Citations,
) -> CommitmentEntry:
    data = item.data or {}
    actor = data.get("actor") or {}
    citation = cites.span(doc, item.start, item.end)
    return CommitmentEntry(
        id=item.id,
        text=item.text,
        actor=actor.get("name") if isinstance(actor, dict) else None,
        amount_usd=item.amount_usd,
        date=item.date or doc.date,
        publisher=doc.publisher,
        status=status.status,
        changed_in_period=status.changed,
        citation=citation,
        events=_events(session, status.shown, cites),
        countries=countries,
        themes=themes,
    )


__all__ = ["build_report"]
