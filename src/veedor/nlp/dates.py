"""Finding calendar dates written out in English or Spanish ("18 Jan 2022", "12 de marzo de 2024")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from veedor.vocab import months


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    year: int
    month: int
    day: int | None

    @property
    def iso(self) -> str:
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def year_month(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


_YEAR = re.compile(r"(?:19|20)\d\d")


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    names = "|".join(sorted((re.escape(m) for m in months()), key=len, reverse=True))
    month = rf"(?P<month>{names})\.?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|º|°)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    flags = re.IGNORECASE
    return [
        (re.compile(rf"\b{year}-(?P<mnum>[01]\d)-(?P<dnum>[0-3]\d)\b"), "iso"),
        (re.compile(rf"\b{day}\s+(?:de\s+)?{month},?\s+(?:de\s+|del\s+)?{year}\b", flags), "dmy"),
        (re.compile(rf"\b{month}\s+{day},?\s+{year}\b", flags), "mdy"),
        (re.compile(rf"\b{month},?\s+(?:de\s+|del\s+|of\s+)?{year}\b", flags), "my"),
        (re.compile(rf"\b(?P<n1>[0-3]?\d)/(?P<n2>[0-3]?\d)/{year}\b"), "numeric"),
    ]


def find_dates(text: str, *, lang: str = "en") -> list[DateMention]:
    """Every full or month-level date in ``text``, in order, without overlaps."""
    found: list[DateMention] = []
    if not _YEAR.search(text):
        return found  # every shape below needs a year
    taken: list[tuple[int, int]] = []
    table = months()
    for pattern, shape in _patterns():
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            year = int(m.group("year"))
            day: int | None
            if shape == "iso":
                month, day = int(m.group("mnum")), int(m.group("dnum"))
            elif shape == "numeric":
                a, b = int(m.group("n1")), int(m.group("n2"))
                # Spanish writes day/month; American English month/day.
                month, day = (b, a) if lang != "en" or a > 12 else (a, b)
            else:
                month = table[m.group("month").lower()]
                day = int(m.group("day")) if shape in ("dmy", "mdy") else None
            if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), year, month, day))
    found.sort(key=lambda d: d.start)
    return found


_EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_ES_MONTHS = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
_ES_MONTHS += "noviembre|diciembre"
_NO_YEAR_AFTER = r"(?!,?\s+(?:of\s+|de\s+|del\s+)?(?:19|20)\d\d)"
# A month named without its year ("In March, the ministry launched …", "el pasado 2 de
# septiembre"): English month names are capitalised, which keeps the modal "may" out.
_BARE_MONTH = (
    re.compile(
        r"\b(?i:in|on|by|since|during|until|from|early|late|mid|last)[\s-]+"
        r"(?:(?i:early|late|mid)[\s-]+)?"
        rf"(?P<month>{_EN_MONTHS})\b(?:\s+[0-3]?\d(?:st|nd|rd|th)?\b)?{_NO_YEAR_AFTER}"
    ),
    re.compile(
        r"\b(?:en|el|desde|durante|hasta|a\s+(?:principios|finales|mediados)\s+de)\s+"
        rf"(?:pasado\s+)?(?:[0-3]?\d\s+de\s+)?(?P<month>{_ES_MONTHS})\b{_NO_YEAR_AFTER}",
        re.IGNORECASE,
    ),
)
# Days named relative to the publication ("said on Tuesday", "anunció el martes", "today").
_RELATIVE_DAY = re.compile(
    r"\b(?:today|yesterday|this\s+week|on\s+(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)|hoy|ayer|esta\s+semana|(?:el|este)\s+(?:lunes|martes|miercoles|"
    r"miércoles|jueves|viernes|sabado|sábado|domingo))\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"\b(?:will|would|plans?\s+to|intends?\s+to)\b|\w(?:ará|erá|irá)n?\b", re.I)


def relative_month(text: str, published: str | None) -> str | None:
    """The month ("YYYY-MM") a text without a full date refers to, read against the
    publication date: a month named without its year is the last one up to the publication
    ("In March" in a February 2025 report is March 2024), and "today", "on Tuesday", "el martes"
    are the publication's month."""
    if not published or len(published) < 7 or not published[:4].isdigit():
        return None
    year, month = int(published[:4]), int(published[5:7])
    table = months()
    for pattern in _BARE_MONTH:
        m = pattern.search(text)
        if m is None:
            continue
        named = table[m.group("month").lower()]
        if named <= month:
            return f"{year:04d}-{named:02d}"
        if not _FUTURE.search(text):
            return f"{year - 1:04d}-{named:02d}"
    if _RELATIVE_DAY.search(text):
        return f"{year:04d}-{month:02d}"
    return None
