"""Plain text and Markdown: the decoded text is kept exactly, so spans index the file."""

from __future__ import annotations

from veedor.document import RawDocument
from veedor.errors import EmptyDocumentError, TextEncodingError
from veedor.ingest.blocks import segment_plain

# Share of control characters above which bytes are binary junk, not text in some encoding.
_MAX_CONTROL_SHARE = 0.01


def decode(data: bytes) -> str:
    """UTF-8, else Windows-1252, refusing binary data. A BOM is kept, so offsets match the file."""
    if b"\x00" in data[:8192]:
        raise TextEncodingError("the file contains NUL bytes: it is binary, not text")
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            decoded = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise TextEncodingError(
                f"the file is neither UTF-8 nor Windows-1252 text (bad byte at {exc.start}); "
                "re-save it as UTF-8"
            ) from None
    sample = decoded[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise TextEncodingError("the file is mostly control characters: it is binary, not text")
    if not decoded.strip():
        raise EmptyDocumentError("the file holds no text")
    return decoded


def read_txt(data: bytes) -> RawDocument:
    text = decode(data)
    return RawDocument(text=text, blocks=segment_plain(text), format="txt")


def read_md(data: bytes) -> RawDocument:
    text = decode(data)
    return RawDocument(text=text, blocks=segment_plain(text, markdown=True), format="md")
