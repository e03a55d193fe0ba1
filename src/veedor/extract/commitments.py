"""Commitments: a government or official announcing, pledging, launching, funding or stating it
will do something. Sanctions, suspensions, expulsions, statements, praise and the acts of
non-governmental or international bodies are not commitments.

Three shapes are recognised: an actor with a commitment verb ("Harris announced…", "the
administration will provide…"), a commitment announced in the passive ("aid announced by the
State Department"), and a dollar amount tied to a programme noun ("A $40 million, three-year
initiative…"), whose actor is the government last named.
"""

from __future__ import annotations

import re

from veedor.extract import actors
from veedor.extract.addressee import resolver
from veedor.extract.context import Sentence, own_countries, passage_countries
from veedor.extract.countries import USA
from veedor.extract.countries import matcher as country_matcher
from veedor.extract.cues import gate, phrase_body
from veedor.extract.items import Addressee, Item
from veedor.extract.recommendations import BUDGET_LINE
from veedor.extract.speakers import clause_subject, inside_quotes, is_author
from veedor.nlp.dates import relative_month
from veedor.nlp.numbers import WORD_NUMBERS, currency_code

_NEGATED = re.compile(
    r"\b(?:not|never|no|yet to|failed to|refused to|has not|have not|did not|didn't|won't|"
    r"couldn't|could not|no ha|no han|nunca|aun no|todavia no)\s+(?:\w+\s+){0,3}$"
)
_DURATION = re.compile(
    r"\b(?P<n>\d{1,2}|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
    r"[- ](?P<unit>year|month|ano|mes)(?:s|es)?\b"
)
# "With this announcement, total U.S. assistance … exceeds $3.9 billion": a running total.
_RUNNING_TOTAL = re.compile(
    r"^(?:[^,]{0,60},\s*)?(?:the\s+|el\s+|la\s+)?(?:total|cumulative)\b[^;]{0,160}?\b(?:exceeds|"
    r"exceeded|reaches|reached|amounts\s+to|stands\s+at|surpasses|surpassed|asciende|supera|"
    r"alcanza)\b"
)
# "is committed to 'a humane and secure border'": a stance, not an undertaking.
_STANCE = re.compile(
    r"(?:\s+to)?\s*[\"“]|\s+to\s+(?:the\s+)?(?:principles?|values|democracy|human\s+rights|"
    r"the\s+rule\s+of\s+law|working\s+with)\b"
)
# "the state of exception has been extended 25 times": an emergency measure, not a programme.
_EMERGENCY = re.compile(
    r"\b(?:state\s+of\s+(?:exception|emergency|siege)|estado\s+de\s+(?:excepcion|emergencia|"
    r"sitio)|regimen\s+de\s+excepcion)\b"
)
# "The announcement was made in Guatemala City": the event described, not a commitment.
_NOMINAL_EVENT = re.compile(
    r"^\s*(?:was|were|is|came|comes|follows|followed|took\s+place|fue|se\s+hizo|se\s+realizo"
    r"|tuvo\s+lugar|se\s+produjo|se\s+produce|llega|llego|sigue|siguio|ocurre|ocurrio)\b"
)
# Someone reacting to an announcement ("celebró el anuncio", "welcomed the announcement").
_REACTION_BEFORE = re.compile(
    r"\b(?:welcomed|welcomes|praised|praises|applauded|criticized|criticised|questioned|"
    r"celebro|celebran|celebraron|saludo|saludaron|valoro|valoraron|aplaudio|critico|criticaron|"
    r"cuestiono|rechazo|lamento)\s+(?:(?:the|el|la|este|esta|ese|dicho|dicha)\s+)?(?:[a-z]+\s+)?$"
)
# Money that is missing is not money promised: "a gap of $420 million", "un déficit de".
_FUNDING_GAP = re.compile(
    r"\b(?:gap|shortfall|deficit|unfunded|underfunded|brecha|deficit|faltante|desfinanciad[oa]s?|"
    r"sin\s+financiar)\b|\b\d+\s*(?:%|percent|per\s+cent|por\s+ciento)\s+funded\b"
    r"|\b(?:received|recibio|recibieron)\s+(?:only|just|solo|apenas|solamente)\s+(?:el\s+)?"
    r"(?:\d+(?:[.,]\d+)?\s*(?:%|percent|por\s+ciento)|(?:us)?\$|a\s+fraction|una\s+fraccion)"
)
_WORD_TAIL = re.compile(r"[\w-]*")


