"""Turning a :class:`Report` into HTML, PDF (WeasyPrint) or Markdown, in English or Spanish.

The templates in ``templates/`` hold the layout; this module prepares what they show — names in
the report's language, money, charts — so the templates stay free of logic. The HTML is a whole
standalone page whose print stylesheet (``@page``: page numbers, running header) is what the PDF
is made from.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from veedor.errors import InvalidInputError
from veedor.report.charts import (
    STATUS_COLOURS,
    Bar,
    bar_chart,
    compact_number,
    line_chart,
)
from veedor.report.model import AskEntry, FigureSeries, Report, Section
from veedor.report.scope import country_name, report_strings

log = logging.getLogger(__name__)

LANGUAGES = ("en", "es")
# "6. Double the budget…": a list's numbering is layout, not part of the request.
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s+")


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("veedor.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md_cell"] = _md_cell
    env.filters["md_quote"] = _md_quote
    return env


def _md_cell(text: Any) -> str:
    """Text safe inside a Markdown table cell: one line, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _md_quote(text: Any) -> str:
    return " ".join(str(text).split()).replace("*", "\\*").replace("_", "\\_")


def strings(lang: str) -> dict[str, Any]:
    """The report's words in ``lang``; an unknown language is refused with the ones we have."""
    if lang not in LANGUAGES:
        raise InvalidInputError(
            f"reports are written in {' or '.join(LANGUAGES)}, not {lang!r}; use --lang en or es"
        )
    words: dict[str, Any] = report_strings()[lang]
    return words


@dataclass(frozen=True, kw_only=True)
class _Trend:
    series: FigureSeries
    caption: str
    change: str
    chart: Markup


