"""Recommendations: sentences, list items and headings in which the author prescribes an action.

Four kinds of cue, in order of precedence: the author urging someone ("we urge you to"), a modal
with an actor ("the administration must", "el Gobierno debe"), an impersonal necessity ("it is
imperative that", "the need for X to"), and a bare imperative opening a list item or heading
("End the…", "Garantizar…"; its shapes, with those of list items and paragraph asks, are in
directives.py). List items under a lead-in ("The administration should:") inherit its strength
and addressee. Rules reject what only looks like a recommendation: questions,
reported speech, quotations, counterfactuals ("should have"), descriptions of what affected
people must endure, and third parties' calls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from veedor.extract.addressee import BOTH, AddresseeResolver, join, resolver
from veedor.extract.context import LeadIn, Sentence, own_countries, passage_countries
from veedor.extract.countries import USA
from veedor.extract.directives import (
    SPANISH_INFINITIVE,
    ask_item,
    directive_addressee,
    inline_addressee,
    is_imperative,
    opens_directive_item,
    run_in_heading,
)
from veedor.extract.items import Addressee
from veedor.extract.speakers import (
    RELATIVE_PRONOUN,
    author_speaks,
    clause_subject,
    inside_quotes,
    operative,
    quoted_author,
    reported,
)
from veedor.nlp.patterns import WORD

STRENGTH_ORDER = {"urge": 3, "must": 2, "should": 1, "imperative": 0}
_AFTER_MODAL_PERFECT = re.compile(r"^\s+(?:\w+ly\s+)?(?:have|haber|habido)\b")
# "the (urgent) need to act" is a noun; "the administration needs to act" is a modal.
_NEED_AS_NOUN = re.compile(
    r"\b(?:(?:the|a|an|no|this|that|their|its|our|his|her|any)\s+(?:(?:urgent|pressing|clear|"
    r"real|growing|critical|obvious|immediate|continued|ongoing|genuine|great|greater|"
    r"fundamental|evident|acute|dire|desperate)\s+)?|(?:urgent|pressing|clear)\s+)$"
)
_SUBORDINATE = re.compile(
    r"^\s*(?:while|although|though|because|since|as|if|even if|unless|aunque|mientras|porque|si)\b"
)
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "many",
        "most",
        "some",
        "these",
        "those",
        "all",
        "such",
        "other",
        "more",
        "few",
        "several",
        "los",
        "las",
        "el",
        "la",
        "muchos",
        "muchas",
        "algunos",
        "algunas",
        "estos",
        "estas",
        "otros",
        "un",
        "una",
    ]
)
_SHORT_VAGUE = re.compile(r"^\s+(?:be\s+done|happen|change|hacerse|cambiar)\b")
_QUESTION_WORD = re.compile(
    r"^(?:[^:.!?]{1,40}:\s+)?[\"'¿(]*(?:what|how|why|which|who|que|como|por que|cual|cuales)\b"
    r"(?!\s+(?:is|are)\s+(?:\w+ly\s+)?(?:needed|required)\b)"  # "What is needed is …" asks
    # "What Washington must do is …", "What it cannot do is …": a pseudo-cleft asks too.
    r"(?!\s+(?:[\w.'-]+\s+){1,4}(?:must|should|cannot|can't|needs\s+to|need\s+to|has\s+to"
    r"|have\s+to|ought\s+to)\s+(?:\w+\s+)?do\s+(?:now\s+)?is\b)"
)
# A call to the public to join the author ("to join us at the march", "a acompañarnos en la
# marcha") mobilises supporters; it is not a policy recommendation.
_MOBILISE = re.compile(
    r"\b(?:join\s+us|join\s+the|stand\s+with\s+us|attend|march|sign\s+(?:our|the|this)\s+"
    r"petition|donate|acompanarnos|acompanar(?:nos)?\s+en|sumarse|sumarte|sumarnos|unirse|"
    r"unirte|marchar|firmar\s+(?:la|nuestra)\s+peticion|donar|asistir)\b"
)
_HOPE = re.compile(r"^(?:hope|trust|esperamos|confiamos)")
_FUTURE_OR_MODAL = re.compile(r"\b(?:will|shall|would)\b")
_DUE_TO = re.compile(r"^\s+(?:a|al|de\s+que|haber)\b")
# Spanish requests in the first person singular ("exhorto", "solicito").
# What a request for information asks for ("request information", "solicitar información").
_INFORMATION_ASKED = re.compile(
    r"\s*(?:(?:additional|more|further|detailed|updated|mas|mayor)\s+)?(?:information|a\s+briefing|"
    r"briefings|clarification|a\s+response|answers|informacion|una\s+respuesta|aclaraciones)\b"
)
# "Staff requests for a briefing …": the noun, not the verb.
_NOUN_FOLLOWS = re.compile(r"\s+(?:for|from|by|were|was|have|had)\b")
_FIRST_SINGULAR = frozenset(["exhorto", "insto", "solicito", "conmino", "pido", "propongo"])
# A modal inside a purpose clause ("… so that fewer people need to risk it") says what the
# ask is for; it neither makes the ask nor names its addressee.
_PURPOSE = re.compile(
    r"\b(?:so\s+that|so\s+as|in\s+order\s+that|such\s+that|para\s+que|a\s+fin\s+de\s+que|"
    r"con\s+el\s+fin\s+de\s+que|de\s+(?:modo|manera|forma)\s+que)\b"
)
# "We, the undersigned, write to express … and to urge you to …": the author's infinitive.
_AUTHOR_OPENS = re.compile(r"^\W*(?:we|i|nosotros|nosotras)\b")
_INFINITIVE_URGE = re.compile(r"(?:^|\s)(?:and\s+|also\s+)*to\s*$")
# "nos dirigimos a usted para …" frames a letter; it is a request only when what follows is.
_REQUEST_AFTER_FRAME = re.compile(
    r"\s+(?:(?:respetuosamente|atentamente|tambien)\s+)?(?:solicitar|pedir|instar|exhortar|"
    r"exigir|recomendar|urgir|reiterar|hacer\s+un\s+llamado|llamar|rogar|requerir)"
)
# "cannot continue to treat X as a security problem alone": a demand to stop, whatever follows.
# A modal right after a question word (an indirect question: "what should happen next") or
# inside a restrictive relative clause ("people who cannot be sent home", no comma before
# "who"): it describes, it does not prescribe. A cleft ("it is Congress that must act") is
# not one.
_WH_BEFORE_MODAL = re.compile(r"(?:^|\s)(?:what|how|why|when|where|whether)\s*$")
_RELATIVE = re.compile(r"[^,\s]\s+(?:who|that|which)\s*$")
_CLEFT = re.compile(r"\bit\s+(?:is|was|will\s+be)\s+[^,;]{1,50}\s+(?:who|that)\s*$")


# "does not have to", "don't need to": no obligation at all.
_NOT_OBLIGED = re.compile(r"\b(?:does|do|did)(?:\s+not|n't)\s*$")
# A duty the law sets ("el órgano que por ley debe orientar …", "the agency, which by law
# must …") or an indirect question ("nos preguntamos por qué la defensa … tiene que …"):
# described, not prescribed.
_DESCRIBED_DUTY = re.compile(
    r"(?:\b(?:por\s+ley|por\s+mandato(?:\s+\w+)?|by\s+law|under\s+the\s+law)\s*$|"
    r"\bpor\s+que\s+(?:[\w-]+\s+){0,8}$)"
)


def _embedded(subject: str) -> bool:
    return bool(
        _WH_BEFORE_MODAL.search(subject)
        or (_RELATIVE.search(subject) and not _CLEFT.search(subject))
    )


# "Under the decree, …", "Según el reglamento, …", "Conforme a la ley, …": what follows is the
# instrument's content.
_UNDER_INSTRUMENT = re.compile(
    r"^\W*(?:under|according\s+to|segun|conforme\s+a|de\s+acuerdo\s+con)\s+"
    r"(?:the|this|that|its|el|la|los|las|este|esta|dicho|dicha|su)?\s*(?:[\w-]+\s+){0,2}?"
    r"(?:decree|law|rules?|regulations?|agreement|accord|order|bill|act|deal|decreto|ley|"
    r"reglamento|acuerdo|norma|resolucion|protocolo|convenio)\b(?:[^,]|,\s*\d{4}\b){0,140}?,"
)
_EN_RELATIVE = re.compile(r"[^,\s]\s+(?:that|which|who)\s+(?:[\w-]+\s+){0,5}$")
_ES_RELATIVE = re.compile(r"\b(?:que|quienes|donde)\s+(?:[\w-]+\s+){0,3}$")
# A Spanish clause with no subject before its modal ("Además, debe…", "Tampoco puede…").
_SUBJECTLESS = re.compile(
    r"^\W*(?:(?:y|e|ademas|tambien|tampoco|asimismo|por\s+eso|entonces)\W*)*$"
)
_CANNOT = frozenset(
    ["cannot", "can not", "can't", "no puede", "no pueden", "tampoco puede", "tampoco pueden"]
)
_GO_ON = re.compile(r"\s+(?:continue|keep\s+(?:on\s+)?\w+ing|go\s+on|seguir|continuar)\b")
_PHRASE_BREAK = re.compile(r"[,;:()\u2014\u2013]")


@dataclass
class Cue:
    strength: str
    start: int
    end: int
    addressee: Addressee | None
    explicit: bool


_AGE = re.compile(r"^(?:\d+(?:-year-old|-years-old)?|year|years|old|ano|anos|de|edad)$")


# Nouns of a quality or an action ("accountability", "la protección"): a subject that names no
# one who could act.
_ABSTRACT_NOUN = re.compile(r"(?:cion|sion|miento|dad|tion|ment|ity|ness|ship)s?$")


_COPULA_AFTER = re.compile(r"\s+(?:be|ser|estar)\b")


def _abstract_subject(subject: str) -> bool:
    words = WORD.findall(_PHRASE_BREAK.split(subject)[-1])
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    return bool(words) and _ABSTRACT_NOUN.search(words[0]) is not None


def _affected_subject(subject: str, affected: frozenset[str]) -> bool:
    """Whether the subject names the people a policy affects ("migrants must cross…")."""
    segment = _PHRASE_BREAK.split(subject)[-1]
    words = WORD.findall(segment)
    while words and (words[0] in _DETERMINERS or _AGE.match(words[0])):
        words = words[1:]  # "a 9-year-old girl"
    if not words:
        return False
    return words[0] in affected or " ".join(words[:2]) in affected


def _request_verbs(s: Sentence) -> list[tuple[str, re.Match[str]]]:
    """The author's request verbs in order: "urge" for requests, "must" for mandates ("directs
    the Secretary to …", not "who directs our programme"). "The Committee recommends $50,000,000
    for …" is a budget line (a commitment), not a request."""
    cues, folded = s.doc.cues, s.folded
    found = [("urge", m) for m in cues.urge.finditer(folded)]
    if found and "$" in folded:
        found = [(k, m) for k, m in found if not BUDGET_LINE.match(folded, m.end())]
    if not cues.directive_gate.open(s.tokens, folded):
        return found
    mandates = [
        ("must", m)
        for m in cues.directive.finditer(folded)
        if _MANDATE_OBJECT.match(folded, m.end())
    ]
    return sorted(found + mandates, key=lambda sm: sm[1].start()) if mandates else found


