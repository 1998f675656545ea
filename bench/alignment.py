"""Task alignment benchmark: local tasks of the seed plans → the national clause they implement.

    python bench/alignment.py                 # extract the seeds with ingest.pipeline, score, report
    python bench/alignment.py --gold-texts    # development mode: task texts cut from the seeds at the
                                              # gold task starts (needs ../shared/gold; no pipeline)
    python bench/alignment.py --json

Reports top-1 (the best-scored clause is ``best``) and top-3 (``best`` among the three best) rates over the
tasks of tests/data/alignment.json (a copy of ../shared/gold/links/alignment.json). The scoring is
``graph.linking.score_links``, the function ``relink`` uses, fitted on the tasks of all seed documents.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from plangraph.graph.linking import TaskText, score_links  # noqa: E402

ALIGNMENT = ROOT / "tests" / "data" / "alignment.json"
SEEDS = ROOT / "data" / "seeds"
GOLD = ROOT.parent / "shared" / "gold"

_BRACKETS = str.maketrans({"（": "(", "）": ")", "〔": "(", "〕": ")", " ": "", "\u3000": ""})


def clause_key(number: str | None) -> str:
    """``（四）`` / ``(四)`` / ``四、`` → ``四``."""
    return re.sub(r"[()、.．\s]", "", (number or "").translate(_BRACKETS))


def title_key(title: str | None) -> str:
    return re.sub(r"\W", "", title or "")


def tasks_from_extractions(extractions: dict[str, dict]) -> dict[str, list[dict]]:
    """file name → its tasks as ``{task_id, title, text, number}`` (from the extraction dicts)."""
    return {
        name: [{"task_id": f"{name}/{t['id']}", "title": t.get("title") or "", "number": t.get("number"),
                "text": t.get("text") or t.get("quote") or ""} for t in data.get("tasks") or []]
        for name, data in extractions.items()
    }


def extract_seeds() -> dict[str, dict]:
    from plangraph.ingest.pipeline import extract_file

    return {path.name: extract_file(path).to_dict() for path in sorted(SEEDS.glob("*.txt"))}


def tasks_from_gold(gold_dir: Path = GOLD) -> dict[str, list[dict]]:
    """Development stand-in for the pipeline: each gold task's text runs from its start to the next one's."""
    import opencc

    t2s = opencc.OpenCC("t2s")
    out: dict[str, list[dict]] = {}
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (SEEDS / gold["file"]).read_text(encoding="utf-8")
        starts = sorted((text.find(t["quote_start"]), t) for t in gold["tasks"])
        rows = []
        for i, (pos, task) in enumerate(starts):
            end = starts[i + 1][0] if i + 1 < len(starts) else min(len(text), pos + 1500)
            rows.append({"task_id": task["id"], "title": task["title"], "number": task.get("number"),
                         "text": t2s.convert(text[pos:end][:1500])})
        out[gold["file"]] = rows
    return out


def evaluate(tasks_by_file: dict[str, list[dict]], alignment: dict, *, k: int = 3) -> dict:
    """Score every local task against the national file's tasks; compare with ``best`` / ``also``."""
    national = alignment["national_file"]
    all_tasks = [TaskText(t["task_id"], name, t["title"], t["text"])
                 for name, rows in sorted(tasks_by_file.items()) for t in rows]
    locals_ = sorted({link["local_file"] for link in alignment["links"]})
    links = score_links(all_tasks, {name: [national] for name in locals_}, k=k, threshold=0.0)
    number_of = {t["task_id"]: clause_key(t["number"]) for t in tasks_by_file.get(national, [])}
    ranked: dict[str, list[str]] = {}
    for row in sorted(links, key=lambda r: (r["src"], r["rank"])):
        ranked.setdefault(row["src"], []).append(number_of.get(row["dst"], "?"))
    by_title = {(name, title_key(t["title"])): t["task_id"] for name, rows in tasks_by_file.items() for t in rows}
    results = []
    for link in alignment["links"]:
        task_id = by_title.get((link["local_file"], title_key(link["title"])))
        got = ranked.get(task_id, []) if task_id else []
        best = clause_key(link["best"])
        results.append({"task": link["task_id"], "title": link["title"], "matched": task_id is not None,
                        "best": best, "also": [clause_key(a) for a in link["also"]], "ranked": got,
                        "top1": bool(got) and got[0] == best, "top3": best in got[:3]})
    n = len(results)
    return {
        "tasks": n,
        "matched": sum(r["matched"] for r in results),
        "top1": sum(r["top1"] for r in results) / n if n else 0.0,
        "top3": sum(r["top3"] for r in results) / n if n else 0.0,
        "results": results,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-texts", action="store_true", help="use gold task starts instead of the pipeline")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    alignment = json.loads(ALIGNMENT.read_text(encoding="utf-8"))
    tasks = tasks_from_gold() if args.gold_texts else tasks_from_extractions(extract_seeds())
    report = evaluate(tasks, alignment)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return
    for r in report["results"]:
        if not r["top1"]:
            print(f"{'MISS' if not r['top3'] else 'top3'} {r['task']} {r['title']}: best {r['best']} "
                  f"also {r['also']} got {r['ranked']}")
    print(f"tasks {report['tasks']} matched {report['matched']} "
          f"top-1 {report['top1']:.1%} top-3 {report['top3']:.1%}")


if __name__ == "__main__":
    main()
