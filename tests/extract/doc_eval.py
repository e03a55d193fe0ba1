"""Scoring the whole pipeline (read → segment → extract) on our own fictional documents.

``tests/data/documents/`` holds complete documents in genres the labelled sentences do not cover
(a year-in-review, a joint letter with a signature block, comunicados, a think-tank brief with
endnotes, a news article, a press release with a fact box, hearing testimony, a UN briefing
note) and ``gold.jsonl``, labelled in the seeds' format and by their annotation rules.

Run ``python -m tests.extract.doc_eval`` for the scores per language and every miss.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from veedor.eval.scorer import Report, score_document
from veedor.extract import extract_document
from veedor.ingest.pipeline import read_document

DOCUMENTS = Path(__file__).resolve().parent.parent / "data" / "documents"


def load_gold() -> list[dict[str, Any]]:
    lines = (DOCUMENTS / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def language(row: dict[str, Any]) -> str:
    return "es" if row["file"].startswith("es_") else "en"


def run(rows: list[dict[str, Any]] | None = None) -> Report:
    report = Report()
    for row in rows if rows is not None else load_gold():
        doc = read_document(DOCUMENTS / row["file"])
        score_document(report, row, doc.text, extract_document(doc), name=row["file"])
    return report


def scores(report: Report) -> dict[str, float]:
    """The numbers the floors pin: detection F1 per kind and the key fields."""
    out = {kind: c.f1 for kind, c in report.detection.items()}
    out.update({f"{kind}_precision": c.precision for kind, c in report.detection.items()})
    out.update({f"{kind}_recall": c.recall for kind, c in report.detection.items()})
    for name in ("strength", "addressee_kind", "amount", "actor_kind", "value"):
        out[name] = report.acc(name).value
    out["countries"] = report.sets("countries").f1
    out["themes"] = report.sets("themes").f1
    return out


if __name__ == "__main__":
    import sys

    gold = load_gold()
    for lang in ("en", "es", "all"):
        picked = [r for r in gold if lang in ("all", language(r))]
        result = run(picked)
        print(lang, {k: round(v, 3) for k, v in scores(result).items()})
        if lang == "all" and "-v" in sys.argv[1:]:
            for miss in result.misses:
                print(miss)
