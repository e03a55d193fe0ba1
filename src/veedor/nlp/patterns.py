"""Regular expressions for long phrase lists (country names, offices, lexicon terms).

Python's ``re`` tries the branches of a plain alternation one after another, so a list of a
few thousand phrases is slow to scan. :func:`phrase_regex` compiles the same set as a trie —
``mex(?:ico(?:\\s+city)?|ican)`` — which matches the same strings, still preferring the longest
phrase at each position, and runs many times faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# List numbering at the start of an item: "3.", "10)", "(b)", "ii.", "1.)".
NUMBERING = re.compile(r"^\s*(?:\(?\d{1,2}\s*[.)]+\s*\)?|\(?[ivx]{1,5}[.)]+|\(?[a-h][.)]+)\s+")

# Ordinal words that label the items of a resolution or recommendation ("PRIMERA.",
# "SEGUNDO.-", "FIRST."), tolerant of accents so they read folded and written text alike.
ORDINAL_WORDS = (
    r"primer[oa]|segund[oa]|tercer[oa]|cuart[oa]|quint[oa]|sext[oa]|s[eé][pt]tim[oa]|"
    r"octav[oa]|noven[oa]|und[eé]cim[oa]|duod[eé]cim[oa]|d[eé]cim[oa]|[uú]nic[oa]|first|second|"
    r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
)

# A word with its inner apostrophes and hyphens ("don't", "anti-corruption").
WORD = re.compile(r"[\w'-]+")

_END = ""


def _trie(phrases: Iterable[str]) -> dict[str, dict]:  # type: ignore[type-arg]
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return root


def _atom(ch: str, wildcard: bool) -> str:
    if ch == " ":
        return r"\s+"
    if ch == "*" and wildcard:
        return r"[\w-]*"
    return re.escape(ch)


def _pattern(node: dict[str, dict], wildcard: bool) -> str:  # type: ignore[type-arg]
    terminal = _END in node
    branches = [
        _atom(ch, wildcard) + _pattern(child, wildcard)
        for ch, child in sorted(node.items())
        if ch != _END
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if terminal:  # a phrase may end here; the longer ones are tried first (greedy "?")
        body = f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else f"{body}?"
    return body


def phrase_body(phrases: Iterable[str], *, wildcard: bool = False) -> str:
    """The regex source matching any of ``phrases``; a space matches any run of white space,
    and with ``wildcard`` a ``*`` matches the rest of a word ("kleptocra*", "conflict* of")."""
    unique = {p for p in phrases if p}
    if not unique:
        return "(?!)"
    return _pattern(_trie(unique), wildcard)


def phrase_regex(
    phrases: Iterable[str], *, before: str = r"(?<![\w])", after: str = r"(?![\w])"
) -> re.Pattern[str]:
    """Whole phrases from ``phrases`` (longest first), bounded by ``before`` and ``after``."""
    return re.compile(f"{before}(?:{phrase_body(phrases)}){after}")
