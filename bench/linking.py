"""Linking benchmarks: a whole database of recommendations, and one new document.

Recommendations are stored directly (as ingestion would leave them, without their documents'
text) so the measurement is the linking stage itself: embedding, clustering and writing asks.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from corpus import recommendations
from sqlalchemy import insert

from veedor.extract.themes import classifier
from veedor.ingest.pipeline import IngestOptions, ingest_paths
from veedor.link.service import link_pending
from veedor.store import open_store
from veedor.store.models import DocumentRow, ItemRow, ItemTheme

_PER_DOCUMENT = 50


def _fill(url: str, count: int) -> None:
    store = open_store(url)
    themes = classifier()
    recs = list(recommendations(count))
    with store.session() as session:
        documents = [
            {
                "id": d + 1,
                "sha256": f"{d:064x}",
                "source_name": f"bench-{d}.txt",
                "source_path": f"bench-{d}.txt",
                "format": "txt",
                "size_bytes": 0,
                "title": f"Benchmark document {d}",
                "publisher": f"Organisation {d % 40}",
                "date": f"{2015 + d % 10}-{1 + d % 12:02d}-01",
                "authors": [],
                "language": "en",
                "text": "",
                "extractor_version": "bench",
                "ingested_at": None,
            }
            for d in range((count + _PER_DOCUMENT - 1) // _PER_DOCUMENT)
        ]
        for doc in documents:
            doc.pop("ingested_at")
        session.execute(insert(DocumentRow), documents)
        items, item_themes = [], []
        for n, rec in enumerate(recs):
            items.append(
                {
                    "id": n + 1,
                    "document_id": n // _PER_DOCUMENT + 1,
                    "kind": "recommendation",
                    "start": 0,
                    "end": len(rec.text),
                    "text": rec.text,
                    "extractor_version": "bench",
                    "data": {"addressee": {"name": "bench", "kinds": list(rec.kinds)}},
                    "ask_locked": False,
                }
            )
            for theme in themes.classify(rec.text, lang=rec.language):
                item_themes.append({"item_id": n + 1, "theme": theme})
        session.execute(insert(ItemRow), items)
        if item_themes:
            session.execute(insert(ItemTheme), item_themes)
    store.dispose()


def bench_linking(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/link.db"
        _fill(url, count)
        store = open_store(url)
        started = time.perf_counter()
        with store.session() as session:
            report = link_pending(session)
        full = time.perf_counter() - started
        doc = Path(tmp, "new.txt")
        doc.write_text(
            "A new statement\n\nPublished May 2, 2026 by Organisation 3.\n\n"
            + "\n\n".join(r.text for r in recommendations(12, seed=99))
            + "\n",
            encoding="utf-8",
        )
        ingest_paths(store, [doc], options=IngestOptions(link=False))
        started = time.perf_counter()
        with store.session() as session:
            new = link_pending(session)
        one = time.perf_counter() - started
        store.dispose()
    return {
        "recommendations": report.linked,
        "asks": report.created,
        "seconds": full,
        "new_document_recommendations": new.linked,
        "new_document_seconds": one,
    }
