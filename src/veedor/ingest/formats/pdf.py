"""PDF: the text layer via pypdfium2, laid out into lines and blocks from character positions.

Organisations export reports with page furniture that is not text: running headers and footers
(the organisation's name, the report's title, "Page 3 of 12", "3 | Washington Office…") and
footnotes at the foot of each page, whose superscript markers sit inside sentences. The reader
rebuilds visual lines from each character's box and font size, then:

- drops lines at the top or bottom of the page that repeat on other pages (digits aside) or are
  page numbers, and superscript digits inside lines (the footnote markers);
- takes the run of small-type lines that opens with a number at the foot of a page as footnotes,
  placed after the body, so a paragraph that runs across the page break stays whole;
- joins lines into blocks by vertical spacing, type size and weight (headings), bullets and
  numbers (list items), and joins words hyphenated across lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from veedor.document import BlockKind, Metadata, RawDocument
from veedor.errors import CorruptFileError, EmptyDocumentError
from veedor.ingest.blocks import BULLET_GLYPHS, assemble, continues, looks_like_heading
from veedor.ingest.metadata import org_name
from veedor.nlp.dates import find_dates
from veedor.nlp.text import fold

_PAGE_NUMBER = re.compile(
    r"^[\s\-–—|]*(?:(?:page|p[aá]g(?:ina)?\.?)\s+)?\d{1,4}(?:\s*(?:/|of|de)\s*\d{1,4})?[\s\-–—|]*$",
    re.I,
)
_LEADER = re.compile(r"(?:[.·…_]\s?){5,}\s*(?:\d{1,4}|[ivxlc]{1,6})$", re.I)
_CONTENTS = re.compile(
    r"^(?:(?:table of )?contents|contenidos?|[ií]ndice(?: general)?|tabla de contenidos?)$", re.I
)
# A footer that pairs the page number with a name ("3 | Washington Office", "WOLA · 3").
_NUMBERED_FOOTER = re.compile(r"^\d{1,4}\s*[|·•–—]\s*\S.{0,80}$|^\S.{0,80}\s[|·•–—]\s*\d{1,4}$")
# Word's bullets exported in a symbol font come out as private-use characters (U+F0B7 …).
_BULLET = re.compile(r"^(?:[" + re.escape(BULLET_GLYPHS) + r"]\s+|[\ue000-\uf8ff]\s*)(?=\S)")
_NUMBERED = re.compile(r"^(?:\d{1,2}|[ivxIVX]{1,5}|[a-z])(?:\.\)|[.)])\s+\S")
_FOOTNOTE_START = re.compile(r"^(?:\[\d{1,3}\]|\d{1,3}[.)]?|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*\S")
_SENTENCE_END = (".", "!", "?", ":", ";", "…", "”", '"')
# Title properties that name the file or the program that made it, not the document.
_JUNK_TITLE = re.compile(
    r"^(?:microsoft (?:word|powerpoint) - |untitled|document\d*$|presentation\d*$|slide \d+$)|"
    r"\.(?:docx?|pdf|indd|pptx?|rtf)$|^[^\s]*_[^\s]*$",
    re.I,
)
_FURNITURE_SEPARATORS = re.compile(r"\s*[|·•]\s*|\s+[—–-]\s+")
# pdfium reports a hyphen that ends a line as U+FFFE or U+0002; a soft hyphen may be U+00AD.
_SOFT_HYPHENS = ("\ufffe", "\u00ad", "\x02")
_LINE_HYPHENS = (*_SOFT_HYPHENS, "-", "\u2010")
# Share of the page height at the top and at the bottom where running headers and footers sit.
_MARGIN_BAND = 0.1


@dataclass
class _Char:
    text: str
    left: float
    bottom: float
    right: float
    top: float
    size: float
    bold: bool


@dataclass
class _Line:
    page: int
    chars: list[_Char] = field(default_factory=list)
    text: str = ""
    left: float = 0.0
    right: float = 0.0
    bottom: float = 0.0
    top: float = 0.0
    base: float = 0.0  # the baseline most characters sit on
    size: float = 0.0
    bold: bool = False

    def finish(self) -> None:
        """Text, box and type of the line, without superscript digits (footnote markers)."""
        ink = [c for c in self.chars if c.text.strip()]
        if not ink:
            return
        sizes = Counter(round(c.size, 1) for c in ink)
        self.size = sizes.most_common(1)[0][0]
        baseline = Counter(round(c.bottom) for c in ink if round(c.size, 1) == self.size)
        base = baseline.most_common(1)[0][0] if baseline else ink[0].bottom
        self.base = base
        kept: list[_Char] = []
        for i, c in enumerate(self.chars):
            raised = c.bottom > base + 0.2 * self.size and c.size < 0.85 * self.size
            if c.text.isdigit() and raised and any(k.text.strip() for k in kept):
                continue
            if (
                kept
                and kept[-1].text.isdigit()
                and c.text.isalpha()
                and not any(k.text.isalpha() for k in kept)
            ):
                # A note's raised number at the start of its line ("¹Source") is set apart.
                prev = kept[-1]
                if prev.bottom > base + 0.2 * self.size and prev.size < 0.85 * self.size:
                    kept.append(
                        _Char(" ", prev.right, prev.bottom, prev.right, prev.bottom, 0, False)
                    )
            if i and c.text == " " and kept and kept[-1].text == " ":
                continue
            kept.append(c)
        self.text = "".join(c.text for c in kept).strip()
        ink = [c for c in kept if c.text.strip()]
        if not ink:
            self.text = ""
            return
        self.left = min(c.left for c in ink)
        self.right = max(c.right for c in ink)
        self.bottom = min(c.bottom for c in ink)
        self.top = max(c.top for c in ink)
        self.bold = sum(c.bold for c in ink) >= 0.8 * len(ink)


def _page_lines(page: pdfium.PdfPage, number: int) -> list[_Line]:
    """The visual lines of a page, in the order of its text layer."""
    textpage = page.get_textpage()
    lines: list[_Line] = []
    try:
        current: _Line | None = None
        band = (0.0, 0.0)
        for i in range(textpage.count_chars()):
            code = pdfium_c.FPDFText_GetUnicode(textpage, i)
            if code in (10, 13):
                continue
            left, bottom, right, top = textpage.get_charbox(i)
            size = pdfium_c.FPDFText_GetFontSize(textpage, i)
            bold = pdfium_c.FPDFText_GetFontWeight(textpage, i) >= 600
            char = _Char(chr(code), left, bottom, right, top, size, bold)
            if code == 32 or top - bottom <= 0:
                if current is not None and current.chars:
                    current.chars.append(_Char(" ", left, bottom, right, top, size, bold))
                continue
            same = (
                current is not None
                and left >= current.chars[-1].right - max(2.0, size * 0.5)
                and bottom < band[1]
                and top > band[0]
            )
            if not same or current is None:
                current = _Line(page=number)
                lines.append(current)
                band = (bottom, top)
            else:
                band = (min(band[0], bottom), max(band[1], top))
            current.chars.append(char)
    finally:
        textpage.close()
    for line in lines:
        line.finish()
        line.chars = []
    return [ln for ln in lines if ln.text]


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _drop_furniture(
    pages: list[list[_Line]], heights: list[float]
) -> tuple[list[_Line], list[str]]:
    """Body lines of every page, and the running headers and footers that were dropped."""
    in_band: list[list[tuple[_Line, str]]] = []
    counts: Counter[str] = Counter()
    anywhere: Counter[str] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        band = [
            (ln, _furniture_key(ln.text))
            for ln in lines
            if ln.top > height * (1 - _MARGIN_BAND) or ln.bottom < height * _MARGIN_BAND
        ]
        in_band.append(band)
        counts.update({key for _, key in band})
        anywhere.update({ln.text for ln in lines})
    # A line in the margins on two pages (a third of the pages of a long document) is furniture,
    # digits aside ("Page 3 of 12"); elsewhere on the page, only the very same line repeated on
    # most pages of a long document is (a cover's name recurs in a signature block).
    band_min = max(2, len(pages) // 3)
    body_min = max(3, len(pages) // 2) if len(pages) >= 5 else len(pages) + 1
    dropped: list[str] = []
    body: list[_Line] = []
    for lines, band in zip(pages, in_band, strict=True):
        furniture = {
            id(ln)
            for ln, key in band
            if counts[key] >= band_min
            or _PAGE_NUMBER.match(ln.text)
            or _NUMBERED_FOOTER.match(ln.text)
        }
        # A running header above the text of a page past the cover, in smaller type than the
        # text (a short document shows it once or twice, too few times to repeat).
        if lines and lines is not pages[0] and lines[0].top > height * (1 - _MARGIN_BAND):
            rest = [ln.size for ln in lines[1:]]
            if rest and lines[0].size < 0.9 * Counter(rest).most_common(1)[0][0]:
                furniture.add(id(lines[0]))
        for line in lines:
            if id(line) in furniture or anywhere[line.text] >= body_min:
                dropped.append(line.text)
            else:
                body.append(line)
    return body, dropped


def _drop_contents(lines: list[_Line]) -> list[_Line]:
    """Without the table of contents: entries with dot leaders and a page number
    ("What we recommend ........ 12"), and the "Contents" heading over them."""
    kept: list[_Line] = []
    for line in lines:
        if _LEADER.search(line.text):
            if kept and _CONTENTS.match(kept[-1].text):
                kept.pop()
            continue
        kept.append(line)
    return kept


def _split_footnotes(lines: list[_Line], body_size: float) -> tuple[list[_Line], list[_Line]]:
    """Body lines, and the footnote lines: on each page, the trailing run of lines in smaller
    type than the body from its first line that opens with a number."""
    body: list[_Line] = []
    notes: list[_Line] = []
    by_page: dict[int, list[_Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    for page in sorted(by_page):
        page_lines = by_page[page]
        start = len(page_lines)
        while start > 0 and page_lines[start - 1].size < 0.9 * body_size:
            start -= 1
        while start < len(page_lines) and not _FOOTNOTE_START.match(page_lines[start].text):
            start += 1
        if start < len(page_lines):
            # (A page of nothing but notes in small type is the document's endnotes.)
            body.extend(page_lines[:start])
            notes.extend(page_lines[start:])
        else:
            body.extend(page_lines)
    return body, notes


def _join(lines: list[str]) -> str:
    text = ""
    for line in lines:
        if text.endswith(_LINE_HYPHENS) and line[:1].islower():
            text = text[:-1] + line
        elif text.endswith(_SOFT_HYPHENS):
            # A word broken by the layout ("SPOKES-" / "PERSON") is one word; a hyphen before a
            # capitalised word ("Afro-" / "Colombian") is part of a compound.
            same_case = text[-2:-1].isupper() and line[:1].isupper()
            text = text[:-1] + ("" if same_case else "-") + line
        else:
            text = f"{text} {line}" if text else line
    return text


def _heading_levels(lines: list[_Line], body_size: float) -> dict[float, int]:
    sizes = sorted({ln.size for ln in lines if ln.size > body_size * 1.1}, reverse=True)
    return {size: i + 1 for i, size in enumerate(sizes)}


def _blocks(lines: list[_Line], body_size: float) -> list[tuple[BlockKind, str, int]]:
    """Blocks from body lines: a new block at a wider gap, a change of type, a bullet or
    number, or a page break unless the sentence runs on."""
    levels = _heading_levels(lines, body_size)
    steps = [
        prev.base - line.base
        for prev, line in pairwise(lines)
        if prev.page == line.page and prev.size == line.size == body_size and line.base < prev.base
    ]
    # The spacing of lines inside a paragraph: the tightest one that is common, since a letter
    # of one-line paragraphs has more gaps between paragraphs than lines within one.
    common = Counter(round(step) for step in steps if step >= body_size)
    tight = [s for s, n in common.items() if n >= max(2, len(steps) // 10)]
    leading = float(min(tight)) if tight else body_size * 1.4
    widths = sorted(ln.right - ln.left for ln in lines if ln.size == body_size)
    full = widths[int(len(widths) * 0.9)] if widths else 0.0
    # The length of a full line of body text, in characters (a column's, in two columns).
    lengths = sorted(len(ln.text) for ln in lines if ln.size == body_size)
    chars = lengths[int(len(lengths) * 0.9)] if lengths else 0
    # Paragraphs set apart by space: the layout says where one ends. Without that space, only
    # the words do (a line that does not end a sentence carries on).
    spaced = any(step > leading * 1.3 for step in steps)
    parts: list[tuple[BlockKind, list[str], int]] = []
    prev: _Line | None = None
    for line in lines:
        heading = line.size in levels or (line.bold and len(line.text) < 120)
        level = levels.get(line.size, len(levels) + 1) if heading else 0
        text = line.text
        bullet = _BULLET.match(text)
        numbered = _NUMBERED.match(text)
        new = prev is None
        if prev is not None and not new:
            prev_heading = parts[-1][0] == "heading"
            step = prev.base - line.base
            moved = prev.page != line.page or step <= 0  # a new page or column
            if bullet or numbered or heading != prev_heading:
                new = True
            elif prev.text.endswith(_SOFT_HYPHENS):
                new = False  # a word the layout broke runs on, across a page or column too
            elif heading:
                new = moved or step > max(leading * 1.3, line.size * 1.8) or level != parts[-1][2]
            elif moved:
                # Across a page or column break a paragraph runs on from a full line that does
                # not end a sentence; a short line was the end of its block.
                short = full > 0 and (prev.right - prev.left) < 0.8 * full
                ended = prev.text.endswith(_SENTENCE_END) or short
                new = ended and not text[:1].islower()
            elif spaced:
                ended = prev.text.endswith(_SENTENCE_END)
                short = full > 0 and (prev.right - prev.left) < 0.8 * full
                new = step > leading * 1.3 or (ended and short and prev.size == body_size)
            else:
                new = not continues(prev.text, text, width=chars)
        if new:
            if bullet:
                parts.append(("list_item", [text[bullet.end() :]], 0))
            elif numbered:
                parts.append(("list_item", [text], 0))
            else:
                parts.append(("heading" if heading else "paragraph", [text], level))
        else:
            parts[-1][1].append(text)
        prev = line
    out: list[tuple[BlockKind, str, int]] = []
    for kind, texts, level in parts:
        text = _join(texts)
        # A short line standing alone reads as a heading, as in a plain text.
        short = len(texts) == 1 and len(text) < 0.6 * chars
        if kind == "paragraph" and short and looks_like_heading(text):
            kind = "heading"
        out.append((kind, text, level))
    return out


def _publisher_hint(dropped: list[str], cover: list[_Line]) -> str | None:
    """The organisation a running header or footer names ("3 | Washington Office …"): a known
    or organisation-like name, else a short name that the cover page also shows on a line of
    its own (a newspaper's or a network's name)."""
    on_cover = {fold(" ".join(ln.text.split())) for ln in cover}
    named: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    for text in dropped:
        for segment in _FURNITURE_SEPARATORS.split(text):
            segment = segment.strip(" -–—|")
            if not segment or _PAGE_NUMBER.match(segment):
                continue
            org = org_name(segment)
            if org:
                named[org] += 1
            elif len(segment.split()) <= 6 and fold(segment) in on_cover:
                shown[segment] += 1
    for counts in (named, shown):
        if counts:
            return counts.most_common(1)[0][0]
    return None


def _furniture_date(dropped: list[str]) -> str | None:
    """A full date a running header or footer carries ("Commentary | March 3, 2025"); the
    text's own date wins over it (see :func:`veedor.ingest.metadata.detect`)."""
    text = " | ".join(dict.fromkeys(dropped))
    for lang in ("en", "es"):
        for mention in find_dates(text, lang=lang):
            if mention.day is not None:
                return mention.iso
    return None


