"""Exports of the record: items, asks, status history and documents as JSON Lines, CSV, XLSX
and HXL-tagged CSV.

Records keep the shape of the JSON Lines contract (``shared/spec/extraction-output.md``); the
tabular formats flatten them: nested objects become dotted columns (``addressee.name``), lists of
plain values are joined with ``"; "`` and lists of objects are written as JSON. CSV is UTF-8 with
a byte-order mark, so Excel shows accents and ñ correctly and Python's ``csv`` reads it with
``encoding="utf-8-sig"``. HXL (the Humanitarian Exchange Language, https://hxlstandard.org) adds
a second header row of hashtags for humanitarian data tools.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Iterable, Sequence
from typing import Any, BinaryIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from veedor.errors import InvalidInputError
from veedor.store import repository as repo
from veedor.store.models import AskRow, DocumentRow, ItemRow, StatusRecordRow

log = logging.getLogger(__name__)

EXPORT_KINDS = ("recommendations", "commitments", "figures", "asks", "status", "documents")
FORMATS = ("jsonl", "csv", "xlsx", "hxl")
_KIND = {"recommendations": "recommendation", "commitments": "commitment", "figures": "figure"}

Cell = str | int | float | bool | None

# Columns every export of a kind starts with, so an empty export still has a header.
_BASE_COLUMNS: dict[str, tuple[str, ...]] = {
    "recommendations": ("document", "kind", "start", "end", "text"),
    "commitments": ("document", "kind", "start", "end", "text"),
    "figures": ("document", "kind", "start", "end", "text"),
    "asks": ("ask", "label", "status"),
    "status": ("id", "subject_kind", "subject_id", "from", "to", "effective_date"),
    "documents": ("document_id", "document", "title", "publisher", "date", "language"),
}

# HXL hashtags (https://hxlstandard.org/standard/1-1final/dictionary/) per flattened column.
# Columns not listed get ``#meta`` with the column name as an attribute.
HXL_TAGS: dict[str, str] = {
    "document": "#meta+source+file",
    "document_id": "#meta+document+id",
    "document_title": "#meta+document+title",
    "title": "#meta+title",
    "publisher": "#org+publisher",
    "document_date": "#date+published",
    "date": "#date",
    "kind": "#meta+type",
    "text": "#description",
    "label": "#description+ask",
    "addressee": "#org+addressee",
    "addressee.name": "#org+addressee+name",
    "addressee.kinds": "#org+addressee+type",
    "addressee_family": "#org+addressee+family",
    "addressee_kinds": "#org+addressee+type",
    "actor.name": "#org+actor+name",
    "actor.kinds": "#org+actor+type",
    "countries": "#country+code",
    "country": "#country+code",
    "themes": "#sector",
    "amount_usd": "#value+usd",
    "value": "#indicator+num",
    "unit": "#indicator+unit",
    "subject": "#indicator+name",
    "as_of": "#date+reported",
    "item_id": "#meta+id",
    "id": "#meta+id",
    "ask": "#meta+ask+id",
    "status": "#status",
    "from": "#status+from",
    "to": "#status+to",
    "effective_date": "#date+effective",
    "subject_kind": "#meta+subject+type",
    "subject_id": "#meta+subject+id",
    "evidence_url": "#meta+evidence+url",
    "evidence_quote": "#description+evidence",
    "note": "#description+note",
    "created_at": "#date+recorded",
    "ingested_at": "#date+ingested",
    "first": "#date+first",
    "last": "#date+last",
    "publishers": "#org+publishers",
    "publisher_groups": "#org+type",
    "language": "#meta+lang",
    "url": "#meta+url",
    "authors": "#contact+name",
}

_EXCEL_MAX_CELL = 32767
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d[\d,.]*%?$")
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _check_kind(what: str) -> None:
    if what not in EXPORT_KINDS:
        raise InvalidInputError(f"cannot export {what!r}; choose one of {', '.join(EXPORT_KINDS)}")


def export_records(session: Session, what: str) -> list[dict[str, Any]]:
    """Every stored record of one kind (``EXPORT_KINDS``), oldest first."""
    _check_kind(what)
    if what == "asks":
        return _asks(session)
    if what == "status":
        return _status_history(session)
    if what == "documents":
        return _documents(session)
    return _items(session, _KIND[what])


def _items(session: Session, kind: str) -> list[dict[str, Any]]:
    from veedor.track.status import current_many  # tracking builds on the store

    rows = repo.all_items(session, kind)
    statuses = (
        current_many(session, "commitment", [r.id for r in rows]) if kind == "commitment" else {}
    )
    records = []
    for row in rows:
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
        if row.id in statuses:
            record["status"] = statuses[row.id].status
        records.append(record)
    return records


def _asks(session: Session) -> list[dict[str, Any]]:
    from veedor.link.summary import summarise  # the link stage builds on the store
    from veedor.track.status import current_many

    ids = sorted(session.scalars(select(AskRow.id)))
    statuses = current_many(session, "ask", ids)
    records = []
    for summary in summarise(session, ids):
        record = summary.to_record()
        record["status"] = statuses[summary.id].status
        records.append(record)
    return records


def _status_history(session: Session) -> list[dict[str, Any]]:
    return [
        {
            "id": row.id,
            "subject_kind": row.subject_kind,
            "subject_id": row.subject_id,
            "from": row.from_status,
            "to": row.to_status,
            "effective_date": row.effective_date,
            "evidence_document_id": row.evidence_document_id,
            "evidence_start": row.evidence_start,
            "evidence_end": row.evidence_end,
            "evidence_url": row.evidence_url,
            "evidence_quote": row.evidence_quote,
            "note": row.note,
            "user_id": row.user_id,
            "suggestion_id": row.suggestion_id,
            "created_at": row.created_at.isoformat() if row.created_at else None,
        }
        for row in session.scalars(select(StatusRecordRow).order_by(StatusRecordRow.id))
    ]


def _documents(session: Session) -> list[dict[str, Any]]:
    counts: dict[int, dict[str, int]] = {}
    for doc_id, kind, n in session.execute(
        select(ItemRow.document_id, ItemRow.kind, func.count()).group_by(
            ItemRow.document_id, ItemRow.kind
        )
    ):
        counts.setdefault(doc_id, {})[kind] = n
    records = []
    for row in session.scalars(select(DocumentRow).order_by(DocumentRow.id)):
        found = counts.get(row.id, {})
        records.append(
            {
                "document_id": row.id,
                "document": row.source_name,
                "title": row.title,
                "publisher": row.publisher,
                "date": row.date,
                "language": row.language,
                "format": row.format,
                "size_bytes": row.size_bytes,
                "characters": len(row.text),
                "sha256": row.sha256,
                "url": row.url,
                "authors": list(row.authors or []),
                "addressee": row.addressee,
                "extractor_version": row.extractor_version,
                "ingested_at": row.ingested_at.isoformat() if row.ingested_at else None,
                "recommendations": found.get("recommendation", 0),
                "commitments": found.get("commitment", 0),
                "figures": found.get("figure", 0),
            }
        )
    return records


# --- flattening ---------------------------------------------------------------------------


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Cell]:
    """One record as flat cells: dotted columns for objects, joined lists."""
    flat: dict[str, Cell] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            if any(isinstance(v, dict | list) for v in value):
                flat[name] = json.dumps(value, ensure_ascii=False)
            else:
                flat[name] = "; ".join("" if v is None else str(v) for v in value)
        else:
            flat[name] = value
    return flat


def table(records: Iterable[dict[str, Any]], *, kind: str) -> tuple[list[str], list[list[Cell]]]:
    """The header and rows of records flattened into one table."""
    flat = [flatten(r) for r in records]
    columns: dict[str, None] = dict.fromkeys(_BASE_COLUMNS.get(kind, ()))
    for row in flat:
        columns.update(dict.fromkeys(row))
    header = list(columns)
    return header, [[row.get(c) for c in header] for row in flat]


def hxl_tag(column: str) -> str:
    """The HXL hashtag of a flattened column."""
    if column in HXL_TAGS:
        return HXL_TAGS[column]
    attribute = re.sub(r"[^a-z0-9]+", "_", column.lower()).strip("_") or "field"
    if not attribute[0].isalpha():
        attribute = f"f{attribute}"
    return f"#meta+{attribute}"


def _text_cell(value: Cell) -> Cell:
    """A cell safe for spreadsheets: text that would start a formula gets a leading quote
    (documents are untrusted input; see OWASP "CSV injection"); numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