class _View:
    """What the templates read: the report plus names, money and charts in one language."""

    def __init__(self, report: Report, lang: str) -> None:
        self.r = report
        self.lang = lang
        self.t = strings(lang)
        self.title = report.scope.title or self._default_title()

    # -- names
    def label(self, ask: AskEntry) -> str:
        """The ask's label in the report's language when it has one, without list numbering."""
        return _NUMBERING.sub("", ask.label_in(self.lang))

    def status(self, key: str) -> str:
        return str(self.t["statuses"].get(key, key))

    def colour(self, key: str) -> str:
        return STATUS_COLOURS.get(key, "#888")

    def country(self, iso3: str | None) -> str:
        return country_name(iso3, self.lang) if iso3 else ""

    def theme(self, key: str) -> str:
        return str(self.t["theme_names"].get(key, key))

    def group(self, key: str) -> str:
        return str(self.t["groups"].get(key, key))

    def addressee(self, key: str) -> str:
        return str(self.t["addressees"].get(key, key))

    def section_name(self, section: Section) -> str:
        if section.key is None:
            return str(self.t[f"regional_{self.r.scope.group_by}"])
        if self.r.scope.group_by == "country":
            return self.country(section.key)
        return self.theme(section.key)

    def section_anchor(self, section: Section) -> str:
        return f"section-{(section.key or 'none').lower()}"

    def money(self, value: float | None) -> str:
        if value is None:
            return "—"
        return "$" + compact_number(value)

    def number(self, value: float) -> str:
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"

    def status_rows(self) -> list[tuple[str, int, str, int]]:
        """Ask and commitment statuses side by side (the vocabularies have the same length)."""
        asks, commitments = list(self.r.ask_status.items()), list(self.r.commitment_status.items())
        return [(a, n, c, m) for (a, n), (c, m) in zip(asks, commitments, strict=True)]

    def date(self, value: str | None) -> str:
        return value or str(self.t["undated"])

    def fmt(self, key: str, **values: Any) -> str:
        return str(self.t[key]).format(**values)

    def publisher(self, name: str | None) -> str:
        return name or str(self.t["unknown_publisher"])

    # -- scope lines
    def _default_title(self) -> str:
        scope = self.r.scope
        parts = []
        if scope.addressee:
            parts.append(self.addressee(scope.addressee))
        if scope.countries:
            parts.append(", ".join(self.country(c) for c in scope.countries))
        if scope.themes:
            parts.append(", ".join(self.theme(t) for t in scope.themes))
        if scope.date_from or scope.date_to:
            parts.append(self.period())
        head = str(self.t["default_title"])
        return f"{head}: {' · '.join(parts)}" if parts else head

    def period(self) -> str:
        scope = self.r.scope
        return self.fmt(
            "period_range",
            start=scope.date_from or self.t["open_start"],
            end=scope.date_to or self.t["open_end"],
        )

    def scope_rows(self) -> list[tuple[str, str]]:
        scope, everything = self.r.scope, str(self.t["all"])
        return [
            (self.t["period"], self.period()),
            (
                self.t["addressee"],
                self.addressee(scope.addressee) if scope.addressee else everything,
            ),
            (
                self.t["countries"],
                ", ".join(self.country(c) for c in scope.countries) or everything,
            ),
            (self.t["themes"], ", ".join(self.theme(t) for t in scope.themes) or everything),
            (self.t["publishers"], ", ".join(scope.publishers) or everything),
        ]

    def summary_lead(self) -> str:
        r = self.r
        return self.fmt(
            "summary_lead",
            documents=r.documents,
            publishers=len(r.publishers),
            first=self.date(r.first_date),
            last=self.date(r.last_date),
            asks=r.asks_total,
            commitments=r.commitments_total,
            amount=self.money(r.committed_usd),
        )

    # -- charts
    def ask_chart(self, width: int = 520) -> Markup:
        bars = [Bar(self.status(s), n, self.colour(s)) for s, n in self.r.ask_status.items()]
        return Markup(bar_chart(bars, title=str(self.t["asks_by_status"]), width=width))

    def commitment_chart(self, width: int = 520) -> Markup:
        bars = [Bar(self.status(s), n, self.colour(s)) for s, n in self.r.commitment_status.items()]
        return Markup(bar_chart(bars, title=str(self.t["commitments_by_status"]), width=width))

    def amounts_title(self) -> str:
        return str(self.t[f"amounts_by_{self.r.scope.group_by}"])

    def amount_bars(self) -> list[Bar]:
        return sorted(
            (
                Bar(self.section_name(s), s.committed_usd)
                for s in self.r.sections
                if s.committed_usd > 0
            ),
            key=lambda b: -b.value,
        )

    def amounts_chart(self) -> Markup:
        return Markup(bar_chart(self.amount_bars(), title=self.amounts_title()))

    def trends(self) -> list[_Trend]:
        out = []
        for s in self.r.series:
            first, last = s.points[0], s.points[-1]
            country = f" — {self.country(s.country)}" if s.country else ""
            caption = self.fmt(
                "trend_caption",
                subject=s.subject,
                unit=s.unit,
                country=country,
                first=compact_number(first.value),
                last=compact_number(last.value),
            )
            change = ""
            if s.change is not None:
                change = self.fmt(
                    "trend_change",
                    change=f"{s.change:+.0%}",
                    start=self.date(first.date),
                    end=self.date(last.date),
                )
            chart = line_chart([(p.date or "?", p.value) for p in s.points], title=caption)
            out.append(_Trend(series=s, caption=caption, change=change, chart=Markup(chart)))
        return out


def _render(template: str, report: Report, lang: str) -> str:
    view = _View(report, lang)
    return _environment().get_template(template).render(v=view, r=report, t=view.t)


def render_html(report: Report, *, lang: str = "en") -> str:
    """The report as a standalone HTML page (inline CSS and SVG, no script)."""
    return _render("report.html", report, lang)


def render_markdown(report: Report, *, lang: str = "en") -> str:
    """The report as Markdown (charts left out; their numbers are in the tables)."""
    return _render("report.md", report, lang)


def render_pdf(report: Report, *, lang: str = "en") -> bytes:
    """The report as PDF, typeset by WeasyPrint from the HTML and its print stylesheet."""
    from weasyprint import HTML

    html = render_html(report, lang=lang)
    pdf: bytes = HTML(string=html).write_pdf()
    log.info("rendered a %d-byte PDF", len(pdf))
    return pdf


__all__ = ["LANGUAGES", "render_html", "render_markdown", "render_pdf", "strings"]
