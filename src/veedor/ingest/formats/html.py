"""HTML: the main text via trafilatura (boilerplate removed), with its structure and metadata."""

from __future__ import annotations

import logging
import re

import trafilatura
from lxml import etree, html

from veedor.document import BlockKind, Metadata, RawDocument
from veedor.errors import CorruptFileError, EmptyDocumentError
from veedor.ingest.blocks import assemble
from veedor.ingest.formats.text import decode

log = logging.getLogger(__name__)

# A footnote reference ("…in 2020.<sup><a href="#fn2">2</a></sup>") glued to the text reads as a
# number ("2020.2"); a back-link ("↩") is no text either.
_MARKER = re.compile(r"^\s*[\[(]?\d{1,3}[\])]?\s*$")
_BACK_LINK = re.compile(r"^\s*(?:[↩↑^⤴]\ufe0e?|back|volver)\s*$", re.I)
_NOTE_HREF = re.compile(r"^#(?:_?ftn|fn|note|nota|endnote|footnote)", re.I)
_NOTES_CONTAINER = re.compile(r"foot-?notes?|end-?notes?|doc-endnotes|notas", re.I)
# A heading over a page's notes: what follows it up to the next heading is footnotes.
_NOTES_HEADING = re.compile(
    r"^\s*(?:(?:end|foot)?notes?|notas(?: al pie| finales)?|references|referencias|sources|"
    r"fuentes)\s*:?\s*$",
    re.I,
)


def _drop(el: html.HtmlElement) -> None:
    """Remove an element, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _prepare(markup: str) -> tuple[html.HtmlElement | str, set[str]]:
    """The page without footnote markers and back-links, and the texts of its notes."""
    try:
        tree = html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return markup, set()
    for el in list(tree.iter("sup", "a")):
        text = el.text_content()
        href = el.get("href", "") if el.tag == "a" else ""
        if (el.tag == "sup" and _MARKER.match(text)) or (
            el.tag == "a"
            and (_BACK_LINK.match(text) or (_NOTE_HREF.match(href) and _MARKER.match(text)))
        ):
            _drop(el)
    notes: set[str] = set()
    for el in tree.iter("ol", "ul", "section", "div", "aside"):
        label = f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}"
        if _NOTES_CONTAINER.search(label):
            for item in el.iter("li", "p"):
                notes.add(" ".join(item.text_content().split()))
    return tree, {n for n in notes if n}


def _parts(root: etree._Element, notes: set[str]) -> list[tuple[BlockKind, str, int]]:
    parts: list[tuple[BlockKind, str, int]] = []
    main = root.find("main")
    for el in main.iter() if main is not None else ():
        tag = el.tag
        if tag == "head":
            rend = el.get("rend", "h2")
            level = int(rend[1]) if len(rend) == 2 and rend[1].isdigit() else 2
            parts.append(("heading", "".join(el.itertext()), level))
        elif tag == "p" and el.getparent() is not None and el.getparent().tag != "item":
            parts.append(("paragraph", "".join(el.itertext()), 0))
        elif tag == "item":
            depth = sum(1 for a in el.iterancestors() if a.tag == "list") - 1
            parts.append(("list_item", "".join(el.itertext()), depth))
        elif tag == "row":
            cells = [" ".join("".join(c.itertext()).split()) for c in el.findall("cell")]
            parts.append(("paragraph", " | ".join(c for c in cells if c), 0))
        elif tag == "quote" and len(el) == 0:
            parts.append(("paragraph", "".join(el.itertext()), 0))
    return [
        ("footnote", text, 0)
        if kind in ("paragraph", "list_item") and (in_note or " ".join(text.split()) in notes)
        else (kind, text, level)
        for (kind, text, level), in_note in zip(parts, _note_flags(parts), strict=True)
    ]


def _note_flags(parts: list[tuple[BlockKind, str, int]]) -> list[bool]:
    """Whether each part comes under a notes heading ("Notes", "Notas", "References")."""
    flags: list[bool] = []
    under = False
    for kind, text, _ in parts:
        if kind == "heading":
            under = bool(_NOTES_HEADING.match(text))
        flags.append(under and kind != "heading")
    return flags


def read_html(data: bytes) -> RawDocument:
    markup = decode(data)
    page, notes = _prepare(markup)
    try:
        xml = trafilatura.extract(
            page,
            output_format="xml",
            with_metadata=True,
            include_tables=True,
            include_comments=False,
            favor_recall=True,
        )
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken markup
        raise CorruptFileError(f"the HTML could not be parsed: {exc}") from exc
    if not xml:
        raise EmptyDocumentError("no main text was found in the HTML page")
    root = etree.fromstring(xml.encode("utf-8"))
    text, blocks = assemble(_parts(root, notes))
    if not text:
        raise EmptyDocumentError("no main text was found in the HTML page")
    author = root.get("author")
    hints = Metadata(
        title=root.get("title") or None,
        publisher=root.get("sitename") or None,
        date=root.get("date") or None,
        authors=[a.strip() for a in author.split(";") if a.strip()] if author else [],
        url=root.get("url") or None,
    )
    return RawDocument(text=text, blocks=blocks, format="html", hints=hints)
