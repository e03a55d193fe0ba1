"""Who acts in a sentence that may hold a commitment: the government that is the subject of
its verb, named ("Honduras has committed"), as a body of the country the passage is about ("El
Ministerio de Salud ampliará …"), as the one just named ("it", "the Secretary"), as both
governments of a bilateral text, or as the publishing government speaking in its own voice
("vamos a destinar …", "We will expand …"); and who is no government (a court, a foundation, a
development bank), whose acts are no government's commitments.
"""

from __future__ import annotations

import re

from veedor.extract.addressee import US_EXECUTIVE, resolver
from veedor.extract.context import DocContext, Sentence
from veedor.extract.countries import USA
from veedor.extract.countries import matcher as country_matcher
from veedor.extract.items import Addressee

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
_PROMISSORY = re.compile(
    r"(?:aran?|eran?|iran?)$|\b(?:will|shall|committed|commits|pledged|pledges|promised|promises|"
    r"announced|announces|launched|launches|compromet\w*|anuncio|anuncia|lanzo|lanza|presento|"
    r"presenta|se\s+compromete|asumio|prometio|promete|creo|firmo|aprobo|establecio|abrio|"
    r"inauguro|created|established|signed|opened|would|anunciaron|implemento|introduced|"
    r"introduces|dicto|expidio|promulgo|suscribio|suscribieron|contratara|contrataran|"
    r"vamos\s+a|van\s+a|va\s+a|arranca|arranco|puso\s+en\s+marcha)\b"
)
_AUXILIARIES = re.compile(
    r"^\s*(?:(?:has|have|had|been|is|are|was|were|also|already|recently|now|then|likewise|later|"
    r"subsequently|in fact|ha|han|sido|tambien|ya|asimismo)\s*)*$"
)
_NON_GOVERNMENT = frozenset({"multilateral", "other"})
# Nominal cues ("the announcement of a partnership") have no subject of their own.
_NOMINAL = re.compile(r"announcement|anuncio")


def government(who: Addressee | None) -> Addressee | None:
    if who is None or set(who.kinds) <= _NON_GOVERNMENT:
        return None
    return who


def government_named(s: Sentence, start: int, end: int) -> Addressee | None:
    """A government actor named in ``s.text[start:end]``."""
    segment = s.folded[start:end]
    hits = resolver().find(segment)
    governments = [h[2] for h in hits if government(h[2])]
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


_NOMINAL_DETERMINER = re.compile(
    r"\b(?:the|an|this|that|its|el|un|este|ese|su|del|al)\s+(?:[a-z]+\s+)?$"
)


def is_nominal(s: Sentence, start: int, verb: str) -> bool:
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


def actor(s: Sentence, pos: int, verb: str) -> Addressee | None:
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
    if NON_STATE.search(head) and government_named(s, 0, len(head)) is None:
        return None  # "The Fundación Horizonte Andino, a Colombian foundation, pledged …"
    named = government_named(s, local_start, pos)
    if named is not None:
        return named
    if _YOU.search(local) and s.doc.who.doc_addressee is not None:
        return government(s.doc.who.doc_addressee)  # "you", "su Departamento anunció"
    if _ANAPHORIC_TITLE.match(local) and government(s.doc.who.last) is not None:
        return s.doc.who.last
    speaker = _SPEAKER.match(local)
    if speaker is not None:
        said_by = speaker.group("who").strip()
        if _SPEAKER_PRONOUN.match(said_by):
            return government(s.doc.who.last) or government(s.doc.who.default)
        named = government_named(
            s, local_start + speaker.start("who"), local_start + speaker.end("who")
        )
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
        earlier = (
            government_named(s, 0, local_start) if local_start and _PRONOUN.match(local) else None
        )
        return earlier or government(s.doc.who.last) or government(s.doc.who.default)
    nominal = is_nominal(s, pos, verb)
    if _AUXILIARIES.match(local) or verb.endswith(("ing", "ando", "endo")) or nominal:
        # "The United States, through USAID …, has funded": the subject opens the sentence.
        named = government_named(s, 0, len(s.text) if nominal else pos)
        if named is None and nominal:
            return government(s.doc.who.last)
        return named or publisher_actor(s, local, verb)
    return publisher_actor(s, local, verb)


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
NON_STATE = re.compile(
    r"\b(?:asociacion|fundacion|organizacion|colectivo|comite internacional|cicr|cruz roja|"
    r"iglesia|pastoral|sociedad civil|ong|association|foundation|organization|coalition|"
    r"church|red cross|icrc|ngo|unhcr|acnur|oim|iom|unicef|compan(?:y|ies)|empresas?|"
    r"private sector|sector privado)\b"
)


def publisher_actor(s: Sentence, local: str, verb: str) -> Addressee | None:
    """In a government's own release or transcript, a programme or an office it does not name
    otherwise ("The programme will serve …", "La SRECI firmó …") and its own first person
    ("vamos a destinar …", "firmamos …", "se van a contratar …") are that government's."""
    if s.doc.publisher_government is None or s.doc.cues.reporting.search(local):
        return None
    first_person = (
        verb.split()[0].endswith("mos")
        or verb.startswith(("se ", "nos ", "we ", "we'", "i ", "i'", "today i"))
        or _WE_BEFORE.search(local) is not None  # "We will expand …" in the government's voice
    )
    if not (_BODY_OPENS.match(local) or (first_person and len(local.split()) <= 4)):
        return None
    if outsiders_named(local):
        return None  # "El CICR impartirá …", "La Asociación … compartirá …" in the minutes
    return own_government(s.doc)


def outsiders(folded: str) -> bool:
    """Whether a phrase names actors and none of them is a government (the World Bank, the
    OIM, an NGO): what they do or pledge is no government's commitment."""
    named = resolver().find(folded)
    return bool(named) and not any(government(h[2]) for h in named)


def outsiders_named(folded: str) -> bool:
    """Whether a phrase names actors that are no government ("International financial
    institutions announced the following:")."""
    return NON_STATE.search(folded) is not None or outsiders(folded)
