"""The web pages in-process: every reading page on the sample corpus, who may read and write,
the editors' forms end to end, the interface strings and static accessibility checks."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from tests.api.test_api import ASKS_DOC, NEWS_DOC
from veedor.api.app import create_app
from veedor.auth import add_user
from veedor.config import Settings, load_settings
from veedor.ingest import IngestOptions
from veedor.ingest.pipeline import ingest_paths
from veedor.samples import sample_dir
from veedor.store import Store, open_store
from veedor.store.models import (
    ApiTokenRow,
    AuditRow,
    DocumentRow,
    ItemRow,
    StatusRecordRow,
    SuggestionRow,
)
from veedor.track.corrections import find_passage
from veedor.track.status import statuses
from veedor.vocab import theme_keys
from veedor.web import WEB_DIR
from veedor.web.i18n import catalog, languages
from veedor.web.session import COOKIE

PASSWORD = "correct horse battery"
EDITOR = "editor@example.org"
VIEWER = "viewer@example.org"
CSRF_RE = re.compile(r'name="csrf" value="([0-9a-f]+)"')


def build_corpus(store: Store) -> None:
    """The bundled sample corpus and two users, the way ``veedor demo`` and ``user add`` do."""
    report = ingest_paths(store, [sample_dir()], options=IngestOptions())
    assert report.ok and report.count("ingested") >= 10
    with store.session() as session:
        add_user(session, EDITOR, PASSWORD, role="editor")
        add_user(session, VIEWER, PASSWORD, role="viewer")


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the sample corpus, built once and copied for each test."""
    path = tmp_path_factory.mktemp("web-corpus") / "corpus.db"
    store = open_store(f"sqlite:///{path}")
    build_corpus(store)
    store.dispose()
    return path


@dataclass
class Site:
    store: Store
    url: str
    clients: list[TestClient] = field(default_factory=list)

    def client(self, *, public: bool = False) -> TestClient:
        app = create_app(Settings(database_url=self.url, public=public), store=self.store)
        client = TestClient(app, follow_redirects=False)
        client.__enter__()
        self.clients.append(client)
        return client

    def scalar(self, statement: Any) -> Any:
        with self.store.session() as session:
            return session.scalar(statement)

    def rows(self, statement: Any) -> list[Any]:
        with self.store.session() as session:
            rows = list(session.scalars(statement))
            session.expunge_all()
            return rows


@pytest.fixture
def site(corpus_db: Path, tmp_path: Path) -> Iterator[Site]:
    path = tmp_path / "site.db"
    shutil.copy(corpus_db, path)
    url = f"sqlite:///{path}"
    yield from _site(open_store(url), url)


def _site(store: Store, url: str) -> Iterator[Site]:
    s = Site(store, url)
    yield s
    for client in s.clients:
        client.__exit__(None, None, None)
    store.dispose()


@pytest.fixture
def pg_site(pg_schema_url: str) -> Iterator[Site]:
    store = open_store(pg_schema_url)
    build_corpus(store)
    yield from _site(store, pg_schema_url)


def login(client: TestClient, email: str = EDITOR) -> str:
    """Sign in through the form; the CSRF token of the new session."""
    response = client.post("/login", data={"email": email, "password": PASSWORD, "next": "/asks"})
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/asks"
    assert COOKIE in response.cookies
    return csrf_of(client.get("/upload").text)


def csrf_of(page: str) -> str:
    found = CSRF_RE.search(page)
    assert found, "no CSRF token in the page"
    return found.group(1)


def follow(client: TestClient, response: Any) -> Any:
    assert response.status_code == 303, response.text
    return client.get(response.headers["location"])


def tree(text: str) -> Any:
    return lxml.html.document_fromstring(text)


@dataclass(frozen=True)
class Ids:
    ask: int
    item: int
    document: int
    start: int
    end: int
    publisher: str
    series: str


