"""The extraction stage: a document in, its recommendations, commitments and figures out.

Blocks are read top to bottom and split into sentences; each sentence goes through the
recommendation detector, then (if it is not one) the commitment detector, and always the figure
detector. Document-level state — the letter's addressee, the last actor named, the current
lead-in — travels in a :class:`~veedor.extract.context.DocContext`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator

from veedor.document import Document
from veedor.extract import actors, commitments, directives, figures, recommendations, voice
from veedor.extract.addressee import join, resolver
from veedor.extract.context import (
    DocContext,
    LeadIn,
    Sentence,
    ask_countries,
    own_countries,
)
from veedor.extract.countries import USA, CountryMention
from veedor.extract.countries import matcher as country_matcher
from veedor.extract.cues import cues_for
from veedor.extract.items import Addressee, Item
from veedor.extract.themes import MAX_THEMES, ThemeClassifier, classifier
from veedor.nlp.language import detect_language
from veedor.nlp.sentences import split_sentences
from veedor.nlp.text import fold

EXTRACTOR_VERSION = "0.3.22"


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


_QUOTED_RECOMMENDATION = re.compile(r"\W*(?:recommendation|recomendacion)\s+\d{1,3}\s*[:.]")


# A heading that only names what the section holds.
_SECTION_LABEL = re.compile(r"\W*(?:lo\s+que|what\s+(?:we|the|[a-z]+\s+(?:will|must|should)))\b")
# A line pointing the reader to a link: "View identifying information …: https://…".
_LINK_LINE = re.compile(
    r"\W*(?:view|read|see|visit|submit|download|click|learn|find|access|watch|listen|follow|"
    r"lea|vea|consulte|descargue|visite|conozca)\b[^\n]{0,200}?https?://\S+\s*$"
)
# "The Nicaraguan Stateless Persons Protection Act would:", "La iniciativa propone:": what a
# bill or decree would do, listed.
_PROVISIONS_LEAD = re.compile(
    r"\b(?:act|bill|legislation|law|amendment|measure|ley|iniciativa|proyecto|decreto|reforma)"
    r"\b[^:]{0,80}?\b(?:would(?:\s+also)?|will|establishes|requires|includes|propone|establece|"
    r"incluye|dispone|contempla)\s*:\s*$"
)


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


def _heading_addressee(s: Sentence) -> Addressee | None:
    """The addressee a section heading names, if it is addressed ("… to Congress")."""
    who = resolver()
    if not re.search(r"\b(?:to|for|al|a\s+la|a\s+los|para)\b", s.folded):
        return None
    hits = who.find(s.folded)
    return join([h[2] for h in hits]) if hits else who.named_government(s.text, s.folded)


def _topic(mentions: list[CountryMention]) -> list[str]:
    """The one foreign country (or grouping) a passage is about, if it names only that one."""
    named = {m.iso3 for m in mentions if m.iso3 != (USA,)}
    return list(next(iter(named))) if len(named) == 1 else []


def _paragraph_themes(
    doc: Document, folded: str, s: Sentence, themes: ThemeClassifier
) -> list[str]:
    """For a recommendation whose own words name no theme ("That review should be finished
    before the end of this month"), the themes its paragraph names with two terms or more."""
    if s.start == s.block.start and s.end >= s.block.end - 1:
        return []
    block = slice(s.block.start, s.block.end)
    counts = themes.scores(doc.text[block], lang=s.doc.lang, folded_text=folded[block])
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
        publisher_names=voice.publisher_names(doc.meta.publisher),
    )
    who = resolver()
    ctx.publisher_government = voice.publisher_government(doc.meta.publisher)
    if doc.meta.addressee:
        ctx.who.doc_addressee = who.from_phrase(doc.meta.addressee)
    folded = fold(doc.text)
    places = country_matcher().index(doc.text, folded)
    ctx.places = places
    sentences = list(_sentences(doc, folded, ctx))
    responding = voice.settle(doc, ctx, folded, sentences)
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
            ctx.who.country = local[0] if len(local) == 1 else ctx.country
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
            own = actors.own_government(ctx) if _OWN_PLAN.search(s.folded) else None
            if lead.strength is None and own is not None:
                ctx.commitment_lead = own
                lead.own_plan = True
            elif (
                lead.strength is None
                and s.words <= 8
                and not _RELATIVE_LEAD.search(s.folded)
                and not _REQUIREMENTS_LEAD.search(s.folded)
                and not actors.outsiders_named(s.folded)
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
        if s.block.kind == "heading" and _SECTION_LABEL.match(s.folded):
            continue  # "Lo que pedimos al mundo", "Lo que Colombia hará", "What we ask"
        if _LINK_LINE.match(s.folded):
            items.extend(figures.detect(s))
            continue  # "Submit a tip to the DEA: https://…": a page's navigation, no ask
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
                fields["themes"] = _paragraph_themes(doc, folded, s, themes)
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
        elif not legal_text:  # a proposed law's provisions are not anyone's commitments yet
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
