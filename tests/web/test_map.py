"""The server-side map of the Americas, its data file, and the vendored front-end assets."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from veedor.web.map import LEVELS, MAP_CSS, activity_levels, americas_svg, map_data

REPO = Path(__file__).resolve().parents[2]
VENDOR = REPO / "src" / "veedor" / "web" / "static" / "vendor"
WORLD_ATLAS = REPO / "node_modules" / "world-atlas" / "countries-50m.json"
SVG = "{http://www.w3.org/2000/svg}"
NUMBER = r"-?(?:\d+\.?\d*|\.\d+)"
PATH_DATA = re.compile(rf"^(?:M{NUMBER},{NUMBER}l(?:[ ,]?{NUMBER}){{4,}}z)+$")

# package -> (browser build, global it defines); world-atlas is data for scripts/build_map.py.
BUILDS = {
    "htmx.org": ("htmx.min.js", "htmx"),
    "vega": ("vega.min.js", "vega"),
    "vega-lite": ("vega-lite.min.js", "vegaLite"),
    "vega-embed": ("vega-embed.min.js", "vegaEmbed"),
}


def absolute_points(d: str) -> list[tuple[float, float]]:
    """The points of path data written as an absolute move and relative lines per ring."""
    points: list[tuple[float, float]] = []
    for ring in re.findall(r"M[^z]*z", d):
        numbers = [float(n) for n in re.findall(NUMBER, ring)]
        assert len(numbers) % 2 == 0, ring[:60]
        x, y = numbers[0], numbers[1]
        points.append((x, y))
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
    return points


def parse(markup: str) -> ET.Element:
    return ET.fromstring(markup)


def links(root: ET.Element) -> dict[str, ET.Element]:
    """ISO3 -> the <a> wrapping that country's shape."""
    found = {}
    for a in root.iter(f"{SVG}a"):
        path = a.find(f"{SVG}path")
        assert path is not None
        found[path.attrib["data-iso3"]] = a
    return found


def paths(root: ET.Element) -> dict[str, ET.Element]:
    return {p.attrib["data-iso3"]: p for p in root.iter(f"{SVG}path")}


# --- the data file -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "iso3",
    [
        *("USA", "MEX", "GTM", "HND", "SLV", "COL", "VEN", "BRA", "ARG", "CHL", "HTI", "CUB"),
        *("CAN", "GRL", "PRI", "GUF", "MTQ", "GLP", "BES", "BRB", "KNA", "TTO", "FLK", "BMU"),
    ],
)
def test_data_file_has_the_country(iso3: str) -> None:
    country = map_data().countries[iso3]
    assert country.name
    assert PATH_DATA.match(country.d), country.d[:80]


def test_data_file_keeps_to_the_americas() -> None:
    codes = set(map_data().countries)
    assert not codes & {"FRA", "NLD", "GBR", "ESP", "RUS", "ISL", "NZL"}
    assert 50 <= len(codes) <= 60


def test_paths_lie_within_the_view_box() -> None:
    data = map_data()
    min_x, min_y, width, height = (float(v) for v in data.view_box.split())
    for iso3, country in data.countries.items():
        for x, y in absolute_points(country.d):
            assert min_x <= x <= min_x + width, iso3
            assert min_y <= y <= min_y + height, iso3
        if country.marker is not None:
            assert min_x <= country.marker[0] <= min_x + width, iso3


def test_north_is_up_and_west_is_left() -> None:
    def centre(iso3: str) -> tuple[float, float]:
        pts = absolute_points(map_data().countries[iso3].d)
        return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)

    assert centre("CAN")[1] < centre("USA")[1] < centre("MEX")[1] < centre("BRA")[1]
    assert centre("CHL")[1] > centre("PER")[1]
    assert centre("CHL")[0] < centre("BRA")[0]


def test_data_file_is_small_and_names_its_source() -> None:
    path = REPO / "src" / "veedor" / "data" / "americas.json"
    assert path.stat().st_size < 250_000
    source = json.loads(path.read_text(encoding="utf-8"))["source"]
    pinned = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["dependencies"]
    assert source == f"Natural Earth via world-atlas@{pinned['world-atlas']} (public domain)"


@pytest.mark.skipif(
    not WORLD_ATLAS.exists(), reason="node_modules missing: scripts/vendor-assets.sh"
)
def test_data_file_is_what_the_build_script_makes() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_map.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


# --- levels --------------------------------------------------------------------------------------


def test_no_activity_is_level_zero_everywhere() -> None:
    levels, legend = activity_levels({})
    assert set(levels.values()) == {0}
    assert [(e.level, e.low, e.high) for e in legend] == [(0, 0, 0)]


