"""A complete archive of a database: every table as JSON Lines in a zip, with a manifest.

The manifest names the Veedor version, the schema's Alembic revision, and each member's row
count and SHA-256. Restoring needs an empty database at the same revision; it runs in one
transaction, keeps every id, and on PostgreSQL moves the id sequences past the restored rows.
Values are written so that they mean the same on SQLite and PostgreSQL: times in UTC ISO 8601,
bytes in base64, JSON columns as JSON.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.types import Boolean, DateTime, Float, Integer, LargeBinary

from veedor import __version__
from veedor.errors import InvalidInputError, StoreError
from veedor.store import Store
from veedor.store.models import Base

log = logging.getLogger(__name__)

ARCHIVE_FORMAT = "veedor-archive"
ARCHIVE_FORMAT_VERSION = 1
MANIFEST = "manifest.json"
_BATCH = 500


class ArchiveError(InvalidInputError):
    """An archive cannot be restored: corrupt, of another schema, or the database is not empty."""


@dataclass(frozen=True, slots=True)
class ArchiveSummary:
    path: Path
    revision: str
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def tables() -> list[Table]:
    """Every table of the schema, parents before the tables that refer to them."""
    return list(Base.metadata.sorted_tables)


def schema_revision(connection: Connection) -> str:
    """The Alembic revision the database is at."""
    try:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError as exc:
        raise StoreError(f"the database has no schema version (alembic_version): {exc}") from exc
    if not revision:
        raise StoreError("the database has no schema version; open it with Veedor first")
    return str(revision)


# --- values -------------------------------------------------------------------------------


def _dump_value(value: Any, column_type: Any) -> Any:
    if value is None:
        return None
    if isinstance(column_type, DateTime):
        assert isinstance(value, dt.datetime)
        if value.tzinfo is None:  # SQLite keeps the UTC wall time without its offset
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(column_type, LargeBinary):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(column_type, Boolean):
        return bool(value)
    return value


def _load_value(value: Any, column_type: Any) -> Any:
    if value is None:
        return None
    if isinstance(column_type, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(column_type, LargeBinary):
        return base64.b64decode(value, validate=True)
    if isinstance(column_type, Float) and isinstance(value, int):
        return float(value)
    return value


def dump_rows(connection: Connection, table: Table) -> Iterator[dict[str, Any]]:
    """A table's rows as JSON-ready dicts, in primary-key order."""
    order = list(table.primary_key.columns) or list(table.columns)
    result = connection.execution_options(yield_per=_BATCH).execute(select(table).order_by(*order))
    for row in result.mappings():
        yield {c.name: _dump_value(row[c.name], c.type) for c in table.columns}


# --- export -------------------------------------------------------------------------------


