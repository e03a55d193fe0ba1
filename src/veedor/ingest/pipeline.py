"""Reading files into documents and storing them, one transaction per document.

One bad file never stops a batch: its error becomes a one-line reason in the report, its
transaction is rolled back, and the next file is read.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy.exc import SQLAlchemyError

from veedor.document import Document, Metadata
from veedor.errors import FileTooLargeError, ReadError, UnsupportedFormatError, VeedorError
from veedor.extract import EXTRACTOR_VERSION, extract_document
from veedor.ingest import metadata
from veedor.ingest.formats import is_supported, reader_for
from veedor.link.embed import get_embedder
from veedor.link.service import LinkOptions, LinkReport, link_pending, refresh_asks
from veedor.publish.webhooks import enqueue_document_ingested
from veedor.store import Store
from veedor.store import repository as repo

log = logging.getLogger(__name__)

_FOLDER_DOCS = re.compile(r"^(?:readme|license|licence|changelog|contributing)(?:\.\w+)?$", re.I)

Status = Literal["ingested", "skipped", "updated", "failed"]


@dataclass(frozen=True, kw_only=True)
class IngestOptions:
    """How to ingest: metadata that overrides what is detected, and limits."""

    overrides: Metadata = field(default_factory=Metadata)
    max_file_bytes: int = 100 * 1024 * 1024
    extract: bool = True
    # Link new recommendations into asks after the batch (needs ``extract``).
    link: bool = True
    embedder: str = "use"
    # Queue evidence suggestions from new documents for open asks and commitments (needs link).
    suggest: bool = True


@dataclass(kw_only=True)
class FileResult:
    path: str
    status: Status
    reason: str | None = None
    document_id: int | None = None
    title: str | None = None
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(kw_only=True)
class IngestReport:
    results: list[FileResult] = field(default_factory=list)
    link: LinkReport | None = None
    link_error: str | None = None
    suggestions: int = 0

    def count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def ok(self) -> bool:
        return self.count("failed") == 0


def _is_corpus_file(path: Path, root: Path) -> bool:
    """Whether a file found in a folder is a document: supported, not hidden, and not the
    folder's own documentation (README, LICENSE, CHANGELOG)."""
    if any(part.startswith(".") for part in path.relative_to(root).parts):
        return False
    return path.is_file() and is_supported(path) and not _FOLDER_DOCS.match(path.name)


def collect_paths(paths: Iterable[Path]) -> list[Path]:
    """Files to ingest: each given file, and every document below each given folder."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if _is_corpus_file(p, path))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def read_document(path: Path, *, options: IngestOptions | None = None) -> Document:
    """Read and parse one file, detecting its metadata. Raises :class:`ReadError`."""
    opts = options or IngestOptions()
    reader = reader_for(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror or exc}") from exc
    if size > opts.max_file_bytes:
        raise FileTooLargeError(
            f"file is {size / 2**20:.0f} MB, over the {opts.max_file_bytes / 2**20:.0f} MB limit "
            "(raise it with VEEDOR_MAX_FILE_MB)"
        )
    if size == 0:
        raise ReadError("the file is empty")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror or exc}") from exc
    raw = reader(data)
    meta = metadata.detect(raw)
    sidecar = metadata.read_sidecar(path)
    if sidecar is not None:
        meta = meta.merged(sidecar)
    meta = meta.merged(opts.overrides)
    return Document(
        source=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=size,
        text=raw.text,
        blocks=raw.blocks,
        format=raw.format,
        meta=meta,
    )


def _ingest_one(store: Store, path: Path, options: IngestOptions) -> FileResult:
    doc = read_document(path, options=options)
    with store.session() as session:
        existing = repo.find_by_sha(session, doc.sha256)
        if existing is not None:
            if options.extract and existing.extractor_version != EXTRACTOR_VERSION:
                items = extract_document(doc)
                stale = repo.replace_items(
                    session, existing, items, extractor_version=EXTRACTOR_VERSION
                )
                refresh_asks(session, stale, embedder=get_embedder(options.embedder))
                return FileResult(
                    path=str(path),
                    status="updated",
                    reason=f"re-extracted with extractor {EXTRACTOR_VERSION}",
                    document_id=existing.id,
                    title=existing.title,
                )
            return FileResult(
                path=str(path),
                status="skipped",
                reason=f"already stored as document {existing.id}",
                document_id=existing.id,
                title=existing.title,
            )
        items = extract_document(doc) if options.extract else []
        row = repo.add_document(session, doc, items, extractor_version=EXTRACTOR_VERSION)
        counts: dict[str, int] = {}
        for item in items:
            counts[item.kind] = counts.get(item.kind, 0) + 1
        enqueue_document_ingested(session, row, counts)
        return FileResult(
            path=str(path), status="ingested", document_id=row.id, title=row.title, counts=counts
        )


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    *,
    options: IngestOptions | None = None,
    on_file: Callable[[FileResult], None] | None = None,
    files: list[Path] | None = None,
) -> IngestReport:
    """Ingest every file under ``paths``; ``on_file`` is called after each one."""
    opts = options or IngestOptions()
    report = IngestReport()
    for path in files if files is not None else collect_paths(paths):
        try:
            if not path.exists():
                raise ReadError("no such file or folder")
            result = _ingest_one(store, path, opts)
        except UnsupportedFormatError as exc:
            result = FileResult(path=str(path), status="failed", reason=str(exc))
        except VeedorError as exc:
            result = FileResult(path=str(path), status="failed", reason=str(exc))
        except SQLAlchemyError as exc:
            log.debug("database error while storing %s", path, exc_info=True)
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            result = FileResult(path=str(path), status="failed", reason=f"database error: {reason}")
        except Exception as exc:  # a parser library failing on hostile input must not stop a batch
            log.warning("unexpected error while ingesting %s", path, exc_info=True)
            result = FileResult(
                path=str(path), status="failed", reason=f"unexpected {type(exc).__name__}: {exc}"
            )
        report.results.append(result)
        if on_file is not None:
            on_file(result)
    changed = report.count("ingested") + report.count("updated")
    if opts.extract and opts.link and changed:
        try:
            with store.session() as session:
                report.link = link_pending(session, LinkOptions(embedder=opts.embedder))
        except (VeedorError, SQLAlchemyError) as exc:
            # The documents are stored; linking can be redone with `veedor asks link`.
            log.warning("linking failed", exc_info=True)
            report.link_error = str(exc).splitlines()[0]
    if opts.extract and opts.link and opts.suggest and report.link is not None:
        from veedor.track.suggest import suggest_for_document

        for result in report.results:
            if result.status != "ingested" or result.document_id is None:
                continue
            try:
                with store.session() as session:
                    report.suggestions += suggest_for_document(
                        session, result.document_id, embedder=get_embedder(opts.embedder)
                    ).suggestions
            except (VeedorError, SQLAlchemyError):
                log.warning("evidence suggestions failed for %s", result.path, exc_info=True)
    return report


def reextract_stale(store: Store) -> int:
    """Re-run extraction on every document whose items an older extractor made, one
    transaction per document. Returns how many were redone."""
    with store.session() as session:
        ids = [row.id for row in repo.stale_documents(session, EXTRACTOR_VERSION)]
    for doc_id in ids:
        with store.session() as session:
            row = repo.get_document(session, str(doc_id))
            items = extract_document(repo.document_from_row(row))
            stale = repo.replace_items(session, row, items, extractor_version=EXTRACTOR_VERSION)
            refresh_asks(session, stale)
    if ids:
        with store.session() as session:
            link_pending(session)
    return len(ids)
