"""What a scorecard report covers: a period, an addressee, countries, themes and publishers.

A :class:`ReportScope` is validated when it is made, so a bad scope fails with a message that
names the bad value before any query runs. Dates may be given as a year, a month or a day; the
start of a range is widened to the first day and the end to the last day of what was named
("--from 2025 --to 2025-06" is 2025-01-01 … 2025-06-30).
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from veedor.errors import InvalidInputError
from veedor.vocab import ADDRESSEE_KINDS, load_json, theme_keys

GroupBy = Literal["country", "theme"]
GROUP_BY: tuple[GroupBy, ...] = ("country", "theme")
ADDRESSEE_FAMILIES = ("us-government", "foreign-government", "multilateral", "other")

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@cache
def country_names() -> dict[str, dict[str, str]]:
    """ISO3 code -> language -> display name (the first name of each language)."""
    out: dict[str, dict[str, str]] = {}
    for entry in load_json("countries.json")["countries"]:
        names = entry.get("names", {})
        out[entry["iso3"]] = {lang: values[0] for lang, values in names.items() if values}
    return out


@cache
def report_strings() -> dict[str, Any]:
    """The report's own words in each language (``templates/strings.json``)."""
    ref = resources.files("veedor.report") / "templates" / "strings.json"
    with ref.open("r", encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def country_name(iso3: str, lang: str = "en") -> str:
    names = country_names().get(iso3, {})
    return names.get(lang) or names.get("en") or iso3


def _bound(value: str, *, end: bool, option: str) -> str:
    m = _DATE.match(value.strip())
    if m is None:
        raise InvalidInputError(
            f"{option} {value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY"
        )
    year, month, day = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
    try:
        if day is None:
            last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
            parsed = dt.date(year, month, last if end else 1)
        else:
            parsed = dt.date(year, month, int(day))
    except ValueError:
        raise InvalidInputError(f"{option} {value!r} is not a real calendar date") from None
    return parsed.isoformat()


@dataclass(frozen=True, kw_only=True)
class ReportScope:
    """The documents, items and status records a report draws on. Every field is optional;
    an empty scope covers the whole database."""

    title: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    # An addressee kind (us-executive, us-congress, …) or a family (us-government, …).
    addressee: str | None = None
    countries: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    publishers: tuple[str, ...] = ()
    group_by: GroupBy = "country"

    def __post_init__(self) -> None:
        # Frozen: normalised values are written once, here, through object.__setattr__.
        put = object.__setattr__
        if self.title is not None:
            put(self, "title", self.title.strip() or None)
        if self.date_from is not None:
            put(self, "date_from", _bound(self.date_from, end=False, option="--from"))
        if self.date_to is not None:
            put(self, "date_to", _bound(self.date_to, end=True, option="--to"))
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise InvalidInputError(
                f"the report starts ({self.date_from}) after it ends ({self.date_to}); "
                "swap --from and --to"
            )
        if self.addressee is not None:
            addressee = self.addressee.strip().lower()
            if addressee not in ADDRESSEE_KINDS + ADDRESSEE_FAMILIES:
                raise InvalidInputError(
                    f"unknown addressee {self.addressee!r}; use a kind "
                    f"({', '.join(ADDRESSEE_KINDS)}) or a family ({', '.join(ADDRESSEE_FAMILIES)})"
                )
            put(self, "addressee", addressee)
        countries = tuple(dict.fromkeys(c.strip().upper() for c in self.countries))
        unknown = [c for c in countries if c not in country_names()]
        if unknown:
            raise InvalidInputError(
                f"unknown country code {', '.join(unknown)}; use ISO 3166-1 alpha-3 codes "
                "such as MEX, GTM or HND"
            )
        put(self, "countries", countries)
        themes = tuple(dict.fromkeys(t.strip().lower() for t in self.themes))
        unknown = [t for t in themes if t not in theme_keys()]
        if unknown:
            raise InvalidInputError(
                f"unknown theme {', '.join(unknown)}; use one of {', '.join(theme_keys())}"
            )
        put(self, "themes", themes)
        publishers = tuple(dict.fromkeys(p.strip() for p in self.publishers))
        if any(not p for p in publishers):
            raise InvalidInputError("a publisher filter cannot be empty")
        put(self, "publishers", publishers)
        if self.group_by not in GROUP_BY:
            raise InvalidInputError(
                f"cannot group a report by {self.group_by!r}; use country or theme"
            )

    @property
    def addressee_is_family(self) -> bool:
        return self.addressee in ADDRESSEE_FAMILIES and self.addressee not in ADDRESSEE_KINDS

    def in_period(self, date: str | None) -> bool:
        """Whether a date (YYYY, YYYY-MM or YYYY-MM-DD) falls in the period; an unknown date is
        in the period only when the scope has no period."""
        if date is None:
            return self.date_from is None and self.date_to is None
        if self.date_from and date < self.date_from[: len(date)]:
            return False
        return not (self.date_to and date[:10] > self.date_to)


__all__ = [
    "ADDRESSEE_FAMILIES",
    "ADDRESSEE_KINDS",
    "GROUP_BY",
    "GroupBy",
    "ReportScope",
    "country_name",
    "country_names",
    "report_strings",
    "theme_keys",
]
