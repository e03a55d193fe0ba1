"""Small text normalisers shared by the stages."""

from __future__ import annotations

import unicodedata

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "´": "'"})


def strip_accents(text: str) -> str:
    """ "México" → "Mexico", keeping string length (one character per character)."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base if len(base) == 1 else ch)
    return "".join(out)


def fold(text: str) -> str:
    """Lower-cased, accent-free, straight-quoted text of the same length as ``text``."""
    plain = strip_accents(text.translate(_QUOTES))
    lowered = plain.lower()
    if len(lowered) == len(plain):
        return lowered
    return "".join(ch.lower()[0] for ch in plain)  # e.g. "İ" lowers to two characters