# What a recommended amount looks like: "recommends (not less than) $50,000,000".
BUDGET_LINE = re.compile(
    r"\s+(?:(?:not|no)\s+less\s+than\s+|an\s+additional\s+|up\s+to\s+|a\s+total\s+of\s+"
    r"|hasta\s+|un\s+total\s+de\s+)?(?:us\s?\$|\$)"
)
_MANDATE_OBJECT = re.compile(
    r"\s+(?:(?:the|that|a|al|a\s+la|a\s+los|a\s+las)\s+)?[^.;]{1,90}?"
    r"\b(?:to|a|que)\s*,?\s+\w"
)


_OWN_PLEDGE = re.compile(
    r"\b(?:nos comprometemos|we commit|we pledge|we will|seguiremos|continuaremos|celebraremos|"
    r"realizaremos|acompanaremos|mantendremos|ofreceremos|we are committed)\b"
)


def _urge_cues(s: Sentence, who: AddresseeResolver) -> list[Cue]:
    found = []
    for strength, m in _request_verbs(s):
        if inside_quotes(s.folded, m.start()) and not quoted_author(s, m.start()):
            continue
        verb = m.group()
        _, subject = clause_subject(s.folded, m.start())
        if verb.startswith("propon") and subject.endswith((" se ", " nos ")):
            continue  # "el Instituto se propone reducir …": what it intends, not a proposal
        if RELATIVE_PRONOUN.search(subject):
            continue  # "our colleague, who directs our programme": not the author asking
        if verb in ("requests", "request") and _NOUN_FOLLOWS.match(s.folded, m.end()):
            continue  # "Staff requests for a briefing went unanswered": a noun
        head = verb.split()[0]
        first_person = (
            s.doc.lang == "es"
            and (
                head.endswith("mos")
                or head in {"le", "les", "nos"}
                # "exhorto al Instituto" (I urge), not "exhortó" (urged): the accent tells them apart
                or (head in _FIRST_SINGULAR and "ó" not in s.text[m.start() : m.end()].lower())
            )
        )
        # "Se recomienda al Gobierno …", "It is recommended that …": the author, impersonally;
        # "3. Urges the authorities to …" (a resolution's operative paragraph): the author.
        first_person = first_person or verb.startswith(("se ", "it is "))
        # "That's why I'm calling on Congress to …": the verb phrase says who asks.
        first_person = first_person or verb.startswith(("i'm ", "i am ", "we're ", "we are "))
        first_person = first_person or operative(s, m.start(), verb)
        if (
            not first_person
            and not author_speaks(s, subject, m.start())
            and not (_INFINITIVE_URGE.search(subject) and _AUTHOR_OPENS.match(s.folded))
        ):
            continue
        if verb.endswith(" para") and not _REQUEST_AFTER_FRAME.match(s.folded, m.end()):
            continue  # "nos dirigimos a usted para expresar …": a courtesy, not a request
        if (
            _HOPE.match(verb)
            and s.doc.lang == "en"
            and not _FUTURE_OR_MODAL.search(s.folded, m.end())
        ):
            continue  # "we hope that this letter can serve…" is courtesy, not a request
        obj = s.folded[m.end() : m.end() + 90]
        if _INFORMATION_ASKED.match(obj):
            continue  # "to request information about the Department's strategy": no action
        target = None
        hits = who.find(obj)
        if re.match(r"\s*(?:that\s+|que\s+)?(?:you|your|le|les|a\s+usted|a\s+ustedes)\b", obj) or (
            verb.split()[0] in {"le", "les"}
        ):
            target = s.doc.who.doc_addressee or s.doc.who.default
        elif re.match(r"\s*(?:that\s+)?(?:him|her|them|lo|la|los|las)\b", obj):
            target = s.doc.who.last or s.doc.who.default
        elif BOTH.match(obj):
            target = who.both(s.doc.who)
        elif hits:
            target = hits[0][2]
        else:
            target = who.named_government(s.text[m.end() : m.end() + 90], obj)
            bare = re.sub(r"^\s*a\s+", " ", re.sub(r"^\s*al\b", " el", obj))
            target = target or who.bare_body(bare, s.doc.who)
        if (target is None or set(target.kinds) <= {"other"}) and _MOBILISE.search(obj):
            continue
        found.append(Cue(strength, m.start(), m.end(), target, target is not None and bool(hits)))
        s.doc.author_spoke = s.start
        break  # "we encourage you to urge President X": the first request names the addressee
    return found