def test_levels_grow_on_a_log_scale() -> None:
    levels, legend = activity_levels({"USA": 100, "MEX": 40, "GTM": 10, "HND": 5, "SLV": 1})
    assert [(e.level, e.low, e.high) for e in legend] == [
        (0, 0, 0),
        (1, 1, 3),
        (2, 4, 6),
        (3, 7, 16),
        (4, 17, 40),
        (5, 41, 100),
    ]
    assert [levels[c] for c in ("SLV", "HND", "GTM", "MEX", "USA", "CAN")] == [1, 2, 3, 4, 5, 0]


@pytest.mark.parametrize(
    ("activity", "expected"),
    [
        ({"MEX": 1}, {"MEX": 5}),
        ({"MEX": 2, "GTM": 1}, {"MEX": 5, "GTM": 1}),
        ({"MEX": 3, "GTM": -4}, {"MEX": 5, "GTM": 0}),
    ],
)
def test_the_largest_count_is_always_the_darkest(
    activity: dict[str, int], expected: dict[str, int]
) -> None:
    levels, _ = activity_levels(activity)
    assert {c: levels[c] for c in expected} == expected


def test_codes_off_the_map_do_not_stretch_the_scale() -> None:
    levels, legend = activity_levels({"ESP": 1000, "XXX": 50, "MEX": 1})
    assert levels["MEX"] == LEVELS
    assert "ESP" not in levels
    assert legend[-1].high == 1


@given(st.dictionaries(st.sampled_from(["USA", "MEX", "GTM", "HTI", "BRA"]), st.integers(0, 10**6)))
def test_levels_follow_the_counts(activity: dict[str, int]) -> None:
    levels, legend = activity_levels(activity)
    ordered = sorted(activity.items(), key=lambda item: item[1])
    for (a, count_a), (b, count_b) in itertools.pairwise(ordered):
        assert levels[a] <= levels[b] or count_a == count_b
    for code, count in activity.items():
        assert (levels[code] == 0) == (count == 0)
        assert 0 <= levels[code] <= LEVELS
        entry = next(e for e in legend if e.level == levels[code])
        assert entry.low <= count <= entry.high
    assert len({e.level for e in legend}) == len(legend)


# --- the SVG -------------------------------------------------------------------------------------


def test_svg_is_accessible_xml_with_links_for_active_countries() -> None:
    activity = {"USA": 100, "MEX": 40, "GTM": 10, "HND": 5, "SLV": 1, "ESP": 7}
    root = parse(americas_svg(activity, title="Recommendations by country"))
    assert root.tag == "figure"
    svg = root.find(f"{SVG}svg")
    assert svg is not None
    assert svg.attrib["role"] == "group"  # its country links stay reachable
    assert svg.attrib["viewBox"] == map_data().view_box
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and title.text == "Recommendations by country"
    assert desc is not None and desc.text
    assert svg.attrib["aria-labelledby"] == title.attrib["id"]
    assert svg.attrib["aria-describedby"] == desc.attrib["id"]

    linked = links(root)
    assert set(linked) == {"USA", "MEX", "GTM", "HND", "SLV"}
    assert linked["GTM"].attrib["href"] == "/countries/GTM"
    shapes = paths(root)
    assert set(shapes) == set(map_data().countries)
    assert shapes["USA"].attrib["class"] == "country level-5"
    assert shapes["SLV"].attrib["class"] == "country level-1"
    assert shapes["BRA"].attrib["class"] == "country level-0"
    usa_title = shapes["USA"].find(f"{SVG}title")
    assert usa_title is not None and usa_title.text == "United States: 100"
    brazil_title = shapes["BRA"].find(f"{SVG}title")
    assert brazil_title is not None and brazil_title.text == "Brazil: 0"


def test_small_active_countries_get_a_marker() -> None:
    root = parse(americas_svg({"BRB": 2, "BRA": 3}, title="Map"))
    barbados = links(root)["BRB"]
    marker = barbados.find(f"{SVG}circle")
    assert marker is not None and marker.attrib["class"] == "marker level-3"
    assert links(root)["BRA"].find(f"{SVG}circle") is None


def test_legends_list_the_levels_and_the_countries() -> None:
    root = parse(americas_svg({"USA": 100, "HTI": 2}, title="Map", none_label="Ninguna"))
    legend = root.find(".//ul[@class='map-legend']")
    assert legend is not None
    texts = ["".join(li.itertext()) for li in legend.findall("li")]
    assert texts[:2] == ["Activity", "Ninguna"]
    assert texts[-1] == "41–100"
    swatch = legend.find("li/span")
    assert swatch is not None and swatch.attrib["class"] == "swatch level-0"
    rows = [
        [td.text for td in tr] for tr in root.iterfind(".//div[@class='visually-hidden']//tbody/tr")
    ]
    assert rows == [["United States", "100"], ["Haiti", "2"]]


