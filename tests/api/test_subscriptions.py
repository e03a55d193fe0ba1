"""Saved searches and webhooks through the JSON API (SQLite and PostgreSQL)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.api.test_api import ASKS_DOC, api, assert_error, auth, upload
from veedor.store import Store
from veedor.store.models import AuditRow

__all__ = ["api"]  # the fixture, imported for pytest

Api = tuple[TestClient, dict[str, str]]


def test_saved_searches_belong_to_their_owner(api: Api, store: Store) -> None:
    client, tokens = api
    viewer, editor, admin = (auth(tokens[r]) for r in ("viewer", "editor", "admin"))
    upload(client, tokens["editor"], "hrw.txt", ASKS_DOC)

    made = client.post(
        "/api/v1/saved-searches",
        headers=viewer,
        json={"name": "Family detention", "query": "detention", "kind": "recommendation"},
    )
    assert made.status_code == 201, made.text
    saved = made.json()
    assert saved["name"] == "Family detention" and saved["filters"] == {"kind": "recommendation"}
    assert saved["feed"] == f"/feeds/saved/{saved['id']}.atom"
    feed = client.get(saved["feed"], headers=viewer)
    assert feed.status_code == 200 and "detention" in feed.text

    client.post("/api/v1/saved-searches", headers=editor, json={"name": "Mine", "query": "fund"})
    mine = client.get("/api/v1/saved-searches", headers=viewer).json()["items"]
    assert [s["name"] for s in mine] == ["Family detention"]
    assert_error(client.get("/api/v1/saved-searches?all=true", headers=viewer), 403, "forbidden")
    everyone = client.get("/api/v1/saved-searches?all=true", headers=admin).json()["items"]
    assert {s["name"] for s in everyone} == {"Family detention", "Mine"}

    path = f"/api/v1/saved-searches/{saved['id']}"
    assert_error(client.delete(path, headers=editor), 403, "forbidden")
    assert client.delete(path, headers=viewer).status_code == 204
    assert_error(client.delete(path, headers=viewer), 404, "not_found")
    assert client.get("/api/v1/saved-searches", headers=viewer).json()["items"] == []
    with store.session() as session:
        actions = session.scalars(select(AuditRow.action).order_by(AuditRow.id)).all()
    assert actions.count("search.save") == 2 and actions.count("search.delete") == 1


def test_saved_search_input_is_checked(api: Api) -> None:
    client, tokens = api
    viewer = auth(tokens["viewer"])
    bad_country = {"name": "x", "country": "ZZZ"}
    assert_error(
        client.post("/api/v1/saved-searches", headers=viewer, json=bad_country),
        404,
        "not_found",
    )
    bad_kind = {"name": "x", "kind": "rumour"}
    assert_error(
        client.post("/api/v1/saved-searches", headers=viewer, json=bad_kind), 422, "invalid"
    )
    assert_error(
        client.post("/api/v1/saved-searches", headers=viewer, json={"name": "  "}),
        422,
        "invalid",
    )
    assert_error(client.post("/api/v1/saved-searches", json={"name": "x"}), 401, "unauthorized")


def test_webhooks_are_for_admins_and_keep_their_secret(api: Api) -> None:
    client, tokens = api
    editor, admin = auth(tokens["editor"]), auth(tokens["admin"])
    body = {"url": "https://hooks.example.org/veedor", "events": ["document.ingested"]}
    assert_error(client.post("/api/v1/webhooks", headers=editor, json=body), 403, "forbidden")
    assert_error(client.get("/api/v1/webhooks", headers=editor), 403, "forbidden")

    made = client.post("/api/v1/webhooks", headers=admin, json=body)
    assert made.status_code == 201, made.text
    hook = made.json()
    assert len(hook["secret"]) >= 16 and hook["events"] == ["document.ingested"]
    listed = client.get("/api/v1/webhooks", headers=admin).json()["items"]
    assert [h["url"] for h in listed] == [body["url"]] and "secret" not in listed[0]

    upload(client, tokens["editor"], "hrw.txt", ASKS_DOC)
    queued = client.get("/api/v1/webhooks/deliveries", headers=admin).json()["items"]
    assert [(d["event"], d["status"], d["webhook_id"]) for d in queued] == [
        ("document.ingested", "pending", hook["id"])
    ]
    done = client.get("/api/v1/webhooks/deliveries?status=delivered", headers=admin).json()
    assert done["items"] == []

    bad = {"url": "ftp://example.org", "events": []}
    assert_error(client.post("/api/v1/webhooks", headers=admin, json=bad), 422, "invalid")
    unknown = {"url": "https://example.org", "events": ["ask.exploded"]}
    assert_error(client.post("/api/v1/webhooks", headers=admin, json=unknown), 422, "invalid")
    path = f"/api/v1/webhooks/{hook['id']}"
    assert client.delete(path, headers=admin).status_code == 204
    assert_error(client.delete(path, headers=admin), 404, "not_found")
    assert client.get("/api/v1/webhooks/deliveries", headers=admin).json()["items"] == []
