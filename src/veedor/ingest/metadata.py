"""Detecting a document's title, publisher, date, authors and addressee from its content.

What the format itself carries (HTML metadata, PDF and DOCX properties) comes first for title,
date and authors; publisher comes from the list of known organisations (a data file users extend).
A sidecar ``NAME.meta.json`` and command-line options override everything detected.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from veedor.document import Metadata, RawDocument
from veedor.errors import MetadataError
from veedor.nlp.dates import find_dates
from veedor.nlp.language import detect_language
from veedor.nlp.patterns import phrase_regex
from veedor.nlp.text import fold
from veedor.vocab import organisations

# How far into a document its masthead (publisher, date, title, byline) reaches.
_HEAD_CHARS = 1200
_HEAD_LINES = 14
_BYLINE = re.compile(r"(?:^|\|)[ \t]*(?:by|por)[ \t]*:?[ \t]+(?P<names>[^|\n]{3,120})", re.I | re.M)
_BY_ALONE = re.compile(r"^[ \t]*(?:by|por)[ \t]*:?[ \t]*$", re.I | re.M)
_PERSON = re.compile(r"^[A-ZÁÉÍÓÚÑ][\w'’.-]+(?: (?:de |del |la )?[A-ZÁÉÍÓÚÑ][\w'’.-]+){1,3}$")
_SALUTATION = re.compile(
    r"^\s*(?:dear|estimad[oa]s?|señor[a]?|sr\.|sra\.)\s+(?P<who>[^,:\n]{3,80})[,:]", re.I | re.M
)
_BOILERPLATE = re.compile(
    r"^(?:skip to (?:main )?content|menu|search|share|print|home|donate|subscribe|"
    r"ir al contenido|compartir|imprimir|inicio)\b",
    re.I,
)
_SIDECAR_FIELDS = {"title", "publisher", "date", "authors", "addressee", "language", "url"}


@dataclass(frozen=True)
class _Aliases:
    """Every organisation alias, as two phrase patterns: acronyms matched case-sensitively
    ("HRW", not "hrw" inside a word), other names matched on folded text."""

    acronyms: dict[str, str]
    names: dict[str, str]
    acronym_re: re.Pattern[str]
    name_re: re.Pattern[str]

    @property
    def folded(self) -> set[str]:
        """Every alias, folded."""
        return set(self.names) | {fold(a) for a in self.acronyms}

    @property
    def organisations(self) -> set[str]:
        """The organisations' own names, folded."""
        return {fold(n) for n in (*self.names.values(), *self.acronyms.values())}


@cache
def _aliases() -> _Aliases:
    acronyms: dict[str, str] = {}
    names: dict[str, str] = {}
    for org in organisations():
        for alias in sorted({org["name"], *org.get("aliases", [])}):
            folded = re.sub(r"\s+", " ", fold(alias).strip())
            if len(folded) < 3:
                continue
            if alias.isupper():
                acronyms.setdefault(alias, org["name"])
            else:
                names.setdefault(folded, org["name"])
    return _Aliases(acronyms, names, phrase_regex(acronyms), phrase_regex(names))


def _find_orgs(text: str) -> list[tuple[int, str]]:
    """(position, organisation) of every alias occurrence, the longest alias at a place."""
    table = _aliases()
    hits = [
        (m.start(), -len(m.group()), table.acronyms[m.group()])
        for m in table.acronym_re.finditer(text)
    ]
    hits += [
        (m.start(), -len(m.group()), table.names[re.sub(r"\s+", " ", m.group())])
        for m in table.name_re.finditer(fold(text))
    ]
    hits.sort()
    kept: list[tuple[int, str]] = []
    reach = -1
    for start, negative_length, name in hits:
        if start >= reach:
            kept.append((start, name))
            reach = start - negative_length
    return kept


def detect_publisher(text: str, *, site_name: str | None = None) -> str | None:
    """The organisation that published the text: named in its masthead, else its signature,
    else the one it names most often as the author of its own statements."""
    if site_name:
        named = _find_orgs(site_name)
        if named:
            return named[0][1]
    salutation = _SALUTATION.search(text[: _HEAD_CHARS * 2])
    if salutation is not None:
        # A letter's masthead is the recipient's address: look only past the salutation.
        text = text[salutation.end() :]
    else:
        head = _find_orgs(text[:_HEAD_CHARS])
        if head:
            return head[0][1]
    tail = _find_orgs(text[-1500:])
    everywhere = _find_orgs(text)
    if not everywhere:
        return site_name
    counts: dict[str, int] = {}
    for _, name in everywhere:
        counts[name] = counts.get(name, 0) + 1
    for _, name in tail:
        counts[name] = counts.get(name, 0) + 2
    return max(counts, key=lambda n: counts[n])


