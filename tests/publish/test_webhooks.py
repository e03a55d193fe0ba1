"""Webhooks: events queued with the change that caused them, signed POSTs through an httpx
MockTransport, retries with backoff, and giving up."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import httpx
import pytest

from veedor.errors import InvalidInputError, NotFoundError
from veedor.ingest.pipeline import IngestOptions, ingest_paths
from veedor.publish.webhooks import (
    MAX_ATTEMPTS,
    RETRY_DELAYS,
    add_webhook,
    deliver_pending,
    deliveries,
    list_webhooks,
    remove_webhook,
    verify,
)
from veedor.store import Store
from veedor.track.status import Evidence, StatusChange, change_status

SECRET = "s3cret-for-the-receiver-only"
DOC = (
    "Statement by WOLA\n\nPublished March 3, 2024 by WOLA.\n\n"
    "The administration should end the detention of families with children.\n"
)


def _ingest(store: Store, tmp_path: Path, name: str = "a.txt", text: str = DOC) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = ingest_paths(store, [path], options=IngestOptions(embedder="hashing"))
    assert report.ok


def _change(store: Store, to: str = "in-progress") -> None:
    with store.session() as session:
        change_status(
            session,
            "ask",
            1,
            StatusChange(
                to=to,
                effective_date="2025-01-02",
                evidence=Evidence(url="https://example.org/a", quote="Work began."),
            ),
        )


def test_events_are_signed_and_delivered(store: Store, tmp_path: Path) -> None:
    with store.session() as session:
        hook = add_webhook(session, "https://hooks.example.org/in", events=["*"], secret=SECRET)
        only_status = add_webhook(
            session, "https://other.example.org/in", events=["status.changed"], secret=SECRET
        )
        hook_id, status_id = hook.id, only_status.id
    _ingest(store, tmp_path)
    _change(store)
    seen: list[httpx.Request] = []

    def receiver(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    with store.session() as session:
        report = deliver_pending(session, transport=httpx.MockTransport(receiver))
    assert (report.delivered, report.retrying, report.failed) == (3, 0, 0)
    events = sorted((str(r.url), r.headers["X-Veedor-Event"]) for r in seen)
    assert events == [
        ("https://hooks.example.org/in", "document.ingested"),
        ("https://hooks.example.org/in", "status.changed"),
        ("https://other.example.org/in", "status.changed"),
    ]
    for request in seen:
        assert verify(SECRET, request.content, request.headers["X-Veedor-Signature"])
        assert request.headers["content-type"] == "application/json"
        body = json.loads(request.content)
        assert body["event"] == request.headers["X-Veedor-Event"]
        assert str(body["id"]) == request.headers["X-Veedor-Delivery"]
        if body["event"] == "status.changed":
            assert body["data"]["to"] == "in-progress"
            assert body["data"]["subject"] == {"kind": "ask", "id": 1}
        else:
            assert body["data"]["publisher"] == "WOLA" and body["data"]["items"]
    assert not verify(
        "another secret entirely", seen[0].content, seen[0].headers["X-Veedor-Signature"]
    )
    with store.session() as session:
        assert {d.status for d in deliveries(session)} == {"delivered"}
        assert deliver_pending(session, transport=httpx.MockTransport(receiver)).attempted == 0
        assert [h.id for h in list_webhooks(session)] == [hook_id, status_id]


def test_failures_back_off_then_give_up(store: Store, tmp_path: Path) -> None:
    with store.session() as session:
        add_webhook(session, "https://down.example.org/", events=["document.ingested"])
    _ingest(store, tmp_path)
    broken = httpx.MockTransport(lambda request: httpx.Response(503, text="maintenance"))
    now = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    with store.session() as session:
        assert deliver_pending(session, transport=broken, now=now).retrying == 1
    for attempt, delay in enumerate(RETRY_DELAYS, start=2):
        due = now + delay
        with store.session() as session:
            early = deliver_pending(session, transport=broken, now=due - dt.timedelta(seconds=1))
            assert early.attempted == 0  # not before its time
            report = deliver_pending(session, transport=broken, now=due)
            assert report.attempted == 1
            [row] = deliveries(session)
            assert row.attempts == attempt and row.last_error == "HTTP 503: maintenance"
            if attempt < MAX_ATTEMPTS:
                assert row.status == "pending" and report.retrying == 1
            else:
                assert row.status == "failed" and report.failed == 1
        now = due
    with store.session() as session:
        later = now + dt.timedelta(days=30)
        assert deliver_pending(session, transport=broken, now=later).attempted == 0


def test_network_errors_are_retried_and_a_later_success_delivers(
    store: Store, tmp_path: Path
) -> None:
    with store.session() as session:
        add_webhook(session, "https://flaky.example.org/", events=["document.ingested"])
    _ingest(store, tmp_path)

    def unreachable(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    now = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    with store.session() as session:
        report = deliver_pending(session, transport=httpx.MockTransport(unreachable), now=now)
        assert report.retrying == 1
        [row] = deliveries(session)
        assert row.last_error and "ConnectError" in row.last_error
    with store.session() as session:
        later = now + RETRY_DELAYS[0]
        ok = deliver_pending(
            session, transport=httpx.MockTransport(lambda r: httpx.Response(200)), now=later
        )
        assert ok.delivered == 1
        [row] = deliveries(session)
        assert row.status == "delivered" and row.attempts == 2 and row.last_error is None


def test_the_outbox_follows_the_transaction(store: Store, tmp_path: Path) -> None:
    _ingest(store, tmp_path)  # before any webhook: nothing queued
    with store.session() as session:
        add_webhook(session, "https://hooks.example.org/", events=["status.changed"])
        assert deliveries(session) == []
    with pytest.raises(RuntimeError), store.session() as session:
        change_status(
            session,
            "ask",
            1,
            StatusChange(
                to="met",
                effective_date="2025-01-02",
                evidence=Evidence(url="https://example.org/a", quote="Done."),
            ),
        )
        assert len(deliveries(session)) == 1
        raise RuntimeError("the request failed after the change")
    with store.session() as session:
        assert deliveries(session) == []
    _change(store)
    with store.session() as session:
        assert [d.event for d in deliveries(session)] == ["status.changed"]


def test_subscriptions_are_validated_and_removable(store: Store) -> None:
    with store.session() as session:
        with pytest.raises(InvalidInputError, match="must start with http"):
            add_webhook(session, "ftp://example.org", events=["*"])
        with pytest.raises(InvalidInputError, match="unknown events"):
            add_webhook(session, "https://example.org", events=["document.deleted"])
        with pytest.raises(InvalidInputError, match="16 to 200"):
            add_webhook(session, "https://example.org", events=["*"], secret="short")
        hook = add_webhook(session, "https://example.org", events=[])
        assert hook.events == ["*"] and len(hook.secret) >= 32
        remove_webhook(session, hook.id)
        with pytest.raises(NotFoundError):
            remove_webhook(session, hook.id)