def _modal_cues(s: Sentence, who: AddresseeResolver) -> list[Cue]:
    cues = s.doc.cues
    found = []
    for strength, pattern in (("must", cues.modal_must), ("should", cues.modal_should)):
        for m in pattern.finditer(s.folded):
            pos, after = m.start(), s.folded[m.end() :]
            clause_start, subject = clause_subject(s.folded, pos)
            if _PURPOSE.search(subject):
                continue  # "so that fewer people need to risk …": what the ask is for
            if cues.uncertainty.search(subject):
                continue  # "asked whether the United States should cut aid, …": a question
            if not subject.strip() and pos < 3 and strength == "should" and cues.lang == "en":
                continue  # "Should the talks fail, …" is a condition
            if cues.lang == "en" and _embedded(subject):
                continue  # "… explain what should happen next", "people who cannot go home"
            if m.group().startswith(("have", "has", "need")) and _NOT_OBLIGED.search(subject):
                continue  # "Chile does not have to choose between order and rights"
            if _DESCRIBED_DUTY.search(subject):
                continue  # "el órgano que por ley debe …", "por qué la defensa … tiene que"
            if (inside_quotes(s.folded, pos) and not quoted_author(s, pos)) or reported(s, pos):
                continue
            if _AFTER_MODAL_PERFECT.match(after):
                continue  # "should have acted": criticism of the past, not a prescription
            phrase = m.group()
            if (
                phrase in _CANNOT
                and (_ES_RELATIVE if cues.lang == "es" else _EN_RELATIVE).search(subject)
                and not _GO_ON.match(after)
            ):
                continue  # "documents that many families cannot obtain", "que … no pueden"
            under = _UNDER_INSTRUMENT.match(s.folded)
            if under and pos > under.end():
                continue  # "Under the decree, hospitals must report …": the rule described
            if phrase.startswith("need") and _NEED_AS_NOUN.search(s.folded[:pos]):
                continue
            if phrase.startswith(("have to", "has to")) and after.lstrip().startswith("do with"):
                continue
            if phrase.startswith(("debe", "deben")) and _DUE_TO.match(after):
                continue
            if phrase.startswith("necesita") and not SPANISH_INFINITIVE.match(
                (WORD.findall(after) or [""])[0]
            ):
                continue
            if _affected_subject(subject, cues.affected):
                continue  # "migrants must cross …" describes, it does not prescribe
            if phrase in _CANNOT and (
                _SUBORDINATE.match(subject)
                or (cues.cannot_descriptive.search(after[:80]) and not _GO_ON.match(after))
            ):
                continue  # "cannot solve it alone", "while X cannot …": a limit, not a ban
            if cues.vague_predicates.match(after) and (
                s.words < 12 or not _SHORT_VAGUE.match(after)
            ):
                continue
            subj_text = s.text[clause_start:pos]
            target = who.subject(subj_text, subject, s.doc.who)
            if target is None and cues.forecast_predicates.match(after):
                continue  # "the new rule should take effect", "deportations should rise"
            if (
                target is None
                and phrase in _CANNOT
                and _COPULA_AFTER.match(after)
                and _abstract_subject(subject)
            ):
                continue  # "Accountability cannot be an afterthought": no actor, no action
            if target is None and cues.lang == "es" and _SUBJECTLESS.match(subject):
                target = s.doc.who.last  # "Tampoco puede seguir…": the one just addressed
            found.append(Cue(strength, pos, m.end(), target, target is not None))
    return found