def _window(folded: str, start: int, size: int) -> str:
    """``folded[start:start + size]`` extended to the end of its last word, so that a cut
    word ("to deport|ees") cannot match a cue."""
    end = min(len(folded), start + size)
    tail = _WORD_TAIL.match(folded, end)
    return folded[start : tail.end() if tail else end]


def _duration_months(folded: str) -> int | None:
    m = _DURATION.search(folded)
    if not m:
        return None
    raw = m.group("n")
    n = int(raw) if raw.isdigit() else WORD_NUMBERS.get(raw, 0)
    return n * 12 if m.group("unit") in ("year", "ano") else n


def _record(s: Sentence, actor: Addressee, action: str, *, confidence: float) -> Item:
    money = [n for n in s.numbers if n.currency == "USD"]
    dates = s.dates
    codes = own_countries(s) or passage_countries(s)
    if USA in s.country_codes and USA not in codes and country_matcher().bilateral(s.folded):
        codes = [*codes, USA]  # the US and another government undertake it together
    extra: dict[str, object] = {}
    other = next((n for n in s.numbers if n.currency and n.currency != "USD"), None)
    if not money and other is not None:
        # "48.000 millones de pesos": no dollar amount, but the amount is kept as written.
        country = next((c for c in codes if c != USA), None) or s.doc.who.country
        extra = {"amount": other.value, "currency": currency_code(other.currency or "", country)}
    return Item(
        kind="commitment",
        start=s.start,
        end=s.end,
        text=s.text,
        fields={
            "actor": actor.to_json(),
            "action": re.sub(r"[^\w\s$%-]", "", action).strip(),
            "amount_usd": money[0].value if money else None,
            "duration_months": _duration_months(s.folded),
            "date": dates[0].year_month if dates else relative_month(s.text, s.doc.date),
            "countries": codes,
            "confidence": confidence if not money else min(1.0, confidence + 0.1),
            **extra,
        },
    )


# Where a simple subject ends ("The foundation | has assets of …").
_VERB_AFTER_SUBJECT = re.compile(
    r"\s+(?:has|have|had|is|are|was|were|will|today|announced|approved|made|makes|gave|gives|"
    r"awarded|tiene|ha|anuncio|aprobo|otorgo|otorga)\b"
)
_COMPLEMENTIZER = re.compile(r"\b(?:que|that)\b")


def _quoted_outsider(s: Sentence, pos: int) -> bool:
    """Whether ``pos`` is inside a quotation attributed to someone outside government
    ("“Vamos a acompañar …”, aseguró la jefa de la oficina de ACNUR")."""
    if not inside_quotes(s.folded, pos):
        return False
    close = s.folded.rfind('"')
    return close > pos and actors.outsiders(s.folded[close:])


# A Spanish third-person future, told by its accent ("remitirá", "conformarán"): with a
# government as its subject, what that government will do, as "will" is in English.
_FUTURE = re.compile(r"(?<![\w])[a-záéíóúñ]+(?:ará|erá|irá|arán|erán|irán)(?![\w])")
_ANY_WORD = re.compile(r"\w+")


def _cue_matches(s: Sentence) -> list[re.Match[str]]:
    cues = s.doc.cues
    found = (
        list(cues.commitment_verbs.finditer(s.folded))
        if cues.commitment_gate.open(s.tokens, s.folded)
        else []
    )
    if s.doc.lang == "es" and ("á" in s.text):
        taken = {m.start() for m in found}
        for f in _FUTURE.finditer(s.text):
            word = _ANY_WORD.match(s.folded, f.start())
            pledge = word is not None and word.group() not in cues.future_not_pledges
            if word is not None and pledge and f.start() not in taken:
                found.append(word)
        found.sort(key=lambda m: m.start())
    return found


