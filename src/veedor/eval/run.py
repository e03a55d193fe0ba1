"""Running extraction (and linking) over a folder of documents and scoring it against a gold
file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from veedor.errors import GoldFileError
from veedor.eval.scorer import Report, bcubed, load_gold, score_document
from veedor.extract import Item, extract_document
from veedor.ingest import read_document
from veedor.link.vectors import LinkInput, link_batch
from veedor.nlp.text import fold


def evaluate(gold_path: Path, docs_dir: Path, *, link: bool = True) -> Report:
    """Extract every document the gold file names from ``docs_dir`` and score the result.

    With ``link``, every document's recommendations are linked together (oldest document
    first, as on ingest) and the asks are scored against the gold ``group`` keys (B-cubed)."""
    report = Report()
    rows = load_gold(gold_path)
    recs: list[tuple[Item, str | None]] = []
    matched: list[tuple[Item, dict[str, Any]]] = []
    for row in sorted(rows, key=lambda r: (r.get("date") or "", r["file"])):
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
        recs += [(i, doc.meta.language) for i in items if i.kind == "recommendation"]
        matched += score_document(report, row, doc.text, items, name=row["file"])
    grouped = [(item, g["group"]) for item, g in matched if g.get("group")]
    if link and grouped:
        asks = link_batch([LinkInput.of(item, lang) for item, lang in recs])
        for (item, _), ask in zip(recs, asks, strict=True):
            item.fields["ask"] = ask
        p, r, f = bcubed([g for _, g in grouped], [item.fields["ask"] for item, _ in grouped])
        report.linking.update({"asks B-cubed precision": p, "asks B-cubed recall": r})
        report.linking["asks B-cubed F1"] = f
    return report
