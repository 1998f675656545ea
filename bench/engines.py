"""FalkorDB (embedded) against Neo4j 5 (the test server of tools/neo4j-server) on the same corpus: load time and
the latency of the headline, agency and network questions.

    python bench/engines.py --out /tmp/engines                 # the seeds and 200 generated plans
    python bench/engines.py --out /tmp/engines --n 1000 --json

Corpora: the bundled seeds, and ``--n`` generated plans (the shared generator ``gen_corpus.py`` when it is
present, else ``bench/gen_plans.py``). Each corpus is extracted once; the timed load is the same list of
extractions through ``graph.loader.load_document`` plus ``graph.linking.relink`` into an empty store of each
engine. Queries are catalogue queries through ``run_query`` (what the API runs): one warm-up, then ``--repeat``
timed runs, median and 95th percentile. Both servers run on this machine with the client; figures on a shared
machine are upper bounds, the ratio between engines is what to read. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED_GENERATOR = Path("/work/shared/scale/gen_corpus.py")
LOCAL_GENERATOR = ROOT / "bench" / "gen_plans.py"
sys.path.insert(0, str(ROOT / "tools" / "neo4j-server"))

HEADLINE = ("tasks", {"agency": "市场监管局", "role": "lead", "topic": "碳计量"})


def generated_corpus(out: Path, n: int) -> Path:
    """``n`` generated plans in ``out`` (made once)."""
    folder = out / f"generated{n}"
    if not any(folder.glob("*.txt")):
        if SHARED_GENERATOR.exists():
            cmd = [sys.executable, str(SHARED_GENERATOR), "--out", str(folder), "--n", str(n), "--seed", "1",
                   "--seeds-dir", str(ROOT / "data" / "seeds")]  # fmt: skip
        else:
            cmd = [sys.executable, str(LOCAL_GENERATOR), "--out", str(folder), "--n", str(n), "--seed", "1"]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return folder


def extract(paths: list[Path]) -> list[Any]:
    from plangraph import service

    results = service.extract_files(paths)
    return [r.extraction for r in results if r.ok]


def load(store: Any, extractions: list[Any]) -> float:
    """Seconds to load and link ``extractions`` into the empty ``store``."""
    from plangraph.graph.linking import relink
    from plangraph.graph.loader import load_document

    start = time.perf_counter()
    for extraction in extractions:
        load_document(store, extraction)
    relink(store)
    return time.perf_counter() - start


def questions(store: Any) -> dict[str, tuple[str, dict]]:
    """The headline, agency and network questions, with parameters that exist in this graph."""
    from plangraph.graph.catalogue import run_query

    agencies = run_query(store, "agencies", {}, timeout_ms=60_000)
    busiest = max(agencies, key=lambda a: (a.get("lead_count") or 0, a["agency_id"]))
    docs = store.read("MATCH (d:Document) WHERE d.province IS NOT NULL RETURN d.province AS p, count(*) AS n "
                      "ORDER BY n DESC, p LIMIT 1")  # fmt: skip
    province = docs[0]["p"] if docs else "浙江省"
    return {
        "headline": HEADLINE,
        "agency": ("agency_profile", {"agency_id": busiest["agency_id"]}),
        "network": ("co_responsibility_network", {"jurisdiction": province}),
    }


def latency(store: Any, name: str, params: dict, repeat: int) -> dict[str, float]:
    from plangraph.graph.catalogue import run_query

    rows = run_query(store, name, dict(params), timeout_ms=120_000)  # warm-up (plans, caches)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run_query(store, name, dict(params), timeout_ms=120_000)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"rows": len(rows), "median_ms": statistics.median(times),
            "p95_ms": times[min(len(times) - 1, int(0.95 * len(times)))]}  # fmt: skip


def measure(engine: str, store: Any, extractions: list[Any], repeat: int) -> dict[str, Any]:
    from plangraph.graph.loader import graph_stats

    result: dict[str, Any] = {"engine": engine, "load_s": load(store, extractions)}
    stats = graph_stats(store)
    result["documents"], result["tasks"] = stats["documents"], stats["tasks"]
    for label, (name, params) in questions(store).items():
        result[label] = latency(store, name, params, repeat)
    return result


def run(out: Path, n: int, repeat: int) -> list[dict[str, Any]]:
    import launcher
    from plangraph.graph import falkor_server
    from plangraph.graph.falkor_store import FalkorStore
    from plangraph.graph.neo4j_store import Neo4jStore
    from plangraph.graph.store import StoreConfig

    from plangraph import service

    corpora = {"seeds": service.bundled_seeds()}
    if n:
        corpora[f"generated {n}"] = sorted(generated_corpus(out, n).glob("*.txt"))
    results = []
    with tempfile.TemporaryDirectory(prefix="plangraph-engines-") as tmp:
        falkor_dir = Path(tmp) / "falkordb"
        server = launcher.start(Path(tmp) / "neo4j", heap="2g", pagecache_mb=512)
        try:
            for corpus, paths in corpora.items():
                start = time.perf_counter()
                extractions = extract(paths)
                print(f"{corpus}: {len(extractions)} plans extracted in {time.perf_counter() - start:.1f} s",
                      file=sys.stderr)  # fmt: skip
                stores = {
                    "falkordb": FalkorStore(StoreConfig(data_dir=falkor_dir, graph_name="bench")),
                    "neo4j": Neo4jStore(StoreConfig(data_dir=falkor_dir, graph_uri=server.uri, graph_name="")),
                }
                for store in stores.values():
                    store.clear()
                    store.close()
                stores = {  # new objects: the loader creates the schema once per store object
                    "falkordb": FalkorStore(StoreConfig(data_dir=falkor_dir, graph_name="bench")),
                    "neo4j": Neo4jStore(StoreConfig(data_dir=falkor_dir, graph_uri=server.uri, graph_name="")),
                }
                for engine, store in stores.items():
                    row = measure(engine, store, extractions, repeat)
                    row["corpus"] = corpus
                    results.append(row)
                    print(json.dumps(row, ensure_ascii=False), file=sys.stderr)
                    store.close()
        finally:
            server.stop()
            falkor_server.stop(falkor_dir)
    return results


def table(results: list[dict[str, Any]]) -> str:
    lines = ["| corpus | engine | plans / tasks | load (s) | headline ms (p50/p95) | agency ms | network ms |",
             "|---|---|---|---|---|---|---|"]  # fmt: skip
    for r in results:
        cells = [f"{r[q]['median_ms']:.0f} / {r[q]['p95_ms']:.0f}" for q in ("headline", "agency", "network")]
        lines.append(f"| {r['corpus']} | {r['engine']} | {r['documents']} / {r['tasks']} | {r['load_s']:.1f} | "
                     + " | ".join(cells) + " |")  # fmt: skip
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=tempfile.gettempdir() + "/plangraph-engines", help="corpus folder")
    parser.add_argument("--n", type=int, default=200, help="generated plans (0: the seeds only)")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per question")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a Markdown table")
    args = parser.parse_args()
    results = run(Path(args.out), args.n, args.repeat)
    print(json.dumps(results, ensure_ascii=False, indent=1) if args.json else table(results))


if __name__ == "__main__":
    main()
