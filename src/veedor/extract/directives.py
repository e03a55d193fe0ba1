"""Directives: the shapes in which a list item, heading or paragraph is itself an ask.

A bare imperative opening a list item or heading ("End the …", "Garantizar …"), possibly behind
its numbering, an action label ("TAKE ACTION:") or an addressee ("A la Fiscalía General:"); an
item under an asking lead-in ("We urge you to:"); a run-in bold heading; and the paragraphs that
are asks under a Recommendations label or lead-in ("That the Government of Canada reopen …",
"Que el Estado garantice …", "PRIMERA. Se repare …"). Whether a sentence carries a cue of its
own (a modal, "we urge") is recommendations.py's concern; these are the forms without one.
"""

from __future__ import annotations

import re

from veedor.extract.addressee import resolver
from veedor.extract.context import Sentence
from veedor.extract.items import Addressee
from veedor.nlp.patterns import NUMBERING, ORDINAL_WORDS, WORD


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SPANISH_INFINITIVE = re.compile(r"^[a-z]+(?:ar|er|ir)(?:se|le|les|lo|la|los|las)?$")

# An item under an asking lead-in that is not itself an ask: it opens with a determiner, a
# pronoun or a number, or its second word is a finite verb ("Deportations rose …").
_NOT_AN_ASK_OPENING = _words(
    "the a an this these that those there it its our we they their his her in on at "
    "as of for from by since during while when if although some many most all both "
    "each one"
)
_CLAUSE_OPENERS = _words(
    "that who which where when so to until unless if because while how whether what why"
)
_FINITE = _words(
    "is are was were has have had will would did does do rose fell grew went came "
    "remained became began declined dropped reached doubled tripled"
)

# Words ending in "-ly" that are not adverbs opening an imperative.
_NOT_ADVERBS = frozenset(["only", "early", "family", "italy", "july", "likely", "ally", "rally"])


def _opening_verb(s: Sentence) -> str | None:
    """The first word after any numbering, if the sentence opens a list item or heading."""
    if not s.first_in_block:
        return None
    rest = _strip_numbering(s)
    words: list[str] = WORD.findall(rest[:60])
    if len(words) > 2 and words[0].endswith(("ly", "mente")) and words[0] not in _NOT_ADVERBS:
        return words[1]  # "Publicly report …", "Immediately end …"
    if len(words) > 2 and words[0] in ("please", "por", "favor"):
        return words[2] if words[:2] == ["por", "favor"] else words[1]  # "Please sign on …"
    return words[0] if words else None


def _strip_numbering(s: Sentence) -> str:
    """The sentence without its numbering ("3.", "ii)"), label ("Recommendation 4:") or
    addressee heading ("7. A la Unidad Nacional de Protección: resolver …")."""
    rest = s.doc.cues.item_label.sub("", s.folded, count=1)
    rest = _ACTION_LABEL.sub("", rest, count=1)
    rest = NUMBERING.sub("", rest, count=1)
    rest = _ORDINAL_POINT.sub("", rest, count=1)
    return _INLINE_ADDRESSEE.sub("", rest, count=1)


# "TAKE ACTION: Call your senators …", "¡Actúa! Escribe a …": an action alert's label.
_ACTION_LABEL = re.compile(
    r"^\W*(?:(?:take\s+action|act\s+now|action\s+alert|what\s+you\s+can\s+do|actua|actue|"
    r"actuemos|accion\s+urgente|que\s+puedes\s+hacer)\s*[:!\u2014\u2013-]+\s*"
    # "First, give the Force …", "And fourth, put …", "En primer lugar, garantizar …": the
    # points a speaker counts off, each opening its own paragraph.
    r"|(?:and\s+|y\s+)?(?:first|second|third|fourth|fifth|finally|lastly|primero|segundo|tercero|"
    r"cuarto|quinto|finalmente|por\s+ultimo|en\s+primer\s+lugar|en\s+segundo\s+lugar|"
    r"en\s+tercer\s+lugar)\s*,\s+)"
)
# "To the Ministry of the Interior: adopt …", "A la Fiscalía General: priorizar …".
_INLINE_ADDRESSEE = re.compile(r"^(?:to\s+the|al|a\s+la|a\s+los|a\s+las)\s+[^:.]{3,80}:\s+")