# An aside set off by commas inside a cue phrase ("Hace falta, también, que …", "Es hora,
# asimismo, de que …", "It is time, above all, for …"): read past it.
_ASIDE = re.compile(
    r",\s*(?:tambien|ademas|asimismo|por su parte|a su vez|en primer lugar|en segundo lugar|"
    r"sobre todo|ante todo|por ello|por eso|por tanto|por lo tanto|de nuevo|una vez mas|"
    r"also|moreover|furthermore|therefore|above all|in turn|for its part|first of all|again)\s*,"
)
# After "Corresponde" / "It is up to": the one whose duty it is, and the action.
_FALLS_TO_ACTOR = re.compile(r"(?<=\sto)\s|\s*(?:al?|a\s+la|a\s+los|a\s+las|to)\s")
_ACTION_AFTER = {"es": re.compile(r"\s+[a-z]+(?:ar|er|ir)\b"), "en": re.compile(r"\s+to\s+[a-z]+")}


def _impersonal_cues(s: Sentence, who: AddresseeResolver) -> list[Cue]:
    cues = s.doc.cues
    found = []
    folded = _ASIDE.sub(lambda a: " " * len(a.group()), s.folded) if "," in s.folded else s.folded
    opening = len(folded) - len(folded.lstrip(" \"'\u201c-\u2014"))
    falls_to = cues.falls_to.match(folded, opening)
    actor = _FALLS_TO_ACTOR.match(folded, falls_to.end()) if falls_to is not None else None
    if falls_to is not None and actor is not None:
        # "Corresponde al Ministerio de Finanzas trasladar …", "It is up to Congress to act"
        action = _ACTION_AFTER.get(s.doc.lang, _ACTION_AFTER["en"]).search(
            folded, actor.end() - 1, actor.end() + 90
        )
        if action is not None:
            article = "el " if actor.group().strip() == "al" else ""
            phrase = folded[actor.end() : action.start()]
            target = who.subject(s.text[actor.end() : action.start()], article + phrase, s.doc.who)
            if target is not None:
                found.append(Cue("must", falls_to.start(), falls_to.end(), target, True))
    for strength, pattern in (("must", cues.impersonal_must), ("should", cues.impersonal_should)):
        for m in pattern.finditer(folded):
            if inside_quotes(s.folded, m.start()) or reported(s, m.start()):
                continue
            if cues.impersonal_vague.match(s.folded[m.end() : m.end() + 40]):
                continue  # "it is important to note that", "es necesario recordar que"
            if "requir" in m.group() and cues.legal_instruments.search(s.folded, 0, m.start()):
                continue  # "the law requires that …" describes the law
            window = s.folded[m.end() : m.end() + 100]
            hits = who.find(window)
            phrase = m.group()
            # "the need for both governments to act": an actor and an action are required.
            needs_actor = "need for" in phrase or phrase.startswith("the need")
            if needs_actor and (not hits or not re.search(r"\bto\s+\w+", window)):
                continue
            if "time" in phrase and not re.search(r"\bto\s+\w+", window):
                continue  # "It's time for a reset": a mood, with no one to act
            target = (
                hits[0][2]
                if hits
                else who.named_government(s.text[m.end() : m.end() + 100], window)
            )
            found.append(Cue(strength, m.start(), m.end(), target, target is not None))
    return found + _duty_cues(s, who)


