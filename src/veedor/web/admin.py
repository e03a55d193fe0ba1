"""The administrators' pages: the audit log (filtered, exportable as CSV) and the users
(add, disable, enable). Every change here is itself in the audit log."""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from veedor.api.app import SessionDep
from veedor.auth import ROLES, Principal, add_user, list_users, require, set_active
from veedor.errors import AuthError, InvalidInputError, VeedorError
from veedor.track.audit import AuditFilter, audit_entries, audit_json, export_audit
from veedor.web.render import render
from veedor.web.session import check_csrf, signed_in

router = APIRouter(include_in_schema=False)
PAGE = 100


def _admin(request: Request, session: SessionDep) -> Principal:
    who = signed_in(request, session)
    if who is None:
        raise AuthError("sign in as an administrator")
    require(who, "admin")
    return who


@router.get("/audit", response_class=HTMLResponse)
def audit_page(
    request: Request,
    session: SessionDep,
    action: Annotated[str | None, Query(max_length=40)] = None,
    user: Annotated[str | None, Query(max_length=300)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    who = _admin(request, session)
    rows = audit_entries(
        session,
        AuditFilter(
            action=action or None,
            user_email=(user or "").strip().lower() or None,
            limit=PAGE + 1,
            offset=(page - 1) * PAGE,
        ),
    )
    entries = [audit_json(r) for r in rows[:PAGE]]
    for entry in entries:
        for side in ("before", "after"):
            value = entry[side]
            entry[side] = json.dumps(value, ensure_ascii=False) if value is not None else ""
    return render(
        request,
        "audit.html",
        {
            "entries": entries,
            "action": action or "",
            "user_filter": user or "",
            "page": page,
            "more": len(rows) > PAGE,
        },
        principal=who,
    )


@router.get("/audit.csv")
def audit_csv(request: Request, session: SessionDep) -> Response:
    """The whole audit log, oldest first, as CSV (UTF-8 with a byte-order mark)."""
    _admin(request, session)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(["id", "at", "user", "action", "target_kind", "target_id", "before", "after"])
    for e in export_audit(session):
        writer.writerow(
            [
                e["id"],
                e["at"],
                e["user"] or "",
                e["action"],
                e["target"]["kind"],
                e["target"]["id"] or "",
                json.dumps(e["before"], ensure_ascii=False) if e["before"] is not None else "",
                json.dumps(e["after"], ensure_ascii=False) if e["after"] is not None else "",
            ]
        )
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="veedor-audit.csv"'},
    )


@router.get("/users", response_class=HTMLResponse)
def users_page(request: Request, session: SessionDep) -> Response:
    who = _admin(request, session)
    return render(
        request,
        "users.html",
        {
            "users": list_users(session),
            "roles": ROLES,
        },
        principal=who,
    )


@router.post("/users")
def add_user_form(
    request: Request,
    session: SessionDep,
    csrf: Annotated[str, Form(max_length=100)],
    email: Annotated[str, Form(max_length=300)],
    password: Annotated[str, Form(max_length=1000)],
    role: Annotated[str, Form(max_length=10)],
    name: Annotated[str | None, Form(max_length=300)] = None,
) -> Response:
    who = _admin(request, session)
    check_csrf(request, csrf)
    try:
        with session.begin_nested():
            add_user(session, email, password, role=role, name=name or None, actor=who)
    except (InvalidInputError, VeedorError) as exc:
        return RedirectResponse(
            "/users?" + _query(error="form.failed", detail=str(exc)), status_code=303
        )
    return RedirectResponse("/users?notice=users.added", status_code=303)


@router.post("/users/{email}/active")
def set_active_form(
    request: Request,
    session: SessionDep,
    email: str,
    csrf: Annotated[str, Form(max_length=100)],
    active: Annotated[bool, Form()],
) -> Response:
    who = _admin(request, session)
    check_csrf(request, csrf)
    if not active and email.strip().lower() == (who.email or ""):
        return RedirectResponse("/users?error=users.not_yourself", status_code=303)
    set_active(session, email, active, actor=who)
    return RedirectResponse("/users?notice=users.saved", status_code=303)


def _query(**values: str) -> str:
    from urllib.parse import urlencode

    return urlencode(values)
