"""Alignment of the seed plans' local tasks with the national clauses (tests/data/alignment.json):
top-1 = best for ≥ 80 % of the tasks, best within the top 3 for ≥ 95 %."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_alignment", ROOT / "bench" / "alignment.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report() -> dict:
    bench = _bench()
    alignment = json.loads((ROOT / "tests" / "data" / "alignment.json").read_text(encoding="utf-8"))
    return bench.evaluate(bench.tasks_from_extractions(bench.extract_seeds()), alignment)


def test_every_gold_task_is_found_by_title(report) -> None:
    missing = [r["task"] for r in report["results"] if not r["matched"]]
    assert len(missing) <= 0.05 * report["tasks"], f"gold tasks not extracted: {missing}"


def test_top1_is_best_for_80_percent(report) -> None:
    assert report["top1"] >= 0.80, f"top-1 {report['top1']:.1%}"


def test_best_in_top3_for_95_percent(report) -> None:
    assert report["top3"] >= 0.95, f"top-3 {report['top3']:.1%}"
