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

from veedor.extract.addressee import US_EXECUTIVE, resolver
from veedor.extract.context import DocContext, Sentence, own_countries, passage_countries
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
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\b(?:that|which|who|que|quien)\b")
_ASIDE = re.compile(
    r",\s*(?:por su parte|a su vez|de su parte|for its part|for their part|in turn),\s*"
)
_ACRONYM_ASIDE = re.compile(r"\s\([a-z]{2,10}\)(?=\s|$)")
_BOTH = re.compile(
    r"\b(?:ambos gobiernos|ambos paises|ambas partes|las partes|los dos gobiernos|"
    r"los cancilleres|ambos cancilleres|los ministros|both governments|the two governments|"
    r"both countries|the parties|the two ministers|the ministers|both delegations|"
    r"the two delegations|both sides|the two sides|ambas delegaciones|las dos delegaciones)\b"
)
_PRONOUN = re.compile(
    r"^\s*(?:(?:and|but|y|pero)\s+)?"
    r"(?:(?:in|since|by|during|later|earlier|then|en|desde|durante)\s+(?:[a-z]+\s+)?"
    r"(?:(?:19|20)\d\d\s+)?|(?:19|20)\d\d\s+)?"
    r"(?:it|he|she|they|both governments|the two governments|ambos gobiernos|"
    r"el|ella)(?:\s+(?:is|are|was|were|has|have|had|also|later|then|esta|ha))*\s*[\"']?\s*$"
)
# A government body opening the clause ("El Ministerio de Salud ampliará …", "Por su parte, el
# Ministerio de Educación se comprometió …") with a verb that promises (not one that describes
# a past act, "the government published figures") is the passage's country's government.
_BODY_OPENS = re.compile(
    r"^\s*(?:(?:accion|action|medida|meta|linea)\s+)?(?:\d{1,2}(?:\.\d{1,2})*[.)]?\s+)?"
    r"(?:(?:in|en|during|durante|since|desde)\s+(?:(?:19|20)\d\d|[a-z]+)\s+)?"
    r"(?:(?:por su parte|asimismo|ademas|also|meanwhile)\s+)?"
    r"(?:(?:the|el|la|los|las)\s|(?=(?:government|gobierno|ministry|ministerio)\b))"
)
# "The Secretary also announced …", "the Department will …": the office named just before.
_ANAPHORIC_TITLE = re.compile(
    r"^\s*(?:(?:and|but)\s+)?the\s+(?:secretary|department|minister|ministry|president|"
    r"spokesperson|ambassador|embassy|agency|administrator)\s+(?:(?:also|then|later|further)\s+)*$"
)
# "She said the first center would open …": the official reporting it is the actor.
_SPEAKER = re.compile(
    r"^\s*(?P<who>.{1,60}?)\s+(?:said|says|told\s+\w+|stated|added|noted|explained|dijo|afirmo|"
    r"senalo|indico|explico|aseguro)\s+(?:that\s+|que\s+)?(?!.*\b(?:said|dijo)\b)"
)
_SPEAKER_PRONOUN = re.compile(r"^(?:he|she|they|el|ella|ellos)$")
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
_PROMISSORY = re.compile(
    r"(?:aran?|eran?|iran?)$|\b(?:will|shall|committed|commits|pledged|pledges|promised|promises|"
    r"announced|announces|launched|launches|compromet\w*|anuncio|anuncia|lanzo|lanza|presento|"
    r"presenta|se\s+compromete|asumio|prometio|promete|creo|firmo|aprobo|establecio|abrio|"
    r"inauguro|created|established|signed|opened|would|anunciaron|implemento|introduced|"
    r"introduces|dicto|expidio|promulgo|suscribio|suscribieron|contratara|contrataran|"
    r"vamos\s+a|van\s+a|va\s+a|arranca|arranco|puso\s+en\s+marcha)\b"
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
_NOMINAL_DETERMINER = re.compile(
    r"\b(?:the|an|this|that|its|el|un|este|ese|su|del|al)\s+(?:[a-z]+\s+)?$"
)
# Money that is missing is not money promised: "a gap of $420 million", "un déficit de".
_FUNDING_GAP = re.compile(
    r"\b(?:gap|shortfall|deficit|unfunded|underfunded|brecha|deficit|faltante|desfinanciad[oa]s?|"
    r"sin\s+financiar)\b|\b\d+\s*(?:%|percent|per\s+cent|por\s+ciento)\s+funded\b"
    r"|\b(?:received|recibio|recibieron)\s+(?:only|just|solo|apenas|solamente)\s+(?:el\s+)?"
    r"(?:\d+(?:[.,]\d+)?\s*(?:%|percent|por\s+ciento)|(?:us)?\$|a\s+fraction|una\s+fraccion)"
)
_AUXILIARIES = re.compile(
    r"^\s*(?:(?:has|have|had|been|is|are|was|were|also|already|recently|now|then|likewise|later|"
    r"subsequently|in fact|ha|han|sido|tambien|ya|asimismo)\s*)*$"
)
_NON_GOVERNMENT = frozenset({"multilateral", "other"})
# Nominal cues ("the announcement of a partnership") have no subject of their own.
_NOMINAL = re.compile(r"announcement|anuncio")


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


def _government(who: Addressee | None) -> Addressee | None:
    if who is None or set(who.kinds) <= _NON_GOVERNMENT:
        return None
    return who


def _named(s: Sentence, start: int, end: int) -> Addressee | None:
    """A government actor named in ``s.text[start:end]``."""
    segment = s.folded[start:end]
    hits = resolver().find(segment)
    governments = [h[2] for h in hits if _government(h[2])]
    if governments:
        return governments[-1]
    if hits:
        # A non-governmental or international actor is named (the EU, an NGO): a country
        # counts only before it ("With U.S. support, the OAS has …").
        end = start + hits[0][0]
        segment = s.folded[start:end]
    mentions = country_matcher().find(s.text[start:end], segment)
    for m in reversed(mentions):
        # A country is the actor only as the subject ("Honduras has committed"), not as a
        # place named earlier ("… detained in El Salvador since the state of exception began").
        subject = m.how == "name" and m is mentions[-1] and len(segment[m.end :].split()) <= 3
        if m.how in ("leader", "institution") or subject:
            return US_EXECUTIVE if m.iso3 == (USA,) else resolver().government_of(m.iso3[0])
    return None


def _nominal(s: Sentence, start: int, verb: str) -> bool:
    """Whether the cue is the noun "announcement"/"anuncio" ("el anuncio", not "anunció")."""
    if not _NOMINAL.search(verb):
        return False
    return " " in verb.strip() or bool(
        _NOMINAL_DETERMINER.search(s.folded, max(0, start - 20), start)
    )


_YOU = re.compile(
    r"\b(?:you|usted|ustedes|(?:your|su)\s+(?:department|government|administration|agency|"
    r"ministry|departamento|gobierno|administracion|agencia|ministerio|secretaria))\s*$"
)
_COURT = re.compile(
    r"^\s*(?:(?:a|an|the|el|la|los|las)\s+)?(?:[\w-]+\s+){0,6}"
    r"(?:court|judge|tribunal|corte|juez|jueza|jueces|sala\s+constitucional)\b"
)


def _actor(s: Sentence, pos: int, verb: str) -> Addressee | None:
    """The government that is the subject of the verb at ``pos``."""
    # "Colombia, por su parte, se comprometió …": the aside does not end the subject.
    before = _ASIDE.sub(lambda m: " " * len(m.group()), s.folded[:pos])
    # "El Servicio Nacional de Aprendizaje (SENA) ampliará …": the acronym ends no clause.
    before = _ACRONYM_ASIDE.sub(lambda m: " " * len(m.group()), before)
    breaks = list(_CLAUSE_BREAK.finditer(before))
    local_start = breaks[-1].end() if breaks else 0
    local = before[local_start:]
    if _COURT.search(local):
        return None  # "a federal court will hear …": courts decide, they do not announce
    head = s.folded[:pos].split(",")[0]
    if _NON_STATE.search(head) and _named(s, 0, len(head)) is None:
        return None  # "The Fundación Horizonte Andino, a Colombian foundation, pledged …"
    named = _named(s, local_start, pos)
    if named is not None:
        return named
    if _YOU.search(local) and s.doc.who.doc_addressee is not None:
        return _government(s.doc.who.doc_addressee)  # "you", "su Departamento anunció"
    if _ANAPHORIC_TITLE.match(local) and _government(s.doc.who.last) is not None:
        return s.doc.who.last
    speaker = _SPEAKER.match(local)
    if speaker is not None:
        said_by = speaker.group("who").strip()
        if _SPEAKER_PRONOUN.match(said_by):
            return _government(s.doc.who.last) or _government(s.doc.who.default)
        named = _named(s, local_start + speaker.start("who"), local_start + speaker.end("who"))
        if named is not None:
            return named
    if s.doc.cues.government_actors.search(local):
        # "The Ministry of Security announced…": a government body of the country named, or
        # of the country the passage is about ("El Ministerio de Salud ampliará …").
        codes = s.country_codes
        foreign = [c for c in codes if c != USA]
        if foreign:
            return resolver().government_of(foreign[0])
        if codes:
            return US_EXECUTIVE
        if s.doc.who.country and _BODY_OPENS.match(local) and _PROMISSORY.search(verb):
            return resolver().government_of(s.doc.who.country)
    if s.doc.pair is not None and (_BOTH.search(local) or (not local.strip() and pos < 3)):
        # "Ambos gobiernos acordaron …", "Las Partes acordaron …", "Acordaron, además, …" in a
        # text about two governments: both.
        return s.doc.pair
    if _PRONOUN.match(local) or "administration" in local or "administracion" in local:
        # "… the Department of State has not announced a review, and in April it agreed":
        # the government named earlier in the sentence, else the last one named.
        earlier = _named(s, 0, local_start) if local_start and _PRONOUN.match(local) else None
        return earlier or _government(s.doc.who.last) or _government(s.doc.who.default)
    nominal = _nominal(s, pos, verb)
    if _AUXILIARIES.match(local) or verb.endswith(("ing", "ando", "endo")) or nominal:
        # "The United States, through USAID …, has funded": the subject opens the sentence.
        named = _named(s, 0, len(s.text) if nominal else pos)
        if named is None and nominal:
            return _government(s.doc.who.last)
        return named or _publisher_actor(s, local, verb)
    return _publisher_actor(s, local, verb)


def own_government(doc: DocContext) -> Addressee | None:
    """The government that publishes the document (or the governments that jointly declare
    it), as an actor."""
    own = doc.publisher_government
    if own is None:
        return None
    if doc.joint_authors is not None:
        return doc.joint_authors
    return US_EXECUTIVE if own == USA else Addressee(own, ("foreign-government",))


_WE_BEFORE = re.compile(r"(?:^|\s)we\s+(?:\w+\s+)?$")


# Bodies that are no part of a government, named by what they are.
_NON_STATE = re.compile(
    r"\b(?:asociacion|fundacion|organizacion|colectivo|comite internacional|cicr|cruz roja|"
    r"iglesia|pastoral|sociedad civil|ong|association|foundation|organization|coalition|"
    r"church|red cross|icrc|ngo|unhcr|acnur|oim|iom|unicef|compan(?:y|ies)|empresas?|"
    r"private sector|sector privado)\b"
)


def _publisher_actor(s: Sentence, local: str, verb: str) -> Addressee | None:
    """In a government's own release or transcript, a programme or an office it does not name
    otherwise ("The programme will serve …", "La SRECI firmó …") and its own first person
    ("vamos a destinar …", "firmamos …", "se van a contratar …") are that government's."""
    if s.doc.publisher_government is None or s.doc.cues.reporting.search(local):
        return None
    first_person = (
        verb.split()[0].endswith("mos")
        or verb.startswith(("se ", "nos ", "we "))
        or _WE_BEFORE.search(local) is not None  # "We will expand …" in the government's voice
    )
    if not (_BODY_OPENS.match(local) or (first_person and len(local.split()) <= 4)):
        return None
    if _NON_STATE.search(local) or _outsiders(local):
        return None  # "El CICR impartirá …", "La Asociación … compartirá …" in the minutes
    return own_government(s.doc)


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


def _outsiders(folded: str) -> bool:
    """Whether a phrase names actors and none of them is a government (the World Bank, the
    OIM, an NGO): what they do or pledge is no government's commitment."""
    named = resolver().find(folded)
    return bool(named) and not any(_government(h[2]) for h in named)


def _quoted_outsider(s: Sentence, pos: int) -> bool:
    """Whether ``pos`` is inside a quotation attributed to someone outside government
    ("“Vamos a acompañar …”, aseguró la jefa de la oficina de ACNUR")."""
    if not inside_quotes(s.folded, pos):
        return False
    close = s.folded.rfind('"')
    return close > pos and _outsiders(s.folded[close:])


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
        if _nominal(s, m.start(), verb) and (
            _NOMINAL_EVENT.match(after) or _REACTION_BEFORE.search(folded, 0, m.start())
        ):
            continue  # "The announcement was made in …", "celebró el anuncio": not the pledge
        if verb.endswith(("committed", "committed to")) and _STANCE.match(folded, m.end()):
            continue
        if verb.startswith("extend") and _EMERGENCY.search(before):
            continue
        if s.doc.publisher_government is None and not _nominal(s, m.start(), verb):
            # "The Halvorsen Family Foundation today announced $12 million in grants": the
            # author's own pledge, and the author is no government.
            subject = _COMPLEMENTIZER.split(clause_subject(folded, m.start())[1])[-1]
            if len(subject.split()) <= 8 and is_author(s, subject):
                continue
        actor = _actor(s, m.start(), verb)
        if actor is None and verb in ("commits", "committed"):
            # "The agreement also commits Guatemala to expand …": the government it binds.
            bound = re.match(r"\s+((?:[\w.'-]+\s+){1,4}?)to\s+\w", after)
            if bound is not None:
                actor = _named(s, m.end(), m.end() + bound.end(1))
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
        actor = _named(s, m.start(), min(len(s.text), m.end() + 60))
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
            if _outsiders(s.folded[: n.start]):
                continue  # "The World Bank approved a $300 million loan": not a government
            if s.doc.publisher_government is None and is_author(
                s, _VERB_AFTER_SUBJECT.split(s.folded[: n.start], maxsplit=1)[0]
            ):
                continue  # the foundation that publishes the text funding its grants
            actor = _named(s, 0, n.start) or _government(s.doc.who.last)
            actor = actor or _government(s.doc.who.default)
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
        actor = _named(s, 0, m.start())
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
    actor = _named(s, 0, m.start()) or _publisher_actor(s, subject, "presento")
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
    if _outsiders(subject):
        return None  # "la representación de la OIM informó que aportará …": not a government
    actor = _named(s, 0, m.start()) or resolver().bare_body(subject, s.doc.who)
    actor = actor or _publisher_actor(s, subject, "anuncio")
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
    if _outsiders(s.folded[start:]):
        return None  # "…", aseguró la jefa de la oficina de ACNUR: not a government
    actor = _named(s, start, len(s.text)) or _speaker_government(s, start)
    if actor is None:
        return None
    return _record(
        s, actor, " ".join(s.folded[: m.start("attribution")].split()[:7]), confidence=0.6
    )


def _speaker_government(s: Sentence, start: int) -> Addressee | None:
    """An official named after a quote without a country ("agregó la directora nacional del
    SERMIG"): the government of the release, else of the country the text is about."""
    own = own_government(s.doc)
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
    actor = _named(s, 0, m.start())
    if actor is None and s.doc.pair is not None:
        actor = s.doc.pair
    actor = actor or own_government(s.doc)
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
    actor = own_government(s.doc)
    if actor is None:
        return None
    return _record(s, actor, s.folded[m.start() : m.end() + 40], confidence=0.55)


def outsiders_named(folded: str) -> bool:
    """Whether a phrase names actors that are no government ("International financial
    institutions announced the following:")."""
    return _NON_STATE.search(folded) is not None or _outsiders(folded)


def listed(s: Sentence, actor: Addressee) -> Item | None:
    """A list item under a lead-in that follows a commitment: each item is one of them."""
    if not s.first_in_block or s.block.kind != "list_item" or s.words < 3:
        return None
    head = s.folded[:40]
    if re.match(r"\W*[a-z]", head) and (_NON_STATE.search(head) or _outsiders(head)):
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
