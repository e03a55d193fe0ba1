"""Ingesting uploaded files (from the API or the web app) through the ordinary pipeline."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy.orm import Session

from veedor.ingest.pipeline import IngestOptions, IngestReport, ingest_paths
from veedor.store import Store
from veedor.track.audit import record_action

MAX_UPLOAD_FILES = 50


def upload_name(path: str) -> str:
    """The name the user uploaded, from the temporary path it was ingested from."""
    return Path(path).name.split("-", 1)[-1]


def ingest_uploads(
    store: Store,
    files: Sequence[tuple[str | None, BinaryIO]],
    *,
    max_file_bytes: int,
    embedder: str,
) -> IngestReport:
    """Copy each (name, stream) to a temporary file and ingest them as one batch. A file over
    ``max_file_bytes`` is cut there, so the pipeline refuses it by its size with a clear reason
    without the whole upload being held in memory."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n, (filename, stream) in enumerate(files):
            name = Path(filename or f"upload-{n}").name or f"upload-{n}"
            target = Path(tmp) / f"{n:03d}-{name}"
            with target.open("wb") as out:
                copied = 0
                while chunk := stream.read(1 << 20):
                    copied += len(chunk)
                    out.write(chunk)
                    if copied > max_file_bytes:
                        break
            paths.append(target)
        return ingest_paths(
            store,
            [],
            files=paths,
            options=IngestOptions(max_file_bytes=max_file_bytes, embedder=embedder),
        )


def record_uploads(
    session: Session, report: IngestReport, *, user_id: int | None, user_email: str | None
) -> list[dict[str, Any]]:
    """Log who uploaded each stored document (the audit log) and describe every file's outcome
    by the name it was uploaded under."""
    results = []
    for r in report.results:
        name = upload_name(r.path)
        if r.status in ("ingested", "updated") and r.document_id is not None:
            record_action(
                session,
                action="document.upload",
                target_kind="document",
                target_id=r.document_id,
                user_id=user_id,
                user_email=user_email,
                after={"file": name, "status": r.status},
            )
        results.append(
            {
                "file": name,
                "status": r.status,
                "reason": r.reason,
                "document_id": r.document_id,
                "title": r.title,
                "items": r.counts,
            }
        )
    return results
