"""`make bench`: speed and memory of Veedor's stages on a generated corpus.

Each benchmark prints what it measured and the target it is held to. Run with ``--docs N`` to
change the corpus size; results are also written as JSON to ``bench/results.json``.

Measured:
- extraction: words per second on one core (rules only, no embeddings; the fastest of three
  passes, with the median beside it), target >= 100,000;
- ingestion: documents per second through the whole pipeline into a fresh SQLite file;
- linking: 100,000 stored recommendations, and one new document's (bench/linking.py);
- web pages: p50/p95 latency of the overview, search and ask pages on 10,000 documents
  (bench/web.py), target p95 < 200 ms;
- peak memory (resident set size) of the process.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate
from linking import bench_linking

from veedor.document import Document, Metadata
from veedor.extract import extract_document
from veedor.ingest.blocks import segment_plain
from veedor.ingest.pipeline import IngestOptions, ingest_paths
from veedor.store import open_store
from web import bench_web
from web import report as report_web

EXTRACTION_TARGET_WPS = 100_000
EXTRACTION_RUNS = 3
LINK_TARGET_SECONDS = 600  # 100,000 recommendations
NEW_DOCUMENT_TARGET_SECONDS = 1.0


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_extraction(count: int) -> dict[str, float]:
    docs = []
    for g in generate(count):
        docs.append(
            Document(
                source=g.name,
                sha256=f"{len(docs):064d}",
                size_bytes=len(g.text),
                text=g.text,
                blocks=segment_plain(g.text),
                format="txt",
                meta=Metadata(language=g.language),
            )
        )
    words = sum(len(d.text.split()) for d in docs)
    # Load vocabularies and compile every language's patterns outside the timing.
    for lang in sorted({d.meta.language for d in docs}):
        extract_document(next(d for d in docs if d.meta.language == lang))
    # A shared machine only ever adds time, so the fastest of a few passes is the code's speed
    # (as ``timeit`` reports it); the median is reported beside it.
    runs = []
    for _ in range(EXTRACTION_RUNS):
        started = time.process_time()
        items = sum(len(extract_document(d)) for d in docs)
        runs.append(time.process_time() - started)
    return {
        "documents": len(docs),
        "words": words,
        "items": items,
        "cpu_seconds": min(runs),
        "median_cpu_seconds": statistics.median(runs),
        "runs": len(runs),
    }


def bench_ingestion(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "corpus")
        folder.mkdir()
        for g in generate(count, seed=11):
            (folder / g.name).write_text(g.text, encoding="utf-8")
        store = open_store(f"sqlite:///{tmp}/bench.db")
        started = time.perf_counter()
        report = ingest_paths(store, [folder], options=IngestOptions())
        seconds = time.perf_counter() - started
        store.dispose()
    return {"documents": report.count("ingested"), "seconds": seconds}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=400, help="documents for extraction")
    parser.add_argument("--ingest-docs", type=int, default=100, help="documents for ingestion")
    parser.add_argument(
        "--link-recs", type=int, default=100_000, help="recommendations to link (0 to skip)"
    )
    parser.add_argument(
        "--web-docs", type=int, default=10_000, help="documents for page latency (0 to skip)"
    )
    args = parser.parse_args()

    results: dict[str, object] = {}
    ex = bench_extraction(args.docs)
    wps = ex["words"] / ex["cpu_seconds"]
    median_wps = ex["words"] / ex["median_cpu_seconds"]
    results["extraction"] = {
        **ex,
        "words_per_second": round(wps),
        "median_words_per_second": round(median_wps),
    }
    print(
        f"extraction  {ex['documents']:,.0f} docs, {ex['words']:,.0f} words, {ex['items']:,.0f} items "
        f"in {ex['cpu_seconds']:.2f} s CPU (fastest of {ex['runs']:.0f} passes): {wps:,.0f} words/s "
        f"on one core, median {median_wps:,.0f} "
        f"(target >= {EXTRACTION_TARGET_WPS:,}: {'met' if wps >= EXTRACTION_TARGET_WPS else 'NOT met'})"
    )

    ing = bench_ingestion(args.ingest_docs)
    dps = ing["documents"] / ing["seconds"]
    results["ingestion"] = {**ing, "documents_per_second": round(dps, 1)}
    print(
        f"ingestion   {ing['documents']:,.0f} text docs into SQLite in {ing['seconds']:.2f} s: "
        f"{dps:,.1f} docs/s (read, detect metadata, extract, store, index)"
    )

    if args.link_recs:
        ln = bench_linking(args.link_recs)
        results["linking"] = ln
        scaled = ln["seconds"] * 100_000 / max(ln["recommendations"], 1)
        print(
            f"linking     {ln['recommendations']:,.0f} stored recommendations into {ln['asks']:,.0f} "
            f"asks in {ln['seconds']:.1f} s (embed, cluster, write; ~{scaled:.0f} s per 100,000, "
            f"target < {LINK_TARGET_SECONDS} s: "
            f"{'met' if scaled < LINK_TARGET_SECONDS else 'NOT met'})"
        )
        print(
            f"            a new document's {ln['new_document_recommendations']:.0f} recommendations "
            f"joined them in {ln['new_document_seconds']:.2f} s (target < "
            f"{NEW_DOCUMENT_TARGET_SECONDS:.0f} s: "
            f"{'met' if ln['new_document_seconds'] < NEW_DOCUMENT_TARGET_SECONDS else 'NOT met'})"
        )

    if args.web_docs:
        web = bench_web(args.web_docs)
        results["web"] = web
        report_web(web)

    peak = _peak_rss_mb()
    results["peak_rss_mb"] = round(peak, 1)
    print(f"memory      peak resident set {peak:,.0f} MB")

    out = Path(__file__).resolve().parent / "results.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
