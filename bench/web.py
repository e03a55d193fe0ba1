"""Web page latency on a database of generated documents (the issue's target: p95 < 200 ms
for the overview, search and ask pages on 10,000 documents).

The database is built through the real pipeline (read, extract, store, link with the hashing
embedder so it builds in minutes), then publishers, dates and a share of status records are
spread over it so facets, agreement and status breakdowns have something to count. Pages are
requested in-process through the ASGI app (routing, queries, templates; no network), each
several times with varied parameters; we report the first (cold) request and p50/p95.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate
from sqlalchemy import func, select, text

from veedor.config import Settings
from veedor.ingest.pipeline import IngestOptions, ingest_paths
from veedor.store import open_store
from veedor.store.models import AskRow, ItemRow

TARGET_P95_MS = 200.0
_WORDS = [
    "asylum",
    "deport",
    "defenders",
    "corruption",
    "migrants",
    "border",
    "funding",
    "justicia",
]


def build(url: str, count: int, folder: Path) -> float:
    """Ingest ``count`` generated documents into ``url``; seconds taken."""
    folder.mkdir(parents=True, exist_ok=True)
    for g in generate(count, words_per_doc=500, seed=23):
        (folder / g.name).write_text(g.text, encoding="utf-8")
    store = open_store(url)
    started = time.perf_counter()
    ingest_paths(store, [folder], options=IngestOptions(embedder="hashing", suggest=False))
    with store.session() as session:
        # Spread publishers and dates, as a real collection has them.
        session.execute(
            text(
                "UPDATE documents SET publisher = 'Organisation ' || (id % 60), "
                "date = (2015 + id % 11) || '-' || substr('0' || (1 + id % 12), -2) || '-15'"
            )
        )
        rng = random.Random(3)
        ask_ids = list(session.scalars(select(AskRow.id)))
        statuses = ["in-progress", "partly-met", "met", "reversed", "rejected"]
        for ask_id in rng.sample(ask_ids, k=len(ask_ids) // 20):
            session.execute(
                text(
                    "INSERT INTO tracked (subject_kind, subject_id, status, version, updated_at) "
                    "VALUES ('ask', :id, :status, 1, CURRENT_TIMESTAMP)"
                ),
                {"id": ask_id, "status": rng.choice(statuses)},
            )
    seconds = time.perf_counter() - started
    store.dispose()
    return seconds


def _time(client: object, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path)  # type: ignore[attr-defined]
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}: {response.text[:300]}")
    return elapsed


def measure(url: str, *, rounds: int = 40) -> dict[str, dict[str, float]]:
    from fastapi.testclient import TestClient

    from veedor.api.app import create_app

    app = create_app(Settings(database_url=url, public=True, embedder="hashing"))
    client = TestClient(app)
    rng = random.Random(5)
    with app.state.store.session() as session:
        asks = list(
            session.scalars(
                select(ItemRow.ask_id)
                .where(ItemRow.ask_id.is_not(None))
                .group_by(ItemRow.ask_id)
                .order_by(func.count().desc())
                .limit(400)
            )
        )
        countries = [
            r[0]
            for r in session.execute(
                text("SELECT iso3 FROM item_countries GROUP BY iso3 ORDER BY count(*) DESC LIMIT 8")
            )
        ]
    pages = {
        "overview": lambda: "/",
        "search": lambda: (
            f"/search?q={rng.choice(_WORDS)}"
            + (f"&country={rng.choice(countries)}" if countries and rng.random() < 0.5 else "")
            + ("&kind=recommendation" if rng.random() < 0.3 else "")
        ),
        "ask": lambda: f"/asks/{rng.choice(asks)}",
    }
    out: dict[str, dict[str, float]] = {}
    for name, make in pages.items():
        cold = _time(client, make())
        times = sorted(_time(client, make()) for _ in range(rounds))
        p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
        out[name] = {
            "cold_ms": round(cold, 1),
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(p95, 1),
            "max_ms": round(times[-1], 1),
        }
    app.state.store.dispose()
    return out


def bench_web(count: int, *, keep: Path | None = None) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        db = keep or Path(tmp, "web.db")
        url = f"sqlite:///{db}"
        build_seconds = 0.0
        if not db.exists():
            build_seconds = build(url, count, Path(tmp, "corpus"))
        store = open_store(url)
        with store.session() as session:
            documents = session.scalar(text("SELECT count(*) FROM documents")) or 0
            items = session.scalar(text("SELECT count(*) FROM items")) or 0
            asks = session.scalar(text("SELECT count(*) FROM asks")) or 0
        store.dispose()
        pages = measure(url)
    return {
        "documents": documents,
        "items": items,
        "asks": asks,
        "build_seconds": round(build_seconds, 1),
        "pages": pages,
    }


def report(result: dict[str, object]) -> None:
    print(
        f"web         {result['documents']:,} documents, {result['items']:,} items, "
        f"{result['asks']:,} asks (built in {result['build_seconds']} s)"
    )
    pages = result["pages"]
    assert isinstance(pages, dict)
    for name, m in pages.items():
        verdict = "met" if m["p95_ms"] < TARGET_P95_MS else "NOT met"
        print(
            f"            {name:<9} cold {m['cold_ms']:7.1f} ms  p50 {m['p50_ms']:6.1f} ms  "
            f"p95 {m['p95_ms']:6.1f} ms (target < {TARGET_P95_MS:.0f} ms: {verdict})"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument(
        "--keep", type=Path, default=None, help="build the database here once and reuse it"
    )
    args = parser.parse_args()
    report(bench_web(args.docs, keep=args.keep))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