def _head_lines(text: str) -> list[str]:
    lines = [ln.strip() for ln in text[: _HEAD_CHARS * 2].splitlines() if ln.strip()]
    return lines[:_HEAD_LINES]


def detect_date(text: str, *, lang: str) -> str | None:
    """The publication date: the first full date in the masthead."""
    head = text[:_HEAD_CHARS]
    for mention in find_dates(head, lang=lang):
        if mention.day is not None:
            return mention.iso
    return None


def detect_authors(text: str) -> list[str]:
    head = text[:_HEAD_CHARS]
    m = _BYLINE.search(head)
    if m:
        names = re.split(r"\s*(?:,|;|\band\b|\by\b|&)\s*", m.group("names").strip().rstrip("."))
        return [n.strip() for n in names if n.strip() and len(n.split()) <= 6]
    alone = _BY_ALONE.search(head)
    if not alone:
        return []
    # "By" on a line of its own, names on the following lines among roles and photo captions.
    orgs = _aliases().folded
    lines = [ln.strip() for ln in head[alone.end() :].splitlines() if ln.strip()][:14]
    people = [ln for ln in lines if _PERSON.match(ln) and fold(ln) not in orgs]
    return list(dict.fromkeys(people))[:6]


def detect_addressee(text: str) -> str | None:
    """For a letter, whom it is written to (from the salutation)."""
    m = _SALUTATION.search(text[: _HEAD_CHARS * 2])
    return m.group("who").strip() if m else None


def detect_title(raw: RawDocument, *, publisher: str | None) -> str | None:
    for block in raw.blocks[:6]:
        if block.kind == "heading" and block.level == 1:
            return raw.text[block.start : block.end].strip()
    org_names = _aliases().organisations | ({fold(publisher)} if publisher else set())
    for line in _head_lines(raw.text):
        words = line.split()
        if len(words) < 3 or len(line) > 200 or line.endswith((".", ",", ";")):
            continue
        if _BOILERPLATE.match(line) or _BYLINE.match(line) or _SALUTATION.match(line):
            continue
        if find_dates(line) and len(words) < 8:
            continue
        if fold(line).split(":")[0].strip() in org_names:
            continue
        return line
    return None


def detect(raw: RawDocument) -> Metadata:
    """Metadata found in the document's content and format."""
    lang = detect_language(raw.text) or "en"
    hints = raw.hints
    publisher = detect_publisher(raw.text, site_name=hints.publisher)
    found = Metadata(
        title=None,
        publisher=publisher,
        date=detect_date(raw.text, lang=lang),
        authors=detect_authors(raw.text),
        addressee=detect_addressee(raw.text),
        language=lang,
    )
    addressed = found.addressee is not None
    # A letter has no title of its own; its masthead lines are an address block.
    found.title = None if addressed else detect_title(raw, publisher=publisher)
    # The format's own metadata wins for title, date and authors, but never for what it lacks.
    merged = found.merged(Metadata(title=hints.title, date=hints.date, authors=hints.authors))
    if hints.date and found.date and raw.format == "docx":
        merged.date = found.date  # a .docx creation date is when the file was made, not published
    return merged


def read_sidecar(path: Path) -> Metadata | None:
    """Metadata from ``NAME.meta.json`` beside ``NAME.ext``, if present."""
    sidecar = path.with_name(path.name + ".meta.json")
    if not sidecar.exists():
        sidecar = path.with_suffix(".meta.json")
        if not sidecar.exists():
            return None
    try:
        data: Any = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MetadataError(f"sidecar {sidecar.name} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise MetadataError(f"sidecar {sidecar.name} must hold a JSON object")
    unknown = set(data) - _SIDECAR_FIELDS
    if unknown:
        raise MetadataError(
            f"sidecar {sidecar.name} has unknown fields {sorted(unknown)}; "
            f"allowed: {sorted(_SIDECAR_FIELDS)}"
        )
    authors = data.get("authors", [])
    if isinstance(authors, str):
        authors = [authors]
    return Metadata(
        title=data.get("title"),
        publisher=data.get("publisher"),
        date=data.get("date"),
        authors=list(authors),
        addressee=data.get("addressee"),
        language=data.get("language"),
        url=data.get("url"),
    )