def _duty_cues(s: Sentence, who: AddresseeResolver) -> list[Cue]:
    """ "The Commission recalls that the State has the duty to …": the author's reminder of an
    obligation prescribes; "destination countries have the obligation to …" alone states it."""
    cues = s.doc.cues
    if not cues.reminder_gate.open(s.tokens, s.folded) or not cues.reminder.search(s.folded):
        return []
    for m in cues.duty.finditer(s.folded):
        reminder = None
        for r in cues.reminder.finditer(s.folded, 0, m.start()):
            reminder = r
        if reminder is None:
            continue
        _, speaker = clause_subject(s.folded, reminder.start())
        if not (
            author_speaks(s, speaker, reminder.start())
            or operative(s, reminder.start(), reminder.group())
        ):
            continue
        _, holder = clause_subject(s.folded, m.start())
        holder = re.sub(r"^.*\b(?:that|que)\s+", "", holder)
        target = who.subject(holder, holder, s.doc.who)
        return [Cue("must", m.start(), m.end(), target, target is not None)]
    return []


def _need_for_cues(s: Sentence, who: AddresseeResolver) -> list[Cue]:
    """ "the need for both governments to center …", "it is time for Congress to act"."""
    found = []
    cues = s.doc.cues
    for m in cues.need_for.finditer(s.folded):
        if inside_quotes(s.folded, m.start()) or reported(s, m.start()):
            continue
        rest = s.folded[m.end() : m.end() + 90]
        if cues.lang == "es":
            actor = rest
        else:
            action = re.match(r"\s+((?:[\w.'-]+\s+){1,6}?)to\s+([\w-]+)", rest)
            if not action or action.group(2) not in cues.imperative_verbs:
                continue
            actor = action.group(1)
        hits = who.find(actor)
        strength = "should" if re.search(r"time|hora|momento", m.group()) else "must"
        target = hits[0][2] if hits else None
        found.append(Cue(strength, m.start(), m.end(), target, target is not None))
    return found


