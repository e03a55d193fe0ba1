from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from veedor.document import Metadata
from veedor.extract import EXTRACTOR_VERSION
from veedor.ingest import IngestOptions, ingest_paths
from veedor.ingest import pipeline as ingest_pipeline
from veedor.ingest.pipeline import reextract_stale
from veedor.store import Store
from veedor.store.models import BlockRow, DocumentRow, ItemRow
from veedor.store.search import search_documents


def _count(store: Store, model: type) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_folder_ingest_then_second_run_skips_everything(
    store: Store, sample_files: dict[str, Path]
) -> None:
    folder = sample_files["txt"].parent
    first = ingest_paths(store, [folder])
    assert [r.status for r in first.results] == ["ingested"] * 5, [r.reason for r in first.results]
    assert first.ok
    assert _count(store, DocumentRow) == 5
    blocks = _count(store, BlockRow)
    assert blocks >= 25
    second = ingest_paths(store, [folder])
    assert {r.status for r in second.results} == {"skipped"}
    assert _count(store, DocumentRow) == 5 and _count(store, BlockRow) == blocks


def test_bad_file_fails_alone_and_batch_goes_on(
    store: Store, sample_files: dict[str, Path]
) -> None:
    folder = sample_files["txt"].parent
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (folder / "empty.txt").write_bytes(b"")
    report = ingest_paths(store, [folder])
    failed = {Path(r.path).name: r.reason for r in report.results if r.status == "failed"}
    assert set(failed) == {"broken.pdf", "empty.txt"}
    assert all(failed.values())
    assert report.count("ingested") == 5 and not report.ok
    assert _count(store, DocumentRow) == 5


def test_a_failure_while_storing_rolls_back_that_document_only(
    store: Store, sample_files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = ingest_pipeline.extract_document

    def flaky(doc):  # type: ignore[no-untyped-def]
        if doc.format == "md":
            raise RuntimeError("extractor exploded")
        return real(doc)

    monkeypatch.setattr(ingest_pipeline, "extract_document", flaky)
    report = ingest_paths(store, [sample_files["txt"].parent])
    statuses = {Path(r.path).suffix: r.status for r in report.results}
    assert statuses[".md"] == "failed" and statuses[".txt"] == "ingested"
    with store.session() as session:
        formats = set(session.scalars(select(DocumentRow.format)))
    assert formats == {"txt", "html", "pdf", "docx"}
    # Nothing of the failed document was half-written.
    with store.session() as session:
        orphans = session.scalar(
            select(func.count())
            .select_from(BlockRow)
            .where(~BlockRow.document_id.in_(select(DocumentRow.id)))
        )
    assert orphans == 0


def test_overrides_win_over_detection(store: Store, sample_files: dict[str, Path]) -> None:
    options = IngestOptions(
        overrides=Metadata(publisher="Given Org", date="2020-01-02", title="Given")
    )
    report = ingest_paths(store, [sample_files["txt"]], options=options)
    with store.session() as session:
        row = session.get(DocumentRow, report.results[0].document_id)
        assert row is not None
        assert (row.publisher, row.date, row.title) == ("Given Org", "2020-01-02", "Given")


def test_sidecar_overrides_detection_and_cli_overrides_sidecar(
    store: Store, tmp_path: Path
) -> None:
    doc = tmp_path / "letter.txt"
    doc.write_text(
        "Dear Minister,\n\nWe urge you to end the expulsions of migrants.\n", encoding="utf-8"
    )
    (tmp_path / "letter.txt.meta.json").write_text(
        '{"publisher": "Sidecar Org", "date": "2023-05-06", "addressee": "Government of Mexico"}',
        encoding="utf-8",
    )
    opts = IngestOptions(overrides=Metadata(date="2023-07-08"))
    report = ingest_paths(store, [doc], options=opts)
    with store.session() as session:
        row = session.get(DocumentRow, report.results[0].document_id)
        assert row is not None
        assert (row.publisher, row.date, row.addressee) == (
            "Sidecar Org",
            "2023-07-08",
            "Government of Mexico",
        )


def test_bad_sidecar_is_reported(store: Store, tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("The administration should act now on asylum.\n", encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text('{"publisher": ', encoding="utf-8")
    report = ingest_paths(store, [doc])
    assert report.results[0].status == "failed"
    assert "sidecar" in (report.results[0].reason or "")


def test_missing_path_fails_with_reason(store: Store, tmp_path: Path) -> None:
    report = ingest_paths(store, [tmp_path / "nope.txt"])
    assert report.results[0].status == "failed"
    assert "no such file" in (report.results[0].reason or "")


def test_full_text_search_finds_and_highlights(store: Store, sample_files: dict[str, Path]) -> None:
    ingest_paths(store, [sample_files["txt"], sample_files["html"]])
    with store.session() as session:
        hits = search_documents(session, "shelters civil society")
        assert len(hits) == 2
        assert all("[" in h.snippet for h in hits)
        assert search_documents(session, "nonexistentword") == []
        assert search_documents(session, '"; DROP TABLE documents; --') == []


def test_items_are_stored_and_replaced_on_new_extractor_version(
    store: Store, sample_files: dict[str, Path]
) -> None:
    ingest_paths(store, [sample_files["txt"]])
    with store.session() as session:
        before = list(session.scalars(select(ItemRow)))
        assert before, "the sample holds a recommendation and figures"
        assert {i.extractor_version for i in before} == {EXTRACTOR_VERSION}
        session.query(DocumentRow).update({DocumentRow.extractor_version: "0.0.1"})
        session.query(ItemRow).update({ItemRow.extractor_version: "0.0.1"})
    assert reextract_stale(store) == 1
    with store.session() as session:
        after = list(session.scalars(select(ItemRow)))
    assert {i.extractor_version for i in after} == {EXTRACTOR_VERSION}
    assert len(after) == len(before)
    assert reextract_stale(store) == 0
