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


# Organisations that publish rarely but are named often: a government, a legislature or an
# international body mentioned in the text (as the target of its asks, or as an actor) is
# never taken as the publisher merely for being named.
_MENTIONED_GROUPS = frozenset({"government", "legislature", "multilateral"})
# An organisation that is the author of the sentence it opens ("Amnesty International urges").
_AUTHOR_VERB = re.compile(
    r"^[ \t]*(?:\([^)\n]{1,20}\)[ \t]*)?(?:today[ \t]+|hoy[ \t]+)?"
    r"(?:urges?|calls?[ \t]+(?:on|for|upon)|recommends?|welcomes?|condemns?|denounces?|demands?|"
    r"is[ \t]+an?[ \t]|exige|insta|exhorta|condena|denuncia|saluda|hace[ \t]+un[ \t]+llamado|"
    r"rechaza|lamenta|es[ \t]+una?[ \t]|constata|advierte|alerta|recomienda|pide|solicita|"
    r"supervis[oó]|verific[oó])",
    re.I,
)
_ISSUED_BY = re.compile(
    r"^[ \t]*(?:From|Issued by|Publicado por|Emitido por)[ \t]*:[ \t]*(?P<org>[^\n]{3,90}?)[ \t]*$",
    re.M,
)
_NAMED_SUBJECT = re.compile(
    r"[ \t]*(?:(?:la|el|the)[ \t]+)?(?P<org>[A-ZÁÉÍÓÚÑ][\w'’.&-]*(?:[ \t]+(?:(?:de|del|la|las|"
    r"los|y|for|of|the|and|on)[ \t]+)*[A-ZÁÉÍÓÚÑ][\w'’.&-]*){0,8})(?=[ \t])"
)
_DASH_SEPARATOR = re.compile(r"[ \t]+[\u2014\u2013][ \t]+")
_SEPARATORS = re.compile(r"[ \t]+[|·•][ \t]+|[ \t]*\|[ \t]*")
# Words that make a capitalised phrase the name of an organisation.
_ORG_WORD = re.compile(
    r"\b(?:institute|instituto|center|centre|centro|coalition|coalici[oó]n|collective|colectivo|"
    r"foundation|fundaci[oó]n|network|red|observatory|observatorio|initiative|iniciativa|"
    r"alliance|alianza|council|consejo|commission|comisi[oó]n|committee|comit[eé]|"
    r"association|asociaci[oó]n|forum|foro|office|oficina|project|proyecto|watch|clinic|"
    r"cl[ií]nica|society|sociedad|movement|movimiento|federation|federaci[oó]n|group|grupo|"
    r"organi[sz]ation|organizaci[oó]n|fund|fondo|union|league|liga|lab|laboratorio|"
    r"collaborative|partnership|defenders|defensoras|defensores|defensor[ií]a|procuradur[ií]a|"
    r"ombudsman|ombudsperson|platform|plataforma|secretar[ií]a|ministry|ministerio|"
    r"agency|agencia|gobierno|government|court|corte|tribunal|senado|senate|embassy|embajada|"
    r"canciller[ií]a|presidencia|international|internacional)\b",
    re.I,
)
_ORG_MAX_WORDS = 16
_ORG_NAME = re.compile(
    r"^(?:the[ \t]+|el[ \t]+|la[ \t]+)?[A-ZÁÉÍÓÚÑ][\w'’.&-]*"
    r"(?:[ \t]+(?:(?:de|del|la|las|los|y|for|of|the|and|in|on|para|en|a)[ \t]+)*"
    r"[A-ZÁÉÍÓÚÑ(][\w'’.&()-]*){0,15}$"
)
# "Secretaría de Estado en los Despachos de Movilidad Humana y Reintegración (SEMOHR)": a long
# official name that opens with what it is and closes with its acronym.
_LONG_OFFICIAL_NAME = re.compile(r"^[ \t]*(?:the[ \t]+)?\w+.*\([A-ZÁÉÍÓÚÑ]{2,10}\)[ \t]*$")
_CLOSING = re.compile(
    r"^[ \t]*(?:sincerely|respectfully|regards|best regards|yours(?: sincerely| truly)?|"
    r"atentamente|cordialmente|respetuosamente|saludos cordiales)[ \t]*[,.:]?[ \t]*$",
    re.I | re.M,
)
_ABOUT = re.compile(
    r"^[ \t#*_]*(?:about(?:[ \t]+the)?|acerca[ \t]+de(?:l|[ \t]+la)?|sobre(?:[ \t]+el|[ \t]+la)?)"
    r"[ \t]+(?P<org>[^\n]{3,90}?)[ \t*_:]*$|"
    r"(?:©|\(c\)|copyright)[ \t]*(?:\d{4}[ \t]*[-–]?[ \t]*(?:\d{4})?[ \t,]*)?(?P<owner>[^\n.|]{3,90})|"
    r"(?:press[ \t]+release[ \t]+(?:from|by|of)|statement[ \t]+(?:from|by|of)|published[ \t]+by|"
    r"comunicado(?:[ \t]+de[ \t]+prensa)?[ \t]+(?:del|de[ \t]+la|de)|publicado[ \t]+por|"
    r"declaraci[oó]n[ \t]+(?:del|de[ \t]+la|de))[ \t]+(?:the[ \t]+)?(?P<by>[^\n.,|]{3,90})",
    re.I | re.M,
)


