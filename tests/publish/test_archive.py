"""Complete archives: export every table, restore into an empty database, and get the same rows
back, SQLite to SQLite and SQLite to PostgreSQL."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select, text

from tests.publish.helpers import fill
from veedor.auth import add_user
from veedor.publish.archive import (
    ArchiveError,
    dump_rows,
    export_archive,
    import_archive,
    tables,
)
from veedor.store import Store, open_store
from veedor.store.models import UserRow


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Any:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('source') / 'source.db'}")
    fill(store)
    yield store
    store.dispose()


@pytest.fixture(scope="module")
def archive(source: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("archive") / "veedor.zip"
    summary = export_archive(source, path)
    assert summary.revision == head_revision(source) and summary.total > 0
    return path


def head_revision(store: Store) -> str:
    """The schema revision a freshly migrated database is at (the newest migration)."""
    with store.session() as session:
        return str(session.execute(text("SELECT version_num FROM alembic_version")).scalar_one())


def snapshot(store: Store) -> dict[str, list[dict[str, Any]]]:
    with store.engine.connect() as connection:
        return {t.name: list(dump_rows(connection, t)) for t in tables()}


def manifest(path: Path) -> dict[str, Any]:
    with zipfile.ZipFile(path) as zf:
        data: dict[str, Any] = json.loads(zf.read("manifest.json"))
        return data


def test_the_archive_holds_every_table_with_counts_and_digests(
    source: Store, archive: Path
) -> None:
    found = manifest(archive)
    assert found["format"] == "veedor-archive" and found["alembic_revision"] == head_revision(
        source
    )
    assert found["veedor_version"]
    schema = set(inspect(source.engine).get_table_names())
    # Everything but Alembic's bookkeeping and SQLite's full-text index (rebuilt by triggers).
    # Full-text indexes (documents_fts*, items_fts*) are rebuilt by triggers on import.
    expected = {t for t in schema if t != "alembic_version" and "_fts" not in t}
    assert set(found["tables"]) == expected
    rows = snapshot(source)
    for name, entry in found["tables"].items():
        assert entry["rows"] == len(rows[name]), name
    for name in ("documents", "blocks", "items", "item_countries", "item_themes", "asks",
                 "item_vectors", "tracked", "status_records", "suggestions", "users",
                 "api_tokens", "audit_log", "saved_searches", "webhooks", "webhook_deliveries"):  # fmt: skip
        assert found["tables"][name]["rows"] > 0, name
    user = rows["users"][0]
    assert user["password_hash"].startswith("$argon2") and user["name"] == "Editora Núñez"
    assert all(len(d["text"]) > 100 and len(d["sha256"]) == 64 for d in rows["documents"])


@pytest.mark.parametrize("target_db", ["sqlite", "postgresql"])
def test_round_trip_gives_identical_tables(
    source: Store, archive: Path, tmp_path: Path, request: pytest.FixtureRequest, target_db: str
) -> None:
    url = (
        f"sqlite:///{tmp_path / 'target.db'}"
        if target_db == "sqlite"
        else request.getfixturevalue("pg_schema_url")
    )
    target = open_store(url)
    try:
        summary = import_archive(target, archive)
        assert summary.rows == {k: v["rows"] for k, v in manifest(archive)["tables"].items()}
        again = tmp_path / "again.zip"
        export_archive(target, again)
        before, after = snapshot(source), snapshot(target)
        for name in before:
            assert after[name] == before[name], f"table {name} differs after the round trip"
        first, second = manifest(archive)["tables"], manifest(again)["tables"]
        assert {k: v["sha256"] for k, v in first.items()} == {
            k: v["sha256"] for k, v in second.items()
        }
        with target.session() as session:
            # Ids go on after the restored ones (PostgreSQL sequences were moved).
            top = max(session.scalars(select(UserRow.id)))
            assert add_user(session, "new@example.org", "another long secret").id > top
            # Full-text search works on the restored documents.
            from veedor.store.search import search_documents

            assert search_documents(session, "asilo")
    finally:
        target.dispose()


def test_refuses_a_database_that_is_not_empty(source: Store, archive: Path) -> None:
    with pytest.raises(ArchiveError, match="not empty"):
        import_archive(source, archive)


def _rewrite(archive: Path, target: Path, change: Any) -> Path:
    with zipfile.ZipFile(archive) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(info.filename, data)
    return target


def _tamper_items(name: str, data: bytes) -> bytes:
    return data.replace(b"should", b"shall", 1) if name == "tables/items.jsonl" else data


def _other_revision(name: str, data: bytes) -> bytes:
    if name != "manifest.json":
        return data
    found = json.loads(data)
    found["alembic_revision"] = "0003"
    return json.dumps(found).encode()


def _no_manifest(name: str, data: bytes) -> bytes | None:
    return None if name == "manifest.json" else data


def _missing_table(name: str, data: bytes) -> bytes | None:
    if name != "manifest.json":
        return data
    found = json.loads(data)
    del found["tables"]["webhooks"]
    return json.dumps(found).encode()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_tamper_items, "does not match the SHA-256"),
        (_other_revision, "schema revision '0003'"),
        (_no_manifest, "has no manifest.json"),
        (_missing_table, "missing tables webhooks"),
    ],
)
def test_refuses_corrupt_or_foreign_archives_and_keeps_the_database_empty(
    archive: Path, tmp_path: Path, change: Any, message: str
) -> None:
    bad = _rewrite(archive, tmp_path / "bad.zip", change)
    target = open_store(f"sqlite:///{tmp_path / 'target.db'}")
    try:
        with pytest.raises(ArchiveError, match=message):
            import_archive(target, bad)
        assert all(not rows for rows in snapshot(target).values())
    finally:
        target.dispose()


def test_refuses_a_file_that_is_not_a_zip(tmp_path: Path, sqlite_store: Store) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip at all")
    with pytest.raises(ArchiveError, match="not a readable zip"):
        import_archive(sqlite_store, junk)
    with pytest.raises(ArchiveError, match="no archive"):
        import_archive(sqlite_store, tmp_path / "missing.zip")
