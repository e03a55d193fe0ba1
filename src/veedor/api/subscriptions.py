"""The JSON API's routes for subscriptions: saved searches (each user's own, followed as Atom
feeds) and webhooks (admins only)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from veedor.api.app import Admin, SessionDep, Viewer
from veedor.api.routes import Id, Limit
from veedor.errors import AuthError, PermissionDeniedError
from veedor.publish.searches import SearchSpec, delete_saved, list_saved, save_search, saved_json
from veedor.publish.webhooks import (
    add_webhook,
    deliveries,
    list_webhooks,
    remove_webhook,
    webhook_json,
)

router = APIRouter()


class SavedSearchBody(BaseModel):
    name: str = Field(max_length=200)
    query: str = Field(default="", max_length=1000)
    country: str | None = Field(default=None, max_length=3)
    theme: str | None = Field(default=None, max_length=40)
    publisher: str | None = Field(default=None, max_length=300)
    kind: str | None = Field(default=None, max_length=20)


class WebhookBody(BaseModel):
    url: str = Field(max_length=2000)
    events: list[str] = Field(default_factory=list, max_length=10)
    secret: str | None = Field(
        default=None, max_length=200, description="Made for you when left out (shown once)."
    )


@router.get("/saved-searches")
def saved_searches(
    session: SessionDep, who: Viewer, everyone: Annotated[bool, Query(alias="all")] = False
) -> dict[str, Any]:
    """Your saved searches, each with its Atom feed (``all=true``: everyone's, admins only)."""
    if who.user_id is None:
        raise AuthError("saved searches belong to users: send your API token")
    if everyone and not who.allows("admin"):
        raise PermissionDeniedError("only admins list everyone's saved searches")
    rows = list_saved(session, owner_user_id=None if everyone else who.user_id)
    return {"items": [saved_json(r) for r in rows]}


@router.post("/saved-searches", status_code=201)
def create_saved_search(session: SessionDep, who: Viewer, body: SavedSearchBody) -> dict[str, Any]:
    """Save a search (any signed-in user) so its Atom feed has a stable address."""
    if who.user_id is None:
        raise AuthError("saved searches belong to users: send your API token")
    spec = SearchSpec(
        query=body.query,
        country=body.country or None,
        theme=body.theme or None,
        publisher=body.publisher or None,
        kind=body.kind or None,
    )
    row = save_search(session, body.name, spec, owner_user_id=who.user_id, user_email=who.email)
    return saved_json(row)


@router.delete("/saved-searches/{saved_id}", status_code=204)
def remove_saved_search(session: SessionDep, who: Viewer, saved_id: Id) -> Response:
    """Delete one of your saved searches (admins: anyone's)."""
    if who.user_id is None:
        raise AuthError("saved searches belong to users: send your API token")
    delete_saved(
        session, saved_id, user_id=who.user_id, user_email=who.email, admin=who.allows("admin")
    )
    return Response(status_code=204)


@router.get("/webhooks")
def webhooks(session: SessionDep, _: Admin) -> dict[str, Any]:
    """Webhook subscriptions (admins only; secrets are never shown again)."""
    return {"items": [webhook_json(w) for w in list_webhooks(session)]}


@router.post("/webhooks", status_code=201)
def create_webhook(session: SessionDep, who: Admin, body: WebhookBody) -> dict[str, Any]:
    """Subscribe a URL to events; the response carries the signing secret, shown only once."""
    row = add_webhook(
        session,
        body.url,
        events=body.events,
        secret=body.secret,
        user_id=who.user_id,
        user_email=who.email,
    )
    return {**webhook_json(row), "secret": row.secret}


@router.delete("/webhooks/{webhook_id}", status_code=204)
def delete_webhook(session: SessionDep, who: Admin, webhook_id: Id) -> Response:
    remove_webhook(session, webhook_id, user_id=who.user_id, user_email=who.email)
    return Response(status_code=204)


@router.get("/webhooks/deliveries")
def webhook_deliveries(
    session: SessionDep,
    _: Admin,
    status: Literal["pending", "delivered", "failed"] | None = None,
    limit: Limit = 100,
) -> dict[str, Any]:
    """Recent deliveries, newest first, with their attempts and last error."""
    rows = deliveries(session, status=status, limit=limit)
    return {
        "items": [
            {
                "id": d.id,
                "webhook_id": d.webhook_id,
                "event": d.event,
                "status": d.status,
                "attempts": d.attempts,
                "last_error": d.last_error,
                "created_at": d.created_at.isoformat() if d.created_at else None,
                "delivered_at": d.delivered_at.isoformat() if d.delivered_at else None,
            }
            for d in rows
        ]
    }
