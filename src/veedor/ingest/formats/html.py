"""HTML: the main text via trafilatura (boilerplate removed), with its structure and metadata."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any

import trafilatura
from lxml import etree, html

from veedor.document import BlockKind, Metadata, RawDocument
from veedor.errors import CorruptFileError, EmptyDocumentError
from veedor.ingest.blocks import assemble
from veedor.ingest.formats.text import decode
from veedor.ingest.metadata import org_name
from veedor.nlp.dates import find_dates
from veedor.nlp.text import fold

log = logging.getLogger(__name__)

# A footnote reference ("…in 2020.<sup><a href="#fn2">2</a></sup>") glued to the text reads as a
# number ("2020.2"); a back-link ("↩") is no text either.
_MARKER = re.compile(r"^\s*[\[(]?\d{1,3}[\])]?\s*$")
_BACK_LINK = re.compile(r"^\s*(?:[↩↑^⤴]\ufe0e?|back|volver)\s*$", re.I)
_NOTE_HREF = re.compile(r"^#(?:_?ftn|fn|note|nota|endnote|footnote)", re.I)
_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s*\|\s*|\s+::\s+")
_LOGO_CLASS = re.compile(r"logo|brand|site-?title|site-?name", re.I)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*([^.|©\n]{3,80})", re.I
)
_BYLINE_CLASS = re.compile(r"byline|dateline|author|posted|published|pubdate|fecha", re.I)
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


@dataclass
class _Page:
    """A page prepared for trafilatura, with what it would drop but we need."""

    tree: html.HtmlElement | str
    notes: set[str] = field(default_factory=set)
    # Bylines and datelines ("Por Ana Pérez | 3 de marzo de 2025"): trafilatura takes the
    # names from them but drops the line, and with it a date that no meta tag carries.
    bylines: list[str] = field(default_factory=list)
    lang: str = ""
    # Who publishes the site: og:site_name or JSON-LD's publisher, else the part of the <title>
    # that is not the headline ("Headline | Org"), the logo's text and the copyright owner.
    site_name: str = ""
    title_segments: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)


def _ld_publisher(data: Any) -> str:
    """The publisher's name in a JSON-LD object, searched through lists and @graph."""
    if isinstance(data, list):
        return next((name for item in data if (name := _ld_publisher(item))), "")
    if not isinstance(data, dict):
        return ""
    publisher = data.get("publisher")
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        return str(publisher["name"])
    if isinstance(publisher, str):
        return publisher
    return _ld_publisher(data.get("@graph", []))


def _site(page: _Page, tree: html.HtmlElement) -> None:
    for meta in tree.iter("meta"):
        if meta.get("property", meta.get("name", "")).lower() == "og:site_name":
            page.site_name = " ".join((meta.get("content") or "").split())
    for script in tree.iter("script"):
        if not page.site_name and (script.get("type") or "").lower() == "application/ld+json":
            try:
                page.site_name = _ld_publisher(json.loads(script.text or ""))
            except ValueError:
                continue
    title = tree.find(".//title")
    if title is not None:
        page.title_segments = [
            seg.strip() for seg in _TITLE_SEPARATOR.split(title.text_content()) if seg.strip()
        ]
    for el in tree.iter("a", "div", "span", "p", "footer", "img"):
        label = f"{el.get('class', '')} {el.get('id', '')}"
        text = el.get("alt", "") if el.tag == "img" else el.text_content()
        if _LOGO_CLASS.search(label) and 0 < len(text.strip()) <= 80:
            page.owners.append(" ".join(text.split()))
        if el.tag in ("footer", "p", "div") and len(text) < 2000:
            page.owners += [" ".join(m.group(1).split()) for m in _COPYRIGHT.finditer(text)]


def _publisher(page: _Page, headline: str) -> str | None:
    if page.site_name:
        return page.site_name
    owners = {fold(o) for o in page.owners}
    for segment in page.title_segments:
        if fold(segment) == fold(headline):
            continue
        if org_name(segment) or fold(segment) in owners:
            return segment
    return next((named for o in page.owners if (named := org_name(o))), None)


def _byline_date(page: _Page) -> str | None:
    text = " | ".join(page.bylines)
    langs = [page.lang[:2].lower()] if page.lang[:2].lower() in ("en", "es") else []
    for lang in [*langs, "en", "es"]:
        for mention in find_dates(text, lang=lang):
            if mention.day is not None:
                return mention.iso
    return None


def _prepare(markup: str) -> _Page:
    """The page without footnote markers and back-links, the texts of its notes, its bylines."""
    try:
        tree = html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return _Page(markup)
    page = _Page(tree, lang=tree.get("lang", ""))
    _site(page, tree)
    for el in tree.iter("p", "div", "span", "time", "header"):
        label = f"{el.get('class', '')} {el.get('id', '')} {el.get('itemprop', '')}"
        if el.tag == "time" or _BYLINE_CLASS.search(label):
            text = " ".join(el.text_content().split())
            if 0 < len(text) <= 200:
                page.bylines.append(text)
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
    page.notes = {n for n in notes if n}
    return page


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
    page = _prepare(markup)
    try:
        xml = trafilatura.extract(
            page.tree,
            output_format="xml",
            with_metadata=True,
            include_tables=True,
            include_comments=False,
            favor_recall=True,
            # Dates from the markup only (meta tags, <time>, JSON-LD): a guess from the text
            # takes a year in a sentence for the date ("in 2024" → 2024-01-01).
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken markup
        raise CorruptFileError(f"the HTML could not be parsed: {exc}") from exc
    if not xml:
        raise EmptyDocumentError("no main text was found in the HTML page")
    root = etree.fromstring(xml.encode("utf-8"))
    text, blocks = assemble(_parts(root, page.notes))
    if not text:
        raise EmptyDocumentError("no main text was found in the HTML page")
    author = root.get("author")
    hints = Metadata(
        title=root.get("title") or None,
        publisher=_publisher(page, root.get("title") or "") or root.get("sitename") or None,
        date=root.get("date") or _byline_date(page),
        authors=[a.strip() for a in author.split(";") if a.strip()] if author else [],
        url=root.get("url") or None,
    )
    return RawDocument(text=text, blocks=blocks, format="html", hints=hints)
