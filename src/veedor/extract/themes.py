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

# A theme needs this many distinct term hits to be assigned when another theme scores higher;
# the best-scoring theme is always kept.
MAX_THEMES = 4


@dataclass(frozen=True)
class _ThemePatterns:
    key: str
    folded: re.Pattern[str] | None
    acronyms: re.Pattern[str] | None


class ThemeClassifier:
    def __init__(self, data: dict[str, Any]) -> None:
        self.keys = [k for k in data if not k.startswith("_")]
        self._patterns: dict[str, list[_ThemePatterns]] = {}
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

    def scores(self, text: str, *, lang: str, folded_text: str | None = None) -> Counter[str]:
        ft = folded_text if folded_text is not None else fold(text)
        counts: Counter[str] = Counter()
        for pat in self._patterns.get(lang, self._patterns["en"]):
            hits: set[str] = set()
            if pat.folded is not None:
                hits.update(m.group() for m in pat.folded.finditer(ft))
            if pat.acronyms is not None:
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
