"""Filtered, paginated reads of items: one set of filters for the API's item lists and the web
app's search page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, Text, and_, false, func, select, text
from sqlalchemy.orm import Session, selectinload

from veedor.store.models import DocumentRow, ItemCountry, ItemRow, ItemTheme, TrackedRow
from veedor.track.vocabulary import ASK_STATUSES, COMMITMENT_STATUSES
from veedor.vocab import ADDRESSEE_KINDS


@dataclass(frozen=True, kw_only=True)
class ItemFilter:
    """Which items: of a kind, containing every word (or a word's start), about a country or a
    theme, from a publisher (a part of its name, or exactly it with ``publisher_exact``),
    addressed to a kind of actor, with a status (its ask's, for a recommendation), from
    documents dated within a range, of one document or one ask."""

    kind: str | None = None
    words: tuple[str, ...] = ()
    country: str | None = None
    theme: str | None = None
    publisher: str | None = None
    publisher_exact: bool = False
    addressee_kind: str | None = None
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    document_id: int | None = None
    ask_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class ItemQuery(ItemFilter):
    """A page of an item list."""

    limit: int = 50
    offset: int = 0


def filter_items(query: Select[Any], f: ItemFilter, dialect: str) -> Select[Any]:
    """``query``, which selects from items joined to their documents, narrowed by ``f``."""
    if f.words:
        query = query.where(words_match(f.words, dialect))
    if f.kind:
        query = query.where(ItemRow.kind == f.kind)
    if f.country:
        query = query.where(
            ItemRow.id.in_(select(ItemCountry.item_id).where(ItemCountry.iso3 == f.country.upper()))
        )
    if f.theme:
        query = query.where(
            ItemRow.id.in_(select(ItemTheme.item_id).where(ItemTheme.theme == f.theme))
        )
    if f.publisher and f.publisher_exact:
        query = query.where(DocumentRow.publisher == f.publisher)
    elif f.publisher:
        query = query.where(func.lower(DocumentRow.publisher).contains(f.publisher.lower()))
    if f.addressee_kind:
        # The kinds live in the JSON record; match them as text, portable across databases.
        # An unknown kind matches nothing.
        known = f.addressee_kind in ADDRESSEE_KINDS
        query = query.where(
            ItemRow.kind == "recommendation",
            func.cast(ItemRow.data, Text()).contains(f'"{f.addressee_kind}"') if known else false(),
        )
    if f.date_from:
        query = query.where(DocumentRow.date >= f.date_from)
    if f.date_to:
        query = query.where(DocumentRow.date <= f.date_to + "\uffff")
    if f.document_id is not None:
        query = query.where(ItemRow.document_id == f.document_id)
    if f.ask_id is not None:
        query = query.where(ItemRow.ask_id == f.ask_id)
    if f.status:
        query = query.where(ItemRow.id.in_(_with_status(f.status, f.kind)))
    return query


# Per kind of item: whose status it has, through which column, and the status of an untracked
# subject (an ask is open, a commitment announced until someone records otherwise).
_TRACKING = (
    ("recommendation", "ask", ItemRow.ask_id, "open", ASK_STATUSES),
    ("commitment", "commitment", ItemRow.id, "announced", COMMITMENT_STATUSES),
)


def _with_status(status: str, kind: str | None) -> Select[Any]:
    """Ids of recommendations whose ask has ``status`` and of commitments that have it (only
    those of ``kind`` when it is given)."""
    out: Select[Any] | None = None
    for item_kind, subject, key, initial, vocabulary in _TRACKING:
        if kind not in (None, item_kind) or status not in vocabulary:
            continue
        tracked = and_(TrackedRow.subject_kind == subject, TrackedRow.subject_id == key)
        part = (
            select(ItemRow.id)
            .outerjoin(TrackedRow, tracked)
            .where(
                ItemRow.kind == item_kind,
                key.is_not(None),
                func.coalesce(TrackedRow.status, initial) == status,
            )
        )
        out = part if out is None else out.union(part)  # type: ignore[assignment]
    return out if out is not None else select(ItemRow.id).where(false())


def words_match(words: tuple[str, ...] | list[str], dialect: str) -> Any:
    """Items containing every word as a word or a word's start ("deport" finds "deportation"),
    through the full-text index (FTS5 on SQLite, a tsvector GIN index on PostgreSQL). Words must
    be runs of word characters, so user input never reaches the query syntax."""
    if dialect == "sqlite":
        match = " ".join(f'"{w}"*' for w in words)
        return ItemRow.id.in_(
            text("SELECT rowid FROM items_fts WHERE items_fts MATCH :match").bindparams(match=match)
        )
    query = " & ".join(f"{w.lower()}:*" for w in words)
    return func.to_tsvector("simple", ItemRow.text).op("@@")(func.to_tsquery("simple", query))


def query_items(session: Session, q: ItemQuery) -> tuple[list[ItemRow], int]:
    """One page of items matching ``q`` (oldest document first) and the total count."""
    dialect = session.get_bind().dialect.name
    base = filter_items(
        select(ItemRow).join(DocumentRow, DocumentRow.id == ItemRow.document_id), q, dialect
    )
    total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
    rows = session.scalars(
        base.options(selectinload(ItemRow.document))
        .order_by(DocumentRow.date, ItemRow.document_id, ItemRow.start)
        .limit(q.limit)
        .offset(q.offset)
    )
    return list(rows), int(total)
