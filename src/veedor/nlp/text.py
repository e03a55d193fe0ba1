"""Small text normalisers shared by the stages."""

from __future__ import annotations

import unicodedata


class _AccentTable(dict[int, int]):
    """``str.translate`` table that learns each character's accent-free form on first use."""

    def __missing__(self, code: int) -> int:
        base = unicodedata.normalize("NFD", chr(code))[0]
        self[code] = ord(base)
        return self[code]


_ACCENTLESS = _AccentTable()
_FOLDING = _AccentTable(
    {ord(k): ord(v) for k, v in {"’": "'", "‘": "'", "“": '"', "”": '"', "´": "'"}.items()}
)


def strip_accents(text: str) -> str:
    """ "México" → "Mexico", keeping string length (one character per character)."""
    if text.isascii():
        return text
    return text.translate(_ACCENTLESS)


def fold(text: str) -> str:
    """Lower-cased, accent-free, straight-quoted text of the same length as ``text``."""
    plain = text if text.isascii() else text.translate(_FOLDING)
    lowered = plain.lower()
    if len(lowered) == len(plain):
        return lowered
    return "".join(ch.lower()[0] for ch in plain)  # e.g. "İ" lowers to two characters
