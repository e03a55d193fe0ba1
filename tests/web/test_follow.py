"""Following things from the web pages: Atom feed links, saving a search, and what a signed-in
browser's cookie may do in the API (read, never write)."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient
from lxml import etree
from sqlalchemy import func, select

from tests.web import test_pages
from tests.web.test_pages import EDITOR, PASSWORD, Site, follow, login
from veedor.auth import create_token
from veedor.publish.searches import list_saved
from veedor.store.models import ApiTokenRow, AskRow, UserRow

ATOM = "{http://www.w3.org/2005/Atom}"
# The page tests' fixtures: the sample corpus, copied for each test.
corpus_db = test_pages.corpus_db
site = test_pages.site


def test_pages_advertise_their_feeds(site: Site) -> None:
    client = site.client(public=True)
    ask_id = site.scalar(select(AskRow.id).order_by(AskRow.id))
    for path, feed in (
        (f"/asks/{ask_id}", f"/feeds/asks/{ask_id}.atom"),
        ("/countries/MEX", "/feeds/countries/MEX.atom"),
        ("/themes/migration-asylum", "/feeds/search.atom?theme=migration-asylum"),
        ("/search?q=asylum&country=MEX", "/feeds/search.atom?q=asylum&amp;country=MEX"),
    ):
        page = client.get(path)
        assert page.status_code == 200
        assert f'href="{feed}"' in page.text, (path, feed)
    atom = client.get(f"/feeds/asks/{ask_id}.atom")
    assert atom.status_code == 200
    assert etree.fromstring(atom.content).tag == f"{ATOM}feed"


def test_a_signed_in_user_saves_a_search_and_follows_it(site: Site) -> None:
    client = site.client()
    csrf = login(client)
    response = client.post(
        "/searches",
        data={"csrf": csrf, "name": "Asylum in Mexico", "q": "asylum", "country": "MEX"},
    )
    page = follow(client, response)
    assert "saved=" in response.headers["location"]
    with site.store.session() as session:
        saved = list_saved(session)
        assert [(s.name, s.query, s.filters) for s in saved] == [
            ("Asylum in Mexico", "asylum", {"country": "MEX"})
        ]
        saved_id = saved[0].id
    assert f"/feeds/saved/{saved_id}.atom" in page.text
    # The browser's session cookie reads the feed of a private site.
    feed = client.get(f"/feeds/saved/{saved_id}.atom")
    assert feed.status_code == 200, feed.text
    title = etree.fromstring(feed.content).find(f"{ATOM}title")
    assert title is not None and "Asylum in Mexico" in (title.text or "")


def test_saving_a_search_needs_a_login_and_a_valid_form(site: Site) -> None:
    client = site.client(public=True)
    refused = client.post("/searches", data={"csrf": "x", "name": "n", "q": "asylum"})
    assert refused.status_code == 303 and refused.headers["location"].startswith("/login")
    csrf = login(client)
    bad = client.post("/searches", data={"csrf": "not-it", "name": "n", "q": "asylum"})
    assert bad.status_code == 403
    wrong = client.post("/searches", data={"csrf": csrf, "name": "n", "country": "XXX"})
    assert wrong.status_code in (404, 422)
    with site.store.session() as session:
        assert list_saved(session) == []


def test_the_session_cookie_reads_the_api_but_never_writes(site: Site) -> None:
    client = site.client()
    assert client.get("/api/v1/asks").status_code == 401
    login(client, EDITOR)
    assert client.get("/api/v1/asks").status_code == 200
    ask_ids = site.rows(select(AskRow.id).order_by(AskRow.id).limit(2))
    merge = client.post(f"/api/v1/asks/{ask_ids[0]}/merge", json={"source": ask_ids[1]})
    assert merge.status_code == 401
    assert site.scalar(select(AskRow.id).where(AskRow.id == ask_ids[1])) == ask_ids[1]


def test_a_write_is_committed_before_its_response_is_sent(site: Site) -> None:
    """The moment the login's response starts, another connection already sees the new session
    token: a browser follows the redirect on a new connection at once, and must be signed in.
    (Committing after the response was sent let that request race the commit.)"""
    client = site.client()
    app = client.app
    seen: list[int] = []

    async def watching(scope: Any, receive: Any, send: Any) -> None:
        async def spy(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start" and scope["path"] == "/login":
                seen.append(site.scalar(select(func.count()).select_from(ApiTokenRow)))
            await send(message)

        await app(scope, receive, spy)  # type: ignore[operator]

    before = site.scalar(select(func.count()).select_from(ApiTokenRow))
    with TestClient(watching, follow_redirects=False) as watched:
        response = watched.post(
            "/login", data={"email": EDITOR, "password": PASSWORD, "next": "/upload"}
        )
    assert response.status_code == 303
    assert seen == [before + 1]


def test_saved_searches_are_listed_and_deleted_by_their_owner(site: Site) -> None:
    client = site.client()
    csrf = login(client)
    client.post("/searches", data={"csrf": csrf, "name": "Deportations", "q": "deport"})
    page = client.get("/searches")
    assert page.status_code == 200
    with site.store.session() as session:
        (saved,) = list_saved(session)
    assert "Deportations" in page.text and f"/feeds/saved/{saved.id}.atom" in page.text
    assert 'href="/search?q=deport"' in page.text
    other = site.client()
    login(other, test_pages.VIEWER)
    refused = other.post(f"/searches/{saved.id}/delete", data={"csrf": csrf_of_page(other)})
    assert refused.status_code == 403
    deleted = client.post(f"/searches/{saved.id}/delete", data={"csrf": csrf})
    assert deleted.status_code == 303
    with site.store.session() as session:
        assert list_saved(session) == []
    assert "Deportations" not in client.get("/searches").text


def csrf_of_page(client: TestClient) -> str:
    return test_pages.csrf_of(client.get("/searches").text)


def test_a_private_feed_key_reads_feeds_and_nothing_else(site: Site) -> None:
    client = site.client()
    csrf = login(client)
    client.post("/searches", data={"csrf": csrf, "name": "Asylum", "q": "asylum"})
    with site.store.session() as session:
        (saved,) = list_saved(session)
    page = client.post("/searches/feed-key", data={"csrf": csrf})
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    key = re.search(r"vdrf_[A-Za-z0-9_-]+", page.text)
    assert key, "the new key is shown once"
    assert f"/feeds/saved/{saved.id}.atom?key={key.group(0)}" in page.text

    reader = site.client()  # a feed reader: no cookie, no header
    path = f"/feeds/saved/{saved.id}.atom"
    assert reader.get(path).status_code == 401
    feed = reader.get(path, params={"key": key.group(0)})
    assert feed.status_code == 200
    self_link = etree.fromstring(feed.content).find(f"{ATOM}link[@rel='self']")
    assert self_link is not None and "key=" not in self_link.get("href", "")
    # The key opens nothing but feeds, and an API token never goes in a URL.
    api = reader.get("/api/v1/asks", headers={"Authorization": f"Bearer {key.group(0)}"})
    assert api.status_code == 401
    browser = site.client()
    browser.cookies.set("veedor_session", key.group(0))
    assert browser.get("/").status_code == 303  # not a login either
    with site.store.session() as session:
        user = session.scalars(select(UserRow).where(UserRow.email == EDITOR)).one()
        token = create_token(session, user)
    assert reader.get(path, params={"key": token}).status_code == 401
    # A new key retires the old one.
    client.post("/searches/feed-key", data={"csrf": csrf})
    assert reader.get(path, params={"key": key.group(0)}).status_code == 401