def _verb_commitment(s: Sentence) -> Item | None:
    cues = s.doc.cues
    folded = s.folded
    for m in _cue_matches(s):
        verb = m.group()
        after = _window(folded, m.end(), 60)
        if verb in ("will", "would") and (
            cues.will_not_action.match(after) or not after.strip(' ."')
        ):
            continue  # "… and we will.": a promise with nothing promised
        if verb == "would" and not cues.reporting.search(folded, 0, m.start()):
            continue  # "would" reports a promise only after "said", "told", "announced"…
        before = folded[: m.start()]
        if _NEGATED.search(before) or _hedged(s, m.start()) or _quoted_outsider(s, m.start()):
            continue
        if verb in _AGREED and not _INFINITIVE_NEXT.match(after):
            continue  # "Acordamos la siguiente Declaración": what was adopted, not a pledge
        if _NEGATED_OBJECT.match(after):
            continue  # "it creates no new right", "no crea ningún derecho"
        if cues.uncertainty.search(before):
            continue  # "it remains unclear whether the government will renew …"
        excluded = cues.commitment_exclusions.search(verb) or cues.commitment_exclusions.search(
            _window(folded, m.end(), 45)
        )
        if excluded and not cues.promise_frames.search(folded):
            continue  # sanctions, expulsions, halts… unless framed as keeping a promise
        if actors.is_nominal(s, m.start(), verb) and (
            _NOMINAL_EVENT.match(after) or _REACTION_BEFORE.search(folded, 0, m.start())
        ):
            continue  # "The announcement was made in …", "celebró el anuncio": not the pledge
        if verb.endswith(("committed", "committed to")) and _STANCE.match(folded, m.end()):
            continue
        if verb.startswith("extend") and _EMERGENCY.search(before):
            continue
        if s.doc.publisher_government is None and verb.split()[0].endswith("mos"):
            continue  # "Abrimos en Juchitán un taller …": the author's own act, no government's
        if s.doc.publisher_government is None and not actors.is_nominal(s, m.start(), verb):
            # "The Halvorsen Family Foundation today announced $12 million in grants": the
            # author's own pledge, and the author is no government.
            subject = _COMPLEMENTIZER.split(clause_subject(folded, m.start())[1])[-1]
            if len(subject.split()) <= 8 and is_author(s, subject):
                continue
        actor = actors.actor(s, m.start(), verb)
        if actor is None and verb in ("commits", "committed"):
            # "The agreement also commits Guatemala to expand …": the government it binds.
            bound = re.match(r"\s+((?:[\w.'-]+\s+){1,4}?)to\s+\w", after)
            if bound is not None:
                actor = actors.government_named(s, m.end(), m.end() + bound.end(1))
        if actor is None:
            continue
        if actor is not s.doc.pair:
            s.doc.who.note(actor)  # both governments at once are not whom "it" refers to next
        return _record(s, actor, " ".join(folded[m.start() :].split()[:7]), confidence=0.75)
    return None


# A declaration's first person agreeing to do something ("Acordamos crear un grupo …").
_AGREED = frozenset(["acordamos", "convenimos", "decidimos", "resolvemos", "hemos acordado"])
_INFINITIVE_NEXT = re.compile(r"\s+(?:en\s+)?[a-z]+(?:ar|er|ir)(?:se|nos)?\b")


def _hedged(s: Sentence, pos: int) -> bool:
    """A hedge just before ``pos`` ("may announce", "could fund"); "In May 2024," is a month."""
    start = max(0, pos - 14)
    for h in s.doc.cues.hedges.finditer(s.folded, start, pos):
        if not (h.group() == "may" and s.text[h.start() : h.end()] == "May"):
            return True
    return False


