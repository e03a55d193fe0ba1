"""Running extraction over a folder of documents and scoring it against a gold file."""

from __future__ import annotations

from pathlib import Path

from veedor.errors import GoldFileError
from veedor.eval.scorer import Report, load_gold, score_document
from veedor.extract import extract_document
from veedor.ingest import read_document
from veedor.nlp.text import fold


def evaluate(gold_path: Path, docs_dir: Path) -> Report:
    """Extract every document the gold file names from ``docs_dir`` and score the result."""
    report = Report()
    for row in load_gold(gold_path):
        path = docs_dir / row["file"]
        if not path.exists():
            raise GoldFileError(f"gold names {row['file']!r}, which is not in {docs_dir}")
        doc = read_document(path)
        if row.get("publisher"):
            found = fold(doc.meta.publisher or "")
            report.acc("publisher").add(bool(found) and fold(row["publisher"]).startswith(found))
        if row.get("date"):
            report.acc("date").add(doc.meta.date == row["date"])
        items = extract_document(doc)
        score_document(report, row, doc.text, items, name=row["file"])
    return report