def test_href_and_label_can_be_functions() -> None:
    root = parse(
        americas_svg(
            {"CHL": 3},
            title="Mapa",
            href=lambda iso3: f"/paises/{iso3.lower()}?lang=es&ver=1",
            label=lambda iso3, name, n: f"{iso3} — {name} ({n} recomendaciones)",
        )
    )
    chile = links(root)["CHL"]
    assert chile.attrib["href"] == "/paises/chl?lang=es&ver=1"
    shape = paths(root)["CHL"].find(f"{SVG}title")
    assert shape is not None and shape.text == "CHL — Chile (3 recomendaciones)"


def test_text_is_escaped() -> None:
    nasty = '<script>alert("x")</script> & co'
    markup = americas_svg(
        {"CUB": 1},
        title=nasty,
        desc=nasty,
        label=lambda iso3, name, n: nasty,
        href="/c/{iso3}?q=\"'><script>",
    )
    assert "<script>" not in markup
    root = parse(markup)
    svg_title = root.find(f"{SVG}svg/{SVG}title")
    assert svg_title is not None and svg_title.text == nasty
    assert links(root)["CUB"].attrib["href"] == "/c/CUB?q=\"'><script>"


def test_several_maps_on_a_page_have_their_own_ids() -> None:
    first = parse(americas_svg({}, title="A", id_prefix="map-a"))
    second = parse(americas_svg({}, title="B", id_prefix="map-b"))
    ids = {e.attrib["id"] for root in (first, second) for e in root.iter() if "id" in e.attrib}
    assert len(ids) == 6


def test_stylesheet_colours_every_level() -> None:
    for level in range(LEVELS + 1):
        assert f".level-{level} {{ --map-fill: #" in MAP_CSS


# --- vendored front-end assets -------------------------------------------------------------------


def vendored_versions() -> dict[str, tuple[str, str, list[str]]]:
    """package -> (version, licence, files) from VERSIONS.txt."""
    found = {}
    for line in (VENDOR / "VERSIONS.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            spec, licence, *files = line.split()
            name, _, version = spec.rpartition("@")
            found[name] = (version, licence, files)
    return found


def test_versions_file_matches_the_pins() -> None:
    package = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    pins = package["dependencies"]
    assert package["private"] is True
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", v) for v in pins.values()), pins
    assert {name: v[0] for name, v in vendored_versions().items()} == pins
    for name, version in pins.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
    assert pins["htmx.org"].startswith("2.")


def test_vendored_files_exist_with_their_licences() -> None:
    for name, (_, licence, files) in vendored_versions().items():
        assert licence
        assert f"{name}.LICENSE.txt" in files
        for file in files:
            assert (VENDOR / file).stat().st_size > 0, file
    assert "==== d3-scale@" in (VENDOR / "THIRD-PARTY-LICENSES.txt").read_text(encoding="utf-8")
    for file, global_name in BUILDS.values():
        head = (VENDOR / file).read_text(encoding="utf-8")[:600]
        # UMD or IIFE builds: a plain <script> tag defines the global.
        assert re.search(rf"(var {global_name}=|\.{global_name}=)", head), file


def test_node_modules_is_ignored() -> None:
    assert "node_modules/" in (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()


CHROMIUM = shutil.which("chromium")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium missing: make system-deps")
def test_a_browser_gets_the_globals_and_the_map(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    scripts = "".join(
        f'<script src="{(VENDOR / f).as_uri()}"></script>' for f, _ in BUILDS.values()
    )
    svg = americas_svg({"USA": 9, "BRB": 1, "KNA": 2}, title="Map")
    page_file = tmp_path / "map.html"
    page_file.write_text(
        f"<!doctype html><meta charset=utf-8><style>{MAP_CSS}</style>{scripts}"
        f'<div style="width:650px">{svg}</div><div id="vis"></div>',
        encoding="utf-8",
    )
    spec = {
        "data": {"values": [{"a": "x", "b": 1}, {"a": "y", "b": 2}]},
        "mark": "bar",
        "encoding": {"x": {"field": "a"}, "y": {"field": "b", "type": "quantitative"}},
    }
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1400})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(page_file.as_uri())
            kinds = page.evaluate(
                "[typeof htmx, typeof vega, typeof vegaLite, typeof vegaEmbed, htmx.version]"
            )
            assert kinds == [
                "object",
                "object",
                "object",
                "function",
                vendored_versions()["htmx.org"][0],
            ]
            bars = page.evaluate(
                "async (spec) => { await vegaEmbed('#vis', spec, {renderer: 'svg', actions: false});"
                " return document.querySelectorAll('#vis .mark-rect path').length; }",
                spec,
            )
            assert bars == 2
            # Every link is drawn with a clickable area, the tiny islands' markers included.
            for iso3 in ("USA", "BRB", "KNA"):
                box = page.locator(f'a:has(path[data-iso3="{iso3}"])').bounding_box()
                assert box is not None and box["width"] >= 7 and box["height"] >= 7, iso3
            assert errors == []
        finally:
            browser.close()
