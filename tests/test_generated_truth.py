"""Extraction meets the truth of a generated corpus (bench/gen_plans.py): on a 200-plan sample every plan's
tasks, titles, lead and co-responsible units (as printed) are found exactly, and safeguards have no lead."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from plangraph.ingest.pipeline import extract_file

ROOT = Path(__file__).resolve().parents[1]


def _generator():
    spec = importlib.util.spec_from_file_location("gen_plans", ROOT / "bench" / "gen_plans.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_corpus_truth_on_a_200_plan_sample(tmp_path: Path) -> None:
    rows = _generator().build(tmp_path, 200, seed=11)
    assert len(rows) == 200 and len({r["title"] for r in rows}) == 200
    wrong: list[str] = []
    tasks = leads = 0
    for row in rows:
        extraction = extract_file(tmp_path / row["file"]).to_dict()
        got = [(t.get("title"), t.get("lead"), list(t.get("co") or [])) for t in extraction["tasks"]]
        want = [(t["title"], t["lead"], t["co"]) for t in row["tasks"]]
        if got != want:
            wrong.append(f"{row['file']}: {[(g, w) for g, w in zip(got, want, strict=False) if g != w][:2]} "
                         f"({len(got)} vs {len(want)} tasks)")
        tasks += len(want)
        leads += sum(1 for t in want if t[1])
    assert tasks > 1000 and leads > 800  # the sample is not trivial
    assert wrong == [], "\n".join(wrong[:10])
