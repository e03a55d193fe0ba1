"""Webhooks: events POSTed as signed JSON to subscribers, with retries.

Events go into an outbox (``webhook_deliveries``) in the same transaction as the change that
caused them, so an event is never sent for a change that was rolled back, nor lost for one that
was committed. :func:`deliver_pending` sends what is due (``veedor webhook deliver``, e.g. from
cron). Each request carries ``X-Veedor-Signature: sha256=<hex HMAC of the body with the webhook's
secret>``; a 2xx answer delivers it, anything else is retried after 1 minute, 5, 30, 2 hours and
12 hours, and then marked failed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import secrets
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from veedor import __version__
from veedor.errors import InvalidInputError, NotFoundError
from veedor.store.models import DocumentRow, WebhookDeliveryRow, WebhookRow
from veedor.track.audit import record_action

log = logging.getLogger(__name__)

EVENTS = ("status.changed", "document.ingested")
ALL_EVENTS = "*"
RETRY_DELAYS = (
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=30),
    dt.timedelta(hours=2),
    dt.timedelta(hours=12),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
TIMEOUT_SECONDS = 10.0
_ERROR_CHARS = 500


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    delivered: int = 0
    retrying: int = 0
    failed: int = 0

    @property
    def attempted(self) -> int:
        return self.delivered + self.retrying + self.failed


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def sign(secret: str, body: bytes) -> str:
    """The signature header value of a body: ``sha256=<hex HMAC-SHA256>``."""
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(secret: str, body: bytes, signature: str) -> bool:
    """Whether ``signature`` is the one :func:`sign` makes (for receivers, and tests)."""
    return hmac.compare_digest(sign(secret, body), signature)


# --- subscriptions ------------------------------------------------------------------------


def add_webhook(
    session: Session,
    url: str,
    *,
    events: list[str],
    secret: str | None = None,
    user_id: int | None = None,
    user_email: str | None = None,
) -> WebhookRow:
    """Subscribe ``url`` to ``events`` (``EVENTS`` or ``*``); a secret is made when none is
    given."""
    url = url.strip()
    if not url.startswith(("http://", "https://")) or len(url) > 2000:
        raise InvalidInputError(f"webhook URL {url!r} must start with http:// or https://")
    chosen = list(dict.fromkeys(events)) or [ALL_EVENTS]
    unknown = [e for e in chosen if e not in (*EVENTS, ALL_EVENTS)]
    if unknown:
        raise InvalidInputError(
            f"unknown events {', '.join(unknown)}; use {', '.join(EVENTS)} or {ALL_EVENTS}"
        )
    secret = secret if secret is not None else secrets.token_urlsafe(32)
    if not 16 <= len(secret) <= 200:
        raise InvalidInputError("a webhook secret needs 16 to 200 characters")
    row = WebhookRow(url=url, secret=secret, events=chosen, active=True)
    session.add(row)
    session.flush()
    record_action(
        session,
        action="webhook.add",
        target_kind="webhook",
        target_id=row.id,
        user_id=user_id,
        user_email=user_email,
        after={"url": url, "events": chosen},
    )
    return row


def list_webhooks(session: Session) -> list[WebhookRow]:
    return list(session.scalars(select(WebhookRow).order_by(WebhookRow.id)))


def webhook_json(row: WebhookRow) -> dict[str, Any]:
    """A subscription as the API shows it: never its secret."""
    return {
        "id": row.id,
        "url": row.url,
        "events": list(row.events),
        "active": row.active,
        "created_at": row.created_at.isoformat() if row.created_at else None,
    }


def remove_webhook(
    session: Session, webhook_id: int, *, user_id: int | None = None, user_email: str | None = None
) -> None:
    """Delete a webhook and its deliveries."""
    row = session.get(WebhookRow, webhook_id)
    if row is None:
        raise NotFoundError(f"no webhook {webhook_id}")
    record_action(
        session,
        action="webhook.remove",
        target_kind="webhook",
        target_id=webhook_id,
        user_id=user_id,
        user_email=user_email,
        before={"url": row.url, "events": list(row.events)},
    )
    for delivery in session.scalars(
        select(WebhookDeliveryRow).where(WebhookDeliveryRow.webhook_id == webhook_id)
    ):
        session.delete(delivery)
    session.delete(row)
    session.flush()


# --- the outbox ---------------------------------------------------------------------------


def enqueue_event(session: Session, event: str, payload: dict[str, Any]) -> int:
    """Queue ``event`` for every active webhook subscribed to it, in the caller's transaction.
    Returns how many deliveries were queued."""
    if event not in EVENTS:
        raise InvalidInputError(f"unknown event {event!r}")
    hooks = [
        h
        for h in session.scalars(select(WebhookRow).where(WebhookRow.active.is_(True)))
        if event in h.events or ALL_EVENTS in h.events
    ]
    now = _now()
    for hook in hooks:
        session.add(
            WebhookDeliveryRow(
                webhook_id=hook.id,
                event=event,
                payload=payload,
                attempts=0,
                status="pending",
                next_attempt_at=now,
                created_at=now,
            )
        )
    if hooks:
        session.flush()
    return len(hooks)


def enqueue_document_ingested(
    session: Session, document: DocumentRow, counts: dict[str, int]
) -> int:
    """Queue ``document.ingested`` for a newly stored document."""
    return enqueue_event(
        session,
        "document.ingested",
        {
            "document_id": document.id,
            "sha256": document.sha256,
            "source_name": document.source_name,
            "title": document.title,
            "publisher": document.publisher,
            "date": document.date,
            "language": document.language,
            "items": dict(counts),
        },
    )


def _body(delivery: WebhookDeliveryRow) -> bytes:
    created = _utc(delivery.created_at).isoformat() if delivery.created_at else None
    envelope = {
        "id": delivery.id,
        "event": delivery.event,
        "created_at": created,
        "data": delivery.payload,
    }
    return json.dumps(envelope, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _send(client: httpx.Client, hook: WebhookRow, delivery: WebhookDeliveryRow) -> str | None:
    """POST one delivery; the error, or None when the receiver accepted it."""
    body = _body(delivery)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": f"Veedor/{__version__}",
        "X-Veedor-Event": delivery.event,
        "X-Veedor-Delivery": str(delivery.id),
        "X-Veedor-Signature": sign(hook.secret, body),
    }
    try:
        response = client.post(hook.url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        return f"{type(exc).__name__}: {exc}"[:_ERROR_CHARS]
    if 200 <= response.status_code < 300:
        return None
    return f"HTTP {response.status_code}: {response.text[:200]}"[:_ERROR_CHARS]


def deliver_pending(
    session: Session,
    *,
    transport: httpx.BaseTransport | None = None,
    now: dt.datetime | None = None,
    limit: int = 1000,
) -> DeliveryReport:
    """Send every delivery that is due at ``now``, recording each outcome; retries are
    scheduled by ``RETRY_DELAYS``. ``transport`` replaces the network (tests)."""
    moment = _utc(now) if now is not None else _now()
    due = list(
        session.scalars(
            select(WebhookDeliveryRow)
            .where(
                WebhookDeliveryRow.status == "pending",
                WebhookDeliveryRow.next_attempt_at <= moment,
            )
            .order_by(WebhookDeliveryRow.next_attempt_at, WebhookDeliveryRow.id)
            .limit(limit)
        )
    )
    delivered = retrying = failed = 0
    with httpx.Client(
        transport=transport, timeout=TIMEOUT_SECONDS, follow_redirects=False
    ) as client:
        for delivery in due:
            hook = session.get(WebhookRow, delivery.webhook_id)
            if hook is None or not hook.active:
                continue
            error = _send(client, hook, delivery)
            delivery.attempts += 1
            delivery.last_error = error
            if error is None:
                delivery.status = "delivered"
                delivery.delivered_at = moment
                delivered += 1
            elif delivery.attempts >= MAX_ATTEMPTS:
                delivery.status = "failed"
                failed += 1
                log.warning("webhook %d gave up on delivery %d: %s", hook.id, delivery.id, error)
            else:
                delivery.next_attempt_at = moment + RETRY_DELAYS[delivery.attempts - 1]
                retrying += 1
                log.info("webhook %d delivery %d will be retried: %s", hook.id, delivery.id, error)
            session.flush()
    return DeliveryReport(delivered, retrying, failed)


def deliveries(
    session: Session, *, status: str | None = None, limit: int = 100
) -> list[WebhookDeliveryRow]:
    """Recent deliveries, newest first."""
    query = select(WebhookDeliveryRow).order_by(WebhookDeliveryRow.id.desc()).limit(limit)
    if status is not None:
        query = query.where(WebhookDeliveryRow.status == status)
    return list(session.scalars(query))