def inline_addressee(s: Sentence) -> Addressee | None:
    rest = NUMBERING.sub("", s.folded, count=1)
    m = _INLINE_ADDRESSEE.match(rest)
    if m is None:
        return None
    offset = len(s.folded) - len(rest)
    phrase, text = m.group(), s.text[offset : offset + m.end()]
    hits = resolver().find(phrase)
    return (
        hits[0][2]
        if hits
        else resolver().named_government(text, phrase)
        or (
            resolver().bare_body(
                re.sub(r"^\s*a\s+", " ", re.sub(r"^\s*al\b", " el", phrase)), s.doc.who
            )
        )
    )


_COPULA = re.compile(r"\b(?:is|are|isn't|aren't|was|were|es|son|fue|era)\b")
# Where a subordinate clause starts ("Asegurar que los niños que son retornados …"): a copula
# after it is the clause's, not the item's.
_SUBORDINATOR = re.compile(
    r"\b(?:que|that|which|who|whose|quien|quienes|donde|where|cuando|when)\b"
)


# "Please sign on before …"; not a page's call to its readers ("Please take action", "Please
# share this").
_PLEASE = re.compile(
    r"\W*(?:please|por\s+favor)\s+(?!(?:take\s+action|share|donate|contact|visit|note|see|find|"
    r"join\s+us|subscribe|comparte|dona|contacta|visita)\b)[a-z]"
)
# A resolution's or report's point labelled by an ordinal word ("SEGUNDO. Recomendar …").
_ORDINAL_POINT = re.compile(rf"\W*(?:{ORDINAL_WORDS})\s*[.:)\-\u2013\u2014]+\s*(?=[a-z])")
# A web page's sharing bar ("Share: Facebook Twitter Email"): no ask.
_SHARE_BAR = re.compile(
    r"\W*(?:share|compartir|comparte|follow\s+us|siguenos)\b(?:\s*(?:this|on|en|:|\||,|/)\s*|"
    r"\s+(?:facebook|twitter|x|email|e-mail|linkedin|whatsapp|bluesky|threads|print|telegram|"
    r"reddit|correo|imprimir|copy\s+link|copiar\s+enlace)\b)*\s*$"
)


def is_imperative(s: Sentence) -> bool:
    if _SHARE_BAR.match(s.folded):
        return False
    verb = _opening_verb(s)
    labelled = (
        s.doc.cues.item_label.match(s.folded) is not None
        or _ACTION_LABEL.match(s.folded) is not None
        or _PLEASE.match(s.folded) is not None  # "Please sign on before …", in any block
        or _ORDINAL_POINT.match(s.folded) is not None  # "SEGUNDO. Recomendar al Pleno …"
    )
    if verb is None or (s.block.kind not in ("list_item", "heading") and not labelled):
        return False
    cues = s.doc.cues
    rest = _strip_numbering(s)
    words = WORD.findall(rest[:80])
    if len(words) < 2:
        return False
    if verb != words[0]:
        words = words[1:]  # the adverb before the verb
    clause = _SUBORDINATOR.split(rest, maxsplit=1)[0]
    if _COPULA.search(clause):
        return False  # "Regularizar no es premiar", "Deterrence is not a policy": a thesis
    if verb in cues.imperative_verbs:
        return not (len(words) > 1 and words[1] in {"for", "of", "is", "are", "was", "de"})
    if cues.lang == "es" and SPANISH_INFINITIVE.match(verb):
        return (s.block.kind == "list_item" and not verb.endswith(("lar", "mar", "gar"))) or (
            verb in cues.imperative_verbs
        )
    return False


