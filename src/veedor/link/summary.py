"""What an ask looks like to a reader: its label, who asked and since when, where they agree.

Publisher groups ("advocacy", "think tank", "government"…) come from the ``group`` of each
organisation in ``data/organisations.json`` (extend or override it with
``VEEDOR_ORGANISATIONS_FILE``), so the consensus view holds no judgement of ours in code.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session, defer

from veedor.errors import NotFoundError
from veedor.link.action import addressee_family
from veedor.link.embed import get_embedder
from veedor.link.vectors import LinkInput
from veedor.nlp.text import fold
from veedor.store.models import AskRow, DocumentRow, ItemCountry, ItemRow, ItemTheme, ItemVector
from veedor.vocab import organisations

UNGROUPED = "unassigned"


_GROUPS_CACHE: list[tuple[list[dict[str, Any]], dict[str, str]]] = []


def publisher_group(publisher: str | None) -> str:
    """The group of a publisher per the organisations list, or ``unassigned``."""
    if not publisher:
        return UNGROUPED
    return _groups().get(fold(publisher), UNGROUPED)


def _groups() -> dict[str, str]:
    # Built once per organisations list (itself loaded once): a summary asks it per publisher.
    orgs = organisations()
    if _GROUPS_CACHE and _GROUPS_CACHE[0][0] is orgs:
        return _GROUPS_CACHE[0][1]
    table: dict[str, str] = {}
    for org in orgs:
        group = org.get("group")
        if group:
            for name in (org["name"], *org.get("aliases", [])):
                table.setdefault(fold(name), group)
    _GROUPS_CACHE[:] = [(orgs, table)]
    return table


@dataclass(frozen=True, slots=True)
class Asker:
    publisher: str
    group: str
    first: str | None
    last: str | None
    recommendations: int


@dataclass(kw_only=True)
class AskSummary:
    id: int
    label: str
    label_item_id: int | None
    family: str
    recommendations: int
    documents: int
    themes: list[str]
    countries: list[str]
    addressee_kinds: list[str]
    askers: list[Asker] = field(default_factory=list)
    first: str | None = None
    last: str | None = None

    @property
    def publishers(self) -> int:
        return len(self.askers)

    @property
    def groups(self) -> list[str]:
        return sorted({a.group for a in self.askers})

    def to_record(self) -> dict[str, Any]:
        return {
            "ask": self.id,
            "label": self.label,
            "label_item_id": self.label_item_id,
            "addressee_family": self.family,
            "addressee_kinds": self.addressee_kinds,
            "themes": self.themes,
            "countries": self.countries,
            "recommendations": self.recommendations,
            "documents": self.documents,
            "publishers": [
                {
                    "name": a.publisher,
                    "group": a.group,
                    "first": a.first,
                    "last": a.last,
                    "recommendations": a.recommendations,
                }
                for a in self.askers
            ],
            "publisher_groups": self.groups,
            "first": self.first,
            "last": self.last,
        }


@dataclass(frozen=True, kw_only=True)
class AskFilter:
    country: str | None = None
    theme: str | None = None
    publisher: str | None = None
    addressee_kind: str | None = None
    min_publishers: int = 1
    limit: int = 50


def summarise(
    session: Session, ask_ids: list[int], *, language: str | None = None
) -> list[AskSummary]:
    """Summaries of ``ask_ids`` (in that order); the label in ``language`` when one exists."""
    if not ask_ids:
        return []
    asks = {a.id: a for a in session.scalars(select(AskRow).where(AskRow.id.in_(ask_ids)))}
    rows = session.execute(
        select(
            ItemRow.id,
            ItemRow.ask_id,
            ItemRow.document_id,
            ItemRow.text,
            ItemRow.data,
            DocumentRow.publisher,
            DocumentRow.date,
        )
        .join(DocumentRow, DocumentRow.id == ItemRow.document_id)
        .where(ItemRow.ask_id.in_(ask_ids))
    ).all()
    item_ids = [r.id for r in rows]
    themes: dict[int, Counter[str]] = defaultdict(Counter)
    countries: dict[int, Counter[str]] = defaultdict(Counter)
    ask_of = {r.id: r.ask_id for r in rows}
    for item_id, theme in session.execute(
        select(ItemTheme.item_id, ItemTheme.theme).where(ItemTheme.item_id.in_(item_ids))
    ):
        themes[ask_of[item_id]][theme] += 1
    for item_id, iso3 in session.execute(
        select(ItemCountry.item_id, ItemCountry.iso3).where(ItemCountry.item_id.in_(item_ids))
    ):
        countries[ask_of[item_id]][iso3] += 1
    by_ask: dict[int, list[Any]] = defaultdict(list)
    for r in rows:
        by_ask[r.ask_id].append(r)
    texts = {r.id: r.text for r in rows}
    out = []
    for ask_id in ask_ids:
        ask = asks.get(ask_id)
        members = by_ask.get(ask_id, [])
        if ask is None or not members:
            continue
        label_id = (ask.labels or {}).get(language or "", ask.label_item_id)
        kinds: Counter[str] = Counter()
        per_publisher: dict[str, list[Any]] = defaultdict(list)
        for r in members:
            kinds.update(((r.data or {}).get("addressee") or {}).get("kinds", []))
            per_publisher[r.publisher or "(unknown publisher)"].append(r)
        askers = []
        for publisher, recs in per_publisher.items():
            dates = sorted(d for d in (r.date for r in recs) if d)
            askers.append(
                Asker(
                    publisher=publisher,
                    group=publisher_group(publisher if recs[0].publisher else None),
                    first=dates[0] if dates else None,
                    last=dates[-1] if dates else None,
                    recommendations=len(recs),
                )
            )
        askers.sort(key=lambda a: (a.first or "9999", a.publisher))
        dates = sorted(d for d in (r.date for r in members) if d)
        n = len(members)
        out.append(
            AskSummary(
                id=ask_id,
                label=texts.get(label_id or -1) or members[0].text,
                label_item_id=label_id,
                family=ask.family,
                recommendations=n,
                documents=len({r.document_id for r in members}),
                # A theme or country the ask is about: carried by a fair share of its members.
                themes=[t for t, c in themes[ask_id].most_common() if c * 3 >= n][:4],
                countries=[c for c, k in countries[ask_id].most_common() if k * 3 >= n],
                addressee_kinds=[k for k, _ in kinds.most_common()],
                askers=askers,
                first=dates[0] if dates else None,
                last=dates[-1] if dates else None,
            )
        )
    return out


def list_asks(session: Session, flt: AskFilter, *, language: str | None = None) -> list[AskSummary]:
    """Asks matching ``flt``, those made by the most publishers first."""
    publishers = func.count(func.distinct(func.coalesce(DocumentRow.publisher, "")))
    query = (
        select(ItemRow.ask_id, publishers.label("publishers"), func.count().label("n"))
        .join(DocumentRow, DocumentRow.id == ItemRow.document_id)
        .where(ItemRow.ask_id.is_not(None))
        .group_by(ItemRow.ask_id)
        .having(publishers >= flt.min_publishers)
        .order_by(publishers.desc(), func.count().desc(), ItemRow.ask_id)
    )
    if flt.country:
        query = query.where(
            ItemRow.id.in_(
                select(ItemCountry.item_id).where(ItemCountry.iso3 == flt.country.upper())
            )
        )
    if flt.theme:
        query = query.where(
            ItemRow.id.in_(select(ItemTheme.item_id).where(ItemTheme.theme == flt.theme))
        )
    if flt.publisher:
        query = query.where(func.lower(DocumentRow.publisher).contains(flt.publisher.lower()))
    if flt.addressee_kind:
        family = addressee_family([flt.addressee_kind])
        query = query.where(ItemRow.ask_id.in_(select(AskRow.id).where(AskRow.family == family)))
    ids = [r.ask_id for r in session.execute(query.limit(flt.limit))]
    return summarise(session, ids, language=language)


def get_ask(session: Session, ask_id: int, *, language: str | None = None) -> AskSummary:
    found = summarise(session, [ask_id], language=language)
    if not found:
        raise NotFoundError(f"no ask {ask_id}")
    return found[0]


def ask_members(
    session: Session, ask_id: int, *, newest_first: bool = False, limit: int | None = None
) -> list[tuple[ItemRow, DocumentRow]]:
    """The recommendations of an ask with their documents, oldest first (or newest first,
    at most ``limit``). The documents' full texts are not loaded."""
    order = (DocumentRow.date, ItemRow.document_id, ItemRow.start)
    query = (
        select(ItemRow, DocumentRow)
        .join(DocumentRow, DocumentRow.id == ItemRow.document_id)
        .where(ItemRow.ask_id == ask_id)
        .options(defer(DocumentRow.text))
        .order_by(*(c.desc() for c in order) if newest_first else order)
    )
    if limit is not None:
        query = query.limit(limit)
    return [(item, doc) for item, doc in session.execute(query).all()]


