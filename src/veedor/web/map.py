"""A choropleth map of the Americas as inline SVG, rendered on the server (no JavaScript).

The outlines come from ``data/americas.json`` (built by ``scripts/build_map.py`` from Natural
Earth); this module only picks a colour level per country and writes markup. Colours live in
``static/map.css`` (also available as ``MAP_CSS`` for pages or PDFs that inline their styles).

Levels: 0 is no activity; counts above zero fall into up to five bins whose upper bounds grow
geometrically up to the largest count (``max ** (k/5)``, rounded). A log scale, not quantiles,
because activity is heavy-tailed (one or two countries dominate) and the bins then stay readable
("1–3", "4–6", …) and stable from one page to the next.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

from markupsafe import Markup, escape

from veedor.vocab import load_json

MAP_CSS: Final[str] = (Path(__file__).parent / "static" / "map.css").read_text(encoding="utf-8")
LEVELS: Final[int] = 5
MARKER_RADIUS: Final[float] = 6.0  # view box units; about 4 px on a 650 px wide map

Href = Callable[[str], str] | str
Label = Callable[[str, str, int], str]


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    d: str  # SVG path data
    marker: tuple[float, float] | None  # centre of a dot drawn over very small countries


@dataclass(frozen=True)
class MapData:
    view_box: str
    source: str
    countries: Mapping[str, Country]


@dataclass(frozen=True)
class LegendEntry:
    """One colour level and the counts it stands for (``low == high == 0`` for level 0)."""

    level: int
    low: int
    high: int


@cache
def map_data() -> MapData:
    """The outlines of the countries and territories of the Americas, keyed by ISO alpha-3."""
    raw = load_json("americas.json")
    countries = {
        iso3: Country(
            iso3=iso3,
            name=entry["name"],
            d=entry["d"],
            marker=tuple(entry["marker"]) if "marker" in entry else None,
        )
        for iso3, entry in raw["countries"].items()
    }
    return MapData(view_box=raw["viewBox"], source=raw["source"], countries=countries)


def activity_levels(
    activity: Mapping[str, int],
) -> tuple[dict[str, int], tuple[LegendEntry, ...]]:
    """The colour level of every country on the map, and the legend of the levels in use.

    Codes that are not on the map are ignored, so they cannot stretch the scale; negative counts
    count as none.
    """
    countries = map_data().countries
    counts = {iso3: max(0, activity.get(iso3, 0)) for iso3 in countries}
    top = max(counts.values(), default=0)
    legend = [LegendEntry(0, 0, 0)]
    if top == 0:
        return dict.fromkeys(counts, 0), tuple(legend)

    bounds = sorted({max(1, round(top ** (k / LEVELS))) for k in range(1, LEVELS + 1)})
    # Spread the bins in use over the whole palette, so the largest is always the darkest.
    spread = [
        LEVELS if len(bounds) == 1 else 1 + round((LEVELS - 1) * i / (len(bounds) - 1))
        for i in range(len(bounds))
    ]
    low = 1
    for bound, level in zip(bounds, spread, strict=True):
        legend.append(LegendEntry(level, low, bound))
        low = bound + 1

    def level_of(count: int) -> int:
        if count == 0:
            return 0
        for entry in legend[1:]:
            if count <= entry.high:
                return entry.level
        return LEVELS

    return {iso3: level_of(count) for iso3, count in counts.items()}, tuple(legend)


def _default_label(iso3: str, name: str, count: int) -> str:
    return f"{name}: {count}"


def _range_text(entry: LegendEntry, none_label: str) -> str:
    if entry.level == 0:
        return none_label
    return str(entry.low) if entry.low == entry.high else f"{entry.low}–{entry.high}"


def americas_svg(
    activity: Mapping[str, int],
    *,
    title: str,
    href: Href = "/countries/{iso3}",
    label: Label | None = None,
    desc: str | None = None,
    legend_title: str = "Activity",
    none_label: str = "None",
    country_heading: str = "Country",
    count_heading: str = "Count",
    id_prefix: str = "americas-map",
) -> Markup:
    """A ``<figure>`` holding the map as an accessible inline SVG, and its legends.

    ``activity`` maps ISO alpha-3 codes to counts. Countries with a count are links (``href`` is a
    ``{iso3}`` template or a function of the code); the others are plain shapes. Each shape has a
    ``<title>`` from ``label(iso3, name, count)`` (default ``"Name: count"``), so hovering shows it.
    The caption carries a visible text legend of the levels and, for screen readers, a visually
    hidden table of every country with activity. Pass translated strings for the other texts.
    ``id_prefix`` must be unique on the page when it shows several maps.
    """
    data = map_data()
    levels, legend = activity_levels(activity)
    make_label = label or _default_label

    def link(iso3: str) -> str:
        return href(iso3) if callable(href) else href.format(iso3=iso3)

    def count_of(iso3: str) -> int:
        return max(0, activity.get(iso3, 0))

    active = sorted(
        (iso3 for iso3, level in levels.items() if level > 0),
        key=lambda iso3: (-count_of(iso3), data.countries[iso3].name),
    )
    if desc is None:
        desc = (
            f"{len(active)} of {len(data.countries)} countries and territories have activity; "
            "darker means more. Source of the outlines: " + data.source + "."
        )

    # Small countries last, so their markers are drawn over their neighbours.
    order = sorted(data.countries.values(), key=lambda c: (c.marker is not None, c.iso3))
    shapes: list[Markup] = []
    for country in order:
        level, count = levels[country.iso3], count_of(country.iso3)
        text = escape(make_label(country.iso3, country.name, count))
        shape = Markup(
            '<path class="country level-{}" data-iso3="{}" d="{}"><title>{}</title></path>'
        ).format(level, country.iso3, country.d, text)
        if level == 0:
            shapes.append(shape)
            continue
        if country.marker is not None:
            shape += Markup(
                '<circle class="marker level-{}" cx="{}" cy="{}" r="{}"><title>{}</title></circle>'
            ).format(level, country.marker[0], country.marker[1], MARKER_RADIUS, text)
        shapes.append(
            Markup('<a href="{}" aria-label="{}">{}</a>').format(link(country.iso3), text, shape)
        )

    legend_items = [
        Markup('<li><span class="swatch level-{}" aria-hidden="true"></span>{}</li>').format(
            entry.level, _range_text(entry, none_label)
        )
        for entry in legend
    ]
    rows = [
        Markup("<tr><td>{}</td><td>{}</td></tr>").format(data.countries[iso3].name, count_of(iso3))
        for iso3 in active
    ]
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    return Markup(
        '<figure class="americas-map" id="{prefix}" aria-labelledby="{title_id}">'
        # A group, not an image: the countries inside are links a screen reader must reach.
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view_box}" role="group"'
        ' aria-labelledby="{title_id}" aria-describedby="{desc_id}">'
        '<title id="{title_id}">{title}</title><desc id="{desc_id}">{desc}</desc>'
        '<g class="countries">{shapes}</g></svg>'
        "<figcaption>"
        '<ul class="map-legend"><li class="map-legend-title">{legend_title}</li>{legend}</ul>'
        # A table ignores a 1px height, so the wrapper is what is hidden.
        '<div class="visually-hidden"><table><caption>{title}</caption>'
        '<thead><tr><th scope="col">{country_heading}</th><th scope="col">{count_heading}</th>'
        "</tr></thead><tbody>{rows}</tbody></table></div>"
        "</figcaption></figure>"
    ).format(
        prefix=id_prefix,
        view_box=data.view_box,
        title_id=title_id,
        desc_id=desc_id,
        title=title,
        desc=desc,
        shapes=Markup("").join(shapes),
        legend_title=legend_title,
        legend=Markup("").join(legend_items),
        country_heading=country_heading,
        count_heading=count_heading,
        rows=Markup("").join(rows),
    )


__all__ = [
    "LEVELS",
    "MAP_CSS",
    "Country",
    "LegendEntry",
    "MapData",
    "activity_levels",
    "americas_svg",
    "map_data",
]