def _all_cues(s: Sentence, who: AddresseeResolver) -> list[Cue]:
    if not s.doc.cues.request_gate.open(s.tokens, s.folded):
        return []
    return (
        _urge_cues(s, who) + _modal_cues(s, who) + _impersonal_cues(s, who) + _need_for_cues(s, who)
    )


# "A usted, señor …", "Al C. …", "To you, Madam Secretary …": a courtesy before an addressee.
_VOCATIVE = re.compile(
    r"\W*(?:(?:a|to)\s+(?:usted(?:es)?|you)\s*,?\s*)?(?:al?\s+)?"
    r"(?:(?:senor|senora|sr\.|sra\.|c\.|ciudadano|ciudadana|mr\.|ms\.|madam|mister)\s+)?"
)


_POSSESSIVE = re.compile(r"['\u2019]")


def lead_in_of(s: Sentence) -> LeadIn | None:
    """If this sentence ends its block with ':' and carries a cue, the lead-in it makes."""
    if not s.text.rstrip().endswith(":") or s.end < s.block.end - 2:
        return None
    who = resolver()
    cues = _all_cues(s, who)
    if not cues:
        # "A usted, señor Gobernador del Estado de Chiapas:": whom the items that follow address.
        vocative = _VOCATIVE.match(s.folded)
        at = vocative.end() if vocative else 0
        named = who.find(s.folded)
        verb = s.doc.cues.urge.search(s.folded)
        if verb is not None and any(h[0] >= verb.end() for h in named):
            # "ACNUR y la OIM instan a los Estados de la región a:": those asked, not those asking.
            named = [h for h in named if h[0] >= verb.end()]
        target = (
            join([h[2] for h in named])
            if named
            else who.named_government(s.text[at:], s.folded[at:])
            # "Al Congreso de la República:": a state body of the country the text is about
            or who.bare_body(" el " + s.folded[at:], s.doc.who)
        )
        return LeadIn(strength=None, addressee=target)
    best = max(cues, key=lambda c: STRENGTH_ORDER[c.strength])
    if best.addressee is None:
        # "Al Congreso de Guatemala le recomendamos:", "To Congress, we recommend:"; not a
        # possessive ("based on our members' experience, we ask that …").
        named = [h for h in who.find(s.folded) if not _POSSESSIVE.match(s.folded, h[1])]
        named_one = named[0][2] if named else who.named_government(s.text, s.folded)
        return LeadIn(strength=best.strength, addressee=named_one or s.doc.who.default)
    return LeadIn(strength=best.strength, addressee=best.addressee)