def _passive_commitment(s: Sentence) -> Item | None:
    if not s.doc.cues.passive_gate.open(s.tokens, s.folded):
        return None
    for m in s.doc.cues.passive_commitment.finditer(s.folded):
        actor = actors.government_named(s, m.start(), min(len(s.text), m.end() + 60))
        if actor is not None and not s.doc.cues.commitment_exclusions.search(
            s.folded[: m.start()][-40:]
        ):
            return _record(s, actor, " ".join(s.folded[: m.end()].split()[-6:]), confidence=0.7)
    return None


_NEGATED_OBJECT = re.compile(r"\s+(?:no|ningun|ninguna|none|nothing|nada)\b")
# "$21.5 million will help Colombia …", "US$3 millones se destinarán a …": the money is the
# subject of what it will fund.
_AMOUNT_WILL = re.compile(
    r"\s*(?:(?:more|additional|adicionales|mas)\s+)?(?:will|shall|se\s+destinar\w*|servir\w*|"
    r"permitir\w*|financiar\w*)\b"
)
_NOUN_BEFORE_AMOUNT = re.compile(
    r"\b(?:investment|budget|funding|inversion|presupuesto|financiamiento|monto)"
    r"(?:\s+\w+){0,2}\s+(?:of|de)\s+(?:up\s+to\s+|hasta\s+)?$"
)


def _funded_programme(s: Sentence) -> Item | None:
    """ "A $40 million, three-year initiative for …": money tied to a programme noun."""
    if not any(n.currency == "USD" for n in s.numbers):
        return None
    cues = s.doc.cues
    for n in s.numbers:
        if n.currency != "USD":
            continue
        window = _window(s.folded, n.end, 60)
        # "… will have a total investment of US$12 million": the noun just before the amount.
        lead = s.folded[max(0, n.start - 30) : n.start]
        noun_before = s.doc.publisher_government is not None and _NOUN_BEFORE_AMOUNT.search(lead)
        funds = _AMOUNT_WILL.match(s.folded, n.end) is not None
        if (
            cues.commitment_nouns.search(window) or noun_before or funds
        ) and not cues.commitment_exclusions.search(window):
            # The actor is named before the amount; governments named after it are the
            # programme's beneficiaries ("… will help the governments of Guatemala and …").
            if actors.outsiders(s.folded[: n.start]):
                continue  # "The World Bank approved a $300 million loan": not a government
            if s.doc.publisher_government is None and is_author(
                s, _VERB_AFTER_SUBJECT.split(s.folded[: n.start], maxsplit=1)[0]
            ):
                continue  # the foundation that publishes the text funding its grants
            actor = actors.government_named(s, 0, n.start) or actors.government(s.doc.who.last)
            actor = actor or actors.government(s.doc.who.default)
            if actor is not None:
                return _record(s, actor, s.folded[n.start : n.end + 40], confidence=0.65)
    return None


_RECOMMENDS = re.compile(r"\b(?:recommends|recommended|recomienda|recomendo)\b")
_COMMITTEE = re.compile(r"\b(?:the\s+)?(?:sub)?committee\s*$")
US_CONGRESS = Addressee("US Congress", ("us-congress",))


def _budget_line(s: Sentence) -> Item | None:
    """ "The Committee recommends $50,000,000 for …": a legislature's appropriation in report
    language funds the programme (a congressional committee is Congress)."""
    if "$" not in s.folded:
        return None
    for m in _RECOMMENDS.finditer(s.folded):
        if not BUDGET_LINE.match(s.folded, m.end()):
            continue
        local = s.folded[: m.start()]
        actor = actors.government_named(s, 0, m.start())
        if actor is None and _COMMITTEE.search(local) and s.doc.lang == "en":
            actor = US_CONGRESS
        if actor is not None:
            return _record(s, actor, s.folded[m.start() : m.end() + 40], confidence=0.65)
    return None


