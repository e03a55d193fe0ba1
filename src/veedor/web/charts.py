"""Vega-Lite specifications for the charts on the pages.

A chart is a spec (rendered in the browser by the vendored vega-embed) *and* the same data as a
table in the page, so readers without JavaScript, and screen readers, get the numbers too.
"""

from __future__ import annotations

import json
from typing import Any

_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
_CONFIG = {
    "font": "system-ui, sans-serif",
    "axis": {"labelFontSize": 12, "titleFontSize": 12},
    "legend": {"labelFontSize": 12, "titleFontSize": 12},
    "view": {"stroke": None},
}
# A colour-blind-safe categorical palette (Okabe–Ito).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


def _spec(data: list[dict[str, Any]], body: dict[str, Any], *, title: str) -> dict[str, Any]:
    return {
        "$schema": _SCHEMA,
        "description": title,
        "width": "container",
        "height": 220,
        "data": {"values": data},
        "config": {**_CONFIG, "range": {"category": PALETTE}},
        **body,
    }


def bar(
    data: list[dict[str, Any]],
    *,
    x: str,
    y: str,
    title: str,
    x_title: str,
    y_title: str,
    color: str | None = None,
    horizontal: bool = False,
    y_format: str | None = None,
) -> dict[str, Any]:
    category = {"field": x, "type": "nominal", "title": x_title, "sort": None}
    quantity: dict[str, Any] = {"field": y, "type": "quantitative", "title": y_title}
    if y_format:
        quantity["axis"] = {"format": y_format}
        if y_format.endswith("s"):
            # SI prefixes say G for a thousand million; money is said in billions.
            quantity["axis"]["labelExpr"] = "replace(datum.label, 'G', 'B')"
    else:
        # Counts: whole-number ticks only.
        quantity["axis"] = {"format": "d", "tickMinStep": 1}
    encoding: dict[str, Any] = (
        {"y": category, "x": quantity} if horizontal else {"x": category, "y": quantity}
    )
    encoding["tooltip"] = [
        {"field": x, "type": "nominal", "title": x_title},
        {"field": y, "type": "quantitative", "title": y_title, "format": y_format or ","},
    ]
    if color:
        encoding["color"] = {"field": color, "type": "nominal", "title": None}
    else:
        encoding["color"] = {"value": PALETTE[0]}
    spec = _spec(
        data, {"mark": {"type": "bar", "tooltip": True}, "encoding": encoding}, title=title
    )
    # A few categories get bars of a reading width, not the whole page each.
    if horizontal:
        # A fixed height from the number of bars: a discrete ("step") height would fight the
        # container's width.
        spec["height"] = 26 * max(1, len({row.get(x) for row in data}))
    elif len({row.get(x) for row in data}) <= 6:
        spec["width"] = {"step": 44}
        spec["autosize"] = {"type": "pad"}
    return spec


def line(
    data: list[dict[str, Any]],
    *,
    x: str,
    y: str,
    title: str,
    x_title: str,
    y_title: str,
    color: str | None = None,
) -> dict[str, Any]:
    encoding: dict[str, Any] = {
        "x": {"field": x, "type": "temporal", "title": x_title},
        "y": {"field": y, "type": "quantitative", "title": y_title},
        "tooltip": [
            {"field": x, "type": "temporal", "title": x_title},
            {"field": y, "type": "quantitative", "title": y_title, "format": ","},
        ],
    }
    if color:
        encoding["color"] = {"field": color, "type": "nominal", "title": None}
        encoding["tooltip"].append({"field": color, "type": "nominal"})
    return _spec(
        data,
        {"mark": {"type": "line", "point": True, "tooltip": True}, "encoding": encoding},
        title=title,
    )


def to_json(spec: dict[str, Any]) -> str:
    """The spec as JSON text, for an HTML attribute (the template's autoescaping encodes the
    quotes; the browser decodes them back)."""
    return json.dumps(spec, ensure_ascii=False, separators=(",", ":"))
