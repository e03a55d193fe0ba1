"""The extraction stage: a document in, its recommendations, commitments and figures out.

Blocks are read top to bottom and split into sentences; each sentence goes through the
recommendation detector, then (if it is not one) the commitment detector, and always the figure
detector. Document-level state — the letter's addressee, the last actor named, the current
lead-in — travels in a :class:`~veedor.extract.context.DocContext`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache

from veedor.document import Document
from veedor.extract import commitments, directives, figures, recommendations, speakers
from veedor.extract.addressee import US_EXECUTIVE, join, resolver
from veedor.extract.context import (
    DocContext,
    LeadIn,
    Sentence,
    ask_countries,
    own_countries,
)
from veedor.extract.countries import USA, CountryMention, MentionIndex
from veedor.extract.countries import matcher as country_matcher
from veedor.extract.cues import cues_for
from veedor.extract.items import Addressee, Item
from veedor.extract.themes import MAX_THEMES, ThemeClassifier, classifier
from veedor.nlp.language import detect_language
from veedor.nlp.sentences import split_sentences
from veedor.nlp.text import fold
from veedor.vocab import organisations

EXTRACTOR_VERSION = "0.3.21"


@cache
def _organisation_aliases() -> dict[str, tuple[str, ...]]:
    """Folded organisation name → its folded aliases (those long enough to be unambiguous)."""
    return {
        fold(org["name"]): tuple(fold(a) for a in org.get("aliases", []) if len(a) > 3)
        for org in organisations()
    }


# Where a bill's or decree's own text starts: "PROYECTO DE DECRETO", "ARTÍCULO ÚNICO.-",
# "Artículo 1.", "Section 1. Short title".
_DECREE_TEXT = re.compile(
    r"\W*(?:proyecto\s+de\s+decreto|decreto\s*$|articulo\s+(?:unico|primero|\d+)\s*(?:[o°º]\s*)?"
    r"[.:\-\u2013\u2014]|section\s+1\.\s+short\s+title|be\s+it\s+enacted)"
)
# Headings inside such a text ("TRANSITORIOS", "CAPÍTULO II").
_DECREE_PART = re.compile(
    r"\W*(?:transitorios?|capitulo|chapter|titulo|title|sec(?:tion|\.)|articulo|decreto)\b"
)


# "Podrán acceder las personas que:", "applicants who:": its items are conditions.
_RELATIVE_LEAD = re.compile(r"\b(?:que|quienes|who|that|if|si)\s*:\s*$")
# "Para iniciar el trámite se requerirá:", "Applicants must bring:": its items are requirements.
_REQUIREMENTS_LEAD = re.compile(
    r"\b(?:requisit\w*|requerir\w*|se\s+requiere|requirements?|required|deberan\s+presentar|"
    r"must\s+(?:submit|present|bring|provide))\b"
)
# A head of state or government, or a minister, delivering the document.
_LEADER_SPEAKS = re.compile(
    r"\b(?:mensaje|discurso|palabras|intervencion|cuenta\s+publica|informe\s+de\s+gobierno)"
    r"\s+(?:presidencial\b|(?:de|del)\s+(?:s\.\s?e\.\s+)?(?:el\s+|la\s+)?"
    r"(?:presidente|presidenta|primer\s+ministro|primera\s+ministra|canciller|ministro|ministra))"
    r"|\b(?:remarks|address|speech)\s+by\s+(?:the\s+)?(?:president|prime\s+minister)\b"
)


def _publisher_names(publisher: str | None) -> tuple[str, ...]:
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


_GOVERNMENT_WORDS = frozenset(
    [
        "the",
        "u.s.",
        "us",
        "united",
        "states",
        "government",
        "office",
        "of",
        "the",
        "spokesperson",
        "press",
        "gobierno",
        "de",
        "del",
        "la",
        "el",
        "oficina",
        "prensa",
    ]
)


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
# A lead-in announcing the author's own plan: "Para 2026, el Instituto se propone:", "Nos
# comprometemos a:", "In 2027 the Ministry will:", "Our goals for next year are:".
_OWN_PLAN = re.compile(
    r"\b(?:se\s+propone|nos\s+proponemos|se\s+ha\s+propuesto|se\s+compromete\s+a|"
    r"nos\s+comprometemos\s+a|preve|tiene\s+previsto|will|commits\s+to|we\s+commit\s+to|"
    r"plans\s+to|intends\s+to|(?:las\s+|nuestras\s+|sus\s+)?metas(?:\s+\w+){0,4}\s+son|"
    r"(?:our|its|the)\s+goals(?:\s+\w+){0,4}\s+are)\s*:\s*$"
)


_RELATED = re.compile(
    r"\W*(?:related(?:\s+(?:posts|articles|content|stories|reading|news))?|read\s+more|"
    r"more\s+from\s+[\w\s]{1,30}|you\s+may\s+also\s+like|recommended(?:\s+reading)?|"
    r"lee\s+tambien|te\s+puede\s+interesar|tambien\s+te\s+puede\s+interesar|"
    r"notas\s+relacionadas|articulos\s+relacionados|noticias\s+relacionadas|mas\s+noticias)"
    r"\W*$"
)


# A government's formal response to a committee's report, which quotes each recommendation
# ("Recommendation 5: That the Government of Canada …") before answering it.
_GOVERNMENT_RESPONSE = re.compile(
    r"\bgovernment(?:'s)?\s+response\s+to\b|\brespuesta\s+del\s+gobierno\s+(?:al|a\s+la)\b"
)
_QUOTED_RECOMMENDATION = re.compile(r"\W*(?:recommendation|recomendacion)\s+\d{1,3}\s*[:.]")


# "The Nicaraguan Stateless Persons Protection Act would:", "La iniciativa propone:": what a
# bill or decree would do, listed.
_PROVISIONS_LEAD = re.compile(
    r"\b(?:act|bill|legislation|law|amendment|measure|ley|iniciativa|proyecto|decreto|reforma)"
    r"\b[^:]{0,80}?\b(?:would(?:\s+also)?|will|establishes|requires|includes|propone|establece|"
    r"incluye|dispone|contempla)\s*:\s*$"
)


# An interview with a government official, named in the headline.
_INTERVIEW = re.compile(
    r"\b(?:entrevista|interview)\b[^\n]{0,120}\b(?:canciller|ministr[oa]|viceministr[oa]|"
    r"secretari[oa]\s+de|president[ea]|minister|foreign\s+minister|secretary\s+of)\b"
)


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


def _publisher_government(publisher: str | None) -> str | None:
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


def _sentences(doc: Document, folded: str, ctx: DocContext) -> Iterator[tuple[Sentence, bool]]:
    """Every sentence with a flag: is it the last of its block. ``folded`` is ``fold(doc.text)``
    (folding keeps offsets, so one pass serves every sentence)."""
    for index, block in enumerate(doc.blocks):
        if block.kind == "footnote":
            continue
        spans = split_sentences(doc.text, block.start, block.end)
        for n, (start, end) in enumerate(spans):
            yield (
                Sentence(
                    doc.text[start:end], folded[start:end], start, end, block, index, n == 0, ctx
                ),
                n == len(spans) - 1,
            )


def _default_addressee(
    doc: Document, ctx: DocContext, sentences: list[tuple[Sentence, bool]]
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
    if ctx.country is not None and ctx.places is not None:
        # An English text about Chile that barely names the United States ("Santiago should
        # rebuild protection …"): its asks are of the country it is about, whatever "the
        # government" or "Congress" would mean in a text about US policy.
        everywhere = ctx.places.find(0, len(doc.text))
        mentions = Counter(m.iso3[0] for m in everywhere if len(m.iso3) == 1)
        if mentions[USA] * 3 < mentions[ctx.country]:
            foreign = who.government_of(ctx.country)
    if counts:
        best = counts.most_common(1)[0][0]
        us_kinds = {"us-executive", "us-congress"}
        return foreign if foreign is not None and set(best.kinds) <= us_kinds else best
    if foreign is not None:
        return foreign
    return US_EXECUTIVE if doc.meta.language in (None, "en") else None


def _heading_addressee(s: Sentence) -> Addressee | None:
    """The addressee a section heading names, if it is addressed ("… to Congress")."""
    who = resolver()
    if not re.search(r"\b(?:to|for|al|a\s+la|a\s+los|para)\b", s.folded):
        return None
    hits = who.find(s.folded)
    return join([h[2] for h in hits]) if hits else who.named_government(s.text, s.folded)


def _main_country(mentions: list[CountryMention]) -> str | None:
    """The foreign country a document is about: named in at least half of its foreign country
    mentions (and more than once)."""
    counts = Counter(m.iso3[0] for m in mentions if len(m.iso3) == 1 and m.iso3[0] != USA)
    if not counts:
        return None
    code, n = counts.most_common(1)[0]
    return code if n >= 2 and n * 2 >= sum(counts.values()) else None


def _focus_countries(mentions: list[CountryMention]) -> list[str]:
    """The one or two foreign countries a document mostly discusses: each named at least five
    times and in at least a quarter of its foreign single-country mentions."""
    counts = Counter(m.iso3[0] for m in mentions if len(m.iso3) == 1 and m.iso3[0] != USA)
    total = sum(counts.values())
    return [code for code, n in counts.most_common(3) if n >= 5 and n * 4 >= total]


def _pair(mentions: list[CountryMention]) -> Addressee | None:
    """Both governments of a bilateral text: two countries (the US counts) named at least
    three times each and in at least 60% of its single-country mentions."""
    counts = Counter(m.iso3[0] for m in mentions if len(m.iso3) == 1)
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


def _topic(mentions: list[CountryMention]) -> list[str]:
    """The one foreign country (or grouping) a passage is about, if it names only that one."""
    named = {m.iso3 for m in mentions if m.iso3 != (USA,)}
    return list(next(iter(named))) if len(named) == 1 else []


def _paragraph_themes(doc: Document, s: Sentence, themes: ThemeClassifier) -> list[str]:
    """For a recommendation whose own words name no theme ("That review should be finished
    before the end of this month"), the themes its paragraph names with two terms or more."""
    if s.start == s.block.start and s.end >= s.block.end - 1:
        return []
    text = doc.text[s.block.start : s.block.end]
    counts = themes.scores(text, lang=s.doc.lang, folded_text=fold(text))
    return [key for key, hits in counts.most_common(MAX_THEMES) if hits >= 2]


def _spell_out(heading: Item, ask: Item) -> None:
    """A run-in heading takes the addressee, countries and themes of the sentence after it in
    its list item ("**Fund prevention.** Congress should appropriate …")."""
    for name in ("addressee", "administration"):
        if name in ask.fields:
            heading.fields[name] = ask.fields[name]
    for name in ("countries", "themes"):
        heading.fields[name] = list(dict.fromkeys(heading.fields[name] + ask.fields[name]))


def extract_document(doc: Document) -> list[Item]:
    """All items of a document, in text order."""
    lang = doc.meta.language or detect_language(doc.text) or "en"
    ctx = DocContext(
        lang=lang if lang in ("en", "es") else "en",
        cues=cues_for(lang),
        date=doc.meta.date,
        publisher_names=_publisher_names(doc.meta.publisher),
    )
    who = resolver()
    ctx.publisher_government = _publisher_government(doc.meta.publisher)
    if doc.meta.addressee:
        ctx.who.doc_addressee = who.from_phrase(doc.meta.addressee)
    folded = fold(doc.text)
    places = country_matcher().index(doc.text, folded)
    ctx.places = places
    sentences = list(_sentences(doc, folded, ctx))
    everywhere = places.find(0, len(doc.text))
    doc_country = _main_country(everywhere)
    ctx.who.country = ctx.country = doc_country
    ctx.pair = _pair(everywhere)
    # "Secretaría de Relaciones Exteriores" publishing about Honduras: Honduras' government.
    body = bool(doc.meta.publisher) and _GOVERNMENT_BODY.match(fold(doc.meta.publisher or ""))
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
        opening = [m for m in places.find(0, min(len(doc.text), 3000)) if m.iso3 != (USA,)]
        country = opening[0].iso3[0] if opening else doc_country
        if country:
            ctx.publisher_government = who.government_of(country).name
    if ctx.publisher_government is None and _INTERVIEW.search(folded[:800]):
        # "ENTREVISTA | MARÍA ORELLANA, CANCILLER DEL ECUADOR": the minister answers, and her
        # first person ("vamos a abrir …") is her government's.
        head = [m for m in places.find(0, min(len(doc.text), 800)) if m.iso3 != (USA,)]
        if head:
            ctx.publisher_government = who.government_of(head[0].iso3[0]).name
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
    ctx.region_countries = ctx.title_countries or _focus_countries(everywhere)
    ctx.who.default = _default_addressee(doc, ctx, sentences)
    administration = who.administration(doc.meta.date)
    themes = classifier()
    items: list[Item] = []
    last_block = -1
    # A recommendation that named no country, for a sentence after it that spells it out.
    vague: tuple[Item, int] | None = None
    # The strength of the request a recommendations section or lead-in makes, until the next
    # heading: addressee-only lead-ins under it ("To donors:") make the same request.
    recommending: str | None = None
    # Inside the text of a bill or decree a document proposes ("I. El Instituto deberá …"):
    # its provisions are the law it would make, not requests.
    legal_text = False
    # A bold run-in heading ("**Fund prevention.**") whose item's next sentence names the actor.
    run_in: tuple[Item, int] | None = None
    # Inside a web page's list of other articles ("Related posts", "Lee también"): their
    # headlines are not this document's items.
    related = quoted = False
    for s, last_in_block in sentences:
        if s.block_index != last_block and s.block.kind == "heading":
            related = _RELATED.match(s.folded) is not None
        if related:
            continue
        if s.block_index != last_block:
            if s.first_in_block and _DECREE_TEXT.match(s.folded):
                legal_text = True  # "ARTÍCULO ÚNICO.- Se reforma …": the proposal's own text
            elif s.block.kind == "heading" and legal_text and not _DECREE_PART.match(s.folded):
                legal_text = False
            quoted = responding and _QUOTED_RECOMMENDATION.match(s.folded) is not None
            label = None if responding else directives.asks_label(s)
            if label is not None:
                # "Recommendation 7", "IV. RECOMENDACIONES": the author recommends what follows.
                if ctx.asks is None or ctx.asks.strength is None:
                    ctx.asks = LeadIn(strength="urge", addressee=None)
                recommending = recommending or "urge"
                if label[0]:
                    last_block = s.block_index
                    continue  # a bare numbered label is no item (nor its number a figure)
            elif ctx.asks is not None and not (
                directives.opens_directive_item(s)
                or doc.text[s.block.start : s.block.end].rstrip().endswith(":")
            ):
                ctx.asks = None
            if s.block.kind != "list_item":
                ctx.lead_in = None
                ctx.commitment_lead = None
            ctx.block_countries = _topic(places.find(s.block.start, s.block.end))
            ctx.previous_block, ctx.block_so_far = ctx.block_so_far, []
            if s.block.kind == "heading":
                if label is None:
                    recommending = None
                ctx.section_countries = ctx.section_topic = ctx.block_countries
                ctx.section_addressee = _heading_addressee(s)
                ctx.previous_block = []
            elif not set(ctx.block_countries) <= set(ctx.section_topic):
                ctx.section_topic = []  # the text moved on to another country
            local = ctx.block_countries or ctx.section_countries
            ctx.who.country = local[0] if len(local) == 1 else doc_country
            last_block = s.block_index
        lead = recommendations.lead_in_of(s) if last_in_block else None
        if lead is not None:
            addressed = lead.strength is None and lead.addressee is not None
            if addressed and recommending:
                # "To the Government of Colombia:" after "We recommend the following:" or
                # under a "Recommendations" heading: its items are the author's asks, each as
                # strong as its own words (a bare verb is an imperative).
                lead.strength = "imperative"
            elif lead.strength is not None:
                recommending = lead.strength
            if lead.strength is not None and not addressed:
                ctx.asks = LeadIn(lead.strength, lead.addressee)
            elif ctx.asks is not None and lead.addressee is not None:
                # "A usted, señor Fiscal General:" between the items of a recommendation.
                ctx.asks = LeadIn(ctx.asks.strength, lead.addressee)
            outer = ctx.lead_in
            if s.block.kind == "list_item" and outer is not None and lead.strength is None:
                # "3. On identification:" inside "We recommend to the Prosecutor's Office:":
                # a nested list asks what the outer one asks, of whom it asks it.
                lead.strength = outer.strength
                lead.addressee = lead.addressee or outer.addressee
            lead.countries = ctx.block_countries
            if not lead.countries:
                # "These include:" names nothing: the list is about what came just before.
                lead.countries = ctx.block_so_far or ctx.previous_block
                lead.inherited = True
            ctx.lead_in = lead
            recent = next((i for i in reversed(items) if i.kind != "figure"), None)
            lead.provisions = _PROVISIONS_LEAD.search(s.folded) is not None
            own = commitments.own_government(ctx) if _OWN_PLAN.search(s.folded) else None
            if lead.strength is None and own is not None:
                ctx.commitment_lead = own
                lead.own_plan = True
            elif (
                lead.strength is None
                and s.words <= 8
                and not _RELATIVE_LEAD.search(s.folded)
                and not _REQUIREMENTS_LEAD.search(s.folded)
                and not commitments.outsiders_named(s.folded)
                and recent is not None
                and recent.kind == "commitment"
                and (
                    s.start - recent.end < 400
                    # "The assistance includes:" a few paragraphs after the announcement
                    or (s.start - recent.end < 1500 and ctx.cues.commitment_nouns.search(s.folded))
                )
            ):
                ctx.commitment_lead = Addressee(
                    recent.fields["actor"]["name"], tuple(recent.fields["actor"]["kinds"])
                )
            continue
        codes = s.country_codes
        if vague is not None:
            if s.block_index == vague[1] and country_matcher().elaborates(s.folded):
                vague[0].fields["countries"] = own_countries(s) or vague[0].fields["countries"]
            vague = None
        # In a government's response, the committee's recommendations it quotes are not its own.
        found = None if legal_text or quoted else recommendations.detect(s)
        if found is not None:
            strength, addressee, confidence = found
            fields = {
                "addressee": addressee.to_json() if addressee else None,
                "strength": strength,
                "countries": ask_countries(s, addressee),
                "themes": themes.classify(s.text, lang=ctx.lang, folded_text=s.folded),
                "confidence": confidence,
            }
            if not fields["themes"]:
                fields["themes"] = _paragraph_themes(doc, s, themes)
            if addressee is not None:
                ctx.who.note(addressee)
                if "us-executive" in addressee.kinds and administration:
                    fields["administration"] = administration
            items.append(
                Item(kind="recommendation", start=s.start, end=s.end, text=s.text, fields=fields)
            )
            if run_in is not None and run_in[1] == s.block_index:
                _spell_out(run_in[0], items[-1])
            run_in = (items[-1], s.block_index) if directives.run_in_heading(s) else None
            if not own_countries(s):
                vague = (items[-1], s.block_index)
        else:
            commitment = commitments.detect(s)
            if commitment is None and ctx.commitment_lead is not None:
                commitment = commitments.listed(s, ctx.commitment_lead)
            if commitment is not None:
                items.append(commitment)
        items.extend(figures.detect(s))
        ctx.previous_countries = [c for c in codes if c != USA]
        ctx.block_so_far = list(dict.fromkeys(ctx.block_so_far + ctx.previous_countries))
    starts = [b.start for b in doc.blocks]
    for item in items:
        index = bisect_right(starts, item.start) - 1
        item.block = index if index >= 0 else None
    return items


def extract_many(docs: Iterable[Document]) -> Iterator[tuple[Document, list[Item]]]:
    """The batch form: each document with its items."""
    for doc in docs:
        yield doc, extract_document(doc)
