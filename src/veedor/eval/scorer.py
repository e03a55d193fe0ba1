"""Scoring extracted items against a gold file in the format of the seeds' ``gold.jsonl``.

Items are matched one-to-one by span overlap (at least half of the shorter span), best overlap
first. Precision, recall and F1 are reported per kind; field accuracy over matched pairs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from veedor.errors import GoldFileError
from veedor.extract.items import Item

MIN_OVERLAP = 0.5
KINDS = ("recommendation", "commitment", "figure")
_GOLD_KEY = {"recommendation": "recommendations", "commitment": "commitments", "figure": "figures"}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class Report:
    detection: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    accuracy: dict[str, Accuracy] = field(default_factory=dict)
    set_scores: dict[str, Counts] = field(default_factory=dict)
    linking: dict[str, float] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)

    def acc(self, name: str) -> Accuracy:
        return self.accuracy.setdefault(name, Accuracy())

    def sets(self, name: str) -> Counts:
        return self.set_scores.setdefault(name, Counts())

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {kind: c.as_dict() for kind, c in self.detection.items()}
        out["fields"] = {
            name: {"accuracy": round(a.value, 4), "n": a.total}
            for name, a in sorted(self.accuracy.items())
        }
        out["fields"].update(
            {
                f"{name}_micro_f1": {"f1": round(c.f1, 4), **c.as_dict()}
                for name, c in sorted(self.set_scores.items())
            }
        )
        if self.linking:
            out["linking"] = {k: round(v, 4) for k, v in self.linking.items()}
        return out


def load_gold(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        rows = [json.loads(line) for line in lines if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldFileError(f"cannot read gold file {path}: {exc}") from exc
    for row in rows:
        if "file" not in row:
            raise GoldFileError(f"{path}: every line needs a 'file' field")
    return rows


def _squash(text: str) -> tuple[str, list[int]]:
    """Text with white-space runs folded to one space, and a map back to original offsets."""
    out: list[str] = []
    index: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if prev_space:
                continue
            out.append(" ")
            prev_space = True
        else:
            out.append(ch)
            prev_space = False
        index.append(i)
    index.append(len(text))
    return "".join(out), index


def locate(doc_text: str, needle: str, *, after: int = 0) -> tuple[int, int] | None:
    """Offsets of ``needle`` in ``doc_text``, tolerant of white-space differences."""
    pos = doc_text.find(needle, after)
    if pos < 0:
        pos = doc_text.find(needle)
    if pos >= 0:
        return pos, pos + len(needle)
    squashed, index = _squash(doc_text)
    target = re.sub(r"\s+", " ", needle.strip())
    pos = squashed.find(target)
    if pos < 0:
        return None
    return index[pos], index[pos + len(target) - 1] + 1


def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), best overlap first."""
    candidates = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap <= 0:
                continue
            shorter = min(ge - gs, pe - ps) or 1
            if overlap / shorter >= MIN_OVERLAP:
                candidates.append((overlap / max(ge - gs, pe - ps, 1), gi, pi))
    pairs, used_g, used_p = [], set(), set()
    for _, gi, pi in sorted(candidates, reverse=True):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


# "Congress of Guatemala", "Senate of Mexico", "Guatemalan Congress": not the US Congress.
_OF_ANOTHER_STATE = re.compile(
    r"^(?!.*\b(?:us|u\.s\.|united states)\b)(?:.*\bof\s+(?:the\s+)?[a-z]|[a-z]+(?:an|ian|ese|ic)\s)"
)


def gold_kinds(name: str | None) -> frozenset[str]:
    """The addressee kinds a gold addressee name implies."""
    if not name:
        return frozenset()
    kinds: set[str] = set()
    lowered = name.lower()
    if re.search(r"\bgovernments? of\b", lowered):
        kinds.add("foreign-government")
        if re.search(r"\bus\b", lowered):
            kinds.add("us-executive")
        return frozenset(kinds)
    for part in re.split(r"\s+and\s+", name):
        p = part.strip().lower()
        if ("congress" in p or "senate" in p) and _OF_ANOTHER_STATE.search(p):
            kinds.add("foreign-government")  # "Congress of Guatemala": another state's body
        elif "congress" in p or "senate" in p:
            kinds.add("us-congress")
        elif p.startswith(("us ", "u.s.")) or p in {"usaid", "dhs", "doj"}:
            kinds.add("us-executive")
        elif "government" in p:
            kinds.add("foreign-government")
        elif p in {"oas", "un", "international community", "eu"} or p.startswith(("un ", "oas")):
            kinds.add("multilateral")
        elif p:
            kinds.add("other")
    return frozenset(kinds)