def ask_timeline(session: Session, ask_id: int) -> list[tuple[str, str, int]]:
    """(year, publisher, recommendations) of an ask, for its timeline."""
    year = func.substr(DocumentRow.date, 1, 4).label("year")
    # Grouped by the labels: PostgreSQL cannot tell two bound copies of an expression are equal.
    rows = session.execute(
        select(year, DocumentRow.publisher.label("publisher"), func.count())
        .join(ItemRow, ItemRow.document_id == DocumentRow.id)
        .where(ItemRow.ask_id == ask_id, DocumentRow.date.is_not(None))
        .group_by("year", "publisher")
        .order_by("year")
    ).all()
    return [(str(y), p or "?", int(n)) for y, p, n in rows]


@dataclass(frozen=True, slots=True)
class Consensus:
    groups: list[str]
    rows: list[tuple[AskSummary, dict[str, int]]]  # ask, group -> publishers in it


def consensus(session: Session, flt: AskFilter) -> Consensus:
    """Asks × publisher groups: how many publishers of each group made each ask."""
    asks = list_asks(session, flt)
    groups = sorted({a.group for s in asks for a in s.askers})
    rows = []
    for s in sorted(asks, key=lambda s: (-len(s.groups), -s.publishers, s.id)):
        counts: dict[str, int] = Counter(a.group for a in s.askers)
        rows.append((s, counts))
    return Consensus(groups=groups, rows=rows)


