"""Reading and writing documents and their items. Every function works inside a session the
caller opened with :meth:`veedor.store.Store.session`, so one document is one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session, selectinload

from veedor.document import Block, Document, Metadata
from veedor.errors import NotFoundError
from veedor.extract.items import Item
from veedor.store.models import BlockRow, DocumentRow, ItemCountry, ItemRow, ItemTheme


def find_by_sha(session: Session, sha256: str) -> DocumentRow | None:
    return session.scalars(select(DocumentRow).where(DocumentRow.sha256 == sha256)).first()


def _item_row(item: Item, version: str) -> ItemRow:
    f = item.fields
    addressee = f.get("addressee") or f.get("actor")
    return ItemRow(
        kind=item.kind,
        start=item.start,
        end=item.end,
        text=item.text,
        extractor_version=version,
        strength=f.get("strength"),
        addressee=addressee["name"] if isinstance(addressee, dict) else None,
        confidence=f.get("confidence"),
        amount_usd=f.get("amount_usd"),
        value=f.get("value"),
        unit=f.get("unit"),
        date=f.get("date") or f.get("as_of"),
        data={**f, "block": item.block},
        countries=[ItemCountry(iso3=c) for c in dict.fromkeys(item.countries)],
        themes=[ItemTheme(theme=t) for t in dict.fromkeys(item.themes)],
    )


def add_document(
    session: Session, doc: Document, items: Sequence[Item], *, extractor_version: str
) -> DocumentRow:
    """Store a document with its blocks and items (flushed, not committed)."""
    row = DocumentRow(
        sha256=doc.sha256,
        source_name=doc.source.rsplit("/", 1)[-1],
        source_path=doc.source,
        format=doc.format,
        size_bytes=doc.size_bytes,
        title=doc.meta.title,
        publisher=doc.meta.publisher,
        date=doc.meta.date,
        authors=doc.meta.authors,
        addressee=doc.meta.addressee,
        language=doc.meta.language,
        url=doc.meta.url,
        text=doc.text,
        extractor_version=extractor_version,
        blocks=[
            BlockRow(seq=i, kind=b.kind, start=b.start, end=b.end, level=b.level)
            for i, b in enumerate(doc.blocks)
        ],
        items=[_item_row(item, extractor_version) for item in items],
    )
    session.add(row)
    session.flush()
    return row


def replace_items(
    session: Session, row: DocumentRow, items: Sequence[Item], *, extractor_version: str
) -> set[int]:
    """Swap a document's items for a new extraction's, in the caller's transaction.

    A new recommendation with the same span as an old one keeps its ask (and an editor's lock).
    Returns the ids of the asks that had members here, whose summaries are now stale."""
    previous = {
        (start, end): (ask_id, locked)
        for start, end, ask_id, locked in session.execute(
            select(ItemRow.start, ItemRow.end, ItemRow.ask_id, ItemRow.ask_locked).where(
                ItemRow.document_id == row.id, ItemRow.ask_id.is_not(None)
            )
        )
    }
    session.execute(delete(ItemRow).where(ItemRow.document_id == row.id))
    session.expire(row, ["items"])
    for item in items:
        new = _item_row(item, extractor_version)
        new.document_id = row.id
        if item.kind == "recommendation" and (item.start, item.end) in previous:
            new.ask_id, new.ask_locked = previous[(item.start, item.end)]
        session.add(new)
    row.extractor_version = extractor_version
    session.flush()
    return {ask_id for ask_id, _ in previous.values() if ask_id is not None}


@dataclass(frozen=True, kw_only=True)
class DocumentFilter:
    publisher: str | None = None
    language: str | None = None
    format: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int = 100
    offset: int = 0


def _document_filters(query: Select[Any], flt: DocumentFilter) -> Select[Any]:
    if flt.publisher:
        query = query.where(func.lower(DocumentRow.publisher).contains(flt.publisher.lower()))
    if flt.language:
        query = query.where(DocumentRow.language == flt.language)
    if flt.format:
        query = query.where(DocumentRow.format == flt.format)
    if flt.since:
        query = query.where(DocumentRow.date >= flt.since)
    if flt.until:
        query = query.where(DocumentRow.date <= flt.until + "\uffff")
    return query


def list_documents(session: Session, flt: DocumentFilter) -> list[DocumentRow]:
    query = select(DocumentRow).order_by(DocumentRow.date.desc(), DocumentRow.id)
    query = _document_filters(query, flt)
    return list(session.scalars(query.limit(flt.limit).offset(flt.offset)))


def count_items(session: Session, document_id: int) -> dict[str, int]:
    rows = session.execute(
        select(ItemRow.kind, func.count())
        .where(ItemRow.document_id == document_id)
        .group_by(ItemRow.kind)
    )
    return {kind: n for kind, n in rows}


def get_document(session: Session, ref: str) -> DocumentRow:
    """A document by id, by sha256 prefix (at least 6 characters) or by source file name."""
    query = select(DocumentRow).options(selectinload(DocumentRow.blocks))
    row: DocumentRow | None = None
    if ref.isdigit():
        row = session.scalars(query.where(DocumentRow.id == int(ref))).first()
    if row is None and len(ref) >= 6:
        matches = list(session.scalars(query.where(DocumentRow.sha256.startswith(ref.lower()))))
        row = matches[0] if len(matches) == 1 else None
    if row is None:
        matches = list(session.scalars(query.where(DocumentRow.source_name == ref)))
        row = matches[0] if len(matches) == 1 else None
    if row is None:
        raise NotFoundError(f"no document {ref!r}: give its id, a sha256 prefix or its file name")
    return row


def all_items(session: Session, kind: str) -> list[ItemRow]:
    query = (
        select(ItemRow)
        .where(ItemRow.kind == kind)
        .options(selectinload(ItemRow.document))
        .order_by(ItemRow.document_id, ItemRow.start)
    )
    return list(session.scalars(query))


def document_from_row(row: DocumentRow) -> Document:
    """The pipeline's document rebuilt from what is stored (for re-extraction)."""
    return Document(
        source=row.source_path,
        sha256=row.sha256,
        size_bytes=row.size_bytes,
        text=row.text,
        blocks=[Block(b.kind, b.start, b.end, b.level) for b in row.blocks],  # type: ignore[arg-type]
        format=row.format,  # type: ignore[arg-type]
        meta=Metadata(
            title=row.title,
            publisher=row.publisher,
            date=row.date,
            authors=list(row.authors or []),
            addressee=row.addressee,
            language=row.language,
            url=row.url,
        ),
    )


def stale_documents(session: Session, version: str) -> list[DocumentRow]:
    query = select(DocumentRow).where(
        (DocumentRow.extractor_version != version) | (DocumentRow.extractor_version.is_(None))
    )
    return list(session.scalars(query.options(selectinload(DocumentRow.blocks))))


def count_documents(session: Session, flt: DocumentFilter) -> int:
    """How many documents match ``flt`` (ignoring its limit and offset)."""
    query = _document_filters(select(func.count()).select_from(DocumentRow), flt)
    return int(session.scalar(query) or 0)
