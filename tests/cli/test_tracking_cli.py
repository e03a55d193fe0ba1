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
