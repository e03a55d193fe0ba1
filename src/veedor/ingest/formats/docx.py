"""Word documents: paragraphs with their styles (headings, list paragraphs) and tables."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError

from veedor.document import BlockKind, Metadata, RawDocument
from veedor.errors import CorruptFileError, EmptyDocumentError
from veedor.ingest.blocks import assemble


def _kind(style_name: str, has_numbering: bool) -> tuple[BlockKind, int]:
    name = style_name.lower()
    if name == "title":
        return "heading", 1
    if name.startswith("heading"):
        digits = "".join(ch for ch in name if ch.isdigit())
        return "heading", int(digits) if digits else 2
    if "list" in name or has_numbering:
        return "list_item", 0
    if "footnote" in name or "endnote" in name:
        return "footnote", 0
    return "paragraph", 0


def read_docx(data: bytes) -> RawDocument:
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CorruptFileError(f"not a readable .docx file: {exc}") from exc
    parts: list[tuple[BlockKind, str, int]] = []
    for para in document.paragraphs:
        ppr = para._p.pPr
        numbered = ppr is not None and ppr.numPr is not None
        style = para.style.name if para.style is not None and para.style.name else ""
        kind, level = _kind(style, numbered)
        parts.append((kind, para.text, level))
    for table in document.tables:
        for row in table.rows:
            cells = [" ".join(c.text.split()) for c in row.cells]
            parts.append(("paragraph", " | ".join(dict.fromkeys(c for c in cells if c)), 0))
    text, blocks = assemble(parts)
    if not text:
        raise EmptyDocumentError("the .docx file holds no text")
    props = document.core_properties
    hints = Metadata(
        title=props.title or None,
        authors=[props.author] if props.author else [],
        date=props.created.date().isoformat() if props.created else None,
    )
    return RawDocument(text=text, blocks=blocks, format="docx", hints=hints)
