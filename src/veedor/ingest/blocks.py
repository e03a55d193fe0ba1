"""Segmenting text into blocks (headings, paragraphs, list items, footnotes) with offsets.

Two entry points:
- :func:`segment_plain` finds blocks in a text without changing it (``.txt`` and ``.md`` keep
  their exact decoded text, so extracted spans index the file itself);
- :func:`assemble` builds a normalised text from parts that a structured reader (HTML, DOCX,
  PDF) already classified, one block per part separated by blank lines.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from veedor.document import Block, BlockKind

BULLET_GLYPHS = "•●▪◦·‣∙○■□➢➤►▶✓✔-*–—"
_BULLET = re.compile(r"[ \t]*([" + re.escape(BULLET_GLYPHS) + r"])[ \t\u00a0]+(?=\S)")
# Numbered items keep their numbering in the block ("1.", "2)", "iv.", "a)") as annotators do.
_NUMBERED = re.compile(
    r"[ \t]*(?=(?:(?:\d{1,2}|[ivxIVX]{1,5}|[a-z])(?:\.\)|[.)])|\((?:\d{1,2}|[ivx]{1,4}|[a-z])\))"
    r"[ \t]+\S)"
)
_MD_HEADING = re.compile(r"[ \t]{0,3}(#{1,6})[ \t]+(?=\S)")
# A Markdown block quote ("> - Homicides rose …", a "Key takeaways" box): its marker is not text.
_MD_QUOTE = re.compile(r"[ \t]{0,3}(?:>[ \t]?)+")
# "[3] …", "3 https://…", "^3 …", and a line opening with superscript digits ("³ Evidence, …",
# as text copied from a PDF's notes reads).
_FOOTNOTE = re.compile(
    r"[ \t]*(?:\[\d{1,3}\]|\d{1,3}[ \t]+(?=https?://)|\^\d{1,3}|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,3}[ \t])"
)
# In a PDF's text layer, a note at the foot of a page: its number, a space, its text ("10
# Ministerio Público, respuesta …"); a numbered paragraph has a full stop or bracket instead.
_PDF_NOTE = re.compile(r"[ \t]*\d{1,3}[ \t]+(?=[A-ZÁÉÍÓÚÑ“\"(])")
_TERMINAL = tuple(".;:,!?…\"”'’)")
_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # offset of the first non-blank character
    end: int  # offset after the last non-blank character
    text: str  # the stripped line


def _lines(text: str) -> Iterator[_Line]:
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            yield _Line(pos + lead, pos + lead + len(stripped), stripped)
        else:
            yield _Line(pos, pos, "")
        pos += len(raw)


# Footnote markers a sentence may end with ("… said.³").
_SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"


def looks_like_heading(line: str) -> bool:
    if len(line) > 160 or len(line) < 2 or line.rstrip("*_" + _SUPERSCRIPTS).endswith(_TERMINAL):
        return False
    first = line.lstrip("\"“'‘(¿¡*_")[:1]
    return first.isupper() or first.isdigit()


# Words that end a wrapped line but never a sentence or heading ("… including in").
_OPEN_ENDINGS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "into",
        "than",
        "as",
        "that",
        "which",
        "who",
        "whose",
        "its",
        "their",
        "our",
        "his",
        "her",
        "such",
        "including",
        "between",
        "among",
        "via",
        "per",
        "about",
        "across",
        "toward",
        "towards",
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "unos",
        "unas",
        "y",
        "e",
        "o",
        "u",
        "ni",
        "de",
        "del",
        "al",
        "a",
        "en",
        "con",
        "por",
        "para",
        "sin",
        "sobre",
        "entre",
        "hacia",
        "hasta",
        "desde",
        "que",
        "cuyo",
        "cuya",
        "como",
        "su",
        "sus",
    ]
)
# Capitalised words that open a sentence or a byline rather than carry on a wrapped one.
_OPENERS = frozenset(
    [
        "The",
        "This",
        "These",
        "Those",
        "That",
        "There",
        "It",
        "Its",
        "We",
        "Our",
        "They",
        "Their",
        "He",
        "She",
        "In",
        "On",
        "At",
        "By",
        "As",
        "For",
        "But",
        "And",
        "If",
        "When",
        "While",
        "A",
        "An",
        "Page",
        "El",
        "La",
        "Los",
        "Las",
        "Lo",
        "Un",
        "Una",
        "En",
        "Por",
        "Para",
        "Con",
        "Como",
        "Pero",
        "Y",
        "Si",
        "Cuando",
        "Mientras",
        "Nuestra",
        "Nuestro",
        "Esta",
        "Este",
        "Estos",
        "Estas",
        "Página",
    ]
)
_SENTENCE_END = (".", "!", "?", ":", ";", "…", "”", '"')


def continues(prev: str, nxt: str, *, width: int = 0) -> bool:
    """Whether ``nxt`` is the wrapped continuation of the line ``prev`` (hard-wrapped text).

    With ``width`` (the longest line of a text laid out in lines of a fixed width, as a PDF's
    text layer is), a line that does not end a sentence also carries on into one that opens
    with a capital ("… including in" / "Colombia and Costa Rica."), unless it is short and so
    reads as a heading, or the next line opens a list item or a new sentence.
    """
    if not prev or not nxt or _BULLET.match(nxt) or _NUMBERED.match(nxt):
        return False
    if prev.endswith("-") and nxt[:1].islower():
        return True
    if width and prev.endswith(";") and nxt[:1].islower():
        return True  # a clause after a semicolon, wrapped in a fixed-width layout
    if prev.endswith(_SENTENCE_END):
        return False
    if nxt[:1].islower() or nxt[:1] in "(,;":
        return True
    if not width or "|" in prev:
        return False
    if nxt[:1].isdigit() or nxt[:1] in "$€£":
        # "… which covers an estimated" / "472,000 people": a number carries the sentence on.
        return prev.rsplit(None, 1)[-1].lower() in _OPEN_ENDINGS or len(prev) >= 0.8 * width
    if not nxt[:1].isupper():
        return False
    first = nxt.split(None, 1)[0].rstrip(",;:")
    if first in _OPENERS:
        return False
    last = prev.rsplit(None, 1)[-1].lower()
    return last in _OPEN_ENDINGS or len(prev) >= 0.8 * width


def looks_wrapped(lines: list[str]) -> bool:
    """Whether a plain text is laid out in lines of a fixed width (a PDF's text layer saved as
    text): most of its longer lines end within a few characters of the same width, and that
    width is a line's, not a paragraph's."""
    lengths = sorted(len(t) for t in lines if len(t) >= 20)
    if len(lengths) < 20:
        return False
    width = lengths[int(len(lengths) * 0.9)]
    if not 40 <= width <= 130:
        return False
    return sum(1 for n in lengths if n >= 0.75 * width) >= 0.6 * len(lengths)


def segment_plain(text: str, *, markdown: bool = False, wrapped: bool = False) -> list[Block]:
    """Blocks of a plain or Markdown text, with offsets into ``text`` itself.

    A block is a run of non-blank lines that wrap into each other; a bullet or number starts a
    list item (the glyph is outside the block, the number inside); a short unpunctuated line
    standing alone is a heading. ``wrapped`` says the text comes in lines of a fixed width with
    no blank line between paragraphs (a PDF's text layer): see :func:`continues`.
    """
    blocks: list[Block] = []
    lines = list(_lines(text))
    wrapped = wrapped or (not markdown and looks_wrapped([ln.text for ln in lines]))
    width = max((len(ln.text) for ln in lines), default=0) if wrapped else 0
    if markdown:
        lines = [_unquoted(text, ln) for ln in lines]
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.text:
            i += 1
            continue
        kind: BlockKind = "paragraph"
        start, level = line.start, 0
        heading = _MD_HEADING.match(text, line.start) if markdown else None
        bullet = _BULLET.match(text, line.start)
        if heading:
            kind, start, level = "heading", heading.end(), len(heading.group(1))
        elif bullet:
            kind, start = "list_item", bullet.end()
            level = line.start - text.rfind("\n", 0, line.start) - 1
        elif _NUMBERED.match(text, line.start):
            kind = "list_item"
        elif _FOOTNOTE.match(text, line.start) or (
            width and _PDF_NOTE.match(text, line.start, line.end)
        ):
            kind = "footnote"
        end = line.end
        j = i + 1
        if kind != "heading":
            while j < len(lines) and continues(lines[j - 1].text, lines[j].text, width=width):
                end = lines[j].end
                j += 1
        if kind == "paragraph" and j == i + 1 and looks_like_heading(line.text):
            prev_blank = i == 0 or not lines[i - 1].text
            next_blank = j >= len(lines) or not lines[j].text
            if (prev_blank and next_blank) or (width and len(line.text) < 0.6 * width):
                kind = "heading"
        blocks.append(Block(kind, start, end, level))
        i = j
    return blocks


def _unquoted(text: str, line: _Line) -> _Line:
    """A Markdown line without its block-quote marker (a lone ">" is a blank line)."""
    quote = _MD_QUOTE.match(text, line.start) if line.text.startswith(">") else None
    if quote is None:
        return line
    start = min(quote.end(), line.end)
    return _Line(start, line.end, text[start : line.end])


def clean_inline(text: str) -> str:
    """Unicode NFC with runs of white space (including soft line breaks) folded to one space."""
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    return _WS.sub(" ", text).strip()


def assemble(parts: Iterable[tuple[BlockKind, str, int]]) -> tuple[str, list[Block]]:
    """Build a normalised text from ``(kind, text, level)`` parts, one block each."""
    chunks: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for kind, raw, level in parts:
        content = clean_inline(raw)
        if not content:
            continue
        if chunks:
            chunks.append("\n\n")
            pos += 2
        chunks.append(content)
        blocks.append(Block(kind, pos, pos + len(content), level))
        pos += len(content)
    return "".join(chunks), blocks


def renormalise(text: str, blocks: list[Block]) -> tuple[str, list[Block]]:
    """Re-assemble blocks found in a raw text (e.g. a PDF's) into a normalised text."""
    return assemble((b.kind, text[b.start : b.end], b.level) for b in blocks)
