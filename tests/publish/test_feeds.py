"""Atom feeds: valid RFC 4287 (RELAX NG), updated by status changes, served with one error
shape for unknown subjects."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from lxml import etree
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.publish.helpers import ingest_samples
from veedor.api.app import create_app
from veedor.auth import add_user, create_token
from veedor.config import Settings
from veedor.publish.feeds import (
    ATOM_NS,
    Feed,
    FeedOptions,
    ask_feed,
    country_feed,
    publisher_feed,
    router,
    saved_search_feed,
    search_feed,
)
from veedor.publish.searches import SearchSpec, save_search
from veedor.store import Store
from veedor.store.models import DocumentRow, ItemCountry, ItemRow
from veedor.track.status import Evidence, StatusChange, change_status

SCHEMA = etree.RelaxNG(
    etree.parse(str(Path(__file__).resolve().parent.parent / "data" / "atom.rng"))
)
A = f"{{{ATOM_NS}}}"


def valid(xml: bytes) -> ET.Element:
    """Check ``xml`` against the RFC 4287 schema and return it parsed by the standard library."""
    document = etree.fromstring(xml)
    assert SCHEMA.validate(document), SCHEMA.error_log
    root = ET.fromstring(xml)
    assert root.tag == f"{A}feed"
    ids = [e.findtext(f"{A}id") for e in root.findall(f"{A}entry")]
    assert len(ids) == len(set(ids)) and all(i and i.startswith("tag:") for i in ids)
    self_links = [link for link in root.findall(f"{A}link") if link.get("rel") == "self"]
    assert len(self_links) == 1
    for entry in root.findall(f"{A}entry"):
        assert entry.findtext(f"{A}title") and entry.findtext(f"{A}summary")
        assert entry.find(f"{A}author/{A}name") is not None and entry.find(f"{A}link") is not None
    return root


def entry_ids(root: ET.Element) -> list[str]:
    return [e.findtext(f"{A}id") or "" for e in root.findall(f"{A}entry")]


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    from veedor.store import open_store

    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('feeds') / 'feeds.db'}")
    ingest_samples(store)
    yield store
    store.dispose()


def _first_ask(store: Store) -> int:
    with store.session() as session:
        ask = session.scalars(
            select(ItemRow.ask_id).where(ItemRow.ask_id.is_not(None)).order_by(ItemRow.id)
        ).first()
    assert ask is not None
    return ask


def test_every_kind_of_feed_is_valid_atom(samples: Store) -> None:
    with samples.session() as session:
        ask = _first_ask(samples)
        publisher = session.scalars(
            select(DocumentRow.publisher).where(DocumentRow.publisher.is_not(None))
        ).first()
        assert publisher
        saved = save_search(session, "Asilo", SearchSpec(query="asilo"))
        feeds: list[Feed] = [
            ask_feed(session, ask),
            country_feed(session, "mex"),
            publisher_feed(session, publisher.upper()),
            search_feed(session, SearchSpec(query="asylum", kind="recommendation")),
            search_feed(session, SearchSpec(country="VEN", theme="migration-asylum")),
            saved_search_feed(session, saved.id),
        ]
    for feed in feeds:
        root = valid(feed.to_xml())
        assert root.findall(f"{A}entry"), feed.title
    mexico = valid(feeds[1].to_xml())
    assert all(
        "MEX" in [c.get("term") for c in e.findall(f"{A}category")]
        for e in mexico.findall(f"{A}entry")
    )
    asylum = valid(feeds[3].to_xml())
    assert all(
        e.findall(f"{A}category")[0].get("term") == "recommendation"
        for e in asylum.findall(f"{A}entry")
    )


def test_a_status_change_updates_the_feeds_that_cover_it(store: Store) -> None:
    ingest_samples(store)
    ask = _first_ask(store)
    options = FeedOptions(base_url="https://veedor.example.org", authority="veedor.example.org")
    with store.session() as session:
        before = ask_feed(session, ask, options)
        iso3 = next(iter(sorted(c for c in _countries(session, ask))), None)
        country_before = country_feed(session, iso3, options) if iso3 else None
    assert not any("/status/" in i for i in entry_ids(valid(before.to_xml())))
    with store.session() as session:
        record = change_status(
            session,
            "ask",
            ask,
            StatusChange(
                to="partly-met",
                effective_date="2025-06-01",
                evidence=Evidence(url="https://example.org/news", quote="Se avanzó en parte."),
            ),
        )
    with store.session() as session:
        after = ask_feed(session, ask, options)
        root = valid(after.to_xml())
        new_id = f"tag:veedor.example.org,2026:status/{record.id}"
        assert entry_ids(root)[0] == new_id
        assert after.updated >= before.updated
        first = root.findall(f"{A}entry")[0]
        assert "is now partly-met" in (first.findtext(f"{A}title") or "")
        assert "Se avanzó en parte." in (first.findtext(f"{A}summary") or "")
        link = first.find(f"{A}link")
        assert link is not None
        assert link.get("href") == f"https://veedor.example.org/asks/{ask}"
        if country_before is not None and iso3:
            assert new_id in entry_ids(valid(country_feed(session, iso3, options).to_xml()))
            assert new_id not in entry_ids(valid(country_before.to_xml()))


def _countries(session: Session, ask: int) -> set[str]:
    return set(
        session.scalars(
            select(ItemCountry.iso3).where(
                ItemCountry.item_id.in_(select(ItemRow.id).where(ItemRow.ask_id == ask))
            )
        )
    )


@pytest.fixture
def client(store: Store) -> Iterator[tuple[TestClient, dict[str, str]]]:
    ingest_samples(store)
    with store.session() as session:
        user = add_user(session, "viewer@example.org", "correct horse battery", role="viewer")
        headers = {"Authorization": f"Bearer {create_token(session, user)}"}
    app = create_app(Settings(database_url="sqlite://"), store=store)
    app.include_router(router)
    with TestClient(app) as test_client:
        yield test_client, headers


def test_routes_serve_atom_and_one_error_shape(
    client: tuple[TestClient, dict[str, str]], store: Store
) -> None:
    http, headers = client
    ask = _first_ask(store)
    with store.session() as session:
        saved = save_search(session, "Guatemala", SearchSpec(country="GTM")).id
        publisher = session.scalars(
            select(DocumentRow.publisher).where(DocumentRow.publisher.is_not(None))
        ).first()
    for path in (
        f"/feeds/asks/{ask}.atom",
        "/feeds/countries/MEX.atom",
        f"/feeds/publishers/{publisher}.atom",
        "/feeds/search.atom?q=asylum&country=USA",
        "/feeds/search.atom?q=asilo",
        f"/feeds/saved/{saved}.atom",
    ):
        response = http.get(path, headers=headers)
        assert response.status_code == 200, (path, response.text)
        assert response.headers["content-type"].startswith("application/atom+xml")
        root = valid(response.content)
        self_link = next(lk for lk in root.findall(f"{A}link") if lk.get("rel") == "self")
        assert (self_link.get("href") or "").startswith("http://testserver/feeds/")
    for path, message in (
        ("/feeds/asks/99999.atom", "no ask 99999"),
        ("/feeds/countries/ZZZ.atom", "no country"),
        ("/feeds/publishers/Nobody%20at%20all.atom", "no documents from a publisher"),
        ("/feeds/saved/424242.atom", "no saved search 424242"),
    ):
        response = http.get(path, headers=headers)
        assert response.status_code == 404, path
        body = response.json()
        assert set(body) == {"error"} and body["error"]["code"] == "not_found"
        assert message in body["error"]["message"]
    assert http.get(f"/feeds/asks/{ask}.atom").status_code == 401
    bad = http.get("/feeds/search.atom?kind=poem", headers=headers)
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid"
