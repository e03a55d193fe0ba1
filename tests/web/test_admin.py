"""The administrators' pages: the audit log (filtered, CSV) and users (add, disable, enable);
editors and viewers are refused."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient
from sqlalchemy import select

from tests.web import test_pages
from tests.web.test_pages import EDITOR, PASSWORD, Site, csrf_of, login
from veedor.auth import add_user
from veedor.store.models import AuditRow, UserRow

corpus_db = test_pages.corpus_db
site = test_pages.site
ADMIN = "admin@example.org"


def _admin_client(site: Site) -> tuple[TestClient, str]:
    with site.store.session() as session:
        add_user(session, ADMIN, PASSWORD, role="admin")
    client = site.client()
    response = client.post("/login", data={"email": ADMIN, "password": PASSWORD, "next": "/users"})
    assert response.status_code == 303
    page = client.get("/users")
    assert page.status_code == 200
    return client, csrf_of(page.text)


def test_only_admins_see_the_audit_log_and_users(site: Site) -> None:
    client = site.client()
    assert client.get("/audit").headers["location"].startswith("/login")
    login(client, EDITOR)
    assert client.get("/audit").status_code == 403
    assert client.get("/users").status_code == 403
    assert client.get("/audit.csv").status_code == 403
    assert 'href="/audit"' not in client.get("/").text


def test_admin_adds_disables_and_enables_a_user_and_the_log_shows_it(site: Site) -> None:
    client, csrf = _admin_client(site)
    added = client.post(
        "/users",
        data={"csrf": csrf, "email": "Nueva@Example.org", "password": PASSWORD, "role": "editor"},
    )
    assert added.status_code == 303 and "users.added" in added.headers["location"]
    new = site.rows(select(UserRow).where(UserRow.email == "nueva@example.org"))
    assert [(u.role, u.active) for u in new] == [("editor", True)]
    off = client.post("/users/nueva@example.org/active", data={"csrf": csrf, "active": "false"})
    assert off.status_code == 303
    assert site.rows(select(UserRow.active).where(UserRow.email == "nueva@example.org")) == [False]
    refused = client.post(f"/users/{ADMIN}/active", data={"csrf": csrf, "active": "false"})
    assert "users.not_yourself" in refused.headers["location"]
    bad = client.post(
        "/users",
        data={"csrf": csrf, "email": "x@example.org", "password": "short", "role": "editor"},
    )
    assert "error=form.failed" in bad.headers["location"]
    log = client.get("/audit?action=user.disable")
    assert log.status_code == 200
    assert "<code>user.disable</code>" in log.text and "<code>user.add</code>" not in log.text
    actions = site.rows(select(AuditRow.action).where(AuditRow.user_email == ADMIN))
    assert "user.add" in actions and "user.disable" in actions
    exported = client.get("/audit.csv")
    assert exported.status_code == 200 and exported.text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(exported.text.lstrip("\ufeff"))))
    assert {r["action"] for r in rows} >= {"user.add", "user.disable"}
    assert len(rows) == len(site.rows(select(AuditRow.id)))


def test_forms_on_admin_pages_need_the_csrf_token(site: Site) -> None:
    client, _ = _admin_client(site)
    response = client.post(
        "/users",
        data={"csrf": "nope", "email": "y@example.org", "password": PASSWORD, "role": "viewer"},
    )
    assert response.status_code == 403
    assert site.rows(select(UserRow).where(UserRow.email == "y@example.org")) == []
