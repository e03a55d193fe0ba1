"""Themes (the 19 keys of the taxonomy) from lexicons in ``data/themes.json``, multi-label."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from veedor.nlp.patterns import phrase_body
from veedor.nlp.text import fold
from veedor.vocab import load_json

# At most this many themes, the ones with the most distinct term hits first.
MAX_THEMES = 4
# How far into a sentence its author may be named ("The Special Rapporteur on ... urges").
_SPEAKER_WORDS = 10


@dataclass(frozen=True)
class _ThemePatterns:
    key: str
    folded: re.Pattern[str] | None
    acronyms: re.Pattern[str] | None


class ThemeClassifier:
    def __init__(self, data: dict[str, Any]) -> None:
        self.keys = [k for k in data if not k.startswith("_")]
        self._patterns: dict[str, list[_ThemePatterns]] = {}
        self._starts: dict[str, re.Pattern[str]] = {}
        self._any_acronym: dict[str, re.Pattern[str]] = {}
        for lang in ("en", "es"):
            pats = []
            for key in self.keys:
                terms = data[key].get(lang, [])
                acr = data[key].get("acronyms", [])
                folded = (
                    re.compile(
                        r"(?<![\w-])(?:"
                        + phrase_body(
                            (re.sub(r"\s+", " ", fold(t).strip()) for t in terms), wildcard=True
                        )
                        + r")(?![\w])"
                    )
                    if terms
                    else None
                )
                acronyms = (
                    re.compile(r"\b(?:" + "|".join(re.escape(a) for a in acr) + r")\b")
                    if acr
                    else None
                )
                pats.append(_ThemePatterns(key, folded, acronyms))
            self._patterns[lang] = pats
            # Where any theme's term starts: scanned once per sentence, so that each theme's
            # own pattern is only tried at those places.
            bodies = [
                re.sub(r"\s+", " ", fold(t).strip())
                for key in self.keys
                for t in data[key].get(lang, [])
            ]
            self._starts[lang] = re.compile(
                r"(?<![\w-])(?=(?:" + phrase_body(bodies, wildcard=True) + r")(?![\w]))"
            )
            every = [a for key in self.keys for a in data[key].get("acronyms", [])]
            self._any_acronym[lang] = re.compile(
                r"\b(?:" + "|".join(re.escape(a) for a in every) + r")\b" if every else "(?!)"
            )
        verbs = data.get("_speaker_verbs", {})
        self._speaker: dict[str, re.Pattern[str] | None] = {
            lang: (
                re.compile(
                    r"^\W*(?:(?:the|la|el|los|las)\s+)?[a-z][\w.'-]*"
                    + rf"(?:\s+[\w.'-]+){{0,{_SPEAKER_WORDS}}}?"
                    + r"\s+(?:also\s+|further\s+|again\s+|once again\s+|tambien\s+|nuevamente\s+)?"
                    + r"(?:"
                    + phrase_body(fold(v) for v in verbs[lang])
                    + r")\b"
                )
                if verbs.get(lang)
                else None
            )
            for lang in ("en", "es")
        }

    def speaker_end(self, folded_text: str, *, lang: str) -> int:
        """Where the topic starts: after an opening 'The Commission urges', else 0."""
        pattern = self._speaker.get(lang)
        m = pattern.match(folded_text) if pattern is not None else None
        return m.end() if m else 0

    def scores(self, text: str, *, lang: str, folded_text: str | None = None) -> Counter[str]:
        ft = folded_text if folded_text is not None else fold(text)
        start = self.speaker_end(ft, lang=lang)
        if start:
            text, ft = text[start:], ft[start:]
        code = lang if lang in self._patterns else "en"
        starts = [m.start() for m in self._starts[code].finditer(ft)]
        acronyms = self._any_acronym[code].search(text) is not None
        counts: Counter[str] = Counter()
        if not starts and not acronyms:
            return counts
        for pat in self._patterns[code]:
            hits: set[str] = set()
            if pat.folded is not None and starts:
                # What ``pat.folded.finditer(ft)`` finds, tried only where some term starts.
                after = 0
                for at in starts:
                    if at < after:
                        continue
                    m = pat.folded.match(ft, at)
                    if m is not None:
                        hits.add(m.group())
                        after = m.end()
            if pat.acronyms is not None and acronyms:
                hits.update(m.group() for m in pat.acronyms.finditer(text))
            if hits:
                counts[pat.key] = len(hits)
        return counts

    def classify(self, text: str, *, lang: str, folded_text: str | None = None) -> list[str]:
        counts = self.scores(text, lang=lang, folded_text=folded_text)
        ranked = [k for k, _ in counts.most_common(MAX_THEMES)]
        return ranked


@cache
def classifier() -> ThemeClassifier:
    return ThemeClassifier(load_json("themes.json"))
