"""Who speaks in a document, for which government, to whom, and about which countries.

Before its sentences are read, a document is placed: the government that publishes it (a
ministry, an embassy, "Instituto Guatemalteco de Migración"), or that speaks through it (a
leader's address, an interviewed minister, a government's response to a committee, the
governments that jointly declare it); whom it mostly addresses; the foreign country it is about,
two governments it is about together, and what "the region" means in it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from veedor.document import Document
from veedor.extract import speakers
from veedor.extract.addressee import US_EXECUTIVE, join, resolver
from veedor.extract.context import DocContext, Sentence
from veedor.extract.countries import USA, MentionIndex
from veedor.extract.countries import matcher as country_matcher
from veedor.extract.items import Addressee
from veedor.nlp.text import fold
from veedor.vocab import organisations


def settle(
    doc: Document, ctx: DocContext, folded: str, sentences: list[tuple[Sentence, bool]]
) -> bool:
    """Fill in what ``ctx`` knows of the whole document (its ``places`` already indexed);
    returns whether it is a government's response that quotes a committee's
    recommendations."""
    who = resolver()
    places = ctx.places
    assert places is not None
    everywhere = places.find(0, len(doc.text))
    # How often each country is named alone (not in a grouping), the US included.
    named_alone = Counter(m.iso3[0] for m in everywhere if len(m.iso3) == 1)
    doc_country = _main_country(named_alone)
    ctx.who.country = ctx.country = doc_country
    ctx.pair = _pair(named_alone)
    # "Secretaría de Relaciones Exteriores" publishing about Honduras: Honduras' government.
    body = bool(doc.meta.publisher) and _GOVERNMENT_BODY.match(fold(doc.meta.publisher or ""))
    embassy = _EMBASSY.search(fold(doc.meta.publisher or ""))
    sending = country_matcher().codes(doc.meta.publisher or "") if embassy else []
    if ctx.publisher_government is None and sending:
        # "Embajada de los Estados Unidos en Costa Rica": the state that sends it speaks.
        ctx.publisher_government = USA if sending[0] == USA else who.government_of(sending[0]).name
    if ctx.publisher_government is None and body:
        # "Instituto Guatemalteco de Migración": a body whose name says its country.
        named = [c for c in country_matcher().codes(doc.meta.publisher or "") if c != USA]
        country = named[0] if len(named) == 1 else doc_country
        if country:
            ctx.publisher_government = who.government_of(country).name
    responding = bool(
        _GOVERNMENT_RESPONSE.search(fold(doc.meta.title or ""))
        or _GOVERNMENT_RESPONSE.search(folded[:400])
    )
    if ctx.publisher_government is None and responding:
        # "Government Response to the Report of the Standing Committee …": the government
        # the response names first speaks ("the Government of Canada is pleased to respond").
        country = _first_foreign(places, 3000) or doc_country
        if country:
            ctx.publisher_government = who.government_of(country).name
    if ctx.publisher_government is None and _INTERVIEW.search(folded[:800]):
        # "ENTREVISTA | MARÍA ORELLANA, CANCILLER DEL ECUADOR": the minister answers, and her
        # first person ("vamos a abrir …") is her government's.
        country = _first_foreign(places, 800)
        if country:
            ctx.publisher_government = who.government_of(country).name
    if ctx.publisher_government is None:
        ctx.joint_authors = _joint_authors(doc, folded, places)
        if ctx.joint_authors is not None:
            ctx.publisher_government = ctx.joint_authors.name
    if ctx.publisher_government is None and doc_country and _LEADER_SPEAKS.search(folded[:600]):
        # "Mensaje de S.E. el Presidente de la República ante el Congreso Pleno": the
        # government of the country the address is about speaks in the first person.
        ctx.publisher_government = who.government_of(doc_country).name
    if doc.meta.title:
        ctx.title_countries = [
            c for c in _title_countries(doc.meta.title, doc.text, places) if c != USA
        ]
    ctx.region_countries = ctx.title_countries or _focus_countries(named_alone)
    ctx.who.default = _default_addressee(doc, ctx, sentences, named_alone)
    return responding


@cache
def _organisation_aliases() -> dict[str, tuple[str, ...]]:
    """Folded organisation name → its folded aliases (those long enough to be unambiguous)."""
    return {
        fold(org["name"]): tuple(fold(a) for a in org.get("aliases", []) if len(a) >= 3)
        for org in organisations()
    }


# A head of state or government, or a minister, delivering the document.
_LEADER_SPEAKS = re.compile(
    r"\b(?:mensaje|discurso|palabras|intervencion|cuenta\s+publica|informe\s+de\s+gobierno)"
    r"\s+(?:presidencial\b|(?:de|del)\s+(?:s\.\s?e\.\s+)?(?:el\s+|la\s+)?"
    r"(?:presidente|presidenta|primer\s+ministro|primera\s+ministra|canciller|ministro|ministra))"
    r"|\b(?:remarks|address|speech)\s+by\s+(?:the\s+)?(?:president|prime\s+minister)\b"
)


def publisher_names(publisher: str | None) -> tuple[str, ...]:
    if not publisher:
        return ()
    name = fold(publisher)
    # "Secretaría de … (SEMOHR)": the name without its acronym, and the acronym alone.
    acronym = _ACRONYM_AFTER.search(publisher)  # in capitals: "(SEMOHR)", not "(Guatemala)"
    parts = {name[: acronym.start()].strip(), fold(acronym.group(1))} if acronym else set()
    # "Government Accountability Review Office" signs as "GARO": the initials of its words
    # (with and without the small ones), when they make a word of four letters or more.
    words = re.findall(r"[a-z]+", name[: acronym.start()] if acronym else name)
    for initials in (
        "".join(w[0] for w in words),
        "".join(w[0] for w in words if w not in _SMALL_WORDS),
    ):
        if 4 <= len(initials) <= 8:
            parts.add(initials)
    return tuple(sorted({name, *parts, *_organisation_aliases().get(name, ())}))


_SMALL_WORDS = frozenset(
    ["of", "on", "for", "the", "and", "in", "de", "del", "la", "las", "los", "el", "y", "en"]
)


_ACRONYM_AFTER = re.compile(r"\s*\(([A-ZÁÉÍÓÚÑ]{2,10})\)\s*$")


_GOVERNMENT_WORDS = frozenset([
    "the", "u.s.", "us", "united", "states", "government", "office", "of", "spokesperson",
    "press", "gobierno", "de", "del", "la", "el", "oficina", "prensa",
])  # fmt: skip


# A publisher's name that makes it a body of some government, whose country the text says.
_GOVERNMENT_BODY = re.compile(
    r"^(?:the\s+|la\s+|el\s+)?(?:ministry|ministerio|secretaria|secretariat|cancilleria|"
    r"presidencia|casa\s+presidencial|gobierno|government|office\s+of\s+the\s+president|"
    r"despacho|viceministerio|instituto\s+(?:\w+\s+){0,2}de\s+(?:asuntos\s+)?migra\w*|"
    r"servicio\s+nacional\s+de\s+migraci\w*|superintendencia\s+nacional\s+de\s+migraciones|"
    r"direccion\s+(?:general\s+|nacional\s+)?de\s+migraci\w*|migracion\s+colombia|"
    r"consejo\s+nacional\s+de\s+politica\s+economica|departamento\s+nacional\s+de\s+planeacion)\b"
)


# The opening of a joint declaration: "We, the Heads of State and Government of …", "Los
# Ministros y Ministras de Relaciones Exteriores … de la República de Chile, …".
_DECLARANTS = re.compile(
    r"\W*(?:(?:we|nosotros|nosotras),?\s+)?(?:the\s+|los\s+|las\s+)?(?:heads\s+of\s+state|"
    r"leaders|ministers|foreign\s+ministers|ministros|ministras|jefes|jefas|presidentes|"
    r"presidentas|cancilleres|representatives\s+of\s+the\s+governments|"
    r"representantes\s+de\s+los\s+gobiernos|governments\s+of|gobiernos\s+de|"
    r"issued\s+(?:jointly\s+)?by|emitid[oa]\s+(?:conjuntamente\s+)?por)\b"
)
# A government's formal response to a committee's report, which quotes each recommendation
# ("Recommendation 5: That the Government of Canada …") before answering it.
_GOVERNMENT_RESPONSE = re.compile(
    r"\bgovernment(?:'s)?\s+response\s+to\b|\brespuesta\s+del\s+gobierno\s+(?:al|a\s+la)\b"
)
# An interview with a government official, named in the headline.
_INTERVIEW = re.compile(
    r"\b(?:entrevista|interview)\b[^\n]{0,120}\b(?:canciller|ministr[oa]|viceministr[oa]|"
    r"secretari[oa]\s+de|president[ea]|minister|foreign\s+minister|secretary\s+of)\b"
)


_EMBASSY = re.compile(r"\b(?:embassy|embajada|consulate|consulado)\b")


def _joint_authors(doc: Document, folded: str, places: MentionIndex) -> Addressee | None:
    """The governments that jointly author a declaration: a paragraph near its start that
    opens with those declaring (heads of state, ministers) and names two countries or more."""
    for block in doc.blocks[:15]:
        if block.start > 3000:
            break
        if block.kind == "list_item" or not _DECLARANTS.match(folded, block.start, block.end):
            continue
        named = [m for m in places.find(block.start, block.end) if m.how in ("name", "institution")]
        codes = list(dict.fromkeys(c for m in named for c in m.iso3))
        if len(codes) >= 2:
            return join([resolver().government_of(c) for c in codes])
    return None


def publisher_government(publisher: str | None) -> str | None:
    """ "USA" or the government's name when a government body publishes the document."""
    folded = fold(publisher) if publisher else ""
    hits = resolver().find(folded)
    if len(hits) != 1:
        return None
    rest = folded[: hits[0][0]] + " " + folded[hits[0][1] :]
    if not set(re.findall(r"[\w.]+", rest)) <= _GOVERNMENT_WORDS:
        return None  # "George W. Bush Institute" names a president but is not a government
    named = hits[0][2]
    if named.kinds == ("us-executive",):
        return "USA"
    return named.name if named.kinds == ("foreign-government",) else None


