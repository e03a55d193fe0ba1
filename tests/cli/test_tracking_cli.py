"""`veedor user`, `veedor status`, `veedor suggestions` and `veedor audit`, in-process."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from veedor.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout + (result.stderr or "")


def test_users_status_queue_and_audit(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 't.db'}"
    code, out = run(
        "--db", db, "user", "add", "ed@example.org", "--role", "editor",
        "--password", "a long enough secret", "--token",
    )  # fmt: skip
    assert code == 0 and "added ed@example.org as editor" in out
    assert any(line.startswith("vdr_") for line in out.splitlines())
    code, out = run("--db", db, "user", "add", "x@example.org", "--password", "short")
    assert code != 0
    code, out = run("--db", db, "user", "list")
    assert code == 0 and "ed@example.org" in out and "editor" in out
    doc = tmp_path / "a.txt"
    doc.write_text(
        "Statement\n\nThe administration should end the detention of families.\n",
        encoding="utf-8",
    )
    assert run("--db", db, "ingest", str(doc))[0] == 0
    code, out = run(
        "--db", db, "status", "set", "ask", "1", "in-progress", "--date", "2025-01-02",
        "--url", "https://example.org/a", "--quote", "Work began.", "--user", "ed@example.org",
    )  # fmt: skip
    assert code == 0 and "ask 1 is now in-progress" in out, out
    code, out = run("--db", db, "status", "show", "ask", "1")
    assert code == 0 and "in-progress" in out and "Work began." in out
    code, out = run("--db", db, "suggestions")
    assert code == 0 and "pending suggestions" in out
    code, out = run("--db", db, "user", "disable", "ed@example.org")
    assert code == 0
    code, out = run("--db", db, "audit", "--format", "jsonl")
    actions = [json.loads(line)["action"] for line in out.splitlines()]
    assert actions == ["user.add", "token.create", "status.change", "user.disable"]
    code, out = run("--db", db, "audit", "--format", "csv")
    assert code == 0 and out.startswith("id,at,user,action")


def test_user_token_feeds_prints_a_feed_key_that_reads_only_feeds(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from veedor.api.app import create_app
    from veedor.config import Settings

    db = f"sqlite:///{tmp_path / 't.db'}"
    code, _ = run("--db", db, "user", "add", "v@example.org", "--password", "a long enough secret")
    assert code == 0
    code, out = run("--db", db, "user", "token", "v@example.org", "--feeds")
    assert code == 0
    key = out.strip().splitlines()[-1]
    assert key.startswith("vdrf_")
    code, out = run("--db", db, "user", "token", "v@example.org")
    token = out.strip().splitlines()[-1]
    assert token.startswith("vdr_") and not token.startswith("vdrf_")
    client = TestClient(create_app(Settings(database_url=db)))
    assert client.get("/feeds/countries/MEX.atom", params={"key": key}).status_code == 200
    bearer = {"Authorization": f"Bearer {key}"}
    assert client.get("/api/v1/documents", headers=bearer).status_code == 401
    full = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/documents", headers=full).status_code == 200