def _country_government(s: Sentence) -> Addressee | None:
    """With no actor named and no default (a Spanish document), the government of the one
    foreign country the item or its passage is about ("Se debe garantizar … en Guatemala")."""
    codes = [c for c in own_countries(s) or passage_countries(s) if c != USA]
    return resolver().government_of(codes[0]) if len(codes) == 1 else None


def _asks_a_question(s: Sentence) -> bool:
    """A sentence opening with a question word; in Spanish only with its accent ("Qué debe
    hacer…"), since an unaccented "que" opens a request ("que reciban a cada persona…")."""
    m = _QUESTION_WORD.match(s.folded)
    if m is None:
        return False
    if s.doc.lang != "es":
        return True
    word = s.text[max(0, m.end() - 8) : m.end()].lower()
    return any(ch in word for ch in "éóá")


# A resolution's point that welcomes, notes or thanks rather than asks ("10. To welcome the
# offer of the Government of Mexico …", "Tomar nota del informe …").
_NON_REQUEST_POINT = re.compile(
    r"\W*(?:\d{1,2}[.)]\s*)?(?:to\s+(?:welcome|take\s+note|note|recognize|recognise|acknowledge|"
    r"express|thank|congratulate|commend|celebrate|recall)|acoger\s+con\s+beneplacito|"
    r"tomar\s+nota|reconocer|expresar|agradecer|felicitar|saludar|recordar)\b"
)


