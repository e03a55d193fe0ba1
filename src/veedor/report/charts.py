"""Charts as inline SVG strings, drawn in Python: no script, so they print and open anywhere.

Each function returns a complete ``<svg>`` element sized by its viewBox, with a ``<title>`` and
an ``aria-label`` for screen readers. Text is escaped here; callers pass plain strings.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

# Status colours: a calm scale from open/announced (grey) through progress (amber, teal) to
# done (green), with setbacks in red. Chosen to stay distinct in greyscale print.
STATUS_COLOURS = {
    "open": "#8a8f98",
    "announced": "#8a8f98",
    "in-progress": "#d9a036",
    "partly-met": "#4c9a8f",
    "partly-fulfilled": "#4c9a8f",
    "met": "#2f7d3b",
    "fulfilled": "#2f7d3b",
    "reversed": "#b8423a",
    "broken": "#b8423a",
    "rejected": "#7a2a26",
    "withdrawn": "#7a2a26",
}
ACCENT = "#1f4e79"
_FONT = "font-family:'DejaVu Sans',Helvetica,Arial,sans-serif"


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    colour: str = ACCENT


def compact_number(value: float) -> str:
    """1234 -> "1,234"; 73000000 -> "73M"; 1.1e9 -> "1.1B"; 0.5 -> "0.5"."""
    magnitude = abs(value)
    for limit, suffix in ((1e9, "B"), (1e6, "M")):
        if magnitude >= limit:
            scaled = value / limit
            text = f"{scaled:.1f}".rstrip("0").rstrip(".")
            return f"{text}{suffix}"
    if magnitude >= 1000 or float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f"aria-label={quoteattr(title)} style={quoteattr(_FONT)}>"
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bar_chart(bars: Sequence[Bar], *, title: str, width: int = 520) -> str:
    """Horizontal bars, one per row, labelled on the left and valued on the right."""
    row, top, value_w = 22, 8, 56
    label_w = min(170, width // 3)
    height = top * 2 + row * max(len(bars), 1)
    biggest = max((b.value for b in bars), default=0.0)
    span = width - label_w - value_w - 8
    body = []
    for i, bar in enumerate(bars):
        y = top + i * row
        length = 0.0 if biggest <= 0 else span * bar.value / biggest
        if bar.value > 0:
            length = max(length, 2.0)
        body.append(
            f'<text x="{label_w - 8}" y="{y + 15}" font-size="11" text-anchor="end" '
            f'fill="#222">{escape(_truncate(bar.label, label_w // 6))}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{length:.1f}" height="{row - 8}" '
            f'rx="2" fill="{bar.colour}"/>'
            f'<text x="{label_w + length + 6:.1f}" y="{y + 15}" font-size="11" '
            f'fill="#222">{escape(compact_number(bar.value))}</text>'
        )
    if not bars:
        body.append(f'<text x="{label_w}" y="{top + 15}" font-size="11" fill="#666">—</text>')
    return _svg(width, height, title, body)


def _nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    step = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= step * factor:
            step *= factor
            break
    ticks = [math.floor(low / step) * step]
    while ticks[-1] < high:
        ticks.append(ticks[-1] + step)
    return ticks


def line_chart(
    points: Sequence[tuple[str, float]], *, title: str, width: int = 520, height: int = 200
) -> str:
    """A line through dated values (labels on the x axis in the given order), with markers
    and each value printed above its point."""
    left, right, top, bottom, inset = 56, 16, 18, 30, 28
    values = [v for _, v in points]
    ticks = _nice_ticks(min(0.0, *values) if values else 0.0, max(values, default=1.0))
    low, high = ticks[0], ticks[-1]
    plot_w, plot_h = width - left - right, height - top - bottom

    def y_of(value: float) -> float:
        return top + plot_h - (value - low) / (high - low or 1) * plot_h

    def x_of(index: int) -> float:
        if len(points) == 1:
            return left + plot_w / 2
        # Inset from both ends so the first and last dates are not cut off.
        return left + inset + (plot_w - 2 * inset) * index / (len(points) - 1)

    body = []
    for tick in ticks:
        y = y_of(tick)
        body.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
            f'stroke="#e3e5e8" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="10" text-anchor="end" '
            f'fill="#555">{escape(compact_number(tick))}</text>'
        )
    coords = [(x_of(i), y_of(v)) for i, (_, v) in enumerate(points)]
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        body.append(f'<polyline points="{path}" fill="none" stroke="{ACCENT}" stroke-width="2.2"/>')
    for (label, value), (x, y) in zip(points, coords, strict=True):
        body.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{ACCENT}"/>'
            f'<text x="{x:.1f}" y="{y - 8:.1f}" font-size="10" text-anchor="middle" '
            f'fill="#222">{escape(compact_number(value))}</text>'
            f'<text x="{x:.1f}" y="{height - 10}" font-size="10" text-anchor="middle" '
            f'fill="#555">{escape(label)}</text>'
        )
    return _svg(width, height, title, body)


__all__ = ["ACCENT", "STATUS_COLOURS", "Bar", "bar_chart", "compact_number", "line_chart"]
