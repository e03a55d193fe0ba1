"""The JSON API end to end, in-process against real SQLite and PostgreSQL databases."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from veedor.api.app import create_app
from veedor.auth import add_user, create_token
from veedor.config import Settings
from veedor.errors import ConflictError
from veedor.store import Store
from veedor.track.status import Evidence, StatusChange, change_status

ASKS_DOC = (
    "Statement by Human Rights Watch\n\n"
    "Published March 3, 2024 by Human Rights Watch.\n\n"
    "The administration should end the detention of families with children.\n\n"
    "Congress must fund lawyers for unaccompanied children in immigration court.\n"
)
NEWS_DOC = (
    "Monthly update by WOLA\n\n"
    "Published June 2, 2025 by WOLA.\n\n"
    "On May 20, 2025 the administration ended the detention of families with children, "
    "closing the last family detention centre.\n"
)


@pytest.fixture
def api(store: Store) -> Iterator[tuple[TestClient, dict[str, str]]]:
    with store.session() as session:
        tokens = {}
        for role in ("admin", "editor", "viewer"):
            user = add_user(session, f"{role}@example.org", "correct horse battery", role=role)
            tokens[role] = create_token(session, user)
    app = create_app(Settings(database_url="sqlite://"), store=store)
    with TestClient(app) as client:
        yield client, tokens


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def upload(client: TestClient, token: str, name: str, text: str) -> dict[str, Any]:
    response = client.post(
        "/api/v1/documents",
        headers=auth(token),
        files=[("files", (name, text.encode("utf-8"), "text/plain"))],
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def assert_error(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


def test_lifecycle_upload_extract_link_suggest_accept_history(
    api: tuple[TestClient, dict[str, str]],
) -> None:
    client, tokens = api
    editor, viewer = auth(tokens["editor"]), auth(tokens["viewer"])
    first = upload(client, tokens["editor"], "hrw.txt", ASKS_DOC)
    assert first["results"][0]["status"] == "ingested"
    assert first["results"][0]["items"]["recommendation"] == 2
    recs = client.get("/api/v1/recommendations", headers=viewer).json()
    assert recs["total"] == 2 and all(r["ask"] for r in recs["items"])
    detention = next(r for r in recs["items"] if "detention" in r["text"])
    ask_id = detention["ask"]
    ask = client.get(f"/api/v1/asks/{ask_id}", headers=viewer).json()
    assert ask["status"] == "open" and ask["version"] == 0 and ask["history"] == []

    second = upload(client, tokens["editor"], "wola.txt", NEWS_DOC)
    assert second["suggestions"] >= 1
    queue = client.get("/api/v1/suggestions", headers=viewer).json()
    suggestion = next(s for s in queue["items"] if s["subject"] == {"kind": "ask", "id": ask_id})
    assert suggestion["proposed_status"] == "met" and suggestion["state"] == "pending"

    accepted = client.post(f"/api/v1/suggestions/{suggestion['id']}/accept", headers=editor)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["state"] == "accepted"
    status = client.get(f"/api/v1/asks/{ask_id}/status", headers=viewer).json()
    assert status["status"] == "met" and status["version"] == 1
    [record] = status["history"]
    assert record["from"] == "open" and record["to"] == "met"
    assert record["effective_date"] == "2025-05-20"
    assert "ended the detention of families" in record["evidence"]["quote"]
    assert record["evidence"]["document_id"] == second["results"][0]["document_id"]
    again = client.post(f"/api/v1/suggestions/{suggestion['id']}/accept", headers=editor)
    assert_error(again, 422, "invalid")

    # Re-uploading the same evidence never brings a decided suggestion back.
    upload(client, tokens["editor"], "wola-again.txt", NEWS_DOC + "\n")
    pending = client.get("/api/v1/suggestions", headers=viewer).json()["items"]
    assert not any(s["subject"] == {"kind": "ask", "id": ask_id} for s in pending)

    audit = client.get("/api/v1/audit", headers=auth(tokens["admin"])).json()["items"]
    actions = [a["action"] for a in audit]
    assert "suggestion.accept" in actions and "status.change" in actions
    edits = [a for a in audit if a["action"] not in ("user.add", "token.create")]
    assert edits and all(a["user"] == "editor@example.org" for a in edits)


def test_tokens_roles_and_public_mode(api: tuple[TestClient, dict[str, str]], store: Store) -> None:
    client, tokens = api
    assert_error(client.get("/api/v1/documents"), 401, "unauthorized")
    assert_error(client.get("/api/v1/documents", headers=auth("vdr_wrong")), 401, "unauthorized")
    assert client.get("/api/v1/documents", headers=auth(tokens["viewer"])).status_code == 200
    files = [("files", ("a.txt", ASKS_DOC.encode(), "text/plain"))]
    assert_error(
        client.post("/api/v1/documents", headers=auth(tokens["viewer"]), files=files),
        403,
        "forbidden",
    )
    assert_error(client.post("/api/v1/documents", files=files), 401, "unauthorized")
    assert_error(client.get("/api/v1/audit", headers=auth(tokens["editor"])), 403, "forbidden")
    login = client.post(
        "/api/v1/tokens", json={"email": "viewer@example.org", "password": "correct horse battery"}
    )
    assert login.status_code == 201 and login.json()["token"].startswith("vdr_")
    wrong = client.post(
        "/api/v1/tokens", json={"email": "viewer@example.org", "password": "nope nope nope"}
    )
    assert_error(wrong, 401, "unauthorized")

    public = create_app(Settings(database_url="sqlite://", public=True), store=store)
    with TestClient(public) as anonymous:
        assert anonymous.get("/api/v1/documents").status_code == 200
        assert_error(anonymous.post("/api/v1/documents", files=files), 401, "unauthorized")


def test_stale_edits_get_409_and_errors_share_one_shape(
    api: tuple[TestClient, dict[str, str]],
) -> None:
    client, tokens = api
    editor = auth(tokens["editor"])
    doc = upload(client, tokens["editor"], "hrw.txt", ASKS_DOC)["results"][0]["document_id"]
    ask_id = client.get("/api/v1/recommendations", headers=editor).json()["items"][0]["ask"]
    body = {
        "status": "in-progress",
        "effective_date": "2024-05-01",
        "evidence": {"url": "https://example.org/news", "quote": "Work has begun."},
        "expected_version": 0,
    }
    first = client.post(f"/api/v1/asks/{ask_id}/status", headers=editor, json=body)
    assert first.status_code == 201, first.text
    assert_error(
        client.post(f"/api/v1/asks/{ask_id}/status", headers=editor, json=body), 409, "conflict"
    )
    body["expected_version"] = 1
    body["evidence"] = {"document_id": doc, "start": 0, "end": 31}
    body["status"] = "partly-met"
    assert (
        client.post(f"/api/v1/asks/{ask_id}/status", headers=editor, json=body).status_code == 201
    )
    history = client.get(f"/api/v1/asks/{ask_id}/status", headers=editor).json()["history"]
    assert [h["to"] for h in history] == ["in-progress", "partly-met"]
    assert history[1]["evidence"]["quote"] == "Statement by Human Rights Watch"

    bad = dict(body, expected_version=2, status="finished")
    assert_error(
        client.post(f"/api/v1/asks/{ask_id}/status", headers=editor, json=bad), 422, "invalid"
    )
    no_evidence = dict(body, expected_version=2, evidence={})
    assert_error(
        client.post(f"/api/v1/asks/{ask_id}/status", headers=editor, json=no_evidence),
        422,
        "invalid",
    )
    assert_error(client.get("/api/v1/asks/9999", headers=editor), 404, "not_found")
    assert_error(client.get("/api/v1/nowhere", headers=editor), 404, "not_found")
    assert_error(client.get("/api/v1/documents?limit=0", headers=editor), 422, "invalid")


def test_concurrent_writers_one_wins_the_other_gets_a_conflict(
    api: tuple[TestClient, dict[str, str]], store: Store
) -> None:
    client, tokens = api
    upload(client, tokens["editor"], "hrw.txt", ASKS_DOC)
    ask_id = client.get("/api/v1/recommendations", headers=auth(tokens["editor"])).json()["items"][
        0
    ]["ask"]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def write(status: str) -> None:
        change = StatusChange(
            to=status,
            effective_date="2024-06-01",
            evidence=Evidence(url="https://example.org/x", quote="A report."),
            expected_version=0,
        )
        try:
            with store.session() as session:
                barrier.wait(timeout=10)
                change_status(session, "ask", ask_id, change)
            outcomes.append("ok")
        except ConflictError:
            outcomes.append("conflict")

    threads = [threading.Thread(target=write, args=(s,)) for s in ("met", "rejected")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(outcomes) == ["conflict", "ok"]
    status = client.get(f"/api/v1/asks/{ask_id}/status", headers=auth(tokens["viewer"])).json()
    assert status["version"] == 1 and len(status["history"]) == 1


def test_filters_pagination_and_search(api: tuple[TestClient, dict[str, str]]) -> None:
    client, tokens = api
    viewer = auth(tokens["viewer"])
    upload(client, tokens["editor"], "hrw.txt", ASKS_DOC)
    upload(client, tokens["editor"], "wola.txt", NEWS_DOC)
    first = client.get("/api/v1/recommendations?limit=1", headers=viewer).json()
    second = client.get("/api/v1/recommendations?limit=1&offset=1", headers=viewer).json()
    assert first["total"] == second["total"] == 2
    assert first["items"][0]["id"] != second["items"][0]["id"]
    assert (
        client.get("/api/v1/recommendations?addressee_kind=us-congress", headers=viewer).json()[
            "total"
        ]
        == 1
    )
    assert client.get("/api/v1/recommendations?status=open", headers=viewer).json()["total"] == 2
    assert (
        client.get("/api/v1/recommendations?date_from=2025-01-01", headers=viewer).json()["total"]
        == 0
    )
    docs = client.get("/api/v1/documents?publisher=wola", headers=viewer).json()
    assert docs["total"] == 1 and docs["items"][0]["publisher"] == "WOLA"
    hits = client.get("/api/v1/search?q=detention", headers=viewer).json()["items"]
    assert len(hits) == 2
    similar = client.get(
        "/api/v1/search/semantic?q=liberar a las familias detenidas", headers=viewer
    )
    assert "detention" in similar.json()["items"][0]["text"]
    asks = client.get("/api/v1/asks?status=open", headers=viewer).json()
    assert asks["total"] == 2
    assert client.get("/openapi.json").json()["info"]["title"] == "Veedor API"