def ids(site: Site, client: TestClient) -> Ids:
    with site.store.session() as session:
        item = session.scalars(
            select(ItemRow).where(ItemRow.ask_id.is_not(None)).order_by(ItemRow.id)
        ).first()
        assert item is not None and item.ask_id is not None
        publisher = session.scalar(
            select(DocumentRow.publisher)
            .where(DocumentRow.publisher.is_not(None))
            .order_by(DocumentRow.id)
        )
        assert publisher
        found = Ids(item.ask_id, item.id, item.document_id, item.start, item.end, publisher, "")
    figures = tree(client.get("/figures").text)
    links = figures.xpath("//a[starts-with(@href, '/figures?series=')]/@href")
    assert links, "the sample corpus has figure series"
    return Ids(**{**found.__dict__, "series": links[0]})


# --- reading pages ----------------------------------------------------------------------------


def reading_pages(i: Ids) -> dict[str, str]:
    """Each reading page and a string it must show."""
    return {
        "/": "What was asked, what was promised, what happened",
        "/search?q=asylum": "asylum",
        "/search?q=asylum&country=MEX&kind=recommendation": "Mexico",
        "/search?theme=migration-asylum": "Migration",
        "/search?mode=similar&q=restore+access+to+asylum": "similar recommendations",
        "/asks": "Asks",
        f"/asks/{i.ask}": "Status history",
        "/documents": "10 documents",
        f"/documents/{i.document}?hl={i.start}-{i.end}": 'id="passage"',
        "/countries": "Mexico",
        "/countries/MEX": "Mexico",
        "/themes": "/themes/migration-asylum",
        "/themes/migration-asylum": "Migration",
        "/publishers": i.publisher,
        f"/publishers/{i.publisher}": i.publisher,
        "/commitments": "Commitments",
        "/figures": "Figures",
        i.series: "<table",
        "/review": "Review queue",
        "/upload": "Upload documents",
        "/login": 'name="password"',
    }


def test_every_reading_page_answers_with_content(site: Site) -> None:
    client = site.client()
    login(client, VIEWER)
    i = ids(site, client)
    for path, expected in reading_pages(i).items():
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        assert response.headers["content-type"].startswith("text/html")
        assert expected in response.text, (path, expected)
        page = tree(response.text)
        assert len(page.xpath("//h1")) == 1, path
        assert page.xpath("//html/@lang") == ["en"]


def test_search_results_follow_the_facets(site: Site) -> None:
    client = site.client(public=True)
    everything = tree(client.get("/search?q=asylum").text)
    mexico = tree(client.get("/search?q=asylum&country=MEX").text)
    assert len(mexico.xpath("//li[contains(@class, 'hit ')]")) < len(
        everything.xpath("//li[contains(@class, 'hit ')]")
    )
    # The active filter is shown and can be removed; the facet links keep the query.
    removes = mexico.xpath("//a[@class='remove']/@href")
    assert removes == ["/search?q=asylum"]
    facet_links = mexico.xpath("//a[@data-facet='kind']/@href")
    assert facet_links and all("q=asylum" in h and "country=MEX" in h for h in facet_links)
    # Semantic mode lists similar recommendations with a score.
    similar = client.get("/search?mode=similar&q=restore+access+to+asylum+at+the+border").text
    assert "similarity 0." in similar
    assert tree(similar).xpath("//ol[@class='hits']/li")


def test_document_marks_the_passage_and_highlights_items(site: Site) -> None:
    client = site.client(public=True)
    i = ids(site, client)
    page = tree(client.get(f"/documents/{i.document}?hl={i.start}-{i.end}").text)
    [passage] = page.xpath("//mark[@id='passage']")
    with site.store.session() as session:
        doc = session.get(DocumentRow, i.document)
        assert doc is not None
        wanted = doc.text[i.start : i.end]
    marked = "".join(m.text_content() for m in page.xpath("//mark[contains(@class, 'passage')]"))
    assert marked == wanted and passage.text_content()
    highlighted = page.xpath("//article//a[contains(@class, 'item')]/@href")
    entries = page.xpath("//li[contains(@class, 'item-entry')]/@id")
    assert highlighted and {h.lstrip("#") for h in highlighted} <= set(entries)


