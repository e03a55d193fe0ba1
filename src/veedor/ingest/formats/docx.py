"""Word documents: paragraphs with their styles (headings, list paragraphs), tables where they
stand in the text, and the footnotes and endnotes Word keeps in parts of their own."""

from __future__ import annotations

import io
import re
import zipfile

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from veedor.document import BlockKind, Metadata, RawDocument
from veedor.errors import CorruptFileError, EmptyDocumentError
from veedor.ingest.blocks import assemble

Part = tuple[BlockKind, str, int]
# A note typed into the text ("[3] U.S. Department of State, …"), and a heading over notes.
_TYPED_NOTE = re.compile(r"^\s*\[\d{1,3}\]\s")
_NOTES_HEADING = re.compile(
    r"^\s*(?:(?:end|foot)?notes?|notas(?: al pie| finales)?|references|referencias|sources|"
    r"fuentes)\s*:?\s*$",
    re.I,
)


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


def _paragraph(para: Paragraph) -> Part:
    ppr = para._p.pPr
    numbered = ppr is not None and ppr.numPr is not None
    style = para.style.name if para.style is not None and para.style.name else ""
    kind, level = _kind(style, numbered)
    return kind, para.text, level


def _body(document: docx.document.Document) -> list[Part]:
    """Paragraphs and table rows in the order they stand in the document."""
    parts: list[Part] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            parts.append(_paragraph(Paragraph(child, document)))
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:
                cells = [" ".join(c.text.split()) for c in row.cells]
                parts.append(("paragraph", " | ".join(dict.fromkeys(c for c in cells if c)), 0))
    return parts


def _notes(document: docx.document.Document) -> list[Part]:
    """The footnotes and endnotes, numbered in order, without Word's separator notes."""
    parts: list[Part] = []
    for reltype, tag in (
        (RELATIONSHIP_TYPE.FOOTNOTES, "w:footnote"),
        (RELATIONSHIP_TYPE.ENDNOTES, "w:endnote"),
    ):
        rel = next((r for r in document.part.rels.values() if r.reltype == reltype), None)
        if rel is None or rel.is_external:
            continue
        try:
            root = etree.fromstring(rel.target_part.blob)
        except etree.XMLSyntaxError:
            continue
        number = 0
        for note in root.iter(qn(tag)):
            if note.get(qn("w:type")) in (
                "separator",
                "continuationSeparator",
                "continuationNotice",
            ):
                continue
            text = " ".join("".join(t.text or "" for t in note.iter(qn("w:t"))).split())
            if text:
                number += 1
                parts.append(("footnote", f"{number} {text}", 0))
    return parts


def _typed_notes(parts: list[Part]) -> list[Part]:
    """Notes typed as paragraphs: "[3] …", or paragraphs and list items under a Notes heading."""
    out: list[Part] = []
    under = False
    for kind, text, level in parts:
        if kind == "heading":
            under = bool(_NOTES_HEADING.match(text))
        elif kind in ("paragraph", "list_item") and (under or _TYPED_NOTE.match(text)):
            kind = "footnote"
        out.append((kind, text, level))
    return out


def read_docx(data: bytes) -> RawDocument:
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CorruptFileError(f"not a readable .docx file: {exc}") from exc
    text, blocks = assemble(_typed_notes(_body(document)) + _notes(document))
    if not text:
        raise EmptyDocumentError("the .docx file holds no text")
    props = document.core_properties
    hints = Metadata(
        title=props.title or None,
        authors=[props.author] if props.author else [],
        date=props.created.date().isoformat() if props.created else None,
    )
    return RawDocument(text=text, blocks=blocks, format="docx", hints=hints)
