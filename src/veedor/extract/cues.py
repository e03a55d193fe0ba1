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


def hints(phrases: list[str]) -> re.Pattern[str]:
    """A pattern for the folded first words of ``phrases`` (cut to 6 letters): a phrase can
    only match a text this pattern finds something in (one C-level scan, cheaper than the
    phrase pattern's word-boundary checks)."""
    words = sorted({fold(p).split()[0][:6] for p in phrases if p.strip()})
    return re.compile("|".join(re.escape(w) for w in words) or "(?!)")


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
    # Substrings one of which every directive, duty or reminder cue contains: rare cues are
    # only searched for in the sentences that could hold them.
    directive_hints: re.Pattern[str]
    # "The State has the duty to …", a prescription when the author recalls it ("The
    # Commission recalls that the State has the duty to …"), a statement of law otherwise.
    duty: re.Pattern[str]
    reminder: re.Pattern[str]
    reminder_hints: re.Pattern[str]
    author_subjects: frozenset[str]
    reporting: re.Pattern[str]
    # Folded reporting verbs whose accents tell them apart from other words ("publicó" is a
    # verb, "público" an adjective): the accented form as written in the cue file.
    reporting_accents: dict[str, str]
    affected: frozenset[str]
    imperative_verbs: frozenset[str]
    commitment_verbs: re.Pattern[str]
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
        directive_hints=hints(data["directive_verbs"]),
        duty=phrase_pattern(data["duty_phrases"]),
        reminder=phrase_pattern(data["reminder_verbs"]),
        reminder_hints=hints(data["reminder_verbs"]),
        author_subjects=frozenset(fold(s) for s in data["author_subjects"]),
        reporting=phrase_pattern(data["reporting_verbs"]),
        reporting_accents={
            fold(p): p.lower() for p in data["reporting_verbs"] if fold(p) != p.lower()
        },
        affected=frozenset(fold(s) for s in data["affected_subjects"]),
        imperative_verbs=frozenset(fold(s) for s in data["imperative_verbs"]),
        commitment_verbs=phrase_pattern(data["commitment_verbs"]),
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
