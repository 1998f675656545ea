"""Rows per second of ``write_batches`` on the embedded FalkorDB (python bench/bench_store.py [rows])."""

from __future__ import annotations

import sys
import tempfile
import time

from plangraph.graph import falkor_server
from plangraph.graph.falkor_store import FalkorStore

from plangraph.settings import Settings

UPSERT = "UNWIND $rows AS r MERGE (t:Task {task_id: r.id}) SET t.text = r.text, t.doc_id = r.doc"


def main(n: int = 100_000) -> None:
    with tempfile.TemporaryDirectory(prefix="plangraph-bench-") as tmp:
        store = FalkorStore(Settings(data_dir=tmp, graph_uri="", graph_name="bench").store_config())
        try:
            store.ensure_schema()
            rows = [{"id": f"d-bench/T{i}", "text": f"任务{i}", "doc": "d-bench"} for i in range(n)]
            for batch in (1000, 5000):
                store.clear()
                store.ensure_schema()
                t = time.perf_counter()
                store.write_batches(UPSERT, rows, batch_size=batch)
                dt = time.perf_counter() - t
                print(f"batch {batch:>5}: {n} rows in {dt:.2f} s = {n / dt:,.0f} rows/s")
        finally:
            store.close()
            falkor_server.stop(tmp)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
