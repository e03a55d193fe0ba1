"""Figures: explicit quantities of people, money, rates and events, with value, unit, subject,
country and as-of date. Dates, ordinals, footnote marks, article numbers, trip lengths and vague
quantifiers ("dozens", "millions") are not figures."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from veedor.extract.context import Sentence
from veedor.extract.countries import USA
from veedor.extract.countries import matcher as country_matcher
from veedor.extract.cues import phrase_body, phrase_pattern
from veedor.extract.items import Item
from veedor.nlp.numbers import NumberMention
from veedor.nlp.text import fold
from veedor.vocab import load_json, months

_HYPHEN_DURATION = re.compile(r"^[-\u2010\u2011](?:day|week|month|year|hour|point|member|part)s?\b")
_FOOTNOTE = re.compile(r"[\[(^]$")
_PRESENT = re.compile(
    r"\b(?:is|are|has|have|remains?|stands?|hay|es|son|tiene|tienen|permanecen?|suman?|"
    r"currently|now|today|actualmente|hoy)\b"
)
_LAST_YEAR = re.compile(r"\b(?:last year|el año pasado|el ano pasado)\b")
_THIS_YEAR = re.compile(r"\b(?:this year|este año|este ano|so far)\b")
_FISCAL = re.compile(r"\b(?:fy|fiscal year)\s?'?(\d{2,4})\b")
_BARE_YEAR = re.compile(r"\b(?:in|during|en|durante|of|de)\s+((?:19|20)\d\d)\b")
_STOP_NP = re.compile(
    r"[,;:.()\u2014\u2013]|\b(?:and|that|who|which|were|was|had|have|has|are|is|since|in|on|"
    r"from|to|by|que|fueron|han|son|desde|en|por|y)\b"
)


@dataclass(frozen=True)
class _Units:
    people: re.Pattern[str]
    people_near: re.Pattern[str]
    events: re.Pattern[str]
    percent: re.Pattern[str]
    quantifier: re.Pattern[str]
    not_before: re.Pattern[str]
    duration: re.Pattern[str]
    duration_lead: re.Pattern[str]
    fractions: dict[str, float]
    fraction_re: re.Pattern[str]
    address: re.Pattern[str]


@cache
def _units(lang: str) -> _Units:
    data = load_json("units.json")
    code = lang if lang in ("en", "es") else "en"
    return _Units(
        people=phrase_pattern(data["people"][code]),
        people_near=re.compile(
            r"^\s+(?:[\w-]+\s+){0,2}(?:" + phrase_body(data["people"][code]) + r")(?![\w-])"
        ),
        events=phrase_pattern(data["events"][code]),
        percent=re.compile(r"^\s*(?:%|" + phrase_body(data["percent"][code]) + ")"),
        quantifier=re.compile(r"(?<![\w-])(?:" + phrase_body(data["quantifiers"][code]) + r")\s+$"),
        not_before=re.compile(
            r"(?<![\w-])(?:" + phrase_body(data["non_figure_before"][code]) + r")\s*$"
        ),
        duration=re.compile(r"^\s+(?:" + phrase_body(data["durations"][code]) + r")\b"),
        duration_lead=re.compile(
            r"(?<![\w-])(?:" + phrase_body(data["duration_lead"][code]) + r")\s+$"
        ),
        fractions={fold(k): float(v) for k, v in data["fractions"][code].items()},
        fraction_re=phrase_pattern(list(data["fractions"][code])),
        address=re.compile(
            r"^\s+(?:[A-Z][\w.]*\s+){0,3}(?i:" + phrase_body(data["address_words"]) + r")\b"
        ),
    )


def _noun_phrase(folded: str, start: int) -> tuple[int, str]:
    """The words after a number up to the first stop (at most six words)."""
    window = folded[start : start + 80]
    stop = _STOP_NP.search(window)
    phrase = window[: stop.start()] if stop else window
    words = phrase.split()[:6]
    text = " ".join(words)
    end = start + (window.find(words[-1]) + len(words[-1]) if words else 0)
    return end, text


def _as_of(s: Sentence) -> str | None:
    doc_date = s.doc.date
    dates = s.dates
    if dates:
        return dates[-1].year_month
    folded = s.folded
    if doc_date and _LAST_YEAR.search(folded):
        return f"{int(doc_date[:4]) - 1}-12"
    fiscal = _FISCAL.search(folded)
    if fiscal:
        year = int(fiscal.group(1))
        return f"{year + 2000 if year < 100 else year}-09"
    bare = _BARE_YEAR.search(folded)
    if bare:
        return f"{bare.group(1)}-12"
    if doc_date and (_THIS_YEAR.search(folded) or _PRESENT.search(folded)):
        return doc_date[:7]
    return None


_MONTH_NAMES = "|".join(sorted((re.escape(m) for m in months()), key=len, reverse=True))
_MONTH_BEFORE = re.compile(r"\b(?:" + _MONTH_NAMES + r")\.?\s+$")
_MONTH_AFTER = re.compile(r"^\s*(?:-\s*\d{1,2}\s*)?(?:de\s+)?(?:" + _MONTH_NAMES + r")\b")
_OUT_OF = re.compile(r"(?:\bout\s+of|\bin|\bde\s+cada)\s+$")
_ONE_IN = re.compile(r"^\s+(?:out\s+of|in|de\s+cada)\s+\w+|^\s+of\s+the\b")
_STATE_CODE = re.compile(r"\b[A-Z]{2}\s+$")


def _is_figure(
    n: NumberMention, s: Sentence, units: _Units, date_spans: list[tuple[int, int]]
) -> bool:
    text, folded = s.text, s.folded
    if any(a <= n.start < b for a, b in date_spans):
        return False
    before_text = folded[max(0, n.start - 14) : n.start]
    month_near = _MONTH_BEFORE.search(before_text) or _MONTH_AFTER.match(folded[n.end : n.end + 16])
    if month_near and not n.currency:
        return False  # "June 13", "14-15 de junio", "July 11 demonstrations"
    if n.is_word and (_ONE_IN.match(folded[n.end : n.end + 14]) or _OUT_OF.search(before_text)):
        return False  # "one out of three", "one of the victims"
    if units.address.match(text[n.end : n.end + 40]) or _STATE_CODE.search(
        text[max(0, n.start - 4) : n.start]
    ):
        return False  # street numbers and postal codes
    if units.duration.match(folded[n.end : n.end + 12]):
        # Period lengths are not figures, except how long something lasted ("for two years").
        quantifier = units.quantifier.search(folded[max(0, n.start - 25) : n.start])
        lead_end = n.start - (len(quantifier.group()) if quantifier else 0)
        return bool(units.duration_lead.search(folded[max(0, lead_end - 20) : lead_end]))
    after = text[n.end : n.end + 12]
    before = folded[max(0, n.start - 25) : n.start]
    if _HYPHEN_DURATION.match(after) or _FOOTNOTE.search(before[-1:]):
        return False
    if units.not_before.search(before):
        return False
    if n.currency:
        return True
    if not n.is_word and 1900 <= n.value <= 2100 and float(n.value).is_integer():
        return False  # a year
    if units.percent.match(folded[n.end : n.end + 20]):
        return True
    if re.match(r"^(?:st|nd|rd|th|º|ª|°)\b", after):
        return False
    follows = folded[n.end : n.end + 40]
    counted = units.people.match(follows.lstrip()) or units.events.match(follows.lstrip())
    counted = counted or units.people_near.match(follows)
    if n.is_word:
        return bool(counted or units.quantifier.search(before))
    return bool(counted or units.quantifier.search(before) or n.value >= 10)


def _fractions(s: Sentence, units: _Units) -> list[Item]:
    items = []
    for m in units.fraction_re.finditer(s.folded):
        np_end, subject = _noun_phrase(s.folded, m.end())
        end = max(m.end(), np_end)
        items.append(
            Item(
                kind="figure",
                start=s.start + m.start(),
                end=s.start + end,
                text=s.text[m.start() : end],
                fields={
                    "value": units.fractions[re.sub(r"\s+", " ", m.group())],
                    "unit": "percent",
                    "subject": subject,
                    "country": _country(s),
                    "as_of": _as_of(s),
                },
            )
        )
    return items


def _country(s: Sentence) -> str | None:
    codes = country_matcher().codes(s.text, s.folded)
    return next((c for c in codes if c != USA), codes[0] if codes else None)


def detect(s: Sentence) -> list[Item]:
    units = _units(s.doc.lang)
    date_spans = [(d.start, d.end) for d in s.dates]
    items: list[Item] = _fractions(s, units)
    for n in s.numbers:
        if not _is_figure(n, s, units, date_spans):
            continue
        folded = s.folded
        start = n.start
        q = units.quantifier.search(folded[max(0, n.start - 25) : n.start])
        if q:
            start = n.start - (len(folded[max(0, n.start - 25) : n.start]) - q.start())
        percent = units.percent.match(folded[n.end : n.end + 20])
        if n.currency:
            unit = "USD"
            np_end, subject = _noun_phrase(folded, n.end)
        elif percent:
            unit = "percent"
            np_end, subject = _noun_phrase(folded, n.end + percent.end())
        else:
            np_end, subject = _noun_phrase(folded, n.end)
            head = subject.split()[:3]
            people = units.people.match(subject)
            unit = "people" if people else (" ".join(head[:2]) if head else "count")
        end = max(n.end, np_end)
        country = _country(s)
        items.append(
            Item(
                kind="figure",
                start=s.start + start,
                end=s.start + end,
                text=s.text[start:end],
                fields={
                    "value": n.value if not float(n.value).is_integer() else int(n.value),
                    "unit": unit,
                    "subject": subject or fold(s.text[start:end]),
                    "country": country,
                    "as_of": _as_of(s),
                },
            )
        )
    return items
