"""The command line, run in-process against real databases."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SEEDS
from veedor.cli import app
from veedor.cli.reference import render_reference

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'cli.db'}"
    return str(request.getfixturevalue("pg_schema_url"))


def test_ingest_exit_codes_and_listing(db_url: str, sample_files: dict[str, Path]) -> None:
    folder = sample_files["txt"].parent
    code, out = run("--db", db_url, "ingest", str(folder))
    assert code == 0, out
    assert "5 ingested" in out
    code, out = run("--db", db_url, "ingest", str(folder))
    assert code == 0 and "5 skipped" in out
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    code, out = run("--db", db_url, "ingest", str(folder))
    assert code == 1 and "1 failed" in out
    code, out = run("--db", db_url, "documents", "--format", "html")
    assert code == 0 and "1 documents" in out
    code, out = run("--db", db_url, "show", "1")
    assert code == 0 and "sha256" in out and "blocks" in out
    code, out = run("--db", db_url, "search", "shelters")
    assert code == 0 and "documents match" in out


def test_env_var_selects_the_database(
    tmp_path: Path, sample_files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("VEEDOR_DATABASE_URL", f"sqlite:///{db}")
    code, _ = run("ingest", str(sample_files["md"]))
    assert code == 0 and db.exists()


def test_bad_database_url_is_a_clear_error(sample_files: dict[str, Path]) -> None:
    result = runner.invoke(app, ["--db", "nonsense", "ingest", str(sample_files["txt"])])
    assert result.exit_code != 0
    assert "SQLAlchemy URL" in str(result.exception) or "SQLAlchemy URL" in result.output


def test_extract_jsonl_follows_the_contract(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    text = (
        "Hemisphere Test Forum\n\n"
        "The administration should restore asylum at ports of entry.\n\n"
        "The State Department announced $25 million for shelters in Mexico.\n\n"
        "More than 41,000 people requested asylum in Mexico.\n"
    )
    path.write_text(text, encoding="utf-8")
    code, out = run("extract", str(path), "--format", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert {r["kind"] for r in records} == {"recommendation", "commitment", "figure"}
    for r in records:
        assert r["document"] == str(path)
        assert text[r["start"] : r["end"]] == r["text"]
    rec = next(r for r in records if r["kind"] == "recommendation")
    assert set(rec) >= {"addressee", "strength", "countries", "themes", "confidence"}
    commitment = next(r for r in records if r["kind"] == "commitment")
    assert commitment["amount_usd"] == 25_000_000 and set(commitment) >= {
        "actor",
        "action",
        "duration_months",
        "date",
        "countries",
    }
    figure = next(r for r in records if r["kind"] == "figure")
    assert set(figure) >= {"value", "unit", "subject", "country", "as_of"}


def test_extract_table_and_bad_file(tmp_path: Path) -> None:
    good = tmp_path / "a.md"
    good.write_text("# Title\n\nCongress must fund legal aid for children.\n", encoding="utf-8")
    bad = tmp_path / "b.pdf"
    bad.write_bytes(b"not a pdf")
    result = runner.invoke(app, ["extract", str(good), str(bad), "--format", "table"])
    assert result.exit_code == 1
    assert "Congress" in result.stdout and "b.pdf" in result.output


def test_export_jsonl_and_csv(db_url: str, sample_files: dict[str, Path], tmp_path: Path) -> None:
    run("--db", db_url, "ingest", str(sample_files["txt"]))
    code, out = run("--db", db_url, "export", "recommendations", "--format", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert records and all(r["kind"] == "recommendation" for r in records)
    target = tmp_path / "figures.csv"
    code, _ = run("--db", db_url, "export", "figures", "--format", "csv", "-o", str(target))
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert code == 0 and rows and {"value", "unit", "document"} <= set(rows[0])


@pytest.mark.skipif(not (SEEDS / "gold.jsonl").exists(), reason="no seed gold standard")
def test_eval_json_and_seed_ingest(tmp_path: Path) -> None:
    code, out = run("eval", "--gold", str(SEEDS / "gold.jsonl"), "--docs", str(SEEDS), "--json")
    assert code == 0
    scores = json.loads(out)
    assert scores["recommendation"]["f1"] > 0.9
    db = f"sqlite:///{tmp_path / 'seeds.db'}"
    code, out = run("--db", db, "ingest", str(SEEDS))
    assert code == 0 and "5 ingested" in out
    code, out = run("--db", db, "ingest", str(SEEDS))
    assert code == 0 and "5 skipped" in out


def test_cli_reference_is_current_and_complete() -> None:
    reference = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text(
        encoding="utf-8"
    )
    assert reference == render_reference(app), "docs/cli.md is stale: run `make docs`"
    for command in app.registered_commands:
        name = command.name or (command.callback.__name__ if command.callback else "")
        assert f"## `veedor {name}`" in reference