def _default_addressee(
    doc: Document,
    ctx: DocContext,
    sentences: list[tuple[Sentence, bool]],
    named_alone: Counter[str],
) -> Addressee | None:
    """Whom the document mostly addresses: the letter's addressee, else the actor most often
    named as the subject of a recommendation cue."""
    if ctx.who.doc_addressee is not None:
        return ctx.who.doc_addressee
    counts: Counter[Addressee] = Counter()
    cues = ctx.cues
    who = resolver()
    for sentence, _ in sentences:
        if not cues.modal_gate.open(sentence.tokens, sentence.folded):
            continue
        for pattern in (cues.modal_must, cues.modal_should):
            for m in pattern.finditer(sentence.folded):
                if speakers.reported(sentence, m.start()):
                    continue  # "la Corte ha sostenido que los Estados deben …": not an ask
                start = sentence.folded.rfind(",", 0, m.start()) + 1
                named = who.subject(
                    sentence.text[start : m.start()], sentence.folded[start : m.start()], ctx.who
                )
                if named is not None:
                    counts[named] += 1
    foreign = None
    if ctx.country is not None and named_alone[USA] * 3 < named_alone[ctx.country]:
        # An English text about Chile that barely names the United States ("Santiago should
        # rebuild protection …"): its asks are of the country it is about, whatever "the
        # government" or "Congress" would mean in a text about US policy.
        foreign = who.government_of(ctx.country)
    if counts:
        best = counts.most_common(1)[0][0]
        us_kinds = {"us-executive", "us-congress"}
        return foreign if foreign is not None and set(best.kinds) <= us_kinds else best
    if foreign is not None:
        return foreign
    return US_EXECUTIVE if doc.meta.language in (None, "en") else None