def _org_like(phrase: str) -> str | None:
    """``phrase`` if it reads as an organisation's name ("Northbridge Policy Institute")."""
    name = phrase.strip().strip("*_#:,;").strip()
    if not name or len(name.split()) > _ORG_MAX_WORDS or find_dates(name):
        return None
    if not _ORG_NAME.match(name) or not _ORG_WORD.search(name):
        return None
    return re.sub(r"^(?:the|el|la)\s+", "", name, flags=re.I)


def _publisher_of(phrase: str) -> str | None:
    """A known organisation a short phrase names (it must open it), else the phrase itself
    when it reads as an organisation's name."""
    found = _find_orgs(phrase)
    if found and found[0][0] <= 4:
        return found[0][1]
    return _org_like(phrase)


def org_name(phrase: str) -> str | None:
    """The organisation a short phrase (a running header, a site's name) names: a known one by
    any of its aliases, else the phrase when it reads as an organisation's name."""
    return _publisher_of(phrase)


def _masthead(lines: list[str], text: str) -> str | None:
    """The publisher a document's head names: a known organisation opening a short line or a
    segment of a "Name | Type | Date" line, or that is the author of the sentence it opens."""
    for line in lines:
        segments = _SEPARATORS.split(line) if _SEPARATORS.search(line) else [line]
        for segment in segments:
            if len(segment.split()) > 12:
                continue
            found = _find_orgs(segment)
            if found and found[0][0] <= 4:
                return found[0][1]
        if len(segments) > 1:
            for segment in segments:
                named = _org_like(segment)
                if named:
                    return named
    table = _aliases()
    for start, name in _find_orgs(text):
        rest = text[start : start + 120]
        alias = next(
            (
                m.group()
                for m in (table.acronym_re.match(rest), table.name_re.match(fold(rest)))
                if m
            ),
            None,
        )
        if alias and _AUTHOR_VERB.match(rest[len(alias) :]):
            return name
    # An organisation the bundled list does not know opening a headline as its subject
    # ("Defensoría del Pueblo constata que … y pide al Ejecutivo …").
    for line in lines:
        m = _NAMED_SUBJECT.match(line)
        if m and _AUTHOR_VERB.match(line[m.end() :]):
            named = _org_like(m.group("org"))
            if named:
                return named
    # An organisation the bundled list does not know, alone on a short line of the masthead
    # ("INTER-AMERICAN POLICY LAB", "Centro de Estudios Fronterizos").
    candidates: list[str] = []
    for whole in lines:
        # "MINISTRY OF FOREIGN AFFAIRS — REPUBLIC OF COLOMBIA": the body before its country.
        line = _DASH_SEPARATOR.split(whole, maxsplit=1)[0]
        words = line.split()
        opens = bool(words) and _ORG_WORD.fullmatch(words[0].lower().strip("(")) is not None
        short = len(words) <= 8 or (
            opens and (len(words) <= 10 or _LONG_OFFICIAL_NAME.match(line) is not None)
        )
        named = _org_like(line) if short and len(words) >= 2 else None
        if named:
            candidates.append(_title_case(named) if named.isupper() else named)
    # "GOBIERNO DE LA REPÚBLICA DE HONDURAS" above "Secretaría de … (SEMOHR)": the office that
    # issues the text, not the government it belongs to.
    specific = [c for c in candidates if not _WHOLE_GOVERNMENT.match(c)]
    chosen = specific or candidates
    return chosen[0] if chosen else None


_WHOLE_GOVERNMENT = re.compile(r"(?:the\s+)?(?:gobierno|government)\s+(?:de|of)\s", re.I)