_MATRICES: dict[tuple[str, str], tuple[tuple[int, int], np.ndarray, np.ndarray]] = {}
_MATRICES_LOCK = threading.Lock()


def _vector_matrix(session: Session, model: str) -> tuple[np.ndarray, np.ndarray]:
    """Every stored vector of ``model`` as (item ids, matrix), kept in memory between calls
    until a vector is added or removed ("more like this" must not re-read them all)."""
    count, top = session.execute(
        select(func.count(), func.max(ItemVector.item_id)).where(ItemVector.model == model)
    ).one()
    version = (int(count or 0), int(top or 0))
    key = (str(session.get_bind().engine.url), model)
    with _MATRICES_LOCK:
        found = _MATRICES.get(key)
    if found is not None and found[0] == version:
        return found[1], found[2]
    ids: list[int] = []
    blocks: list[np.ndarray] = []
    for vid, vector in session.execute(
        select(ItemVector.item_id, ItemVector.vector).where(ItemVector.model == model)
    ):
        ids.append(vid)
        blocks.append(np.frombuffer(vector, dtype=np.float32))
    id_array = np.asarray(ids, dtype=np.int64)
    matrix = np.vstack(blocks) if blocks else np.zeros((0, 1), dtype=np.float32)
    with _MATRICES_LOCK:
        _MATRICES[key] = (version, id_array, matrix)
    return id_array, matrix


@dataclass(frozen=True, slots=True)
class SimilarItem:
    item_id: int
    ask_id: int | None
    score: float
    text: str
    publisher: str | None
    date: str | None


def similar(
    session: Session,
    *,
    item_id: int | None = None,
    text: str | None = None,
    limit: int = 10,
    embedder_name: str = "use",
) -> list[SimilarItem]:
    """Recommendations most like a stored one (by item id) or like free text ("more like
    this"), by the stored action embeddings."""
    embedder = get_embedder(embedder_name)
    if item_id is not None:
        blob = session.scalar(
            select(ItemVector.vector).where(
                ItemVector.item_id == item_id, ItemVector.model == embedder.name
            )
        )
        if blob is None:
            raise NotFoundError(
                f"recommendation {item_id} has no vector yet; run `veedor asks link`"
            )
        query_vector = np.frombuffer(blob, dtype=np.float32)
    elif text:
        query_vector = embedder.embed([LinkInput(text, None, (), (), ()).action])[0]
    else:
        raise NotFoundError("give an item id or a text to compare with")
    ids, matrix = _vector_matrix(session, embedder.name)
    if item_id is not None:
        keep = ids != item_id
        ids, matrix = ids[keep], matrix[keep]
    if not len(ids):
        return []
    scores = matrix @ query_vector
    order = np.argsort(-scores)[:limit]
    top = [int(ids[i]) for i in order]
    rows = {
        r.id: r
        for r in session.execute(
            select(
                ItemRow.id, ItemRow.ask_id, ItemRow.text, DocumentRow.publisher, DocumentRow.date
            )
            .join(DocumentRow, DocumentRow.id == ItemRow.document_id)
            .where(ItemRow.id.in_(top))
        )
    }
    return [
        SimilarItem(
            i, rows[i].ask_id, float(scores[k]), rows[i].text, rows[i].publisher, rows[i].date
        )
        for k, i in zip(order, top, strict=True)
        if i in rows
    ]


__all__ = [
    "AskFilter",
    "AskSummary",
    "Consensus",
    "SimilarItem",
    "ask_members",
    "consensus",
    "get_ask",
    "list_asks",
    "publisher_group",
    "similar",
    "summarise",
]