def _foreign(named_alone: Counter[str]) -> Counter[str]:
    return Counter({code: n for code, n in named_alone.items() if code != USA})


def _first_foreign(places: MentionIndex, end: int) -> str | None:
    """The first country other than the US named before ``end``."""
    return next((m.iso3[0] for m in places.find(0, end) if m.iso3 != (USA,)), None)


def _main_country(named_alone: Counter[str]) -> str | None:
    """The foreign country a document is about: named in at least half of its foreign country
    mentions (and more than once)."""
    counts = _foreign(named_alone)
    if not counts:
        return None
    code, n = counts.most_common(1)[0]
    return code if n >= 2 and n * 2 >= sum(counts.values()) else None


def _focus_countries(named_alone: Counter[str]) -> list[str]:
    """The one or two foreign countries a document mostly discusses: each named at least five
    times and in at least a quarter of its foreign single-country mentions."""
    counts = _foreign(named_alone)
    total = sum(counts.values())
    return [code for code, n in counts.most_common(3) if n >= 5 and n * 4 >= total]


def _pair(counts: Counter[str]) -> Addressee | None:
    """Both governments of a bilateral text: two countries (the US counts) named at least
    three times each and in at least 60% of its single-country mentions."""
    top = counts.most_common(2)
    if len(top) < 2 or top[1][1] < 3 or top[0][1] + top[1][1] < 0.6 * sum(counts.values()):
        return None
    return join([resolver().government_of(code) for code, _ in top])


def _title_countries(title: str, text: str, places: MentionIndex) -> list[str]:
    """The countries a document's title names: read in the text where the title stands in it
    (its groupings are then as wide as the document makes them), else on its own."""
    at = text.find(title, 0, 2000)
    if at >= 0:
        return places.codes(at, at + len(title))
    return country_matcher().codes(title)
