"""Splitting a block of text into sentences, with offsets, for English and Spanish."""

from __future__ import annotations

import re

from veedor.nlp.patterns import ORDINAL_WORDS

# Abbreviations after which a full stop does not end a sentence (lower-cased, without the dot).
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gen",
        "gov",
        "lt",
        "col",
        "sgt",
        "st",
        "jr",
        "sr",
        "sra",
        "srta",
        "lic",
        "ing",
        "mons",
        "no",
        "nos",
        "nº",
        "núm",
        "art",
        "arts",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "est",
        "approx",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "u.s",
        "u.n",
        "u.k",
        "e.u",
        "ee.uu",
        "d.c",
        "p.m",
        "a.m",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "ene",
        "abr",
        "ago",
        "dic",
        "fig",
        "vol",
        "pp",
        "ed",
        "eds",
        "rev",
        "hon",
        "amb",
        "pres",
        "vice",
        "cap",
        "op",
        "cit",
        "ibid",
        "tel",
        "telf",
        "av",
        "col",
        "blvd",
    ]
)
# Scraped pages sometimes glue blocks together: "…Human RightsThe U.S. must …". A lower-case
# letter directly followed by a common sentence opener is such a seam.
_GLUED = re.compile(
    # (The first look-ahead, a set of letters, only lets the scan skip ahead fast.)
    r"(?=[TWIABHELP])(?<=[a-záéíóúñ.)])"
    r"(?=(?:The|This|These|We|It|In|As|But|However|El|La|Los|Las|En|Por)\s)"
)
# Closing quotes, brackets, note markers ("[3]", "³", "security.6") and Markdown emphasis ("**Set
# benchmarks.** The State Department …") stay with the sentence they close.
_BOUNDARY = re.compile(
    r"(?=[.!?…\n])(?:[.!?…]+[\"'”’)\]*_]*(?:\[\d+\]|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+"
    # A note marker flattened to plain digits by a PDF's text layer ("border security.6 The").
    r"|(?<=[a-záéíóúñ)][.!?])\d{1,3})*"
    r"(?=\s+[\"'“‘(¿¡*_]{0,2}[A-ZÁÉÍÓÚÑ0-9•])|[\n]{2,})"
)
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_NUMBERING_ONLY = re.compile(
    r"\s*(?:\(?(?:\d{1,3}|[ivxlcIVXLC]{1,6}|[a-zA-Z])[.)]+"
    # An ordinal word labelling a resolution's or recommendation's item ("PRIMERA. Se repare").
    rf"|(?i:{ORDINAL_WORDS})\.)\s*"
)


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _TOKEN_BEFORE.search(text, max(0, dot - 40), dot)
    if not m:
        return False
    token = m.group(1).lower().lstrip("(\"'“‘")
    if token in _ABBREVIATIONS:
        return True
    # Initials and dotted acronyms: "J.", "U.S", "EE.UU".
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", token)) and len(token.replace(".", "")) <= 3


# After a dotted acronym used as a noun ("… across the U.S. A comprehensive policy …"), a
# capitalised function word followed by a lower-case word opens a new sentence: no name goes
# "U.S. The" or "EE.UU. La".
_OPENER_AFTER = re.compile(
    r"\s+(?:(?:The|This|These|Those|It|We|Our|However|But|El|La|Los|Las|Pero|Sin\s+embargo)\s"
    r"|(?:A|An|That|Its|In|On|At|For|And|As|If|When|While|With|Without|Such|En|Por|Este|Esta"
    r"|Estos|Estas|Es|Un|Una|Al|Del|Con|Para)\s+[a-záéíóúñ])"
)


def _acronym_ends(text: str, after: int) -> bool:
    """Whether the dotted acronym (two letters or more) before ``after`` ends a sentence."""
    m = _TOKEN_BEFORE.search(text, max(0, after - 12), after)
    if not m or not re.fullmatch(r"(?:[A-Za-z]{1,2}\.){2,}", m.group(1)):
        return False
    return _OPENER_AFTER.match(text, after) is not None


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences in ``text[start:end]``, trimmed of spaces."""
    stop = len(text) if end is None else end
    cuts = [(m.start(), m.end()) for m in _BOUNDARY.finditer(text, start, stop)]
    cuts += [(m.start(), m.start()) for m in _GLUED.finditer(text, start, stop)]
    spans: list[tuple[int, int]] = []
    cursor = start
    for cut_start, cut_end in sorted(cuts):
        if cut_start < cursor:
            continue
        mark = text[cut_start:cut_end].rstrip()
        if mark == "." and _is_abbreviation(text, cut_start) and not _acronym_ends(text, cut_end):
            continue
        if _NUMBERING_ONLY.fullmatch(text, cursor, cut_end):
            continue  # "1.) End the…", "II. Fund…": the number opens the sentence
        _push(text, cursor, cut_end, spans)
        cursor = cut_end
    _push(text, cursor, stop, spans)
    return spans


def _push(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
