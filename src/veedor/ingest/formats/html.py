"""HTML: the main text via trafilatura (boilerplate removed), with its structure and metadata."""

from __future__ import annotations

import logging

import trafilatura
from lxml import etree

from veedor.document import BlockKind, Metadata, RawDocument
from veedor.errors import CorruptFileError, EmptyDocumentError
from veedor.ingest.blocks import assemble
from veedor.ingest.formats.text import decode

log = logging.getLogger(__name__)


def _parts(root: etree._Element) -> list[tuple[BlockKind, str, int]]:
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
    return parts


def read_html(data: bytes) -> RawDocument:
    markup = decode(data)
    try:
        xml = trafilatura.extract(
            markup,
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
    text, blocks = assemble(_parts(root))
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
