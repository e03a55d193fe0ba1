"""Build ``src/veedor/data/americas.json``, the outlines behind the server-side map of the Americas.

Reads world-atlas's Natural Earth TopoJSON from ``node_modules`` (``scripts/vendor-assets.sh``
installs it), decodes the arcs, keeps the countries and territories of the Americas, projects
them, simplifies them and writes one SVG path per ISO 3166-1 alpha-3 code. The web app only reads
the JSON file, so nothing here runs at request time and node is never needed at run time.

    .venv/bin/python scripts/build_map.py           # rewrite the data file
    .venv/bin/python scripts/build_map.py --check   # exit 1 if the committed file is stale

Choices, and why:

* Lambert azimuthal equal-area centred on the middle of the hemisphere: areas compare honestly
  (a choropleth invites comparing areas), and Canada and Greenland are not blown up as on a
  Mercator or Miller map, so no clipping at 75°N is needed.
* Simplification is per arc (Douglas–Peucker), before rings are assembled: an arc is shared by
  the two countries on either side of a border, so both get the same simplified border and no
  slivers or gaps open between neighbours.
* Natural Earth folds French Guiana, Martinique and Guadeloupe into France, and Bonaire, Sint
  Eustatius and Saba into the Netherlands; their American polygons are split out under their own
  ISO codes. Hawaii and the Aleutians west of the antimeridian are left out: they are not part of
  the Americas picture and would stretch it across the Pacific.
* Coordinates are rounded to a tenth of a unit on a 1000-unit-wide view box (about 1 km), and
  written relative to the previous point, which keeps the file small. Islets under
  ``MIN_AREA`` are dropped, except that a country always keeps its largest polygon; very small
  countries also get a ``marker`` point so the map can draw a clickable dot over them.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry

from veedor.vocab import load_json

ROOT = Path(__file__).resolve().parent.parent
TOPOLOGY = ROOT / "node_modules" / "world-atlas" / "countries-50m.json"
OUTPUT = ROOT / "src" / "veedor" / "data" / "americas.json"

Point = tuple[float, float]
Ring = list[Point]
IntRing = list[tuple[int, int]]

# Countries and territories of the Americas present in Natural Earth's admin-0 layer as their own
# feature, from Greenland and Canada to Tierra del Fuego, the Falklands and South Georgia.
AMERICAS = frozenset(
    {
        # North America
        "CAN", "USA", "MEX", "GRL", "BMU", "SPM",
        # Central America
        "GTM", "BLZ", "SLV", "HND", "NIC", "CRI", "PAN",
        # Caribbean
        "CUB", "JAM", "HTI", "DOM", "PRI", "BHS", "TCA", "CYM", "VIR", "VGB", "AIA", "MSR",
        "KNA", "ATG", "DMA", "LCA", "VCT", "GRD", "BRB", "TTO", "ABW", "CUW", "SXM", "MAF",
        "BLM",
        # South America
        "COL", "VEN", "GUY", "SUR", "ECU", "PER", "BOL", "BRA", "PRY", "URY", "ARG", "CHL",
        "FLK", "SGS",
    }
)  # fmt: skip

# (lon_min, lon_max, lat_min, lat_max) boxes, tested against a polygon's mean point.
Box = tuple[float, float, float, float]

# Overseas parts of a European state that have their own ISO code.
SPLIT: dict[str, tuple[tuple[str, Box], ...]] = {
    "FRA": (
        ("GUF", (-55.0, -51.0, 1.0, 7.0)),
        ("MTQ", (-61.5, -60.5, 14.0, 15.0)),
        ("GLP", (-62.0, -60.9, 15.7, 16.7)),
    ),
    "NLD": (("BES", (-69.0, -62.5, 11.5, 18.0)),),
}

# Kept polygons must lie in this window (mean point); this drops the Aleutians beyond 180°.
WINDOW: Box = (-180.0, -10.0, -62.0, 85.0)
# ...and outside these boxes.
EXCLUDE: tuple[Box, ...] = ((-162.0, -154.0, 18.0, 23.0),)  # Hawaii

# Projection centre: the middle of the Americas, so distortion is least where most countries are.
CENTRE_LON = -80.0
CENTRE_LAT = 12.0

WIDTH = 1000.0  # view box width, units
PADDING = 4.0  # units around the drawing
TOLERANCE = 0.3  # Douglas–Peucker tolerance, units (about 0.2 px at 650 px wide)
MIN_AREA = 0.6  # square units (about 60 km²): smaller islets are left out
MARKER_SIZE = 6.0  # units: a country whose outline fits in this square gets a marker point
SCALE = 10  # coordinates are written in tenths of a unit


@dataclass(frozen=True)
class Feature:
    iso3: str
    polygons: list[list[list[int]]]  # polygon -> ring -> arc indices (~i means arc i reversed)


def decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """Absolute longitude/latitude points of every arc of a quantized TopoJSON topology."""
    (kx, ky), (dx, dy) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: Ring = []
        for qx, qy in arc:  # delta-encoded quantized positions
            x += qx
            y += qy
            points.append((x * kx + dx, y * ky + dy))
        arcs.append(points)
    return arcs


def ring_points(arc_indices: Sequence[int], arcs: Mapping[int, Ring] | Sequence[Ring]) -> Ring:
    """Join the arcs of a ring; each arc starts where the previous one ends."""
    points: Ring = []
    for index in arc_indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def mean_point(points: Sequence[Point]) -> Point:
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def in_box(point: Point, box: Box) -> bool:
    return box[0] <= point[0] <= box[1] and box[2] <= point[1] <= box[3]


def alpha3(numeric: str) -> str | None:
    country = pycountry.countries.get(numeric=numeric)
    return None if country is None else str(country.alpha_3)


def americas_features(topology: dict[str, Any], arcs: Sequence[Ring]) -> list[Feature]:
    """The polygons of each country or territory of the Americas, split and filtered."""
    by_code: dict[str, list[list[list[int]]]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = alpha3(geometry["id"]) if "id" in geometry else None
        if code is None or (code not in AMERICAS and code not in SPLIT):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            centre = mean_point(ring_points(polygon[0], arcs))
            if not in_box(centre, WINDOW) or any(in_box(centre, box) for box in EXCLUDE):
                continue
            target = code if code in AMERICAS else None
            for part, box in SPLIT.get(code, ()):
                if in_box(centre, box):
                    target = part
            if target is not None:
                by_code.setdefault(target, []).append(polygon)
    return [Feature(code, polygons) for code, polygons in sorted(by_code.items())]


def project(lon: float, lat: float) -> Point:
    """Lambert azimuthal equal-area on the unit sphere; y grows northwards."""
    lam = math.radians(lon - CENTRE_LON)
    phi, phi0 = math.radians(lat), math.radians(CENTRE_LAT)
    cos_c = math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam)
    k = math.sqrt(2.0 / (1.0 + cos_c))
    x = k * math.cos(phi) * math.sin(lam)
    y = k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam))
    return x, y


def simplify(points: Sequence[Point], tolerance: float) -> Ring:
    """Douglas–Peucker, keeping both ends; a closed arc is split at its farthest point first."""
    if len(points) < 3:
        return list(points)
    if points[0] == points[-1]:
        start = points[0]
        far = max(range(1, len(points) - 1), key=lambda i: _dist2(points[i], start))
        head = simplify(points[: far + 1], tolerance)
        return head[:-1] + simplify(points[far:], tolerance)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    limit = tolerance * tolerance
    while stack:
        first, last = stack.pop()
        best, best_d = -1, limit
        for i in range(first + 1, last):
            d = _segment_dist2(points[i], points[first], points[last])
            if d > best_d:
                best, best_d = i, d
        if best >= 0:
            keep[best] = True
            stack.extend(((first, best), (best, last)))
    return [p for p, k in zip(points, keep, strict=True) if k]


def _dist2(a: Point, b: Point) -> float:
    return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2


def _segment_dist2(p: Point, a: Point, b: Point) -> float:
    length2 = _dist2(a, b)
    if length2 == 0.0:
        return _dist2(p, a)
    along = ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / length2
    t = max(0.0, min(1.0, along))
    return _dist2(p, (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))


def clean_ring(points: Iterable[Point]) -> IntRing:
    """Round to tenths of a unit and drop repeated points and the closing point."""
    ring: IntRing = []
    for x, y in points:
        point = (round(x * SCALE), round(y * SCALE))
        if not ring or ring[-1] != point:
            ring.append(point)
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    return ring


def area(ring: IntRing) -> float:
    """Unsigned area in square units."""
    twice = sum(
        x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)
    )
    return abs(twice) / 2 / SCALE**2


def _number(tenths: int) -> str:
    text = f"{tenths / SCALE:.1f}".rstrip("0").rstrip(".")
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def path_data(polygons: Sequence[Sequence[IntRing]]) -> str:
    """SVG path data: an absolute move, then relative lines, for every ring."""
    parts: list[str] = []
    for polygon in polygons:
        for ring in polygon:
            x, y = ring[0]
            out = [f"M{_number(x)},{_number(y)}l"]
            for index, (nx, ny) in enumerate(ring[1:]):
                dx, dy = _number(nx - x), _number(ny - y)
                sep = "" if index == 0 or dx.startswith("-") else " "
                out.append(f"{sep}{dx}{dy if dy.startswith('-') else ',' + dy}")
                x, y = nx, ny
            out.append("z")
            parts.append("".join(out))
    return "".join(parts)


def country_names() -> dict[str, str]:
    """Display names: the project's country vocabulary first, pycountry for the rest."""
    vocabulary = load_json("countries.json")["countries"]
    return {entry["iso3"]: entry["names"]["en"][0] for entry in vocabulary}


