"""Ingestion: files in, documents (text, blocks, metadata, extracted items) stored."""

from veedor.ingest.pipeline import (
    FileResult,
    IngestOptions,
    IngestReport,
    collect_paths,
    ingest_paths,
    read_document,
)

__all__ = [
    "FileResult",
    "IngestOptions",
    "IngestReport",
    "collect_paths",
    "ingest_paths",
    "read_document",
]
