"""Countries named in a text: names, adjectives and demonyms, places, leaders, institutions and
regional groupings in English and Spanish, from ``data/countries.json`` (extend it there)."""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Any

from veedor.nlp.patterns import phrase_regex
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
        # "some Central American countries", "otros países centroamericanos": which members of
        # the grouping are meant is not said, so it names none of them.
        vague = [fold(t) for terms in data.get("vague_quantifiers", {}).values() for t in terms]
        self._vague = (
            re.compile(
                r"(?<![\w])(?:"
                + "|".join(re.escape(t) for t in sorted(vague, key=len, reverse=True))
                + r")\s+(?:(?:countries|nations|governments|states|paises|naciones|gobiernos"
                + r"|estados)\s+)?$"
            )
            if vague
            else None
        )
        wide = [fold(t) for terms in data.get("region_wide", {}).values() for t in terms]
        self._region_wide = _alternation(dict.fromkeys(wide))
        anaphora = data.get("region_anaphora", {}).values()
        self._anaphora = frozenset(fold(t) for terms in anaphora for t in terms)
        self.americas = frozenset(data.get("americas", []))
        openers = [fold(t) for terms in data.get("elaboration_openers", {}).values() for t in terms]
        self._elaborates = (
            re.compile(
                r"^\W*(?:"
                + "|".join(re.escape(t) for t in sorted(openers, key=len, reverse=True))
                + r")(?!\w)"
            )
            if openers
            else re.compile("(?!)")
        )
        bilateral = [fold(t) for terms in data.get("bilateral_cues", {}).values() for t in terms]
        self._bilateral = _alternation(dict.fromkeys(bilateral))
        self._ignore_re = _alternation(dict.fromkeys(ignore))
        self._folded = folded
        self._exact = exact
        self._folded_re = _alternation(folded)
        self._exact_re = _alternation(exact)

    def region_wide(self, folded_text: str) -> bool:
        """Whether a (folded) passage speaks of the whole region ("all countries in the
        region", "en el hemisferio")."""
        return self._region_wide.search(folded_text) is not None

    def region_anaphora(self, folded_text: str) -> bool:
        """Whether the only region-wide phrase of a (folded) sentence is a bare "the region"
        ("assistance to the region must …"), which means the region the document is about;
        "across the region" or "governments in the region" speak of all of it."""
        found = [m.group() for m in self._region_wide.finditer(folded_text)]
        return bool(found) and all(phrase in self._anaphora for phrase in found)

    def elaborates(self, folded_text: str) -> bool:
        """Whether a (folded) sentence opens by spelling out the one before it ("This includes
        …", "En particular, …")."""
        return self._elaborates.match(folded_text) is not None

    def bilateral(self, folded_text: str) -> bool:
        """Whether a (folded) sentence speaks of two governments acting together ("the two
        governments adopted", "ambos gobiernos acordaron")."""
        return self._bilateral.search(folded_text) is not None

    def is_country_name(self, folded_phrase: str) -> bool:
        entry = self._folded.get(folded_phrase) or self._exact.get(folded_phrase.upper())
        return entry is not None and entry[1] == "name" and len(entry[0]) == 1

    def index(self, text: str, folded_text: str | None = None) -> MentionIndex:
        """Every mention in a whole document, for cheap per-sentence and per-block lookups."""
        ft = fold(text) if folded_text is None else folded_text
        return MentionIndex(self, self._scan(text, ft), ft)

    def find(self, text: str, folded_text: str | None = None) -> list[CountryMention]:
        ft = folded_text if folded_text is not None else fold(text)
        return self._select(self._scan(text, ft), ft, 0)

    def _scan(self, text: str, ft: str) -> list[CountryMention]:
        """Candidate mentions (before the ignore list and exclusion cues), in text order."""
        found: list[CountryMention] = []
        for m in self._folded_re.finditer(ft):
            codes, how = self._folded[re.sub(r"\s+", " ", m.group())]
            found.append(CountryMention(m.start(), m.end(), codes, how))
        if self._exact_re.pattern != "(?!)":
            spans = [(f.start, f.end) for f in found]  # sorted: finditer goes left to right
            plain = strip_accents(text)
            for m in self._exact_re.finditer(plain):
                codes, how = self._exact[re.sub(r"\s+", " ", m.group())]
                if _DOLLAR_AFTER.match(plain, m.end()):
                    continue  # "US$ 400 million", "U.S.$5": the currency, not the country
                if not _inside(spans, m.start()):
                    found.append(CountryMention(m.start(), m.end(), codes, how))
            found.sort(key=lambda c: c.start)
        if not found:
            return found
        ignored = [(m.start(), m.end()) for m in self._ignore_re.finditer(ft)]
        if ignored:
            found = [f for f in found if not _inside(ignored, f.start)]
        return found

    def _select(self, found: list[CountryMention], ft: str, floor: int) -> list[CountryMention]:
        """Drop mentions set aside by an exclusion cue (looking back no further than ``floor``)
        and overlapping ones."""
        if self._excluding is not None and found:
            found = [
                f
                for f in found
                if not self._excluding.search(ft, max(floor, f.start - 40), f.start)
            ]
        if self._vague is not None and found:
            found = [
                f
                for f in found
                if f.how != "grouping"
                or not self._vague.search(ft, max(floor, f.start - 40), f.start)
            ]
        return _drop_overlaps(found)

    def codes(self, text: str, folded_text: str | None = None) -> list[str]:
        """ISO3 codes mentioned, in order of first mention, without repeats."""
        return _codes(self.find(text, folded_text))


class MentionIndex:
    """A document's country mentions, found in one pass, queried by span (a sentence, a block)
    with the same result as :meth:`CountryMatcher.find` on that span's text."""

    def __init__(self, matcher: CountryMatcher, mentions: list[CountryMention], ft: str) -> None:
        self._matcher = matcher
        self._mentions = mentions
        self._starts = [m.start for m in mentions]
        self._folded = ft

    def find(self, start: int, end: int) -> list[CountryMention]:
        """Mentions lying wholly inside ``[start, end)``, in order (document offsets)."""
        lo = bisect_left(self._starts, start)
        hi = bisect_left(self._starts, end, lo)
        inside = [m for m in self._mentions[lo:hi] if m.end <= end]
        return self._matcher._select(inside, self._folded, start)

    def codes(self, start: int, end: int) -> list[str]:
        """ISO3 codes mentioned in ``[start, end)``, in order of first mention, no repeats."""
        return _codes(self.find(start, end))


_DOLLAR_AFTER = re.compile(r"\s?\$")


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` falls in one of the sorted, non-overlapping ``spans``."""
    i = bisect_right(spans, (position, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]


def _codes(mentions: list[CountryMention]) -> list[str]:
    out: dict[str, None] = {}
    for mention in mentions:
        for code in mention.iso3:
            out[code] = None
    return list(out)


def _alternation(table: dict[str, Any]) -> re.Pattern[str]:
    if not table:
        return re.compile("(?!)")
    # A name right after a hyphen counts ("U.S.-Mexico border", "Afro-Colombian").
    return phrase_regex(table)


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