HOSTILE = [
    "/search?q=%22asylum",
    "/search?q=NEAR(a",
    "/search?q=asylum%20OR",
    "/search?q=-asylum*",
    "/search?q=a:b%5E",
    "/search?q=a%00b",
    "/search?theme=%00&country=%25",
    "/search?q=" + "a" * 400,
    "/search?date_from=bad&date_to=2023-01-01",
    "/search?page=999&q=asylum",
    "/search?mode=similar&q=%22%00",
    "/documents/1?hl=999999-9999999",
    "/asks?country=zzzzzz&publisher=%25",
    "/commitments?page=99&country=%00",
    "/figures?series=",
]


@pytest.mark.parametrize("path", HOSTILE)
def test_odd_input_still_answers_a_page(site: Site, path: str) -> None:
    response = site.client(public=True).get(path)
    assert response.status_code == 200, (path, response.text[:300])
    assert tree(response.text).xpath("//h1")


@pytest.mark.parametrize(
    "path",
    [
        "/asks/999999",
        "/asks/0",
        "/documents/999999",
        "/countries/XXX",
        "/themes/no-such-theme",
        "/publishers/Nobody%20at%20all",
        "/figures?series=nope",
        "/no/such/page",
    ],
)
def test_unknown_things_answer_a_404_page(site: Site, path: str) -> None:
    response = site.client(public=True).get(path)
    assert response.status_code == 404, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    page = tree(response.text)
    assert page.xpath("//h1")[0].text_content() == "Error 404"
    assert page.xpath("//a[@href='/']")


def test_private_site_sends_anonymous_readers_to_login(site: Site) -> None:
    client = site.client()
    for path in ("/", "/asks", "/documents/1", "/search?q=asylum", "/review", "/upload"):
        response = client.get(path)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/login?next=")
    response = client.get("/search?q=asylum")
    assert response.headers["location"] == "/login?next=%2Fsearch%3Fq%3Dasylum"
    assert client.get("/login").status_code == 200


def test_public_site_is_readable_but_not_writable(site: Site) -> None:
    client = site.client(public=True)
    i = ids(site, client)
    for path in (f"/asks/{i.ask}", f"/documents/{i.document}", "/review", "/upload", "/"):
        response = client.get(path)
        assert response.status_code == 200, path
        page = tree(response.text)
        posts = page.xpath("//form[@method='post']")
        assert posts == [], (path, [f.get("action") for f in posts])
    assert "Upload documents" in client.get("/upload").text
    before = site.scalar(select(func.count()).select_from(StatusRecordRow))
    refused = client.post(
        f"/asks/{i.ask}/status",
        data={"csrf": "x", "status": "met", "effective_date": "2025-01-01", "url": "https://a.b"},
    )
    assert refused.status_code == 303 and refused.headers["location"].startswith("/login")
    assert site.scalar(select(func.count()).select_from(StatusRecordRow)) == before
    files = [("files", ("a.txt", ASKS_DOC.encode(), "text/plain"))]
    upload = client.post("/upload", data={"csrf": "x"}, files=files)
    assert upload.status_code == 303 and upload.headers["location"].startswith("/login")


