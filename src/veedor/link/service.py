"""Linking stored recommendations into asks, and editors' decisions about them.

Every function works inside a session the caller opened (one transaction). Automatic linking
(:func:`link_pending` for new documents, :func:`relink_all` for everything) never moves a
recommendation an editor placed (``ask_locked``), and a full re-link keeps ask ids stable: a
re-formed ask takes the id of the old ask most of its members came from.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from veedor.errors import NotFoundError, VeedorError
from veedor.link.action import addressee_family
from veedor.link.cluster import DEFAULT_THRESHOLD, AskCentroids, Vectors
from veedor.link.embed import Embedder, get_embedder
from veedor.link.vectors import (
    LinkInput,
    ask_centroids,
    embed_actions,
    link_dim,
    link_vectors,
)
from veedor.store.models import (
    AskRow,
    DocumentRow,
    ItemCountry,
    ItemRow,
    ItemTheme,
    ItemVector,
    LinkEventRow,
)

log = logging.getLogger(__name__)

_EMBED_BATCH = 256


@dataclass(frozen=True, kw_only=True)
class LinkOptions:
    embedder: str = "use"
    threshold: float = DEFAULT_THRESHOLD


@dataclass
class LinkReport:
    linked: int = 0  # recommendations given an ask
    joined: int = 0  # of which joined an ask that existed before
    created: int = 0  # asks created
    removed: int = 0  # asks left empty and deleted
    asks: set[int] = field(default_factory=set)  # asks touched


@dataclass(frozen=True, slots=True)
class _Rec:
    id: int
    ask_id: int | None
    locked: bool
    family: str
    language: str | None
    text: str
    themes: tuple[str, ...]
    countries: tuple[str, ...]

    def link_input(self) -> LinkInput:
        return LinkInput(self.text, self.language, (), self.themes, self.countries)


def _load_recs(session: Session, where: object | None = None) -> list[_Rec]:
    """Recommendations with what linking needs, oldest document first."""
    query = (
        select(
            ItemRow.id,
            ItemRow.ask_id,
            ItemRow.ask_locked,
            ItemRow.data,
            ItemRow.text,
            DocumentRow.language,
        )
        .join(DocumentRow, DocumentRow.id == ItemRow.document_id)
        .where(ItemRow.kind == "recommendation")
        .order_by(DocumentRow.date.is_(None), DocumentRow.date, ItemRow.document_id, ItemRow.start)
    )
    if where is not None:
        query = query.where(where)  # type: ignore[arg-type]
    rows = session.execute(query).all()
    ids = [r.id for r in rows]
    themes: dict[int, list[str]] = defaultdict(list)
    countries: dict[int, list[str]] = defaultdict(list)
    for chunk in _chunks(ids, 5000):
        for item_id, theme in session.execute(
            select(ItemTheme.item_id, ItemTheme.theme).where(ItemTheme.item_id.in_(chunk))
        ):
            themes[item_id].append(theme)
        for item_id, iso3 in session.execute(
            select(ItemCountry.item_id, ItemCountry.iso3).where(ItemCountry.item_id.in_(chunk))
        ):
            countries[item_id].append(iso3)
    out = []
    for r in rows:
        addressee = (r.data or {}).get("addressee") or {}
        out.append(
            _Rec(
                id=r.id,
                ask_id=r.ask_id,
                locked=bool(r.ask_locked),
                family=addressee_family(addressee.get("kinds", [])),
                language=r.language,
                text=r.text,
                themes=tuple(sorted(themes[r.id])),
                countries=tuple(sorted(countries[r.id])),
            )
        )
    return out


def _chunks(values: Sequence[int], size: int) -> list[Sequence[int]]:
    return [values[i : i + size] for i in range(0, len(values), size)]


def _embeddings(session: Session, recs: Sequence[_Rec], embedder: Embedder) -> Vectors:
    """Stored action embeddings, computing and storing the missing ones."""
    out = np.zeros((len(recs), embedder.dim), dtype=np.float32)
    index = {r.id: i for i, r in enumerate(recs)}
    for chunk in _chunks([r.id for r in recs], 5000):
        for item_id, vector in session.execute(
            select(ItemVector.item_id, ItemVector.vector).where(
                ItemVector.item_id.in_(chunk), ItemVector.model == embedder.name
            )
        ):
            out[index[item_id]] = np.frombuffer(vector, dtype=np.float32)
    missing = [r for r in recs if not out[index[r.id]].any()]
    for begin in range(0, len(missing), _EMBED_BATCH):
        batch = missing[begin : begin + _EMBED_BATCH]
        vectors = embed_actions([r.link_input() for r in batch], embedder)
        session.execute(delete(ItemVector).where(ItemVector.item_id.in_([r.id for r in batch])))
        session.add_all(
            ItemVector(item_id=r.id, model=embedder.name, vector=v.tobytes())
            for r, v in zip(batch, vectors, strict=True)
        )
        for r, v in zip(batch, vectors, strict=True):
            out[index[r.id]] = v
    if missing:
        session.flush()
    return out


def _vectors(session: Session, recs: Sequence[_Rec], embedder: Embedder) -> Vectors:
    return link_vectors(
        _embeddings(session, recs, embedder),
        [r.themes for r in recs],
        [r.countries for r in recs],
    )


def _known_asks(session: Session, embedder: Embedder) -> AskCentroids:
    centroids = ask_centroids(link_dim(embedder))
    for ask_id, family, blob, size in session.execute(
        select(AskRow.id, AskRow.family, AskRow.centroid, AskRow.size)
        .where(AskRow.vector_model == embedder.name, AskRow.size > 0)
        .order_by(AskRow.id)
    ):
        if blob:
            centroids.add_sum(ask_id, family, np.frombuffer(blob, dtype=np.float32), size)
    return centroids


def _next_ask_id(session: Session) -> int:
    return int(session.scalar(select(func.max(AskRow.id))) or 0) + 1


def link_pending(session: Session, options: LinkOptions | None = None) -> LinkReport:
    """Give every recommendation without an ask one: join the closest existing ask or start a
    new one. Nothing already linked moves."""
    opts = options or LinkOptions()
    embedder = get_embedder(opts.embedder)
    recs = _load_recs(session, ItemRow.ask_id.is_(None))
    report = LinkReport()
    if not recs:
        return report
    vectors = _vectors(session, recs, embedder)
    centroids = _known_asks(session, embedder)
    existing = set(centroids.ids)
    first_new = _next_ask_id(session)
    labels = centroids.assign(
        vectors, [r.family for r in recs], threshold=opts.threshold, next_id=first_new
    )
    new = sorted({a for a in labels if a not in existing})
    families = {a: r.family for r, a in zip(recs, labels, strict=True)}
    for ask_id in new:
        session.add(
            AskRow(
                id=ask_id, family=families[ask_id], labels={}, size=0, vector_model=embedder.name
            )
        )
    session.flush()
    _write_assignments(session, recs, labels)
    report.linked = len(recs)
    report.joined = sum(1 for a in labels if a in existing)
    report.created = len(new)
    report.asks = set(labels)
    refresh_asks(session, set(new), embedder=embedder)
    # Asks that existed only grow: add the newcomers to their sums without re-reading members.
    grown = sorted(set(labels) & existing)
    newcomers: dict[int, list[_Rec]] = defaultdict(list)
    for r, a in zip(recs, labels, strict=True):
        newcomers[a].append(r)
    for ask in session.scalars(select(AskRow).where(AskRow.id.in_(grown))):
        ask.centroid = centroids.total(ask.id).astype(np.float32).tobytes()
        ask.size = centroids.count(ask.id)
        labels_by_language = dict(ask.labels or {})
        for r in newcomers[ask.id]:
            labels_by_language.setdefault(r.language or "und", r.id)
        ask.labels = labels_by_language
    session.flush()
    return report


def relink_all(session: Session, options: LinkOptions | None = None) -> LinkReport:
    """Re-link every recommendation an editor has not placed, from scratch, oldest first."""
    opts = options or LinkOptions()
    embedder = get_embedder(opts.embedder)
    recs = _load_recs(session)
    report = LinkReport()
    if not recs:
        return report
    vectors = _vectors(session, recs, embedder)
    centroids = ask_centroids(vectors.shape[1])
    locked = [i for i, r in enumerate(recs) if r.locked and r.ask_id is not None]
    for i in locked:
        centroids.add(recs[i].ask_id, recs[i].family, vectors[i : i + 1])  # type: ignore[arg-type]
    free = [i for i, r in enumerate(recs) if not (r.locked and r.ask_id is not None)]
    temp_base = 1 << 40  # temporary ids for asks formed now, renamed below
    labels = centroids.assign(
        vectors[free], [recs[i].family for i in free], threshold=opts.threshold, next_id=temp_base
    )
    # Stable ids: a newly formed ask takes the old id most of its members had.
    taken = {recs[i].ask_id for i in locked}
    overlap: Counter[tuple[int, int]] = Counter()
    for i, label in zip(free, labels, strict=True):
        old = recs[i].ask_id
        if label >= temp_base and old is not None and old not in taken:
            overlap[(label, old)] += 1
    rename: dict[int, int] = {}
    for (label, old), _ in overlap.most_common():
        if label not in rename and old not in taken:
            rename[label] = old
            taken.add(old)
    next_id = _next_ask_id(session)
    final: list[int] = []
    for label in labels:
        if label >= temp_base and label not in rename:
            rename[label] = next_id
            next_id += 1
        final.append(rename.get(label, label))
    before = set(session.scalars(select(AskRow.id)))
    families = {a: recs[i].family for i, a in zip(free, final, strict=True)}
    for ask_id in sorted(set(final) - before):
        session.add(
            AskRow(
                id=ask_id, family=families[ask_id], labels={}, size=0, vector_model=embedder.name
            )
        )
    session.flush()
    _write_assignments(session, [recs[i] for i in free], final)
    after = set(final) | {r.ask_id for r in recs if r.locked and r.ask_id is not None}
    gone = before - after
    report.linked = len(free)
    report.created = len(set(final) - before)
    report.removed = len(gone)
    report.asks = after
    refresh_asks(session, after | gone, embedder=embedder)
    session.add(LinkEventRow(action="relink", detail={"asks": len(after), "removed": len(gone)}))
    return report


def _write_assignments(session: Session, recs: Sequence[_Rec], labels: Sequence[int]) -> None:
    if recs:
        session.execute(
            update(ItemRow),
            [{"id": r.id, "ask_id": a} for r, a in zip(recs, labels, strict=True)],
        )


def refresh_asks(session: Session, ask_ids: set[int], *, embedder: Embedder | None = None) -> None:
    """Recompute the centroid, size and labels of ``ask_ids``; delete those left empty."""
    model = embedder or get_embedder()
    for chunk in _chunks(sorted(ask_ids), 2000):
        recs = _load_recs(session, ItemRow.ask_id.in_(chunk))
        by_ask: dict[int, list[int]] = defaultdict(list)
        for i, r in enumerate(recs):
            by_ask[r.ask_id].append(i)  # type: ignore[index]
        vectors = _vectors(session, recs, model) if recs else np.zeros((0, 1), np.float32)
        empty = [a for a in chunk if a not in by_ask]
        if empty:
            session.execute(delete(AskRow).where(AskRow.id.in_(empty)))
        for ask in session.scalars(select(AskRow).where(AskRow.id.in_(list(by_ask)))):
            members = by_ask[ask.id]
            total = vectors[members].sum(axis=0)
            centre = total / (float(np.linalg.norm(total)) or 1.0)
            sims = vectors[members] @ centre
            best_of: dict[str, tuple[float, int]] = {}
            for i, s in zip(members, sims, strict=True):
                lang = recs[i].language or "und"
                if lang not in best_of or s > best_of[lang][0]:
                    best_of[lang] = (float(s), recs[i].id)
            ask.size = len(members)
            ask.centroid = total.astype(np.float32).tobytes()
            ask.vector_model = model.name
            ask.label_item_id = recs[members[int(np.argmax(sims))]].id
            ask.labels = {lang: item for lang, (_, item) in sorted(best_of.items())}
            families = Counter(recs[i].family for i in members)
            ask.family = families.most_common(1)[0][0]
    session.flush()


# ---------------------------------------------------------------------------------------------
# Editors' decisions. Each locks the recommendations it places and is logged.


def _ask(session: Session, ask_id: int) -> AskRow:
    ask = session.get(AskRow, ask_id)
    if ask is None:
        raise NotFoundError(f"no ask {ask_id}")
    return ask


def _recommendation(session: Session, item_id: int) -> ItemRow:
    item = session.get(ItemRow, item_id)
    if item is None or item.kind != "recommendation":
        raise NotFoundError(f"no recommendation with item id {item_id}")
    return item


def merge_asks(session: Session, target: int, source: int, *, actor: str | None = None) -> int:
    """Move every recommendation of ask ``source`` into ask ``target``; ``source`` goes away."""
    if target == source:
        raise VeedorError("cannot merge an ask with itself")
    _ask(session, target)
    _ask(session, source)
    moved = session.execute(
        update(ItemRow)
        .where(ItemRow.ask_id.in_([source, target]))
        .values(ask_id=target, ask_locked=True)
    )
    session.add(
        LinkEventRow(
            action="merge",
            actor=actor,
            detail={"into": target, "from": source, "items": moved.rowcount},  # type: ignore[attr-defined]
        )
    )
    session.flush()
    refresh_asks(session, {target, source})
    return target


def move_item(
    session: Session, item_id: int, ask_id: int | None, *, actor: str | None = None
) -> int:
    """Place a recommendation in ask ``ask_id``, or in a new ask of its own when None."""
    item = _recommendation(session, item_id)
    before = item.ask_id
    if ask_id is None:
        ask_id = _new_ask(session, item)
    else:
        _ask(session, ask_id)
    item.ask_id = ask_id
    item.ask_locked = True
    session.add(
        LinkEventRow(
            action="move", actor=actor, detail={"item": item_id, "from": before, "to": ask_id}
        )
    )
    session.flush()
    refresh_asks(session, {ask_id} | ({before} if before is not None else set()))
    return ask_id


def split_ask(
    session: Session, ask_id: int, item_ids: Sequence[int], *, actor: str | None = None
) -> int:
    """Take ``item_ids`` out of ask ``ask_id`` into a new ask; both keep their members locked."""
    _ask(session, ask_id)
    items = [_recommendation(session, i) for i in item_ids]
    if not items:
        raise VeedorError("name at least one recommendation to split off")
    strangers = [i.id for i in items if i.ask_id != ask_id]
    if strangers:
        raise VeedorError(f"items {strangers} are not in ask {ask_id}")
    new_id = _new_ask(session, items[0])
    session.execute(update(ItemRow).where(ItemRow.ask_id == ask_id).values(ask_locked=True))
    for item in items:
        item.ask_id = new_id
        item.ask_locked = True
    session.add(
        LinkEventRow(
            action="split",
            actor=actor,
            detail={"from": ask_id, "to": new_id, "items": list(item_ids)},
        )
    )
    session.flush()
    refresh_asks(session, {ask_id, new_id})
    return new_id


def _new_ask(session: Session, item: ItemRow) -> int:
    addressee = (item.data or {}).get("addressee") or {}
    ask = AskRow(
        id=_next_ask_id(session),
        family=addressee_family(addressee.get("kinds", [])),
        labels={},
        size=0,
        vector_model=get_embedder().name,
    )
    session.add(ask)
    session.flush()
    return ask.id


def delete_asks_of_items(session: Session, item_ids: Sequence[int]) -> set[int]:
    """The asks that ``item_ids`` belong to (call before deleting those items, then refresh)."""
    if not item_ids:
        return set()
    return {
        a
        for a in session.scalars(
            select(ItemRow.ask_id).where(
                ItemRow.id.in_(list(item_ids)), ItemRow.ask_id.is_not(None)
            )
        )
        if a is not None
    }