def ask_item(s: Sentence) -> bool:
    """A list item under an asking lead-in ("We urge you to:") reads as one of the asks unless
    it is clearly not one: it opens with a determiner, pronoun or number, its second word is a
    finite verb, or it is a short noun phrase without a full stop."""
    if is_imperative(s) or _gerund_item(s):
        return True
    rest = NUMBERING.sub("", s.folded, count=1)
    words = WORD.findall(rest[:80])
    if len(words) < 2 or words[0] in _NOT_AN_ASK_OPENING or not rest.lstrip()[:1].isalpha():
        return False
    for word in words[1:6]:
        if word in _FINITE:
            return False  # "Removals of families rose …": a sentence with its own subject
        if word in _CLAUSE_OPENERS:
            break
    return s.text.rstrip().endswith((".", ";")) or s.words >= 6


def _gerund_item(s: Sentence) -> bool:
    verb = _opening_verb(s)
    return verb is not None and verb.endswith(("ing", "ando", "iendo"))


def run_in_heading(s: Sentence) -> bool:
    """ "**Fund prevention.** Congress should …": a short bold opening of a list item that the
    item's own sentences then spell out."""
    return (
        s.first_in_block
        and s.block.kind == "list_item"
        and s.end < s.block.end - 1
        and s.text.startswith(("**", "__"))
    )


# A heading or label announcing recommendations: "Recommendations", "IV. RECOMENDACIONES",
# "Recommendation 7", "Recommendations to the Government of Guatemala".
_ASKS_LABEL = re.compile(
    r"\W*(?:(?:[ivxl]{1,5}[.)]|\d{1,2}(?:\.\d{1,2})*[.)]?|[a-h][.)])\s*)?"
    r"(?:recommendations?|recomendaciones|recomendacion)"
    r"(?P<number>\s+(?:no\.\s*)?\d{1,3}\s*[.:]?)?"
    r"(?:\s*$|\s+(?:to|for|al|a|a\s+la|a\s+los|para|dirigidas)\s)"
)
# A paragraph that is itself one of the asks under such a heading or lead-in: the English
# mandative "That the Government of Canada reopen …", the Spanish "Que el Estado garantice …",
# and items labelled with an ordinal word ("PRIMERA. Se repare …", "SEGUNDO.- …").
_DIRECTIVE_ITEM = re.compile(
    r"\W*(?:\d{1,2}[.)]\s*)?(?:that\s+(?!is\b|was\b|said\b|same\b|s\b)|que\s+"
    rf"|(?:{ORDINAL_WORDS})\s*(?:[.:)]\s*[-\u2013\u2014]?|[-\u2013\u2014])\s*\w)"
)


def asks_label(s: Sentence) -> tuple[bool, bool] | None:
    """If a block is a heading or label announcing recommendations: (is it a bare numbered
    label such as "Recommendation 7", does it open a section)."""
    if not s.first_in_block or s.words > 8 or (s.block.kind == "paragraph" and s.words > 3):
        return None
    m = _ASKS_LABEL.match(s.folded)
    if m is None:
        return None
    return m.group("number") is not None, m.group("number") is None


def opens_directive_item(s: Sentence) -> bool:
    """Whether the sentence opens a paragraph that reads as one ask of a list of them."""
    if not s.first_in_block or _DIRECTIVE_ITEM.match(s.folded) is None:
        return False
    that = _MANDATIVE_THAT.match(s.text)
    # "That the Government reopen …", "That IRCC publish …"; not "That approach failed".
    return that is None or that.group(1)[:1].isupper() or that.group(1) in _MANDATIVE_OPENERS


_MANDATIVE_THAT = re.compile(r"\W*(?:\d{1,2}[.)]\s*)?[Tt]hat\s+([\w'-]+)")
_MANDATIVE_OPENERS = frozenset(["the", "all", "each", "every", "both", "any", "no", "federal"])


def directive_addressee(s: Sentence) -> Addressee | None:
    """Whom a "That X reopen …" item names: an actor right after "That"."""
    m = re.match(r"\W*(?:\d{1,2}[.)]\s*)?that\s+", s.folded)
    if m is None:
        return None
    who = resolver()
    window = s.folded[m.end() : m.end() + 90]
    hits = [h for h in who.find(window) if h[0] < 6]
    if hits:
        return hits[0][2]
    return who.named_government(s.text[m.end() : m.end() + 90], window)
