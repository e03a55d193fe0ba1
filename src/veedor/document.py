"""The in-memory document that flows through the pipeline: text, blocks and metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "footnote"]
Format = Literal["txt", "md", "html", "pdf", "docx"]


@dataclass(frozen=True, slots=True)
class Block:
    """A structural unit of a document's text: ``text[start:end]`` is its content."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0


@dataclass(kw_only=True)
class Metadata:
    """What is known about a document besides its text. ``None`` means unknown."""

    title: str | None = None
    publisher: str | None = None
    date: str | None = None  # ISO "YYYY-MM-DD" (or "YYYY-MM" / "YYYY" when only that is known)
    authors: list[str] = field(default_factory=list)
    addressee: str | None = None
    language: str | None = None
    url: str | None = None

    def merged(self, override: Metadata) -> Metadata:
        """A copy with every field that ``override`` sets replacing ours."""
        return Metadata(
            title=override.title or self.title,
            publisher=override.publisher or self.publisher,
            date=override.date or self.date,
            authors=override.authors or self.authors,
            addressee=override.addressee or self.addressee,
            language=override.language or self.language,
            url=override.url or self.url,
        )


@dataclass(kw_only=True)
class RawDocument:
    """What a reader returns: the text and blocks, plus any metadata the format itself carries."""

    text: str
    blocks: list[Block]
    format: Format
    hints: Metadata = field(default_factory=Metadata)


@dataclass(kw_only=True)
class Document:
    """A read document with its detected metadata, ready for extraction and storage."""

    source: str
    sha256: str
    size_bytes: int
    text: str
    blocks: list[Block]
    format: Format
    meta: Metadata

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]
