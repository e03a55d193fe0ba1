"""`veedor export`, `veedor import`, `veedor feed`, `veedor searches` and `veedor webhook`,
in-process."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from veedor.cli import app
from veedor.samples import sample_dir

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    # A VeedorError reaches main(), which prints it; in-process it is the result's exception.
    error = f"error: {result.exception}" if result.exception else ""
    return result.exit_code, result.stdout + (result.stderr or "") + error


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    code, out = run("--db", url, "ingest", str(sample_dir()))
    assert code == 0, out
    code, out = run(
        "--db", url, "status", "set", "ask", "1", "in-progress", "--date", "2025-01-02",
        "--url", "https://example.org/a", "--quote", "Se inició el trámite.",
    )  # fmt: skip
    assert code == 0, out
    return url


def test_export_every_format(db: str, tmp_path: Path) -> None:
    code, out = run("--db", db, "export", "status")
    assert code == 0 and json.loads(out.splitlines()[0])["to"] == "in-progress"
    target = tmp_path / "recs.csv"
    assert (
        run("--db", db, "export", "recommendations", "--format", "hxl", "-o", str(target))[0] == 0
    )
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows[1][0].startswith("#") and len(rows) > 10
    book = tmp_path / "docs.xlsx"
    assert run("--db", db, "export", "documents", "--format", "xlsx", "-o", str(book))[0] == 0
    assert load_workbook(book)["documents"].max_row == 11
    code, out = run("--db", db, "export", "documents", "--format", "xlsx")
    assert code != 0 and "name the file with -o" in out
    code, out = run("--db", db, "export", "poems")
    assert code != 0
    code, out = run("--db", db, "export", "asks", "--format", "pdf")
    assert code != 0


def test_archive_export_and_import(db: str, tmp_path: Path) -> None:
    archive = tmp_path / "all.zip"
    code, out = run("--db", db, "export", "--all", "-o", str(archive))
    assert code == 0 and "archived" in out and archive.exists()
    assert run("--db", db, "export", "--all")[0] != 0
    assert run("--db", db, "export", "asks", "--all", "-o", str(archive))[0] != 0
    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    code, out = run("--db", fresh, "import", str(archive))
    assert code == 0 and "restored" in out
    code, out = run("--db", fresh, "export", "status")
    assert "Se inició el trámite." in out
    code, out = run("--db", fresh, "import", str(archive))
    assert code != 0


def test_feeds_and_saved_searches(db: str) -> None:
    code, out = run("--db", db, "feed", "ask", "1", "--base-url", "https://veedor.example.org")
    assert code == 0
    root = ET.fromstring(out.strip().encode())
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert "is now in-progress" in out and "https://veedor.example.org/asks/1" in out
    for args in (("country", "MEX"), ("search", "--q", "asilo", "--country", "MEX")):
        code, out = run("--db", db, "feed", *args)
        assert code == 0 and "<entry>" in out, out
    code, out = run(
        "--db", db, "searches", "save", "Haití", "--q", "deportations", "--country", "HTI"
    )
    assert code == 0 and "saved search 1" in out
    code, out = run("--db", db, "searches", "list")
    assert code == 0 and "Haití" in out and "/feeds/saved/1.atom" in out
    code, out = run("--db", db, "feed", "saved", "1")
    assert code == 0 and "Veedor: Haití" in out
    assert run("--db", db, "searches", "remove", "1")[0] == 0
    assert run("--db", db, "feed", "saved", "1")[0] != 0


def test_webhook_commands(db: str) -> None:
    code, out = run(
        "--db", db, "webhook", "add", "http://127.0.0.1:9/none", "--event", "status.changed",
        "--secret", "0123456789abcdef0123",
    )  # fmt: skip
    assert code == 0 and "added webhook 1" in out
    code, out = run("--db", db, "webhook", "list")
    assert code == 0 and "127.0.0.1:9" in out and "status.changed" in out
    code, out = run("--db", db, "webhook", "deliver")
    assert code == 0 and "0 delivered" in out
    assert run("--db", db, "webhook", "remove", "1")[0] == 0
    assert run("--db", db, "webhook", "add", "ftp://x", "--event", "*")[0] != 0