def _close(a: float | None, b: float | None, tol: float = 0.005) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tol * max(abs(a), abs(b), 1)


def score_document(
    report: Report, gold: dict[str, Any], doc_text: str, items: list[Item], *, name: str
) -> list[tuple[Item, dict[str, Any]]]:
    """Score one document's items; returns the (predicted, gold) recommendation pairs."""
    matched: list[tuple[Item, dict[str, Any]]] = []
    for kind in KINDS:
        golds = gold.get(_GOLD_KEY[kind], [])
        spans: list[tuple[int, int]] = []
        kept = []
        next_from: dict[str, int] = {}
        for g in golds:
            # The same text annotated twice (a summary bullet and its section heading) means
            # two places in the document: look for the next occurrence each time.
            span = locate(doc_text, g["text"], after=next_from.get(g["text"], 0))
            if span is not None:
                next_from[g["text"]] = span[1]
            if span is None:
                report.misses.append({"file": name, "kind": kind, "unlocated": g["text"][:80]})
                continue
            spans.append(span)
            kept.append(g)
        preds = [i for i in items if i.kind == kind]
        pairs = match(spans, [(p.start, p.end) for p in preds])
        counts = report.detection[kind]
        counts.tp += len(pairs)
        counts.fp += len(preds) - len(pairs)
        counts.fn += len(kept) - len(pairs)
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for gi, g in enumerate(kept):
            if gi not in matched_g:
                report.misses.append({"file": name, "kind": kind, "missed": g["text"][:160]})
        for pi, p in enumerate(preds):
            if pi not in matched_p:
                report.misses.append({"file": name, "kind": kind, "spurious": p.text[:160]})
        for gi, pi in pairs:
            _score_fields(report, kind, kept[gi], preds[pi])
            if kind == "recommendation":
                matched.append((preds[pi], kept[gi]))
    return matched


def _score_fields(report: Report, kind: str, g: dict[str, Any], p: Item) -> None:
    f = p.fields
    if kind == "recommendation":
        addressee = f.get("addressee") or {}
        report.acc("addressee_kind").add(
            gold_kinds(g.get("addressee")) == frozenset(addressee.get("kinds", []))
        )
        report.acc("strength").add(g.get("strength") == f.get("strength"))
        _sets(report.sets("countries"), g.get("countries", []), f.get("countries", []))
        _sets(report.sets("themes"), g.get("themes", []), f.get("themes", []))
    elif kind == "commitment":
        report.acc("amount").add(_close(g.get("amount_usd"), f.get("amount_usd")))
        actor = f.get("actor") or {}
        report.acc("actor_kind").add(
            gold_kinds(g.get("actor")) == frozenset(actor.get("kinds", []))
        )
        report.acc("commitment_date").add(g.get("date") == f.get("date"))
        _sets(report.sets("commitment_countries"), g.get("countries", []), f.get("countries", []))
    else:
        report.acc("value").add(_close(g.get("value"), f.get("value")))
        report.acc("unit").add(str(g.get("unit", "")).lower() == str(f.get("unit", "")).lower())
        report.acc("figure_country").add(g.get("country") == f.get("country"))
        report.acc("as_of").add(g.get("as_of") == f.get("as_of"))


def _sets(counts: Counts, gold: list[str], pred: list[str]) -> None:
    g, p = set(gold), set(pred)
    counts.tp += len(g & p)
    counts.fp += len(p - g)
    counts.fn += len(g - p)


def bcubed(truth: list[str], predicted: list[Any]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against true group labels."""
    n = len(truth)
    if n == 0:
        return 0.0, 0.0, 0.0
    precision = recall = 0.0
    for i in range(n):
        same_pred = [j for j in range(n) if predicted[j] == predicted[i]]
        same_true = sum(1 for j in range(n) if truth[j] == truth[i])
        both = sum(1 for j in same_pred if truth[j] == truth[i])
        precision += both / len(same_pred)
        recall += both / same_true
    p, r = precision / n, recall / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
