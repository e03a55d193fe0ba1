"""Cue phrases per language (data files in ``veedor/data/cues``), compiled into matchers.

Every matcher runs on *folded* text (lower-case, accents stripped, straight quotes; see
:func:`veedor.nlp.text.fold`), which has the same length as the original, so offsets carry over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from veedor.nlp.patterns import phrase_body as trie_body
from veedor.nlp.text import fold
from veedor.vocab import load_json

SUPPORTED = ("en", "es")


def phrase_body(phrases: list[str]) -> str:
    """A regex alternation of the folded ``phrases``, longest first, spaces matching any run."""
    return trie_body(re.sub(r"\s+", " ", fold(p).strip()) for p in phrases if p.strip())


def phrase_pattern(phrases: list[str], *, suffix: str = "") -> re.Pattern[str]:
    """One regex matching any of ``phrases`` at word boundaries (longest first)."""
    return re.compile(rf"(?<![\w-])(?:{phrase_body(phrases)})(?![\w-]){suffix}")


_WORD = re.compile(r"\w+")


def words_of(folded: str) -> frozenset[str]:
    """The words of a folded text, as :class:`Gate` splits phrases."""
    return frozenset(_WORD.findall(folded))


# Words too common to tell sentences apart: a phrase's key is another of its words if it has one.
_COMMON = frozenset(
    [
        "a",
        "an",
        "and",
        "be",
        "can",
        "de",
        "do",
        "el",
        "en",
        "es",
        "for",
        "has",
        "have",
        "is",
        "it",
        "la",
        "lo",
        "no",
        "not",
        "of",
        "on",
        "que",
        "se",
        "the",
        "to",
        "will",
        "would",
        "y",
    ]
)


@dataclass(frozen=True)
class Gate:
    """Which sentences could hold one of a list of phrases, told from their words: each
    phrase's longest uncommon word ("important" for "it is important that", "need" for "will
    need to") is a key, and a sentence without any key cannot match. A phrase made only of
    common words ("have to", "ha de") is checked by its own small pattern. A set lookup is
    cheaper than scanning the sentence with every phrase pattern."""

    keys: frozenset[str]
    weak: frozenset[str]
    weak_pattern: re.Pattern[str]

    def open(self, words: frozenset[str], folded: str) -> bool:
        """``words`` are ``words_of(folded)``."""
        hits = self.keys.intersection(words)
        if not hits:
            return False
        return not hits <= self.weak or self.weak_pattern.search(folded) is not None


def gate(phrases: list[str]) -> Gate:
    keys, weak, weak_phrases = set(), set(), []
    for phrase in phrases:
        words = _WORD.findall(fold(phrase))
        if not words:
            continue
        key = max(words, key=lambda w: (w not in _COMMON, len(w)))
        keys.add(key)
        if key in _COMMON:
            weak.add(key)
            weak_phrases.append(phrase)
    return Gate(frozenset(keys), frozenset(weak), phrase_pattern(weak_phrases))


# The cue lists a request can be made with (see ``Cues.request_gate``).
REQUEST_CUE_KEYS = (
    "modal_must",
    "modal_should",
    "impersonal_must",
    "impersonal_should",
    "urge_verbs",
    "directive_verbs",
    "need_for",
    "reminder_verbs",
    "falls_to",
)


@dataclass(frozen=True)
class Cues:
    lang: str
    modal_must: re.Pattern[str]
    modal_should: re.Pattern[str]
    adverbs: re.Pattern[str]
    impersonal_must: re.Pattern[str]
    impersonal_should: re.Pattern[str]
    urge: re.Pattern[str]
    # "The Committee directs the Secretary to …": the author's mandate (strength must).
    directive: re.Pattern[str]
    # Words one of which every directive cue contains (see :class:`Gate`): rare cues are
    # only searched for in the sentences that could hold them.
    directive_gate: Gate
    # "The State has the duty to …", a prescription when the author recalls it ("The
    # Commission recalls that the State has the duty to …"), a statement of law otherwise.
    duty: re.Pattern[str]
    # "Corresponde al …", "It is up to …": whose duty the action that follows is.
    falls_to: re.Pattern[str]
    # "se amplió", "se inauguraron": a government's past action in the reflexive passive.
    reflexive_past: re.Pattern[str]
    # Futures that say what will be, not what someone will do ("será", "podrá", "afectará").
    future_not_pledges: frozenset[str]
    reminder: re.Pattern[str]
    reminder_gate: Gate
    # Words one of which every request cue contains (modal, impersonal, urging, directive,
    # "the need for", reminders): a sentence with none of them has no request cue.
    request_gate: Gate
    # The same for the modal cues alone.
    modal_gate: Gate
    author_subjects: frozenset[str]
    reporting: re.Pattern[str]
    # Folded reporting verbs whose accents tell them apart from other words ("publicó" is a
    # verb, "público" an adjective): the accented form as written in the cue file.
    reporting_accents: dict[str, str]
    affected: frozenset[str]
    imperative_verbs: frozenset[str]
    commitment_verbs: re.Pattern[str]
    commitment_gate: Gate
    commitment_exclusions: re.Pattern[str]
    hedges: re.Pattern[str]
    government_actors: re.Pattern[str]
    usa_domestic: re.Pattern[str]
    vague_predicates: re.Pattern[str]
    need_for: re.Pattern[str]
    cannot_descriptive: re.Pattern[str]
    commitment_nouns: re.Pattern[str]
    promise_frames: re.Pattern[str]
    passive_commitment: re.Pattern[str]
    passive_gate: Gate
    will_not_action: re.Pattern[str]
    conditional_openers: re.Pattern[str]
    # "It is important to note that …": an impersonal cue followed by a verb of saying.
    impersonal_vague: re.Pattern[str]
    # "The new rule should take effect in March", "Deportations should rise": a modal that
    # forecasts, when its subject names no actor.
    forecast_predicates: re.Pattern[str]
    # "The law requires that …": a legal text's requirement described, not prescribed.
    legal_instruments: re.Pattern[str]
    # "Recommendation 4: Establish …": a label that makes what follows a list item.
    item_label: re.Pattern[str]
    # "It remains unclear whether the government will …": not an announcement.
    uncertainty: re.Pattern[str]


@cache
def cues_for(lang: str | None) -> Cues:
    """The cues of a language; languages without a cue file use English."""
    code = lang if lang in SUPPORTED else "en"
    data = load_json(f"cues/{code}.json")
    return Cues(
        lang=code,
        modal_must=phrase_pattern(data["modal_must"]),
        modal_should=phrase_pattern(data["modal_should"]),
        adverbs=phrase_pattern(data["modal_adverbs"]),
        impersonal_must=phrase_pattern(data["impersonal_must"]),
        impersonal_should=phrase_pattern(data["impersonal_should"]),
        urge=phrase_pattern(data["urge_verbs"]),
        directive=phrase_pattern(data["directive_verbs"]),
        directive_gate=gate(data["directive_verbs"]),
        duty=phrase_pattern(data["duty_phrases"]),
        falls_to=phrase_pattern(data["falls_to"]),
        reflexive_past=phrase_pattern(["se " + v for v in data["reflexive_past_actions"]]),
        future_not_pledges=frozenset(fold(v) for v in data["future_not_pledges"]),
        reminder=phrase_pattern(data["reminder_verbs"]),
        reminder_gate=gate(data["reminder_verbs"]),
        request_gate=gate([phrase for key in REQUEST_CUE_KEYS for phrase in data[key]]),
        modal_gate=gate(data["modal_must"] + data["modal_should"]),
        author_subjects=frozenset(fold(s) for s in data["author_subjects"]),
        reporting=phrase_pattern(data["reporting_verbs"]),
        reporting_accents={
            fold(p): p.lower() for p in data["reporting_verbs"] if fold(p) != p.lower()
        },
        affected=frozenset(fold(s) for s in data["affected_subjects"]),
        imperative_verbs=frozenset(fold(s) for s in data["imperative_verbs"]),
        commitment_verbs=phrase_pattern(data["commitment_verbs"]),
        commitment_gate=gate(data["commitment_verbs"]),
        commitment_exclusions=phrase_pattern(data["commitment_exclusions"]),
        hedges=phrase_pattern(data["hedges"]),
        government_actors=phrase_pattern(data["government_actors"]),
        usa_domestic=phrase_pattern(data["usa_domestic"]),
        vague_predicates=re.compile(r"^\s+(?:" + phrase_body(data["vague_predicates"]) + r")\b"),
        need_for=phrase_pattern(data["need_for"]),
        cannot_descriptive=phrase_pattern(data["cannot_descriptive"]),
        commitment_nouns=phrase_pattern(data["commitment_nouns"]),
        promise_frames=phrase_pattern(data["promise_frames"]),
        passive_commitment=phrase_pattern(data["passive_commitment"]),
        passive_gate=gate(data["passive_commitment"]),
        will_not_action=re.compile(r"^\s*(?:" + phrase_body(data["will_not_action"]) + r")\b"),
        conditional_openers=re.compile(
            r"^[\"'(¿¡]*(?:" + phrase_body(data["conditional_openers"]) + r")\b"
        ),
        impersonal_vague=re.compile(
            r"^\s+(?:(?:to|que)\s+)?(?:" + phrase_body(data["impersonal_vague"]) + r")\b"
        ),
        forecast_predicates=re.compile(
            r"^\s+(?:" + phrase_body(data["forecast_predicates"]) + r")(?![\w-])"
        ),
        legal_instruments=re.compile(
            r"(?<![\w-])(?:"
            + phrase_body(data["legal_instruments"])
            + r")\s+(?:(?:also|now|would|will|"
            r"could|may|tambien|ya)\s+)*$"
        ),
        item_label=re.compile(
            r"^\s*(?:" + phrase_body(data["item_labels"]) + r")\s+(?:no\.\s*|n[.o]\s*)?"
            r"(?:\d{1,2}|[ivx]{1,5}|[a-h])\s*[:.)\u2014\u2013-]\s*"
        ),
        uncertainty=phrase_pattern(data["uncertainty"]),
    )
