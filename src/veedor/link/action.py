"""What a recommendation asks for, as text to compare: the action without its frame.

"The administration should immediately end the use of Title 42" and "Instamos al gobierno a poner
fin al Título 42" ask the same thing of different subjects in different words. Comparing whole
sentences lets the frame ("We urge the Secretary to…", "It is imperative that…") dominate, so
linking compares the text after the first request cue, and uses the addressee separately.
"""

from __future__ import annotations

import re

from veedor.extract.cues import cues_for
from veedor.nlp.text import fold

# Leading list numbering and bullets: "3.) Ensure…", "• End…".
_NUMBERING = re.compile(r"^\s*(?:\(?[0-9ivxIVX]{1,4}[.)]+|[•\-–*])\s*")
_MIN_ACTION_WORDS = 3
# What follows a cue before the action: "(urge) you to", "(call on) the Senate to", "(that) it",
# "(instamos) al gobierno a".
_LEAD = re.compile(
    r"^(?:(?:you|him|her|them|it|us|the(?:\s+[\w.-]+){1,3}?|le|les"
    r"|(?:al|a\s+la|a\s+los|a\s+las|a)(?:\s+[\w.-]+){1,3}?)\s+)?"
    r"(?:to|that|a|que|para(?:\s+que)?)\s+",
    re.IGNORECASE,
)


def action_text(text: str, *, lang: str | None) -> str:
    """The part of ``text`` after its first request cue, when that leaves a real action."""
    cues = cues_for(lang)
    folded = fold(text)
    cut = len(text)
    for pattern in (
        cues.urge,
        cues.modal_must,
        cues.modal_should,
        cues.impersonal_must,
        cues.impersonal_should,
    ):
        m = pattern.search(folded)
        if m is not None and m.end() < cut:
            cut = m.end()
    rest = text[cut:].strip(" ,:;") if cut < len(text) else ""
    rest = _LEAD.sub("", rest)
    if len(rest.split()) >= _MIN_ACTION_WORDS:
        return rest
    return _NUMBERING.sub("", text).strip()


# Coarse addressee families: an ask is the same action asked of the same kind of actor, and
# "the administration", "the Secretary of State" and "Congress" are all the US government.
_FAMILY = {
    "us-executive": "us-government",
    "us-congress": "us-government",
    "foreign-government": "foreign-government",
    "multilateral": "multilateral",
    "other": "other",
}


def addressee_family(kinds: list[str] | tuple[str, ...]) -> str:
    """The coarse family of an addressee's kinds: the first kind's family ("us-government",
    "foreign-government", "multilateral", "other"), or "unknown" when there is no addressee."""
    for kind in kinds:
        if kind in _FAMILY:
            return _FAMILY[kind]
    return "unknown"
