"""Countries named in a text: names, adjectives and demonyms, places, leaders, institutions and
regional groupings in English and Spanish, from ``data/countries.json`` (extend it there)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from veedor.nlp.text import fold, strip_accents
from veedor.vocab import load_json

USA = "USA"


@dataclass(frozen=True, slots=True)
class CountryMention:
    start: int
    end: int
    iso3: tuple[str, ...]
    how: str  # name, adjective, place, leader, institution, grouping


class CountryMatcher:
    """Finds country mentions; build once (see :func:`matcher`) and reuse."""

    def __init__(self, data: dict[str, Any]) -> None:
        folded: dict[str, tuple[tuple[str, ...], str]] = {}
        exact: dict[str, tuple[tuple[str, ...], str]] = {}
        self.names: dict[str, str] = {}
        for entry in data["countries"]:
            code = (entry["iso3"],)
            for how in ("names", "adjectives"):
                for lang_terms in entry.get(how, {}).values():
                    for term in lang_terms:
                        folded.setdefault(fold(term), (code, how.rstrip("s")))
            for how in ("places", "leaders", "institutions"):
                for term in entry.get(how, []):
                    target = exact if term.isupper() and len(term) <= 8 else folded
                    key = term if target is exact else fold(term)
                    target.setdefault(key, (code, how.rstrip("s")))
            english = entry.get("names", {}).get("en") or [entry["iso3"]]
            self.names[entry["iso3"]] = english[0]
        for group in data.get("groupings", []):
            codes = tuple(group["iso3"])
            for lang_terms in group["names"].values():
                for term in lang_terms:
                    folded[fold(term)] = (codes, "grouping")
        # "U.S." and "US" are upper-case names that must not match the pronoun "us".
        for key in [k for k in folded if k in {"us", "u.s", "u.s."}]:
            exact[key.upper()] = folded.pop(key)
        ignore = [fold(t) for terms in data.get("ignore", {}).values() for t in terms]
        excluded = [fold(t) for terms in data.get("exclusion_cues", {}).values() for t in terms]
        # "in countries beyond Mexico": a country named only to be set aside.
        self._excluding = (
            re.compile(
                r"(?<![\w])(?:"
                + "|".join(re.escape(t) for t in sorted(excluded, key=len, reverse=True))
                + r")\s+(?:\w+\s+){0,2}$"
            )
            if excluded
            else None
        )
        self._ignore_re = _alternation(dict.fromkeys(ignore))
        self._folded = folded
        self._exact = exact
        self._folded_re = _alternation(folded)
        self._exact_re = _alternation(exact)

    def is_country_name(self, folded_phrase: str) -> bool:
        entry = self._folded.get(folded_phrase) or self._exact.get(folded_phrase.upper())
        return entry is not None and entry[1] == "name" and len(entry[0]) == 1

    def find(self, text: str, folded_text: str | None = None) -> list[CountryMention]:
        ft = folded_text if folded_text is not None else fold(text)
        found: list[CountryMention] = []
        for m in self._folded_re.finditer(ft):
            codes, how = self._folded[re.sub(r"\s+", " ", m.group())]
            found.append(CountryMention(m.start(), m.end(), codes, how))
        if self._exact_re.pattern != "(?!)":
            plain = strip_accents(text)
            for m in self._exact_re.finditer(plain):
                codes, how = self._exact[re.sub(r"\s+", " ", m.group())]
                if not any(f.start <= m.start() < f.end for f in found):
                    found.append(CountryMention(m.start(), m.end(), codes, how))
        found.sort(key=lambda c: c.start)
        ignored = [(m.start(), m.end()) for m in self._ignore_re.finditer(ft)]
        if ignored:
            found = [f for f in found if not any(a <= f.start < b for a, b in ignored)]
        if self._excluding is not None:
            found = [
                f for f in found if not self._excluding.search(ft, max(0, f.start - 40), f.start)
            ]
        return _drop_overlaps(found)

    def codes(self, text: str, folded_text: str | None = None) -> list[str]:
        """ISO3 codes mentioned, in order of first mention, without repeats."""
        out: dict[str, None] = {}
        for mention in self.find(text, folded_text):
            for code in mention.iso3:
                out[code] = None
        return list(out)


def _alternation(table: dict[str, Any]) -> re.Pattern[str]:
    if not table:
        return re.compile("(?!)")
    keys = sorted(table, key=len, reverse=True)
    body = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
    # A name right after a hyphen counts ("U.S.-Mexico border", "Afro-Colombian").
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])")


def _drop_overlaps(mentions: list[CountryMention]) -> list[CountryMention]:
    kept: list[CountryMention] = []
    for m in sorted(mentions, key=lambda c: (c.start, -(c.end - c.start))):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


@cache
def matcher() -> CountryMatcher:
    return CountryMatcher(load_json("countries.json"))
