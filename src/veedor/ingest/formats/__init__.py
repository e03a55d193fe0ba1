"""One reader per file format. Each turns bytes into a :class:`~veedor.document.RawDocument`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from veedor.document import RawDocument
from veedor.errors import UnsupportedFormatError
from veedor.ingest.formats import docx, html, pdf, text

Reader = Callable[[bytes], RawDocument]

READERS: dict[str, Reader] = {
    ".txt": text.read_txt,
    ".text": text.read_txt,
    ".md": text.read_md,
    ".markdown": text.read_md,
    ".html": html.read_html,
    ".htm": html.read_html,
    ".pdf": pdf.read_pdf,
    ".docx": docx.read_docx,
}


def reader_for(path: Path) -> Reader:
    """The reader for a file, chosen by its extension."""
    try:
        return READERS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(READERS))
        raise UnsupportedFormatError(
            f"unsupported file type {path.suffix or '(none)'!r}; Veedor reads {known}"
        ) from None


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in READERS and not path.name.endswith(".meta.json")
