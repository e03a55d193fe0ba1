"""`veedor asks`, `veedor similar`, `veedor extract --link` and the demo, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from veedor.cli import app, main

runner = CliRunner()

EN = "The administration should end the detention of families with children."
ES = "Instamos al gobierno estadounidense a poner fin a la detención de familias con niños."
OTHER = "Congress must fund lawyers for unaccompanied children in immigration court."


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout + (result.stderr or "")


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """The installed entry point, which turns library errors into a message and exit code 2."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("sys.argv", ["veedor", *args])
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "en.txt").write_text(
        f"Statement by Human Rights Watch\n\nPublished March 3, 2021.\n\n{EN}\n\n{OTHER}\n",
        encoding="utf-8",
    )
    (folder / "es.txt").write_text(
        f"Comunicado de WOLA\n\nPublicado el 10 de junio de 2021.\n\n{ES}\n", encoding="utf-8"
    )
    return folder


def test_asks_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'asks.db'}"
    folder = _corpus(tmp_path / "corpus")
    code, out = run("--db", db, "ingest", str(folder))
    assert code == 0 and "linked 3 new recommendations" in out, out
    code, out = run("--db", db, "asks", "--format", "jsonl", "--min-publishers", "2")
    assert code == 0, out
    shared = [json.loads(line) for line in out.splitlines()]
    assert len(shared) == 1 and shared[0]["recommendations"] == 2
    ask = shared[0]["ask"]
    assert {p["name"] for p in shared[0]["publishers"]} == {"Human Rights Watch", "WOLA"}
    code, out = run("--db", db, "asks", "show", str(ask), "--language", "es")
    assert code == 0 and "Who asked" in out and "WOLA" in out
    code, out = run("--db", db, "asks", "consensus", "--min-publishers", "2")
    assert code == 0 and "advocacy" in out
    code, out = run("--db", db, "similar", "--text", "free detained families", "--limit", "1")
    assert code == 0 and "Similar recommendations" in out
    code, out = run_main(capsys, "--db", db, "asks", "move", "1")
    assert code == 2 and "exactly one of --to ASK or --new" in out
    code, out = run_main(capsys, "--db", db, "asks", "show", "999")
    assert code == 2 and "no ask 999" in out
    code, out = run("--db", db, "asks", "relink")
    assert code == 0 and "3 recommendations linked" in out
    code, out = run("--db", db, "export", "asks")
    assert code == 0 and len(out.splitlines()) == 2


def test_extract_link_numbers_asks_across_files(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus")
    code, out = run("extract", str(folder), "--link")
    assert code == 0, out
    records = [json.loads(line) for line in out.splitlines()]
    asks = {r["text"]: r["ask"] for r in records if r["kind"] == "recommendation"}
    assert asks[EN] == asks[ES] != asks[OTHER]


def test_demo_batch_ingests_the_samples_and_links_them(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    code, out = run("--db", db, "demo", "--no-serve")
    assert code == 0, out
    assert "10 ingested" in out and "recommendation" in out and "linked" in out
    code, out = run("--db", db, "asks", "--format", "jsonl")
    assert code == 0 and len(out.splitlines()) > 10
