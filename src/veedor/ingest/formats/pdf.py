"""PDF: the text layer via pypdfium2, de-hyphenated, with page furniture dropped."""

from __future__ import annotations

import re
from collections import Counter

import pypdfium2 as pdfium

from veedor.document import Metadata, RawDocument
from veedor.errors import CorruptFileError, EmptyDocumentError
from veedor.ingest.blocks import renormalise, segment_plain

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of|de)\s*\d{1,4})?\s*$", re.I)
_HYPHEN_BREAK = re.compile(r"(\w)-\n(?=[a-záéíóúñü])")


def _page_lines(page_text: str) -> list[str]:
    return page_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def read_pdf(data: bytes) -> RawDocument:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise CorruptFileError(f"not a readable PDF: {exc}") from exc
    try:
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            pages.append(_page_lines(textpage.get_text_range()))
            textpage.close()
            page.close()
        title = pdf.get_metadata_dict().get("Title") or None
        author = pdf.get_metadata_dict().get("Author") or None
    finally:
        pdf.close()
    # Lines repeated on most pages (running headers and footers) are furniture, not text.
    repeated: set[str] = set()
    if len(pages) >= 3:
        counts = Counter(line.strip() for lines in pages for line in set(lines) if line.strip())
        repeated = {line for line, n in counts.items() if n >= max(3, len(pages) // 2)}
    kept = [
        "\n".join(
            line for line in lines if line.strip() not in repeated and not _PAGE_NUMBER.match(line)
        )
        for lines in pages
    ]
    raw = _HYPHEN_BREAK.sub(r"\1", "\n".join(kept))
    text, blocks = renormalise(raw, segment_plain(raw, wrapped=True))
    if not text:
        raise EmptyDocumentError(
            "the PDF has no text layer (a scanned image?); run OCR on it first"
        )
    return RawDocument(
        text=text,
        blocks=blocks,
        format="pdf",
        hints=Metadata(title=title, authors=[author] if author else []),
    )
