"""Small text normalisers shared by the stages."""

from __future__ import annotations

import re
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


# Runs of non-ASCII characters: only these are translated (``str.translate`` looks every
# character of a long text up in the table, which costs more than finding the few that need it).
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def strip_accents(text: str) -> str:
    """ "México" → "Mexico", keeping string length (one character per character)."""
    if text.isascii():
        return text
    return _NON_ASCII.sub(lambda m: m.group().translate(_ACCENTLESS), text)


def fold(text: str) -> str:
    """Lower-cased, accent-free, straight-quoted text of the same length as ``text``."""
    plain = (
        text if text.isascii() else _NON_ASCII.sub(lambda m: m.group().translate(_FOLDING), text)
    )
    lowered = plain.lower()
    if len(lowered) == len(plain):
        return lowered
    return "".join(ch.lower()[0] for ch in plain)  # e.g. "İ" lowers to two characters
