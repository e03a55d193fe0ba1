"""The web app in a real browser (headless Chromium through Playwright) against a live server:
an editor's journey from sign-in to a status change, languages, charts, phone width and the
keyboard. Every page visited is saved to ``test-artifacts/web/NAME.png``."""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from tests.api.test_api import ASKS_DOC, NEWS_DOC
from tests.web.test_pages import EDITOR, PASSWORD, build_corpus
from veedor.api.app import create_app
from veedor.config import Settings
from veedor.store import Store, open_store
from veedor.web.i18n import catalog

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not CHROMIUM.exists():
    if os.environ.get("VEEDOR_REQUIRE_BROWSER") == "1":
        raise RuntimeError(
            f"VEEDOR_REQUIRE_BROWSER=1 but {CHROMIUM} is missing; run make system-deps"
        )
    pytest.skip(
        f"{CHROMIUM} is missing (make system-deps installs it); browser tests skipped",
        allow_module_level=True,
    )

from playwright.sync_api import (  # noqa: E402
    Browser,
    BrowserContext,
    Page,
    StorageState,
    sync_playwright,
)


@dataclass
class Live:
    url: str
    store: Store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """uvicorn in a background thread over a fresh SQLite database with the sample corpus."""
    path = tmp_path_factory.mktemp("browser") / "live.db"
    url = f"sqlite:///{path}"
    store = open_store(url)
    build_corpus(store)
    app = create_app(Settings(database_url=url), store=store)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield Live(f"http://127.0.0.1:{port}", store)
    server.should_exit = True
    thread.join(timeout=10)
    store.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


@dataclass
class Problems:
    """What went wrong in the browser: console errors, page errors, failed requests."""

    seen: list[str] = field(default_factory=list)

    def watch(self, page: Page) -> Page:
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.seen.append(f"page error: {exc}"))
        page.on(
            "requestfailed",
            lambda r: self.seen.append(f"request failed: {r.method} {r.url} {r.failure}"),
        )
        page.on("response", self._response)
        return page

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.seen.append(f"console error: {message.text} at {message.location}")

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.seen.append(f"HTTP {response.status}: {response.url}")