# "«Vamos a reforzar los consulados…», agregó la directora": a pledge in the first person,
# quoted, its speaker named after the quote.
_QUOTED_PLEDGE = re.compile(
    r"^\W{0,3}[\"“«'‘][^\"”»]{0,40}?\b(?:we\s+will|we\s+are\s+going\s+to|we\s+shall|"
    r"vamos\s+a|\w+remos)\b[^\"”»]*[\"”»'’][,.]?\s*(?P<attribution>[^.]{3,160})"
)
_OFFICIAL = re.compile(
    r"\b(?:minister|ministra|ministro|secretary|secretaria|secretario|president|presidente|"
    r"presidenta|director|directora|commissioner|comisionado|comisionada|ambassador|embajador|"
    r"embajadora|governor|gobernador|gobernadora|mayor|alcalde|alcaldesa|spokesperson|vocero|"
    r"vocera|official|funcionario|funcionaria|subsecretario|subsecretaria|viceministro|"
    r"viceministra|canciller|titular)\b"
)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|added|announced|stated|told|dijo|agrego|afirmo|anuncio|aseguro|senalo|"
    r"explico|indico|declaro)\b"
)


# "presentó este lunes el programa …", "unveiled a new plan …": a programme launched.
_PRESENTING = [
    "presento",
    "presentaron",
    "dio a conocer",
    "dieron a conocer",
    "unveiled",
    "unveils",
    "rolled out",
]
_PRESENTED_GATE = gate(_PRESENTING)
_PRESENTED = re.compile(
    r"\b(?:" + phrase_body(_PRESENTING) + r")\s+"
    r"(?:(?:este|esta|el|la|los|las|un|una|a|an|the|its|his|her|su|sus|new|nuevo|"
    r"nueva|nuevos|nuevas|lunes|martes|miercoles|jueves|viernes|sabado|domingo|hoy|today|ayer|"
    r"yesterday|on|monday|tuesday|wednesday|thursday|friday)\s+)*"
)
# "la Secretaría señaló que instalará …": a body reporting what it will do (Spanish future;
# "podrá", "deberá", "habrá" are possibilities, duties and existence, not pledges).
_REPORTED_FUTURE = re.compile(
    r"\b(?:señaló|senalo|informó|informo|anunció|anuncio|indicó|indico|dijo|afirmó|afirmo|"
    r"aseguró|aseguro|precisó|preciso|explicó|explico|adelantó|adelanto|confirmó|confirmo)"
    r"\s+que\s+(?:[^\W\d]+\s+|\d{4}\s+){0,5}?"
    r"(?!(?:podr|deber|habr|tendr|querr|sabr)[aá]n?\b)(\w+(?:rá|rán))(?!\w)"
)


def _presented_programme(s: Sentence) -> Item | None:
    if not _PRESENTED_GATE.open(s.tokens, s.folded):
        return None
    m = _PRESENTED.search(s.folded)
    if m is None or not s.doc.cues.commitment_nouns.match(s.folded, m.end()):
        return None
    subject = s.folded[: m.start()]
    actor = actors.government_named(s, 0, m.start()) or actors.publisher_actor(
        s, subject, "presento"
    )
    actor = actor or resolver().bare_body(subject, s.doc.who)
    if actor is None or s.doc.cues.reporting.search(subject):
        return None
    return _record(s, actor, s.folded[m.start() : m.end() + 40], confidence=0.65)


def _reported_future(s: Sentence) -> Item | None:
    if s.doc.lang != "es":
        return None
    m = _REPORTED_FUTURE.search(s.text)
    if m is None:
        return None
    subject = _CLAUSE_OPENING.sub("", s.folded[: m.start()], count=1)
    if actors.outsiders(subject):
        return None  # "la representación de la OIM informó que aportará …": not a government
    actor = actors.government_named(s, 0, m.start()) or resolver().bare_body(subject, s.doc.who)
    actor = actor or actors.publisher_actor(s, subject, "anuncio")
    if actor is None:
        return None
    return _record(s, actor, s.folded[m.start(1) : m.end(1) + 40], confidence=0.6)


# "En el mismo oficio, ": an opening phrase before the clause's subject.
_CLAUSE_OPENING = re.compile(r"^[^,]{0,60},\s*")