def detect(s: Sentence) -> tuple[str, Addressee | None, float] | None:
    """(strength, addressee, confidence) if the sentence is a recommendation."""
    if s.folded.rstrip().endswith("?") or _asks_a_question(s):
        return None
    if s.first_in_block and _NON_REQUEST_POINT.match(s.folded):
        return None
    if s.words < 3 and not (s.words == 2 and run_in_heading(s)):
        return None
    lead = s.doc.lead_in
    if lead is not None and (lead.own_plan or lead.provisions) and s.block.kind == "list_item":
        return None  # "a) Reducir a 5 días …" under "El Instituto se propone:": its own plan
    who = resolver()
    cues = _all_cues(s, who)
    if cues:
        best = max(cues, key=lambda c: (STRENGTH_ORDER[c.strength], c.explicit))
        targets = [
            c.addressee for c in cues if c.addressee is not None and c.strength == best.strength
        ]
        addressee = join(targets) if len({t.name for t in targets}) > 1 else best.addressee
        if addressee is None and lead is not None and s.block.kind == "list_item":
            addressee = lead.addressee
        addressee = addressee or s.doc.section_addressee or s.doc.who.default
        confidence = 0.9 if best.explicit else 0.75
        return best.strength, addressee or _country_government(s), confidence
    in_list = lead is not None and s.block.kind == "list_item" and s.first_in_block
    if in_list and _OWN_PLEDGE.search(s.folded):
        return None  # "13. Por nuestra parte, nos comprometemos a …": the author's own pledge
    if (
        in_list
        and lead is not None
        and lead.strength is not None
        and (s.doc.lang == "es" or ask_item(s))
    ):
        return lead.strength, lead.addressee or s.doc.who.default or _country_government(s), 0.8
    asks = s.doc.asks
    if asks is not None and asks.strength is not None and opens_directive_item(s):
        # "That the Government of Canada reopen …", "PRIMERA. Se repare …" under their lead-in
        addressee = directive_addressee(s) or asks.addressee or s.doc.section_addressee
        addressee = addressee or s.doc.who.default or _country_government(s)
        return asks.strength, addressee, 0.8
    if is_imperative(s):
        addressee = inline_addressee(s)
        addressee = addressee or (lead.addressee if lead is not None and lead.addressee else None)
        addressee = addressee or s.doc.section_addressee or s.doc.who.default
        return "imperative", addressee or _country_government(s), 0.7
    return None