# --- writers ------------------------------------------------------------------------------


def write_export(
    records: Sequence[dict[str, Any]], fmt: str, out: BinaryIO, *, kind: str = "records"
) -> int:
    """Write ``records`` to the binary stream ``out`` in ``fmt`` (``FORMATS``); returns how many
    records were written."""
    if fmt not in FORMATS:
        raise InvalidInputError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt == "jsonl":
        for record in records:
            out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
        return len(records)
    header, rows = table(records, kind=kind)
    if fmt == "xlsx":
        _write_xlsx(header, rows, out, kind=kind)
        return len(rows)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    if fmt == "hxl":
        writer.writerow([hxl_tag(c) for c in header])
    for row in rows:
        writer.writerow(["" if v is None else _text_cell(v) for v in row])
    out.write(buffer.getvalue().encode("utf-8-sig"))
    return len(rows)


def _write_xlsx(header: list[str], rows: list[list[Cell]], out: BinaryIO, *, kind: str) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=kind[:31])
    bold = Font(bold=True)
    heading = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        heading.append(cell)
    sheet.append(heading)
    sheet.freeze_panes = "A2"
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, str):
                text = _ILLEGAL_XML.sub("", value)
                if len(text) > _EXCEL_MAX_CELL:
                    log.warning("a %s cell was cut to Excel's %d characters", kind, _EXCEL_MAX_CELL)
                    text = text[:_EXCEL_MAX_CELL]
                cell = WriteOnlyCell(sheet, value=text)
                cell.data_type = "s"  # never a formula, whatever the text starts with
                cells.append(cell)
            else:
                cells.append(WriteOnlyCell(sheet, value=value))
        sheet.append(cells)
    workbook.save(out)