_MINOR_WORDS = frozenset(
    [
        "a",
        "al",
        "and",
        "de",
        "del",
        "el",
        "en",
        "for",
        "in",
        "la",
        "las",
        "los",
        "of",
        "on",
        "para",
        "por",
        "sobre",
        "the",
        "y",
    ]
)


def _title_case(name: str) -> str:
    """ "OBSERVATORIO SOBRE DESAPARICIÓN (OCDM)" → "Observatorio sobre Desaparición (OCDM)"."""
    words = []
    for i, word in enumerate(name.split()):
        if word.startswith("("):
            words.append(word)  # an acronym in brackets stays as written
        elif i and word.lower() in _MINOR_WORDS:
            words.append(word.lower())
        else:
            words.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(words)


def _signature(text: str) -> str | None:
    """The first organisation signing a letter (the line after "Sincerely,")."""
    closings = list(_CLOSING.finditer(text))
    if not closings:
        return None
    closing = closings[-1]
    for line in text[closing.end() :].splitlines()[:6]:
        if line.strip():
            named = _publisher_of(line)
            if named:
                return named
    return None


def _about(text: str) -> str | None:
    """ "About <org>", "© 2024 <org>", "Comunicado de prensa del <org>"."""
    for m in _ABOUT.finditer(text):
        phrase = m.group("org") or m.group("owner") or m.group("by") or ""
        named = _publisher_of(phrase)
        if named:
            return named
    return None


def detect_publisher(text: str, *, site_name: str | None = None) -> str | None:
    """The organisation that published the text: the site's name, else the one its masthead
    names (or that opens it as the author of a statement), else the one that signs it or that
    an "About …" or copyright line names, else a non-governmental organisation it names most
    often. ``None`` rather than an organisation the text merely mentions."""
    if site_name:
        named = _find_orgs(site_name)
        if named:
            return named[0][1]
        if _org_like(site_name):
            return _org_like(site_name)
    salutation = _SALUTATION.search(text[: _HEAD_CHARS * 2])
    if salutation is not None:
        # A letter's masthead is the recipient's address: look only past the salutation.
        text = text[salutation.end() :]
    else:
        issued = _ISSUED_BY.search(text[:_HEAD_CHARS])
        if issued:
            # "From: Foreign, Commonwealth & Development Office" (a government site's byline)
            byline = _publisher_of(issued.group("org"))
            if byline:
                return byline
        head = _masthead(_head_lines(text), text[:_HEAD_CHARS])
        if head:
            return head
    tail = text[-2500:]
    signed = _signature(tail) or _about(text[:_HEAD_CHARS]) or _about(tail)
    if signed:
        return signed
    groups = _groups()
    everywhere = [(p, n) for p, n in _find_orgs(text) if groups.get(n) not in _MENTIONED_GROUPS]
    if not everywhere:
        return site_name
    counts: dict[str, int] = {}
    for _, name in everywhere:
        counts[name] = counts.get(name, 0) + 1
    tail_start = len(text) - 1500
    for position, name in everywhere:
        if position >= tail_start:
            counts[name] = counts.get(name, 0) + 2
    return max(counts, key=lambda n: counts[n])


@cache
def _groups() -> dict[str, str]:
    return {org["name"]: str(org.get("group", "")) for org in organisations()}


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


# A salutation that names an office but not whose ("Dear Mr. Secretary", "Estimada Secretaria").
_TITLE_ONLY = re.compile(
    r"^(?:(?:mr|mrs|ms|madam|madame|sr|sra|srta|señor|señora|senor|senora|the|honorable|"
    r"hon|distinguid[oa])\.?\s+)*"
    r"(?:secretary|secretari[oa]|minister|ministr[oa]|senator|senador[a]?|president|presidente|"
    r"presidenta|ambassador|embajador[a]?|director[a]?|commissioner|comisionad[oa]|chair|"
    r"chairman|chairwoman|administrator|administrador[a]?|titular|representative|"
    r"congress(?:wo)?man|governor|gobernador[a]?|fiscal|procurador[a]?|canciller)\s*$",
    re.I,
)
_ADDRESS_NOISE = re.compile(r"\d|^(?:presente|p\s*r\s*e\s*s\s*e\s*n\s*t\s*e|washington)\b", re.I)
_HONORIFIC = re.compile(
    r"^(?:the\s+)?(?:honorable|hon\.|excelent[ií]simo|excelent[ií]sima)\s+", re.I
)


