"""Stored items as records in the JSON Lines contract (shared/spec/extraction-output.md)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from veedor.errors import VeedorError
from veedor.store import repository as repo
from veedor.store.models import AskRow

EXPORT_KINDS = ("recommendations", "commitments", "figures", "asks")
_KIND = {"recommendations": "recommendation", "commitments": "commitment", "figures": "figure"}


def export_records(session: Session, what: str) -> list[dict[str, Any]]:
    if what == "asks":
        from veedor.link.summary import summarise  # the link stage builds on the store

        ids = sorted(a for a in session.scalars(select(AskRow.id)))
        return [s.to_record() for s in summarise(session, ids)]
    if what not in _KIND:
        raise VeedorError(f"cannot export {what!r}; choose one of {', '.join(EXPORT_KINDS)}")
    records = []
    for row in repo.all_items(session, _KIND[what]):
        data = dict(row.data)
        block = data.pop("block", None)
        record: dict[str, Any] = {
            "document": row.document.source_name,
            "kind": row.kind,
            "start": row.start,
            "end": row.end,
            "text": row.text,
        }
        record.update(data)
        record.update(
            {
                "document_id": row.document_id,
                "document_title": row.document.title,
                "publisher": row.document.publisher,
                "document_date": row.document.date,
                "block": block,
                "extractor_version": row.extractor_version,
                "item_id": row.id,
            }
        )
        if row.kind == "recommendation":
            record["ask"] = row.ask_id
        records.append(record)
    return records
