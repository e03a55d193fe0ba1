"""The trie-compiled phrase patterns match exactly what a plain longest-first alternation does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from veedor.nlp.patterns import phrase_body, phrase_regex

_words = st.text(alphabet="abc. -", min_size=1, max_size=6).map(str.strip).filter(bool)


def _plain(phrases: list[str]) -> re.Pattern[str]:
    keys = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])")


@settings(max_examples=300, deadline=None)
@given(st.lists(_words, min_size=1, max_size=12), st.text(alphabet="abc. -x", max_size=40))
def test_same_matches_as_a_longest_first_alternation(phrases: list[str], text: str) -> None:
    expected = [(m.start(), m.end()) for m in _plain(phrases).finditer(text)]
    assert [(m.start(), m.end()) for m in phrase_regex(phrases).finditer(text)] == expected


def test_wildcards_and_white_space() -> None:
    pattern = re.compile(phrase_body(["conflict* of interest", "kleptocra*"], wildcard=True))
    assert pattern.fullmatch("conflicts  of interest")
    assert pattern.fullmatch("kleptocracy")
    assert not phrase_regex(["mexico"]).search("newmexicoland")
