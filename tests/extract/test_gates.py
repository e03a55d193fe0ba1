"""The keyword gates that let detectors skip sentences must never skip one a cue matches."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veedor.extract.cues import REQUEST_CUE_KEYS, cues_for, gate, phrase_pattern, words_of
from veedor.nlp.numbers import WORD_NUMBERS, find_numbers, may_hold_numbers
from veedor.nlp.text import fold
from veedor.vocab import load_json

_KEYS = REQUEST_CUE_KEYS
_FILLER = ["the", "government", "to", "have", "a", "will", "de", "que", "ha", "of", ",", "—"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_request_gate_opens_for_every_cue_phrase(lang: str) -> None:
    data = load_json(f"cues/{lang}.json")
    phrases = [p for key in _KEYS for p in data[key]]
    g = cues_for(lang).request_gate
    for phrase in phrases:
        text = fold(f"Ante todo, {phrase} actuar" if lang == "es" else f"So {phrase} act")
        assert g.open(words_of(text), text), phrase


@pytest.mark.parametrize("lang", ["en", "es"])
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_a_gate_is_never_shut_when_its_pattern_matches(lang: str, data: st.DataObject) -> None:
    phrases = [p for key in _KEYS for p in load_json(f"cues/{lang}.json")[key]]
    pieces = data.draw(st.lists(st.sampled_from(phrases + _FILLER), min_size=1, max_size=8))
    text = fold(" ".join(pieces))
    pattern, g = phrase_pattern(phrases), gate(phrases)
    if pattern.search(text):
        assert g.open(words_of(text), text)


def test_a_gate_stays_shut_for_sentences_without_its_words() -> None:
    g = cues_for("en").request_gate
    text = fold("Many families described long waits and little information about their cases.")
    assert not g.open(words_of(text), text)
    # "have" alone is a common word: the gate opens only for the phrase "have to".
    text = fold("Officials have met with families.")
    assert not g.open(words_of(text), text)
    text = fold("Officials have to meet with families.")
    assert g.open(words_of(text), text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*WORD_NUMBERS, "half a million", "medio millón", "people", "$4", "x"]),
        max_size=6,
    ).map(" ".join)
)
def test_numbers_are_never_skipped(text: str) -> None:
    for variant in (text, text.upper(), text.capitalize()):
        if find_numbers(variant):
            assert may_hold_numbers(variant, words_of(fold(variant)))


def test_a_text_without_digits_or_number_words_holds_no_number() -> None:
    text = "Families waited for months without news."
    assert not may_hold_numbers(text, words_of(fold(text)))
    assert may_hold_numbers("Ocho personas", words_of(fold("Ocho personas")))


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("key", ["commitment_verbs", "passive_commitment"])
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_commitment_gates_are_never_shut_when_their_pattern_matches(
    lang: str, key: str, data: st.DataObject
) -> None:
    phrases = load_json(f"cues/{lang}.json")[key]
    pieces = data.draw(st.lists(st.sampled_from(phrases + _FILLER), min_size=1, max_size=8))
    text = fold(" ".join(pieces))
    if phrase_pattern(phrases).search(text):
        assert gate(phrases).open(words_of(text), text)
