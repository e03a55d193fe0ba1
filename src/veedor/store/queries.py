"""Filtered, paginated reads of items for the API and the web pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session, selectinload

from veedor.store.models import DocumentRow, ItemCountry, ItemRow, ItemTheme, TrackedRow

_FAMILY_KINDS = {
    "us-executive": "us-executive",
    "us-congress": "us-congress",
    "foreign-government": "foreign-government",
    "multilateral": "multilateral",
    "other": "other",
}


@dataclass(frozen=True, kw_only=True)
class ItemQuery:
    kind: str
    country: str | None = None
    theme: str | None = None
    publisher: str | None = None
    addressee_kind: str | None = None
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    document_id: int | None = None
    ask_id: int | None = None
    limit: int = 50
    offset: int = 0


def _filtered(q: ItemQuery) -> Select[Any]:
    query = (
        select(ItemRow)
        .join(DocumentRow, DocumentRow.id == ItemRow.document_id)
        .where(ItemRow.kind == q.kind)
    )
    if q.country:
        query = query.where(
            ItemRow.id.in_(select(ItemCountry.item_id).where(ItemCountry.iso3 == q.country.upper()))
        )
    if q.theme:
        query = query.where(
            ItemRow.id.in_(select(ItemTheme.item_id).where(ItemTheme.theme == q.theme))
        )
    if q.publisher:
        query = query.where(func.lower(DocumentRow.publisher).contains(q.publisher.lower()))
    if q.addressee_kind and q.addressee_kind in _FAMILY_KINDS:
        # The kinds are inside the JSON record; match them as text, portable across databases.
        kind = _FAMILY_KINDS[q.addressee_kind]
        query = query.where(func.cast(ItemRow.data, _text()).contains(f'"{kind}"'))
    if q.date_from:
        query = query.where(DocumentRow.date >= q.date_from)
    if q.date_to:
        query = query.where(DocumentRow.date <= q.date_to + "\uffff")
    if q.document_id is not None:
        query = query.where(ItemRow.document_id == q.document_id)
    if q.ask_id is not None:
        query = query.where(ItemRow.ask_id == q.ask_id)
    if q.status:
        subject = "commitment" if q.kind == "commitment" else "ask"
        key = ItemRow.id if q.kind == "commitment" else ItemRow.ask_id
        tracked = and_(TrackedRow.subject_kind == subject, TrackedRow.subject_id == key)
        initial = "announced" if q.kind == "commitment" else "open"
        query = query.outerjoin(TrackedRow, tracked).where(
            func.coalesce(TrackedRow.status, initial) == q.status
        )
    return query


def _text() -> Any:
    from sqlalchemy import Text

    return Text()


def query_items(session: Session, q: ItemQuery) -> tuple[list[ItemRow], int]:
    """One page of items matching ``q`` (oldest document first) and the total count."""
    base = _filtered(q)
    total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
    rows = session.scalars(
        base.options(selectinload(ItemRow.document))
        .order_by(DocumentRow.date, ItemRow.document_id, ItemRow.start)
        .limit(q.limit)
        .offset(q.offset)
    )
    return list(rows), int(total)
