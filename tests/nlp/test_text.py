"""Folding keeps a text's length, so offsets found in the folded form hold in the original."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from veedor.nlp.text import fold, strip_accents


def test_fold_lowers_strips_accents_and_straightens_quotes() -> None:
    assert fold("“México” y EE.UU. — ¿Quién?") == '"mexico" y ee.uu. — ¿quien?'
    assert strip_accents("Perú, Bogotá") == "Peru, Bogota"


def _reference(text: str) -> str:
    """Character by character: the first code point of each character's NFD form."""
    return "".join(unicodedata.normalize("NFD", ch)[0] for ch in text)


@given(st.text(alphabet=st.sampled_from(list("aáeéñÑüÜ—“”’ ,.ZİıAÍ\n\t1$€"))))
def test_folding_keeps_length_and_matches_a_character_by_character_reading(text: str) -> None:
    assert len(fold(text)) == len(text)
    assert strip_accents(text) == _reference(text)