def read_pdf(data: bytes) -> RawDocument:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise CorruptFileError(f"not a readable PDF: {exc}") from exc
    try:
        pages: list[list[_Line]] = []
        heights: list[float] = []
        for index in range(len(pdf)):
            page = pdf[index]
            heights.append(page.get_height())
            pages.append(_page_lines(page, index))
            page.close()
        info = pdf.get_metadata_dict()
    finally:
        pdf.close()
    lines, dropped = _drop_furniture(pages, heights)
    lines = _drop_contents(lines)
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    lines, notes = _split_footnotes(lines, body_size)
    parts = _blocks(lines, body_size)
    footnotes: list[list[str]] = []
    for line in notes:
        if _FOOTNOTE_START.match(line.text) or not footnotes:
            footnotes.append([line.text])
        else:
            footnotes[-1].append(line.text)
    parts += [("footnote", _join(texts), 0) for texts in footnotes]
    text, blocks = assemble(parts)
    if not text:
        raise EmptyDocumentError(
            "the PDF has no text layer (a scanned image?); run OCR on it first"
        )
    title = (info.get("Title") or "").strip()
    author = (info.get("Author") or "").strip()
    return RawDocument(
        text=text,
        blocks=blocks,
        format="pdf",
        hints=Metadata(
            title=title if title and not _JUNK_TITLE.search(title) else None,
            authors=[author] if author else [],
            publisher=_publisher_hint(dropped, pages[0] if pages else []),
            date=_furniture_date(dropped),
        ),
    )
