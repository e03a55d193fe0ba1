"""Scoring the extractor on our own labelled sentences (tests/data/extraction_cases.jsonl).

Run ``python -m tests.extract.case_eval`` for a per-label breakdown and the misclassified cases.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from veedor.document import Block, Document, Metadata
from veedor.eval.scorer import gold_kinds
from veedor.extract import Item, extract_document

CASES = Path(__file__).resolve().parent.parent / "data" / "extraction_cases.jsonl"


def load_cases() -> list[dict[str, Any]]:
    return _load(CASES)


def _load(path: Path | str) -> list[dict[str, Any]]:
    text = Path(path).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def case_document(case: dict[str, Any]) -> tuple[Document, int]:
    """A one-block document (plus its lead-in, if any) and the offset of the case's text."""
    ctx = case["context"]
    text, blocks, offset = "", [], 0
    if ctx.get("lead_in"):
        text = ctx["lead_in"] + "\n\n"
        blocks.append(Block("paragraph", 0, len(ctx["lead_in"])))
        offset = len(text)
    text += case["text"]
    blocks.append(Block(ctx.get("block") or "paragraph", offset, len(text)))
    meta = Metadata(
        language=case["lang"],
        date=ctx.get("date"),
        addressee=ctx.get("doc_addressee"),
        publisher=ctx.get("publisher"),
    )
    doc = Document(
        source=case["id"],
        sha256="0" * 64,
        size_bytes=len(text),
        text=text,
        blocks=blocks,
        format="txt",
        meta=meta,
    )
    return doc, offset


def predicted_label(items: list[Item], offset: int) -> tuple[str, Item | None]:
    mine = [i for i in items if i.end > offset]
    for kind in ("recommendation", "commitment", "figure"):
        for item in mine:
            if item.kind == kind:
                return kind, item
    return "none", None


@dataclass
class CaseReport:
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    strength: Counter[bool] = field(default_factory=Counter)
    kinds: Counter[bool] = field(default_factory=Counter)
    # Commitments: the dollar amount; figures: the first labelled figure's value.
    amounts: Counter[bool] = field(default_factory=Counter)
    values: Counter[bool] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    sets: dict[str, Counter[str]] = field(
        default_factory=lambda: {"countries": Counter(), "themes": Counter()}
    )

    def set_f1(self, name: str) -> float:
        c = self.sets[name]
        return 2 * c["tp"] / (2 * c["tp"] + c["fp"] + c["fn"]) if c["tp"] else 0.0

    def f1(self, label: str) -> float:
        tp = self.confusion[(label, label)]
        fp = sum(n for (g, p), n in self.confusion.items() if p == label and g != label)
        fn = sum(n for (g, p), n in self.confusion.items() if g == label and p != label)
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    def accuracy(self, counter: Counter[bool]) -> float:
        total = counter[True] + counter[False]
        return counter[True] / total if total else 0.0


def _same(got: object, want: object) -> bool:
    """Amounts and values agree to within half a percent (fractions are rounded: 66.7)."""
    if got is None or want is None:
        return got is None and want is None
    if not isinstance(got, int | float) or not isinstance(want, int | float):
        return False
    return abs(float(got) - float(want)) <= 0.005 * max(abs(float(want)), 1.0)


def run(cases: list[dict[str, Any]] | None = None) -> CaseReport:
    report = CaseReport()
    for case in cases if cases is not None else load_cases():
        doc, offset = case_document(case)
        items = [i for i in extract_document(doc) if i.end > offset]
        label, item = predicted_label(items, offset)
        gold = case["label"]
        report.confusion[(gold, label)] += 1
        if gold != label:
            report.errors.append(f"{case['id']} gold={gold} got={label}: {case['text'][:110]}")
        if gold == label == "commitment" and item is not None:
            got_amount = item.fields.get("amount_usd")
            report.amounts[_same(got_amount, case.get("amount_usd"))] += 1
            if not _same(got_amount, case.get("amount_usd")):
                report.errors.append(f"{case['id']} amount={got_amount} want={case['amount_usd']}")
        if gold == label == "figure" and case.get("figures"):
            want_value = case["figures"][0]["value"]
            values = [i.fields.get("value") for i in items if i.kind == "figure"]
            hit = any(_same(v, want_value) for v in values)
            report.values[hit] += 1
            if not hit:
                report.errors.append(f"{case['id']} values={values} want={want_value}")
        if gold == label == "recommendation" and item is not None:
            report.strength[item.fields.get("strength") == case["strength"]] += 1
            if item.fields.get("strength") != case["strength"]:
                report.errors.append(f"{case['id']} strength={item.fields.get('strength')}")
            got = frozenset((item.fields.get("addressee") or {}).get("kinds", []))
            want_kinds = frozenset(case.get("addressee_kinds") or []) or gold_kinds(
                case.get("addressee")
            )
            report.kinds[got == want_kinds] += 1
            if got != want_kinds:
                report.errors.append(f"{case['id']} kinds={sorted(got)} want={sorted(want_kinds)}")
            for name in ("countries", "themes"):
                want, have = set(case.get(name) or []), set(item.fields.get(name) or [])
                report.sets[name].update(
                    tp=len(want & have), fp=len(have - want), fn=len(want - have)
                )
    return report


if __name__ == "__main__":
    import sys

    rows = load_cases() if len(sys.argv) < 2 or sys.argv[1] == "-v" else _load(sys.argv[1])
    for lang in ("en", "es"):
        r = run([c for c in rows if c["lang"] == lang])
        print(
            lang,
            {k: round(r.f1(k), 3) for k in ("recommendation", "commitment", "figure", "none")},
            "strength",
            round(r.accuracy(r.strength), 3),
            "kinds",
            round(r.accuracy(r.kinds), 3),
            "countries",
            round(r.set_f1("countries"), 3),
            "themes",
            round(r.set_f1("themes"), 3),
            "amounts",
            round(r.accuracy(r.amounts), 3),
            "values",
            round(r.accuracy(r.values), 3),
        )
        if "-v" in sys.argv[1:]:
            print("\n".join(r.errors))