def _address_block(before: str) -> list[str]:
    """The recipient's lines just above a salutation (office, institution), without the street,
    city or date lines."""
    lines = [ln.strip() for ln in before.splitlines()]
    block: list[str] = []
    for line in reversed(lines):
        if not line:
            if block:
                break
            continue
        if len(line) > 90 or line.endswith((".", ";")) or find_dates(line):
            break
        block.insert(0, line)
        if len(block) >= 7:
            break
    return [_HONORIFIC.sub("", ln) for ln in block if not _ADDRESS_NOISE.search(ln)]


# Testimony or a statement for the record "Before the Subcommittee on …" of a legislature.
_BEFORE_COMMITTEE = re.compile(
    r"^\s*(?:before|ante)\s+(?:the\s+|la\s+|el\s+)?(?P<body>[^\n]*(?:committee|commission|comisi[oó]n|"
    r"senate|senado|house|c[aá]mara|congress|congreso)[^\n]*(?:\n[^\n]+){0,2})",
    re.I | re.M,
)
_HEARING_WORDS = re.compile(r"\b(?:testimony|statement|testimonio|comparecencia)\b", re.I)
_US_LEGISLATURE = re.compile(r"\bU\.?S\.?\b|House of Representatives|United States Senate")


# A letter's address block without a "Dear …" line: "The Honorable Jordan Ellis / Secretary
# of State / U.S. Department of State".
_HONORABLE = re.compile(
    r"^[ \t]*(?:the\s+)?(?:honorable|hon\.)\s+[^\n]{3,60}\n(?P<office>(?:[^\n]{3,90}\n?){1,2})",
    re.I | re.M,
)


def _honorable_addressee(head: str) -> str | None:
    m = _HONORABLE.search(head)
    if m is None:
        return None
    lines = [ln.strip() for ln in m.group("office").splitlines() if ln.strip()]
    lines = [ln for ln in lines if not _ADDRESS_NOISE.search(ln)]
    return ", ".join(lines) or None


def _hearing_addressee(head: str) -> str | None:
    """Whom a witness's testimony addresses: the legislature it is given before ("Before the
    Subcommittee on the Western Hemisphere … U.S. House of Representatives")."""
    m = _BEFORE_COMMITTEE.search(head)
    if m is None or not _HEARING_WORDS.search(head[: m.end()]):
        return None
    body = " ".join(m.group("body").split())
    return "US Congress" if _US_LEGISLATURE.search(body) else body


def detect_addressee(text: str) -> str | None:
    """For a letter, whom it is written to: the salutation, or when it names only an office
    ("Dear Mr. Secretary,") the address block above it ("Secretary of State / U.S. Department
    of State")."""
    m = _SALUTATION.search(text[: _HEAD_CHARS * 2])
    if not m:
        return _honorable_addressee(text[:_HEAD_CHARS]) or _hearing_addressee(
            text[: _HEAD_CHARS * 2]
        )
    who = m.group("who").strip()
    block = _address_block(text[: m.start()])
    if _TITLE_ONLY.match(who) and block:
        return ", ".join(block[:3])
    office = _honorable_addressee(text[: m.start()])
    if office:
        return f"{who}, {office}"  # "Dear Secretary Ellis," under "Secretary of State / …"
    return who


_BY_PREFIX = re.compile(r"^(?:by|por)\s*:?\s+", re.I)
_NAME_LIST = re.compile(r"\s*(?:;|,|\band\b|\by\b|&)\s*")


def split_people(authors: list[str]) -> list[str]:
    """Authors as people: a property or byline "Ana Pérez, John Roe" is two of them."""
    out: list[str] = []
    for raw in authors:
        # A page's byline as a parser read it: "Por Ana Pérez", "By: John Roe".
        entry = _BY_PREFIX.sub("", raw.strip())
        names = [n.strip() for n in _NAME_LIST.split(entry) if n.strip()]
        if len(names) > 1 and all(_PERSON.match(n) for n in names):
            out.extend(names)
        else:
            out.append(entry.strip())
    return list(dict.fromkeys(a for a in out if a))


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
    merged = found.merged(
        Metadata(title=hints.title, date=hints.date, authors=split_people(hints.authors))
    )
    if hints.date and found.date and raw.format in ("docx", "pdf"):
        # A .docx creation date is when the file was made, not published; a PDF's running
        # header may carry a date, but its cover or masthead says when it was published.
        merged.date = found.date
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
