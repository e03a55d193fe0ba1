"""Who is speaking: the author of the document, or someone it reports.

A request is a recommendation only when the author makes it ("We urge …", "The Commission
calls on …", a resolution's "PRIMERO.- El Senado exhorta …"), not when the text reports a
third party's view ("la Corte ha sostenido que los Estados deben …") or quotes someone."""

from __future__ import annotations

import re

from veedor.extract.addressee import resolver
from veedor.extract.context import Sentence
from veedor.nlp.patterns import NUMBERING, ORDINAL_WORDS, WORD

# Titles of the officials who head a government or one of its offices.
_HEAD_TITLES = (
    r"gobernador|gobernadora|mandatario|mandataria|presidente|presidenta|ministro|ministra|"
    r"canciller|secretario|secretaria|comisionado|comisionada|alcalde|alcaldesa|governor|"
    r"minister|foreign\s+minister|secretary|president|mayor"
)


_CLAUSE_START = re.compile(r"[;:]|,\s+(?:and|but|or|while|y|pero|mientras)\s+")


def inside_quotes(folded: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation: an odd number of quote marks before it, or
    the closing mark of a quotation opened in an earlier sentence after it ("El que no debe
    nada, se va a su casa", dijo.)."""
    if folded.count('"', 0, pos) % 2 == 1:
        return True
    close = _QUOTE_CLOSES.search(folded, pos)
    return close is not None and folded.count('"', 0, close.start()) % 2 == 0


# A quotation's closing mark and its attribution: '…", dijo.', '…," she said.'
_QUOTE_CLOSES = re.compile(
    r'[.,!?]?"\s*,?\s*(?:\w+\s+){0,4}?(?:dijo|said|says|dice|senalo|agrego|added|explico|afirmo|told)\b'
)


def quoted_author(s: Sentence, pos: int) -> bool:
    """A quotation in a government's own release spoken by an official of that government,
    named by title: ""We urge anyone …," Secretary Brandt said." in a DHS release (not a
    foreign minister quoted in it)."""
    own = s.doc.publisher_government
    if own is None:
        return False
    close = s.folded.find('"', pos)
    if close < 0:
        return False
    pattern = _US_OFFICIAL_SAID if own == "USA" else _OFFICIAL_SAID
    return pattern.match(s.folded, close) is not None


def _said_by(titles: str) -> re.Pattern[str]:
    """The attribution after a closing quote naming an official by title (and name)."""
    verbs = r"(?:said|says|added|dijo|afirmo|agrego|senalo)"
    return re.compile(
        rf'"\s*,?\s*(?:(?:the\s+|el\s+|la\s+)?(?:{titles})\s+[a-z][\w\'-]*\s+{verbs}\b|'
        rf"{verbs}\s+(?:the\s+|el\s+|la\s+)?(?:{titles})\b(?!\s+of\b|\s+de\b))"
    )


# A US release quotes its secretaries and commissioners; "Minister Sosa" is a foreign official.
_US_OFFICIAL_SAID = _said_by(r"secretary|deputy\s+secretary|commissioner|administrator|ambassador")
_OFFICIAL_SAID = _said_by(_HEAD_TITLES)


def clause_subject(folded: str, pos: int) -> tuple[int, str]:
    """The words before ``pos`` back to the start of its clause."""
    start = 0
    for m in _CLAUSE_START.finditer(folded, 0, pos):
        start = m.end()
    return start, folded[start:pos]


# "The Commission also recommends": adverbs between the author and the verb.
TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:also|again|further|therefore|once\s+again|now|strongly|respectfully|firmly|"
    r"urgently|thus|hereby|tambien|ademas|asimismo|nuevamente|respetuosamente|firmemente))+$"
)


_OPENING_CONNECTOR = re.compile(
    r"^(?:finalmente|por ultimo|asimismo|ademas|por otra parte|en ese sentido|por ello|"
    r"por lo tanto|finally|lastly|moreover|furthermore|in addition|therefore)\s*,?\s+"
)


def is_author(s: Sentence, subject: str) -> bool:
    cues = s.doc.cues
    tail = TRAILING_ADVERBS.sub("", subject.strip().strip(",").strip())
    tail = _OPENING_CONNECTOR.sub("", tail, count=1)  # "Finalmente, la Defensoría insta …"
    if not tail:
        return False
    opening, comma, rest = tail.rpartition(",")
    if comma and opening and len(rest.split()) >= 2 and is_author(s, rest):
        return True  # "Ante lo vivido en enero, la Red de Casas … exige …"
    words = WORD.findall(tail)
    if tail in cues.author_subjects or (words and words[0] in {"we", "i", "nosotros"}):
        return True
    if any(tail.endswith(a) for a in cues.author_subjects if " " in a or a in {"we", "i"}):
        return True
    if any(name and name in tail for name in s.doc.publisher_names):
        return True
    # "The Inter-American Commission" for the Inter-American Commission on Human Rights.
    short = re.sub(r"^(?:the|la|el|los|las)\s+", "", tail)
    if ((len(short) >= 12 and " " in short) or len(short) >= 8) and any(
        name.startswith(short + " ") for name in s.doc.publisher_names
    ):
        return True
    # "The foundation urges …" for the Halvorsen Family Foundation: the kind of body it is.
    kind_of_body = tail.startswith(("the ", "la ", "el ")) and " " not in short and len(short) >= 6
    if kind_of_body and any(name.endswith(" " + short) for name in s.doc.publisher_names):
        return True
    if s.doc.publisher_government is not None and _HEAD_OF_OFFICE.fullmatch(tail):
        return True  # "La gobernadora hizo un llamado …" in her government's release
    return s.doc.publisher_government is not None and _own_government(s, tail)


# The official who heads a publishing government or ministry, named by title (and perhaps
# name): "la gobernadora", "the Foreign Minister", "el canciller Ruiz".
_HEAD_OF_OFFICE = re.compile(
    rf"(?:the\s+|el\s+|la\s+)?(?:{_HEAD_TITLES})(?:\s+[a-z][\w'-]*){{0,3}}"
)


def _own_government(s: Sentence, subject: str) -> bool:
    """ "The United States calls on …" in a State Department release: the publisher's state."""
    cues = s.doc.cues
    if cues.modal_must.search(subject) or cues.modal_should.search(subject):
        return False  # "The United States should encourage …": the modal makes the ask
    named = resolver().subject(subject, subject, s.doc.who)
    if named is None:
        return False
    own = s.doc.publisher_government
    return named.name == own or (own == "USA" and named.kinds == ("us-executive",))


# "we (also) believe that …", "we have said that …": the author reporting its own view.
_AUTHOR_REPORTS = re.compile(
    r"\b(?:we|i|nosotros|nosotras)\s+(?:(?:have|has|do|also|further|therefore|strongly|firmly|"
    r"still|truly|tambien|ademas|firmemente)\s+)*$"
)


def reported(s: Sentence, pos: int) -> bool:
    """A reporting verb before ``pos`` whose speaker is not the author."""
    accents = s.doc.cues.reporting_accents
    for m in s.doc.cues.reporting.finditer(s.folded, 0, pos):
        accented = accents.get(m.group())
        if accented is not None and s.text[m.start() : m.end()].lower() != accented:
            continue  # "el Ministerio Público", not "publicó"
        before = s.folded[max(0, m.start() - 20) : m.start()]
        if _AUTHOR_REPORTS.search(before):
            continue
        _, speaker = clause_subject(s.folded, m.start())
        # "The Committee further believes that …", "esta Comisión ha sostenido que …".
        if not is_author(s, _PERFECT_AUXILIARY.sub("", speaker)):
            return True
    return False


# "ha sostenido", "has said": the auxiliary between a speaker and its reporting verb.
_PERFECT_AUXILIARY = re.compile(r"\s+(?:ha|han|has|have|had|habia|habian)\s*$")


# A coordinated verb's subject is the clause's: "The Commission expresses its concern …, and
# urges the State to …"; "It also calls on …" continues the author speaking just before.
# An action alert asks readers to relay its requests: "Write to the authorities urging them
# to …", "Escriba a las autoridades pidiéndoles que …".
_CAMPAIGN = re.compile(
    r"^\W*(?:please\s+)?(?:write|send|call|email|e-mail|contact|tweet|escriba|escriban|envie"
    r"|envien|llame|llamen|contacte|contacten)\b"
)


_ORDINAL_OPERATIVE = re.compile(rf"^\W*(?:{ORDINAL_WORDS})\s*[.:]?\s*[-\u2013\u2014]")


RELATIVE_PRONOUN = re.compile(r"\b(?:who|which|quien|quienes)\s*$")


_NO_SUBJECT = re.compile(r"^\s*(?:and|but|y|e|pero|asimismo|ademas|tambien)?\s*$")


_PRONOUN_SUBJECT = re.compile(r"^\s*(?:it|she|he|they)\s*$")


_OPENING_PHRASE = re.compile(r"^[^,]{0,60},\s+")


def author_speaks(s: Sentence, subject: str, pos: int) -> bool:
    """Whether a request verb at ``pos`` whose own subject is ``subject`` is the author's."""
    if is_author(s, subject):
        return True
    if _CAMPAIGN.match(subject) and re.match(r"\w+(?:ing|ando|endo)\b", s.folded[pos:]):
        return True  # "Write to the authorities urging them to:": the author's ask, relayed
    if _ORDINAL_OPERATIVE.match(s.folded):
        return True  # "PRIMERO.- El Senado exhorta a …": a resolution's operative paragraph
    bare = TRAILING_ADVERBS.sub("", subject.strip().strip(","))
    last = s.doc.author_spoke
    if _NO_SUBJECT.match(bare) and last is not None and 0 <= s.start - last < 1500:
        return True  # "Asimismo, exhorta a la USPEC a …" right after the author's request
    if _NO_SUBJECT.match(bare) and pos > 0:
        opening = _OPENING_PHRASE.sub("", s.folded[:pos], count=1)
        head = re.split(
            r"\s+(?:expresses|expressed|notes|welcomes|condemns|recalls|reiterates|"
            r"expresa|manifiesta|saluda|condena|recuerda|reitera|observa)\b",
            opening,
        )
        return len(head) > 1 and is_author(s, head[0])
    if _PRONOUN_SUBJECT.match(bare) or (_NO_SUBJECT.match(bare) and pos == 0):
        return last is not None and 0 <= s.start - last < 1500
    return False


def operative(s: Sentence, pos: int, verb: str) -> bool:
    """A third-person request verb opening the sentence with no subject ("Urges the State
    to …", "Insta al Estado a …"): the body issuing the text speaks."""
    before = _ORDINAL_LABEL.sub("", NUMBERING.sub("", s.folded[:pos], count=1), count=1)
    if _TO_BEFORE.fullmatch(before):
        return True  # "1. To request that the State of Nicaragua adopt …" (a resolution's point)
    if before.strip(" \t\"'(-*\u2022"):
        return False
    head = verb.split()[0]
    return head.endswith("s") if s.doc.lang == "en" else not head.endswith(("mos", "r"))


# "PRIMERO. Exige al Estado …", "SECOND. Urges …": an ordinal word labelling the point.
_ORDINAL_LABEL = re.compile(rf"^\W*(?:{ORDINAL_WORDS})\s*[.:)\-\u2013\u2014]+\s*")
_TO_BEFORE = re.compile(r"\W*to\s+")