def test_public_from_the_environment(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VEEDOR_PUBLIC", "1")
    settings = load_settings(database_url=site.url)
    assert settings.public
    with TestClient(create_app(settings, store=site.store)) as client:
        assert client.get("/asks").status_code == 200


def test_viewer_cannot_write(site: Site) -> None:
    client = site.client()
    csrf = login(client, VIEWER)
    i = ids(site, client)
    ask_page = tree(client.get(f"/asks/{i.ask}").text)
    assert not ask_page.xpath("//form[contains(@class, 'status-form')]")
    response = client.post(
        f"/asks/{i.ask}/status",
        data={
            "csrf": csrf,
            "status": "met",
            "effective_date": "2025-01-01",
            "url": "https://example.org/news",
            "quote": "It happened.",
        },
    )
    assert response.status_code == 403
    assert "editor" in response.text
    assert site.scalar(select(func.count()).select_from(StatusRecordRow)) == 0


def test_forms_need_a_valid_csrf_token(site: Site) -> None:
    client = site.client()
    login(client)
    i = ids(site, client)
    form = {"status": "met", "effective_date": "2025-01-01", "url": "https://example.org/x"}
    missing = client.post(f"/asks/{i.ask}/status", data={**form, "quote": "q"})
    assert missing.status_code == 422 and "csrf" in missing.text
    wrong = client.post(f"/asks/{i.ask}/status", data={**form, "quote": "q", "csrf": "0" * 32})
    assert wrong.status_code == 403 and "reload the page" in wrong.text
    assert site.scalar(select(func.count()).select_from(StatusRecordRow)) == 0


# --- editing --------------------------------------------------------------------------------


def test_login_failure_and_logout_revokes_the_token(site: Site) -> None:
    client = site.client()
    bad = client.post("/login", data={"email": EDITOR, "password": "wrong wrong wrong"})
    assert bad.status_code == 401 and 'role="alert"' in bad.text
    assert COOKIE not in bad.cookies
    csrf = login(client)
    token = client.cookies[COOKIE]
    home = client.get("/")
    assert home.status_code == 200 and EDITOR in home.text
    assert 'href="/upload"' in home.text
    out = client.post("/logout", data={"csrf": csrf})
    assert out.status_code == 303
    assert site.scalar(select(ApiTokenRow.revoked).where(ApiTokenRow.name == "web")) is True
    client.cookies.set(COOKIE, token)
    again = client.get("/")
    assert again.status_code == 303 and again.headers["location"].startswith("/login")


def test_status_change_with_a_document_quote(site: Site) -> None:
    client = site.client()
    csrf = login(client)
    i = ids(site, client)
    ask_page = tree(client.get(f"/asks/{i.ask}").text)
    [version] = ask_page.xpath(
        "//form[contains(@class,'status-form')]//input[@name='expected_version']/@value"
    )
    with site.store.session() as session:
        doc = session.get(DocumentRow, i.document)
        assert doc is not None
        quote = doc.text[i.start : i.end]
    # Pasted from a PDF: other line breaks and spacing still find the passage.
    pasted = "  " + quote.replace(" ", "\n", 2) + " "
    response = client.post(
        f"/asks/{i.ask}/status",
        data={
            "csrf": csrf,
            "status": "in-progress",
            "effective_date": "2025-02-03",
            "document_id": str(i.document),
            "quote": pasted,
            "note": "Work has started.",
            "expected_version": version,
        },
    )
    assert response.headers["location"] == f"/asks/{i.ask}?notice=status.saved"
    shown = follow(client, response)
    [record] = site.rows(select(StatusRecordRow))
    assert (record.subject_kind, record.subject_id) == ("ask", i.ask)
    assert (record.from_status, record.to_status) == ("open", "in-progress")
    assert record.effective_date == "2025-02-03" or str(record.effective_date) == "2025-02-03"
    assert record.evidence_document_id == i.document
    assert (record.evidence_start, record.evidence_end) == (i.start, i.end)
    assert find_passage(doc.text, pasted) == (i.start, i.end)
    page = tree(shown.text)
    assert page.xpath("//p[@class='notice']")[0].text_content() == catalog("en")["status.saved"]
    history = page.xpath("//ol[@class='history']/li")
    assert len(history) == 1 and quote in history[0].text_content()
    assert "Work has started." in history[0].text_content()
    assert page.xpath(
        f"//ol[@class='history']//a[@href='/documents/{i.document}?hl={i.start}-{i.end}#passage']"
    )


def test_status_change_with_a_url_then_a_stale_version(site: Site) -> None:
    client = site.client()
    csrf = login(client)
    i = ids(site, client)
    form = {
        "csrf": csrf,
        "status": "met",
        "effective_date": "2025-03-01",
        "url": "https://example.org/news/ended",
        "quote": "The practice ended on 1 March.",
        "expected_version": "0",
    }
    ok = follow(client, client.post(f"/asks/{i.ask}/status", data=form))
    assert "https://example.org/news/ended" in ok.text
    assert "The practice ended on 1 March." in ok.text
    [record] = site.rows(select(StatusRecordRow))
    assert record.evidence_url == "https://example.org/news/ended"
    assert record.evidence_quote == "The practice ended on 1 March."
    # The same form again still says version 0: someone else changed it meanwhile.
    stale = client.post(f"/asks/{i.ask}/status", data={**form, "status": "reversed"})
    assert "error=" in stale.headers["location"]
    page = tree(follow(client, stale).text)
    [error] = page.xpath("//p[@class='error']")
    assert "version" in error.text_content()
    assert site.scalar(select(func.count()).select_from(StatusRecordRow)) == 1
    # A quote that is not in the document is refused with a reason.
    missing = client.post(
        f"/asks/{i.ask}/status",
        data={
            **form,
            "expected_version": "1",
            "url": "",
            "document_id": str(i.document),
            "quote": "words that appear nowhere at all in it",
        },
    )
    assert "not found in that document" in follow(client, missing).text
    assert site.scalar(select(func.count()).select_from(StatusRecordRow)) == 1


def upload(client: TestClient, csrf: str, files: list[tuple[str, bytes, str]]) -> Any:
    return client.post(
        "/upload",
        data={"csrf": csrf},
        files=[("files", (name, body, mime)) for name, body, mime in files],
    )


def test_upload_files_including_a_broken_one(site: Site) -> None:
    client = site.client()
    csrf = login(client)
    response = upload(
        client,
        csrf,
        [
            ("hrw.txt", ASKS_DOC.encode(), "text/plain"),
            ("broken.pdf", b"%PDF-1.4 this is not really a PDF", "application/pdf"),
        ],
    )
    assert response.status_code == 200, response.text
    page = tree(response.text)
    results = page.xpath("//ul[@class='results']/li")
    assert len(results) == 2
    good, bad = (r.text_content() for r in results)
    assert good.startswith("hrw.txt") and "recommendation" in good.lower()
    assert bad.startswith("broken.pdf") and "—" in bad and len(bad.split("—", 1)[1].strip()) > 5
    assert page.xpath("//li[@class='result-failed']")
    doc_links = page.xpath("//ul[@class='results']//a[starts-with(@href, '/documents/')]/@href")
    assert len(doc_links) == 1
    document = client.get(doc_links[0]).text
    assert "detention of families" in document
    assert (
        site.scalar(
            select(func.count()).select_from(AuditRow).where(AuditRow.action == "document.upload")
        )
        == 1
    )
    # The progress script asks for JSON.
    as_json = client.post(
        "/upload",
        data={"csrf": csrf},
        files=[("files", ("wola.txt", NEWS_DOC.encode(), "text/plain"))],
        headers={"Accept": "application/json"},
    )
    [result] = as_json.json()["results"]
    assert result["status"] == "ingested" and result["document_id"]


def test_review_accept_and_reject(site: Site) -> None:
    client = site.client()
    csrf = login(client)
    upload(client, csrf, [("hrw.txt", ASKS_DOC.encode(), "text/plain")])
    upload(client, csrf, [("wola.txt", NEWS_DOC.encode(), "text/plain")])
    # Words in an ask's line stay apart (the template's whitespace control can glue them).
    overview = tree(client.get("/").text)
    metas = [m.text_content() for m in overview.xpath("//li[@class='ask-card']/div[@class='meta']")]
    assert any("agreement across" in m for m in metas), metas
    assert not [m for m in metas if re.search(r"\d[^\W\d_]|[^\W\d_]{2}\d", m)], metas
    page = tree(client.get("/review").text)
    accepts = page.xpath("//form[contains(@action, '/accept')]/@action")
    assert accepts, "the news document suggests a status change"
    accepted = client.post(accepts[0], data={"csrf": csrf, "effective_date": "2025-05-20"})
    assert accepted.headers["location"] == "/review?notice=review.accepted"
    assert "accepted" in follow(client, accepted).text.lower()
    [record] = site.rows(select(StatusRecordRow))
    assert record.to_status == "met" and record.evidence_document_id is not None
    suggestion_id = int(accepts[0].split("/")[2])
    assert site.scalar(select(SuggestionRow.state).where(SuggestionRow.id == suggestion_id)) == (
        "accepted"
    )
    pending = site.rows(select(SuggestionRow).where(SuggestionRow.state == "pending"))
    if pending:
        rejected = client.post(f"/suggestions/{pending[0].id}/reject", data={"csrf": csrf})
        assert rejected.headers["location"] == "/review?notice=review.rejected"
        state = site.scalar(select(SuggestionRow.state).where(SuggestionRow.id == pending[0].id))
        assert state == "rejected"
    else:
        # Reject the accepted one's twin: a fresh suggestion from the same news re-uploaded.
        already = client.post(f"/suggestions/{suggestion_id}/reject", data={"csrf": csrf})
        assert already.status_code in (303, 422)


def test_merge_then_split(site: Site) -> None:
    client = site.client()
    csrf = login(client)
    first, second = site.rows(
        select(ItemRow.ask_id)
        .where(ItemRow.ask_id.is_not(None))
        .distinct()
        .order_by(ItemRow.ask_id)
        .limit(2)
    )
    merged = client.post(f"/asks/{first}/merge", data={"csrf": csrf, "source": str(second)})
    assert merged.headers["location"] == f"/asks/{first}?notice=ask.merged"
    assert follow(client, merged).status_code == 200
    members = site.rows(select(ItemRow).where(ItemRow.ask_id == first))
    assert len(members) >= 2
    assert (
        site.scalar(select(func.count()).select_from(ItemRow).where(ItemRow.ask_id == second)) == 0
    )
    self_merge = client.post(f"/asks/{first}/merge", data={"csrf": csrf, "source": str(first)})
    assert "error=" in self_merge.headers["location"]
    page = tree(client.get(f"/asks/{first}").text)
    boxes = page.xpath("//form[contains(@action, '/split')]//input[@name='items']/@value")
    assert sorted(int(b) for b in boxes) == sorted(m.id for m in members)
    moved = members[-1].id
    split = client.post(f"/asks/{first}/split", data={"csrf": csrf, "items": [str(moved)]})
    new_ask = int(split.headers["location"].split("?")[0].rsplit("/", 1)[1])
    assert new_ask != first
    assert site.scalar(select(ItemRow.ask_id).where(ItemRow.id == moved)) == new_ask
    actions = {a.action for a in site.rows(select(AuditRow))}
    assert {"ask.merge", "ask.split"} <= actions


def test_item_correction(site: Site) -> None:
    client = site.client()
    csrf = login(client)
    [item] = site.rows(
        select(ItemRow).where(ItemRow.kind == "recommendation").order_by(ItemRow.id).limit(1)
    )
    response = client.post(
        f"/items/{item.id}/correct",
        data={
            "csrf": csrf,
            "strength": "imperative",
            "addressee": "The Congress",
            "countries": "mex; gtm",
            "themes": ["civic-space", "sanctions"],
        },
    )
    assert response.headers["location"] == (
        f"/documents/{item.document_id}?notice=item.corrected_notice#i{item.id}"
    )
    with site.store.session() as session:
        fixed = session.get(ItemRow, item.id)
        assert fixed is not None
        assert fixed.strength == "imperative" and fixed.addressee == "The Congress"
        assert sorted(c.iso3 for c in fixed.countries) == ["GTM", "MEX"]
        assert sorted(t.theme for t in fixed.themes) == ["civic-space", "sanctions"]
    [audit] = site.rows(select(AuditRow).where(AuditRow.action == "item.correct"))
    assert audit.target_id in (item.id, str(item.id)) and audit.user_email == EDITOR
    page = tree(follow(client, response).text)
    entry = page.xpath(f"//li[@id='i{item.id}']")[0].text_content()
    assert "Guatemala" in entry and "Mexico" in entry
    bad = client.post(f"/items/{item.id}/correct", data={"csrf": csrf, "countries": "Mexico"})
    assert "error=" in bad.headers["location"]


# --- languages ------------------------------------------------------------------------------


def test_locales_have_the_same_keys() -> None:
    assert languages() == ("en", "es")
    assert set(catalog("en")) == set(catalog("es"))
    for lang in languages():
        empty = [k for k, v in catalog(lang).items() if not v.strip()]
        assert not empty, (lang, empty)


LITERAL_KEY = re.compile(r"""\bt\(\s*['"]([a-z_]+\.[\w.-]+)['"]\s*[,)]""")
PYTHON_KEY = re.compile(
    r"""\b(?:notice|error)\s*=\s*['"]([a-z_]+\.[\w.-]+)['"]|"error":\s*"([a-z_]+\.[\w.-]+)\""""
)


def test_every_key_used_exists() -> None:
    en = catalog("en")
    used: set[str] = set()
    for path in (WEB_DIR / "templates").glob("*.html"):
        used |= set(LITERAL_KEY.findall(path.read_text(encoding="utf-8")))
    for path in WEB_DIR.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(LITERAL_KEY.findall(text))
        used |= {a or b for a, b in PYTHON_KEY.findall(text)}
    assert len(used) > 100
    assert "status.saved" in used and "login.failed" in used
    # Keys built from a prefix and a value.
    used |= {f"status.{s}" for s in (*statuses("ask"), *statuses("commitment"))}
    used |= {f"theme.{k}" for k in theme_keys()}
    used |= {f"kind.{k}" for k in ("recommendation", "commitment", "figure")}
    used |= {f"role.{r}" for r in ("viewer", "editor", "admin")}
    used |= {f"strength.{s}" for s in ("must", "should", "urge", "imperative")}
    used |= {f"upload.status_{s}" for s in ("ingested", "updated", "skipped", "failed")}
    used |= {f"nav.{k}s" for k in ("theme", "publisher")}
    used |= {f"index.{k}" for k in ("country", "theme", "publisher")}
    used |= {f"index.{k}_help" for k in ("country", "theme", "publisher")}
    used |= {f"index.count_{k}" for k in ("country", "theme", "publisher")}
    used |= {
        f"facet.{k}"
        for k in ("kind", "status", "country", "theme", "publisher", "addressee_kind", "year")
    }
    missing = sorted(k for k in used if k not in en)
    assert not missing, missing


def test_spanish_pages_and_the_language_cookie(site: Site) -> None:
    client = site.client(public=True)
    es = catalog("es")
    response = client.get("/asks?lang=es")
    assert response.status_code == 200
    page = tree(response.text)
    assert page.xpath("//html/@lang") == ["es"]
    assert page.xpath("//h1")[0].text_content() == es["asks.title"]
    assert es["nav.search"] in response.text and es["nav.search"] != catalog("en")["nav.search"]
    assert response.cookies.get("veedor_lang") == "es"
    # The cookie keeps the choice on the next page; the switcher links the other language.
    later = tree(client.get("/documents").text)
    assert later.xpath("//html/@lang") == ["es"]
    assert later.xpath("//a[@data-lang='en']/@href") == ["/documents?lang=en"]
    assert tree(client.get("/documents?lang=en").text).xpath("//html/@lang") == ["en"]


def test_accept_language_header_picks_spanish(site: Site) -> None:
    client = site.client(public=True)
    response = client.get("/themes", headers={"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"})
    assert tree(response.text).xpath("//html/@lang") == ["es"]


# --- no script needed, accessibility ---------------------------------------------------------


def check_accessible(path: str, text: str) -> None:
    page = tree(text)
    assert len(page.xpath("//h1")) == 1, f"{path}: one <h1>"
    labels = set(page.xpath("//label/@for"))
    fields = page.xpath(
        "//input[not(@type='hidden') and not(@type='submit')] | //select | //textarea"
    )
    for el in fields:
        named = (
            el.get("id") in labels
            or el.get("aria-label")
            or el.get("aria-labelledby")
            or el.xpath("ancestor::label")
        )
        assert named, f"{path}: {lxml.html.tostring(el)[:120]!r} has no label"
    ids_seen = page.xpath("//@id")
    assert len(ids_seen) == len(set(ids_seen)), f"{path}: duplicate ids"
    for svg in page.xpath("//svg"):
        assert svg.xpath("./title") or svg.get("aria-label") or svg.get("aria-hidden") == "true", (
            f"{path}: an <svg> without a title"
        )
    for img in page.xpath("//img"):
        assert img.get("alt") is not None, f"{path}: an <img> without alt"
    # Nothing is drawn by a script only: charts carry their data as a table.
    assert not page.xpath("//script[not(@src)]"), f"{path}: inline script"
    for figure in page.xpath("//figure[contains(@class, 'chart')]"):
        assert figure.xpath(".//table") or figure.xpath(".//details[@open]"), path
    assert page.xpath("//a[@class='skip' and @href='#main']") and page.xpath("//main[@id='main']")


def test_pages_are_accessible_and_work_without_script(site: Site) -> None:
    client = site.client()
    login(client)
    i = ids(site, client)
    for path in [*reading_pages(i), "/asks/999999"]:
        response = client.get(path)
        check_accessible(path, response.text)
    overview = tree(client.get("/").text)
    assert overview.xpath("//figure[contains(@class,'chart')]//table//td")
    assert overview.xpath("//svg/title")


# --- PostgreSQL -----------------------------------------------------------------------------


def nul_forms(site: Site, client: TestClient, csrf: str, i: Ids) -> None:
    """Form fields holding NUL characters (PostgreSQL refuses them) are cleaned, not a 503."""
    anonymous = site.client()
    bad = anonymous.post("/login", data={"email": EDITOR + "\x00", "password": "x\x00"})
    assert bad.status_code == 401 and bad.headers["content-type"].startswith("text/html")
    response = client.post(
        f"/asks/{i.ask}/status",
        data={
            "csrf": csrf,
            "status": "partly-met",
            "effective_date": "2025-04-01",
            "url": "https://example.org/a",
            "quote": "Partly\x00 done.",
            "note": "A\x00 note.",
            "expected_version": "0",
        },
    )
    assert response.headers["location"] == f"/asks/{i.ask}?notice=status.saved"
    [record] = site.rows(select(StatusRecordRow))
    assert record.to_status == "partly-met"
    assert (record.evidence_quote, record.note) == ("Partly done.", "A note.")
    fixed = client.post(
        f"/items/{i.item}/correct", data={"csrf": csrf, "addressee": "The\x00 Senate"}
    )
    assert fixed.status_code == 303, fixed.text[:300]
    assert site.scalar(select(ItemRow.addressee).where(ItemRow.id == i.item)) == "The Senate"


def test_form_fields_with_nul_characters(site: Site) -> None:
    client = site.client()
    csrf = login(client)
    nul_forms(site, client, csrf, ids(site, client))


def test_pages_and_forms_on_postgresql(pg_site: Site) -> None:
    client = pg_site.client()
    csrf = login(client)
    i = ids(pg_site, client)
    for path in HOSTILE:
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
    nul_forms(pg_site, client, csrf, i)
    for path, expected in reading_pages(i).items():
        response = client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        assert expected in response.text, (path, expected)
    assert "asylum" in client.get("/search?q=asylum").text.lower()