def export_archive(store: Store, path: Path) -> ArchiveSummary:
    """Write every table of ``store`` to the zip file ``path`` (replaced if it exists)."""
    members: dict[str, dict[str, Any]] = {}
    partial = path.with_name(path.name + ".partial")
    try:
        with (
            store.engine.connect() as connection,
            zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            # One read transaction, so the tables are a consistent snapshot on PostgreSQL.
            with connection.begin():
                if store.dialect == "postgresql":
                    connection.execute(
                        text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    )
                revision = schema_revision(connection)
                stamp = dt.datetime.now(dt.UTC).timetuple()[:6]
                for table in tables():
                    name = f"tables/{table.name}.jsonl"
                    digest = hashlib.sha256()
                    count = 0
                    info = zipfile.ZipInfo(name, date_time=stamp)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    with archive.open(info, "w", force_zip64=True) as member:
                        for row in dump_rows(connection, table):
                            line = (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")
                            digest.update(line)
                            member.write(line)
                            count += 1
                    members[table.name] = {
                        "file": name,
                        "rows": count,
                        "sha256": digest.hexdigest(),
                        "columns": [c.name for c in table.columns],
                    }
            manifest = {
                "format": ARCHIVE_FORMAT,
                "format_version": ARCHIVE_FORMAT_VERSION,
                "veedor_version": __version__,
                "alembic_revision": revision,
                "source_dialect": store.dialect,
                "created_at": dt.datetime.now(dt.UTC).isoformat(),
                "tables": members,
            }
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"cannot write the archive {path}: {exc.strerror or exc}") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    log.info("archived %d rows to %s", sum(m["rows"] for m in members.values()), path)
    return ArchiveSummary(path, revision, {t: m["rows"] for t, m in members.items()})


# --- import -------------------------------------------------------------------------------


def read_manifest(archive: zipfile.ZipFile, path: Path) -> dict[str, Any]:
    """The archive's manifest, checked for shape."""
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError:
        raise ArchiveError(f"{path} is not a Veedor archive: it has no {MANIFEST}") from None
    except (ValueError, zipfile.BadZipFile, OSError) as exc:
        raise ArchiveError(f"{path} is corrupt: its manifest cannot be read ({exc})") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != ARCHIVE_FORMAT:
        raise ArchiveError(f"{path} is not a Veedor archive (its manifest has another format)")
    if manifest.get("format_version") != ARCHIVE_FORMAT_VERSION:
        raise ArchiveError(
            f"{path} is archive format {manifest.get('format_version')!r}; this Veedor reads "
            f"format {ARCHIVE_FORMAT_VERSION}"
        )
    if not isinstance(manifest.get("tables"), dict):
        raise ArchiveError(f"{path} is corrupt: its manifest lists no tables")
    return manifest


def _check_tables(manifest: dict[str, Any], path: Path) -> None:
    known = {t.name: t for t in tables()}
    listed = manifest["tables"]
    missing = sorted(set(known) - set(listed))
    extra = sorted(set(listed) - set(known))
    if missing or extra:
        raise ArchiveError(
            f"{path} does not match this schema: "
            + "; ".join(
                part
                for part in (
                    f"missing tables {', '.join(missing)}" if missing else "",
                    f"unknown tables {', '.join(extra)}" if extra else "",
                )
                if part
            )
        )
    for name, table in known.items():
        columns = listed[name].get("columns")
        if columns != [c.name for c in table.columns]:
            raise ArchiveError(
                f"{path} does not match this schema: table {name} has columns {columns}"
            )


def _check_member(archive: zipfile.ZipFile, entry: dict[str, Any], path: Path) -> None:
    """Check a member's SHA-256 and row count against the manifest, reading it in chunks."""
    digest = hashlib.sha256()
    lines = 0
    try:
        with archive.open(entry["file"]) as member:
            while chunk := member.read(1 << 20):
                digest.update(chunk)
                lines += chunk.count(b"\n")
    except KeyError:
        raise ArchiveError(f"{path} is corrupt: member {entry['file']} is missing") from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ArchiveError(f"{path} is corrupt: member {entry['file']}: {exc}") from exc
    if digest.hexdigest() != entry.get("sha256"):
        raise ArchiveError(
            f"{path} is corrupt: {entry['file']} does not match the SHA-256 in the manifest"
        )
    if lines != entry.get("rows"):
        raise ArchiveError(
            f"{path} is corrupt: {entry['file']} holds {lines} rows, "
            f"the manifest says {entry.get('rows')}"
        )


def _rows(
    archive: zipfile.ZipFile, entry: dict[str, Any], table: Table, path: Path
) -> Iterator[dict[str, Any]]:
    with archive.open(entry["file"]) as member:
        for number, line in enumerate(member, 1):
            try:
                raw = json.loads(line)
                yield {c.name: _load_value(raw[c.name], c.type) for c in table.columns}
            except (ValueError, KeyError, TypeError) as exc:
                raise ArchiveError(
                    f"{path} is corrupt: line {number} of table {table.name} cannot be read ({exc})"
                ) from exc


def _non_empty(connection: Connection) -> list[str]:
    return [
        t.name
        for t in tables()
        if connection.execute(select(func.count()).select_from(t)).scalar_one()
    ]


def _fix_sequences(connection: Connection) -> None:
    """Move each PostgreSQL id sequence past the restored ids, so new rows get fresh ones."""
    for table in tables():
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, Integer):
            continue
        sequence = connection.execute(
            text("SELECT pg_get_serial_sequence(:table, :column)"),
            {"table": table.name, "column": pk[0].name},
        ).scalar()
        if sequence is None:
            continue
        connection.execute(
            text(
                f'SELECT setval(:seq, coalesce((SELECT max("{pk[0].name}") FROM "{table.name}"), 1), '
                f'(SELECT max("{pk[0].name}") FROM "{table.name}") IS NOT NULL)'
            ),
            {"seq": sequence},
        )


def import_archive(store: Store, path: Path) -> ArchiveSummary:
    """Restore the archive at ``path`` into the empty database of ``store``, in one
    transaction. Raises :class:`ArchiveError` when the archive is corrupt or of another schema
    revision, or when the database already holds data."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise ArchiveError(f"no archive {path}") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise ArchiveError(f"{path} is not a readable zip archive: {exc}") from exc
    with archive:
        manifest = read_manifest(archive, path)
        _check_tables(manifest, path)
        rows: dict[str, int] = {}
        with store.engine.begin() as connection:
            revision = schema_revision(connection)
            if manifest.get("alembic_revision") != revision:
                raise ArchiveError(
                    f"{path} holds schema revision {manifest.get('alembic_revision')!r} but the "
                    f"database is at {revision!r}; restore it with the Veedor version that wrote "
                    f"it ({manifest.get('veedor_version')}), or re-export it after upgrading"
                )
            busy = _non_empty(connection)
            if busy:
                raise ArchiveError(
                    "the database is not empty (rows in "
                    + ", ".join(busy)
                    + "); restore into a new database"
                )
            for table in tables():
                _check_member(archive, manifest["tables"][table.name], path)
            for table in tables():
                entry = manifest["tables"][table.name]
                batch: list[dict[str, Any]] = []
                for row in _rows(archive, entry, table, path):
                    batch.append(row)
                    if len(batch) >= _BATCH:
                        connection.execute(table.insert(), batch)
                        batch = []
                if batch:
                    connection.execute(table.insert(), batch)
                rows[table.name] = int(entry["rows"])
            if connection.dialect.name == "postgresql":
                _fix_sequences(connection)
    log.info("restored %d rows from %s", sum(rows.values()), path)
    return ArchiveSummary(path, revision, rows)