def _quoted_pledge(s: Sentence) -> Item | None:
    m = _QUOTED_PLEDGE.match(s.folded)
    if m is None or not _ATTRIBUTION.search(m.group("attribution")):
        return None
    if not _OFFICIAL.search(m.group("attribution")):
        return None  # "…," said a migrant from Honduras: not an official
    start = m.start("attribution")
    if actors.outsiders(s.folded[start:]):
        return None  # "…", aseguró la jefa de la oficina de ACNUR: not a government
    actor = actors.government_named(s, start, len(s.text)) or _speaker_government(s, start)
    if actor is None:
        return None
    return _record(
        s, actor, " ".join(s.folded[: m.start("attribution")].split()[:7]), confidence=0.6
    )


def _speaker_government(s: Sentence, start: int) -> Addressee | None:
    """An official named after a quote without a country ("agregó la directora nacional del
    SERMIG"): the government of the release, else of the country the text is about."""
    own = actors.own_government(s.doc)
    if own is not None:
        return own
    return resolver().government_of(s.doc.who.country) if s.doc.who.country else None


# "se abrirán nuevas oficinas", "se intercambiarán oficiales": a reflexive passive future, in a
# government's release or a joint communiqué, is that government's (or both governments').
_REFLEXIVE_FUTURE = re.compile(r"\b[Ss]e\s+\w+(?:rá|rán)(?!\w)")  # the accent marks the future


def _reflexive_future(s: Sentence) -> Item | None:
    if s.doc.lang != "es":
        return None
    m = _REFLEXIVE_FUTURE.search(s.text)
    if m is None or s.doc.cues.hedges.search(s.folded[: m.start()][-20:]):
        return None
    if s.doc.cues.commitment_exclusions.search(_window(s.folded, m.end(), 45)):
        return None
    actor = actors.government_named(s, 0, m.start())
    if actor is None and s.doc.pair is not None:
        actor = s.doc.pair
    actor = actor or actors.own_government(s.doc)
    if actor is None:
        return None
    return _record(s, actor, s.folded[m.start() : m.end() + 40], confidence=0.55)


def _reflexive_past(s: Sentence) -> Item | None:
    """ "En abril de 2025 se amplió el Centro de Recepción …" in a government's own report or
    release: what that government did."""
    if s.doc.lang != "es" or s.doc.publisher_government is None or "se " not in s.folded:
        return None
    m = s.doc.cues.reflexive_past.search(s.folded)
    if m is None or s.doc.cues.hedges.search(s.folded[: m.start()][-20:]):
        return None
    if s.doc.cues.commitment_exclusions.search(_window(s.folded, m.end(), 45)):
        return None
    actor = actors.own_government(s.doc)
    if actor is None:
        return None
    return _record(s, actor, s.folded[m.start() : m.end() + 40], confidence=0.55)


def listed(s: Sentence, actor: Addressee) -> Item | None:
    """A list item under a lead-in that follows a commitment: each item is one of them."""
    if not s.first_in_block or s.block.kind != "list_item" or s.words < 3:
        return None
    head = s.folded[:40]
    if re.match(r"\W*[a-z]", head) and actors.outsiders_named(head):
        # "The World Bank indicated …", "A group of 11 companies …" in the list; not "$4.8
        # million to the Pan American Health Organization …", whose recipient it names
        return None
    return _record(s, actor, " ".join(s.folded.split()[:7]), confidence=0.6)


def detect(s: Sentence) -> Item | None:
    cues = s.doc.cues
    if s.folded.rstrip().endswith("?") or s.words < 4 or cues.conditional_openers.match(s.folded):
        return None
    if _RUNNING_TOTAL.match(s.folded):
        return None
    found = (
        _verb_commitment(s)
        or _passive_commitment(s)
        or _budget_line(s)
        or _funded_programme(s)
        or _quoted_pledge(s)
        or _reflexive_future(s)
        or _reflexive_past(s)
        or _presented_programme(s)
        or _reported_future(s)
    )
    if found is not None and _FUNDING_GAP.search(s.folded):
        return None  # "appeals were only 38 percent funded, leaving a gap of $420 million"
    return found
