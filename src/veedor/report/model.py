"""The typed model of a scorecard report, as ``build_report`` returns it and the renderers
read it: sections of asks and commitments with their status and evidence, figure series, and
the numbered citations every entry points to."""

from __future__ import annotations

from dataclasses import dataclass

from veedor.report.scope import ReportScope


@dataclass(frozen=True, kw_only=True)
class Citation:
    """A numbered source passage: a span of a stored document, or an external URL's quote."""

    number: int
    quote: str
    document_id: int | None = None
    start: int | None = None
    end: int | None = None
    publisher: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True, kw_only=True)
class StatusEvent:
    """A status record shown as evidence; ``in_period`` is False for the earlier record that
    set a status the period starts with."""

    date: str
    from_status: str | None
    to_status: str
    note: str | None
    citation: int
    in_period: bool


@dataclass(frozen=True, kw_only=True)
class AskerLine:
    publisher: str
    group: str
    first: str | None
    recommendations: int
    citation: int


@dataclass(frozen=True, kw_only=True)
class AskEntry:
    id: int
    label: str
    labels: dict[str, str]  # language -> label, where the ask has one in that language
    family: str
    status: str
    changed_in_period: bool
    first_asked: str | None  # the first time anyone made it, in or before the period
    recommendations: int  # in scope
    askers: tuple[AskerLine, ...]
    events: tuple[StatusEvent, ...]
    countries: tuple[str, ...]
    themes: tuple[str, ...]

    def label_in(self, lang: str) -> str:
        return self.labels.get(lang, self.label)


@dataclass(frozen=True, kw_only=True)
class CommitmentEntry:
    id: int
    text: str
    actor: str | None
    amount_usd: float | None
    date: str | None  # the commitment's own date, or its document's
    publisher: str | None
    status: str
    changed_in_period: bool
    citation: int
    events: tuple[StatusEvent, ...]
    countries: tuple[str, ...]
    themes: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class FigurePoint:
    id: int
    value: float
    unit: str
    subject: str
    country: str | None
    date: str | None  # as-of date (YYYY-MM) or the document's date
    publisher: str | None
    citation: int


@dataclass(frozen=True, kw_only=True)
class FigureSeries:
    """One subject reported at several dates: the figure's trend."""

    subject: str
    unit: str
    country: str | None
    points: tuple[FigurePoint, ...]  # oldest first

    @property
    def change(self) -> float | None:
        """Relative change from the first to the last point (0.25 = +25 %)."""
        first, last = self.points[0].value, self.points[-1].value
        return None if first == 0 else (last - first) / first

    @property
    def direction(self) -> str:
        first, last = self.points[0].value, self.points[-1].value
        return "up" if last > first else "down" if last < first else "flat"


@dataclass(frozen=True, kw_only=True)
class Section:
    """Asks and commitments about one country or theme; ``key`` None holds those about none
    (region-wide, or no theme detected)."""

    key: str | None
    asks: tuple[AskEntry, ...]
    commitments: tuple[CommitmentEntry, ...]

    @property
    def committed_usd(self) -> float:
        return sum(c.amount_usd or 0.0 for c in self.commitments)

    @property
    def empty(self) -> bool:
        return not self.asks and not self.commitments


@dataclass(frozen=True, kw_only=True)
class Report:
    scope: ReportScope
    generated: str
    documents: int
    publishers: tuple[str, ...]
    first_date: str | None
    last_date: str | None
    ask_status: dict[str, int]  # every ask status, in vocabulary order
    commitment_status: dict[str, int]
    asks_changed: int
    commitments_changed: int
    unlinked_recommendations: int
    committed_usd: float
    sections: tuple[Section, ...]
    series: tuple[FigureSeries, ...]
    key_figures: tuple[FigurePoint, ...]
    figures_total: int
    citations: tuple[Citation, ...]

    @property
    def asks_total(self) -> int:
        return sum(self.ask_status.values())

    @property
    def commitments_total(self) -> int:
        return sum(self.commitment_status.values())

    @property
    def empty(self) -> bool:
        return self.documents == 0

    def citation(self, number: int) -> Citation:
        return self.citations[number - 1]


__all__ = [
    "AskEntry",
    "AskerLine",
    "Citation",
    "CommitmentEntry",
    "FigurePoint",
    "FigureSeries",
    "Report",
    "Section",
    "StatusEvent",
]
