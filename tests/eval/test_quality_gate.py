"""The CI quality gate: extraction on the seed gold standard must stay above pinned floors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from veedor.eval.run import evaluate
from veedor.eval.scorer import Report

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report() -> Report:
    gold = SEEDS / "gold.jsonl"
    if not gold.exists():
        if os.environ.get("CI"):
            pytest.fail(f"the seed gold standard is missing at {gold}")
        pytest.skip(f"no seed gold standard at {gold}")
    return evaluate(gold, SEEDS)


def _scores(report: Report) -> dict[str, float]:
    return {
        "recommendation_f1": report.detection["recommendation"].f1,
        "commitment_f1": report.detection["commitment"].f1,
        "figure_f1": report.detection["figure"].f1,
        "addressee_kind_accuracy": report.accuracy["addressee_kind"].value,
        "strength_accuracy": report.accuracy["strength"].value,
        "countries_micro_f1": report.set_scores["countries"].f1,
        "themes_micro_f1": report.set_scores["themes"].f1,
        "amount_accuracy": report.accuracy["amount"].value,
        "value_accuracy": report.accuracy["value"].value,
        "publisher_accuracy": report.accuracy["publisher"].value,
        "date_accuracy": report.accuracy["date"].value,
        "asks_bcubed_f1": report.linking["asks B-cubed F1"],
    }


@pytest.mark.parametrize("metric", [k for k in BASELINE if not k.startswith("_")])
def test_seed_quality_stays_above_floor(report: Report, metric: str) -> None:
    score = _scores(report)[metric]
    assert score >= BASELINE[metric], f"{metric} = {score:.3f}, below the floor {BASELINE[metric]}"


def test_every_gold_text_is_located(report: Report) -> None:
    unlocated = [m for m in report.misses if "unlocated" in m]
    assert not unlocated, unlocated[:3]