@pytest.fixture(scope="module")
def editor_state(browser: Browser, live: Live) -> StorageState:
    """A signed-in editor's cookies, for the tests that are not about signing in."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live.url}/login")
    page.fill("#email", EDITOR)
    page.fill("#password", PASSWORD)
    page.click("form.login button[type=submit]")
    page.wait_for_url(f"{live.url}/", wait_until="domcontentloaded")
    state = context.storage_state()
    context.close()
    return state


@pytest.fixture
def problems() -> Iterator[Problems]:
    found = Problems()
    yield found
    assert found.seen == [], "\n".join(found.seen)


@pytest.fixture
def context(browser: Browser, editor_state: StorageState) -> Iterator[BrowserContext]:
    ctx = browser.new_context(storage_state=editor_state)
    ctx.set_default_timeout(30_000)
    yield ctx
    ctx.close()


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def hits(page: Page) -> list[str]:
    return page.locator("li.hit .hit-text").all_inner_texts()


# --- the editor's journey -------------------------------------------------------------------


def test_editor_journey(browser: Browser, live: Live, problems: Problems, tmp_path: Path) -> None:
    context = browser.new_context()
    context.set_default_timeout(30_000)
    page = problems.watch(context.new_page())
    base = live.url

    # Sign in: a reader without a login is sent to the form and comes back afterwards.
    page.goto(f"{base}/upload")
    assert page.url.startswith(f"{base}/login?next=")
    shot(page, "login")
    page.fill("#email", EDITOR)
    page.fill("#password", PASSWORD)
    page.click("form.login button[type=submit]")
    page.wait_for_url(f"{base}/upload", wait_until="domcontentloaded")
    assert page.locator(".who").inner_text().startswith(EDITOR)

    # Upload two documents; the script shows each file's progress and result.
    first, second = tmp_path / "hrw-statement.txt", tmp_path / "wola-update.txt"
    first.write_text(ASKS_DOC, encoding="utf-8")
    second.write_text(NEWS_DOC, encoding="utf-8")
    page.set_input_files("#files", [str(first), str(second)])
    page.click("#upload-form button[type=submit]")
    done = page.locator("#upload-progress li.result-ingested")
    done.nth(1).wait_for()
    assert done.count() == 2
    assert page.url == f"{base}/upload", "the script uploads without leaving the page"
    assert "hrw-statement.txt" in done.nth(0).inner_text()
    shot(page, "upload")

    # The uploaded document, its extracted items highlighted in the text.
    done.nth(0).locator("a").click()
    page.wait_for_url(re.compile(r".*/documents/\d+$"))
    document_id = int(page.url.rsplit("/", 1)[1])
    highlighted = page.locator("article.doc-text a.item-recommendation")
    assert highlighted.count() == 2
    highlighted.first.click()
    target = page.evaluate(
        "document.querySelector(':target') && document.querySelector(':target').id"
    )
    assert target and f"#{target}" == highlighted.first.get_attribute("href")
    assert "detention of families" in page.locator(f"#{target}").inner_text()
    shot(page, "document")
    ask_href = page.locator(f"#{target} a[href^='/asks/']").get_attribute("href")
    assert ask_href

    # Search with facets; the address is shareable: reloading it shows the same results.
    page.goto(f"{base}/search?q=asylum")
    everything = hits(page)
    assert everything
    page.locator("a[data-facet='country']").first.click()
    page.wait_for_url(re.compile(r".*country=.*"))
    by_country = hits(page)
    assert by_country and len(by_country) <= len(everything)
    page.locator("a[data-facet='theme']").first.click()
    page.wait_for_url(re.compile(r".*theme=.*"))
    shared = page.url
    assert "country=" in shared and "q=asylum" in shared
    narrowed = hits(page)
    assert narrowed
    page.reload()
    assert page.url == shared and hits(page) == narrowed
    shot(page, "search")

    # Open the ask and change its status, quoting the news document as evidence.
    page.goto(base + ask_href)
    assert page.locator("ol.history").count() == 0
    shot(page, "ask-before")
    news_id = document_id + 1
    quote = "the administration ended the detention of families with children"
    page.select_option("#status", "met")
    page.fill("#effective_date", "2025-05-20")
    page.fill("#document_id", str(news_id))
    page.fill("#quote", quote)
    page.fill("#note", "Announced in the monthly update.")
    page.click(".status-form button[type=submit]")
    page.wait_for_url(re.compile(r".*notice=status\.saved.*"))
    record = page.locator("ol.history > li")
    assert record.count() == 1
    assert quote in record.inner_text() and "2025-05-20" in record.inner_text()
    assert page.locator("p.notice").is_visible()
    shot(page, "ask-after")
    record.locator("a[href*='#passage']").click()
    page.wait_for_url(re.compile(rf".*/documents/{news_id}\?hl=\d+-\d+#passage"))
    assert quote in page.locator("mark.passage").first.inner_text()
    shot(page, "evidence")
    context.close()


# --- languages, charts, phone width, keyboard ------------------------------------------------


def test_switch_to_spanish_and_back(
    context: BrowserContext, live: Live, problems: Problems
) -> None:
    page = problems.watch(context.new_page())
    page.goto(f"{live.url}/asks")
    page.click("a[data-lang='es']")
    page.wait_for_url(re.compile(r".*lang=es"))
    assert page.get_attribute("html", "lang") == "es"
    es = catalog("es")
    assert page.locator("h1").inner_text() == es["asks.title"]
    shot(page, "asks-es")
    # The choice is remembered on the next page.
    page.click("nav.main-nav a[href='/documents']")
    page.wait_for_url(f"{live.url}/documents")
    assert page.get_attribute("html", "lang") == "es"
    assert page.locator(".skip").inner_text() == es["nav.skip"]
    page.click("a[data-lang='en']")
    page.wait_for_url(re.compile(r".*lang=en"))
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator(".skip").inner_text() == catalog("en")["nav.skip"]


def test_charts_render_as_svg(context: BrowserContext, live: Live, problems: Problems) -> None:
    page = problems.watch(context.new_page())
    for path, name in (("/", "overview"), ("/commitments", "commitments")):
        page.goto(live.url + path)
        page.locator(".vega svg").first.wait_for()
        drawn = page.locator(".vega svg")
        assert drawn.count() >= 2, path
        assert page.locator(".vega svg .mark-rect path, .vega svg .mark-rect rect").count() > 0
        shot(page, name)
    page.goto(f"{live.url}/figures")
    page.locator("a[href^='/figures?series=']").first.click()
    page.locator(".vega svg").first.wait_for()
    shot(page, "figures")


MAIN_PAGES = {
    "/": "overview",
    "/search?q=asylum": "search",
    "/asks": "asks",
    "/asks/1": "ask",
    "/documents": "documents",
    "/documents/1": "document",
    "/countries": "countries",
    "/countries/MEX": "country",
    "/themes": "themes",
    "/publishers": "publishers",
    "/commitments": "commitments",
    "/figures": "figures",
    "/review": "review",
    "/upload": "upload",
}


def test_phone_width_has_no_horizontal_overflow(
    browser: Browser, editor_state: StorageState, live: Live, problems: Problems
) -> None:
    ctx = browser.new_context(
        storage_state=editor_state,
        viewport={"width": 390, "height": 844},
        device_scale_factor=1,
        is_mobile=True,
        has_touch=True,
    )
    page = problems.watch(ctx.new_page())
    wide = {}
    for path, name in MAIN_PAGES.items():
        page.goto(live.url + path)
        page.wait_for_load_state("load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide[path] = width
        shot(page, f"phone-{name}")
    ctx.close()
    assert wide == {}, f"wider than the 390px screen: {wide}"


def test_tab_reaches_the_skip_link_first(
    context: BrowserContext, live: Live, problems: Problems
) -> None:
    page = problems.watch(context.new_page())
    page.goto(f"{live.url}/asks")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "[document.activeElement.className, document.activeElement.getAttribute('href')]"
    )
    assert focused == ["skip", "#main"]
    box = page.locator(".skip").bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0, "the skip link shows on focus"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    assert page.evaluate("document.activeElement.id") == "main"


AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
# What axe-core calls serious or critical: missing labels and names, contrast below WCAG AA,
# broken ARIA, keyboard traps. Minor and moderate findings are reported, not failed.
BLOCKING = ("serious", "critical")


def test_pages_pass_an_accessibility_audit(
    context: BrowserContext, live: Live, problems: Problems
) -> None:
    """axe-core (vendored for the tests, MPL-2.0) audits every main page, signed in as an
    editor so the forms are on the page too, in English and in Spanish."""
    page = problems.watch(context.new_page())
    failures: dict[str, list[str]] = {}
    for path in [*MAIN_PAGES, "/report", "/searches", "/?lang=es", "/asks/1?lang=es"]:
        page.goto(live.url + path)
        page.wait_for_load_state("load")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
            " target: v.nodes[0].target.join(' ')}))"
        )
        bad = [
            f"{v['id']} ×{v['nodes']} ({v['target']})" for v in result if v["impact"] in BLOCKING
        ]
        if bad:
            failures[path] = bad
    assert failures == {}, failures