def display_name(code: str, names: dict[str, str]) -> str:
    if code in names:
        return names[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        raise ValueError(f"no name for {code}: add it to src/veedor/data/countries.json")
    return str(getattr(country, "common_name", None) or country.name)


def build(topology: dict[str, Any], source: str) -> dict[str, Any]:
    """The data file's content, deterministic for a given topology."""
    arcs = decode_arcs(topology)
    features = americas_features(topology, arcs)
    used = {i if i >= 0 else ~i for f in features for p in f.polygons for r in p for i in r}
    projected = {i: [project(lon, lat) for lon, lat in arcs[i]] for i in sorted(used)}

    xs = [x for i in used for x, _ in projected[i]]
    ys = [y for i in used for _, y in projected[i]]
    scale = (WIDTH - 2 * PADDING) / (max(xs) - min(xs))
    height = (max(ys) - min(ys)) * scale + 2 * PADDING
    left, top = min(xs), max(ys)

    def to_view(point: Point) -> Point:  # SVG y grows downwards
        return ((point[0] - left) * scale + PADDING, (top - point[1]) * scale + PADDING)

    in_view = {i: [to_view(p) for p in points] for i, points in projected.items()}
    simplified = {i: simplify(points, TOLERANCE) for i, points in in_view.items()}
    names = country_names()

    countries: dict[str, dict[str, Any]] = {}
    for feature in features:
        kept: list[list[IntRing]] = []
        largest: tuple[float, list[IntRing]] = (-1.0, [])
        for polygon in feature.polygons:
            rings = [clean_ring(ring_points(r, simplified)) for r in polygon]
            outer = rings[0]
            if len(outer) < 3:  # collapsed by simplification: fall back to the full outline
                outer = clean_ring(ring_points(polygon[0], in_view))
            rings = [outer] + [r for r in rings[1:] if len(r) >= 3 and area(r) >= MIN_AREA]
            size = area(outer) if len(outer) >= 3 else 0.0
            if size >= MIN_AREA:
                kept.append(rings)
            if size > largest[0] and len(outer) >= 3:
                largest = (size, rings)
        if not kept and largest[1]:
            kept.append(largest[1])
        if not kept:
            raise ValueError(f"{feature.iso3} has no drawable polygon")
        entry: dict[str, Any] = {"name": display_name(feature.iso3, names), "d": path_data(kept)}
        points = [p for polygon in kept for p in polygon[0]]
        px = [p[0] / SCALE for p in points]
        py = [p[1] / SCALE for p in points]
        if max(px) - min(px) <= MARKER_SIZE and max(py) - min(py) <= MARKER_SIZE:
            entry["marker"] = [
                round((max(px) + min(px)) / 2, 1),
                round((max(py) + min(py)) / 2, 1),
            ]
        countries[feature.iso3] = entry

    return {
        "viewBox": f"0 0 {WIDTH:g} {round(height, 1):g}",
        "source": source,
        "projection": f"Lambert azimuthal equal-area centred on {CENTRE_LON:g}, {CENTRE_LAT:g}",
        "countries": countries,
    }


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def world_atlas_version(topology_path: Path) -> str:
    package = json.loads((topology_path.parent / "package.json").read_text(encoding="utf-8"))
    return str(package["version"])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--topology", type=Path, default=TOPOLOGY, help="world-atlas TopoJSON")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="data file to write")
    parser.add_argument(
        "--check", action="store_true", help="regenerate in memory; fail if the file differs"
    )
    args = parser.parse_args(argv)

    if not args.topology.exists():
        print(f"{args.topology} is missing: run scripts/vendor-assets.sh first", file=sys.stderr)
        return 2
    topology = json.loads(args.topology.read_text(encoding="utf-8"))
    version = world_atlas_version(args.topology)
    text = render(build(topology, f"Natural Earth via world-atlas@{version} (public domain)"))

    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale: run scripts/build_map.py", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({len(text.encode()) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
