"""A load run against the API: N clients for D seconds over the seed corpus; errors and latency percentiles.

    python bench/load.py [--clients 50] [--seconds 60] [--json]

Starts its own store (a temporary PLANGRAPH_DATA_DIR seeded with the bundled plans) and ``plangraph serve``-
equivalent uvicorn process, then runs the clients (threads with one HTTP connection each) over a mix of list,
detail, search, statistics and raw-Cypher requests. An error is a 5xx answer or a failed request; a 429 from
the raw-Cypher concurrency limit is a bounded refusal, counted apart. Prints requests, throughput, p50/p95/p99.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

KEY = "load-key"
GETS = ["/health", "/stats", "/documents?limit=20", "/agencies?q=市场监管", "/agencies?q=科技", "/tasks?limit=20",
        "/tasks?led_by=市场监管局&limit=20", "/targets?limit=20", "/topics", "/queries"]
CYPHER = {"query": "MATCH (a:Agency)-[:RESPONSIBLE_FOR]->(t:Task) RETURN a.agency_id AS a, count(t) AS n "
                   "ORDER BY n DESC LIMIT 10"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _seed(env: dict) -> None:
    code = ("from plangraph.graph.store import open_store\nfrom plangraph.service import seed_store\n"
            "from plangraph.settings import get_settings\n"
            "s = open_store(get_settings().store_config())\nseed_store(s)\ns.close()\n")
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


def _client(base: str, until: float, rng: random.Random, out: dict, lock: threading.Lock) -> None:
    latencies, errors, refused = [], 0, 0
    with httpx.Client(base_url=base, timeout=30.0, headers={"X-API-Key": KEY}) as http:
        while time.monotonic() < until:
            start = time.perf_counter()
            try:
                if rng.random() < 0.05:
                    resp = http.post("/cypher", json=CYPHER)
                else:
                    resp = http.get(rng.choice(GETS))
                status = resp.status_code
            except httpx.HTTPError:
                status = 0
            latencies.append(time.perf_counter() - start)
            if status == 429:
                refused += 1
            elif status == 0 or status >= 500:
                errors += 1
    with lock:
        out["latencies"].extend(latencies)
        out["errors"] += errors
        out["refused"] += refused


def run(clients: int, seconds: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        port = _free_port()
        env = dict(os.environ, PLANGRAPH_DATA_DIR=str(Path(tmp) / "store"), PLANGRAPH_API_KEY=KEY,
                   PLANGRAPH_GRAPH_NAME="plangraph")
        _seed(env)
        server = subprocess.Popen([sys.executable, "-m", "uvicorn", "plangraph.api.app:create_app", "--factory",
                                   "--port", str(port), "--log-level", "warning"], env=env)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    if httpx.get(base + "/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            out = {"latencies": [], "errors": 0, "refused": 0}
            lock = threading.Lock()
            until = time.monotonic() + seconds
            threads = [threading.Thread(target=_client, args=(base, until, random.Random(i), out, lock))
                       for i in range(clients)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        finally:
            server.terminate()
            server.wait(30)
            from plangraph.graph import falkor_server

            falkor_server.stop(Path(tmp) / "store")
    lat = sorted(out["latencies"])

    def pct(p: float) -> float:
        return lat[min(len(lat) - 1, int(p * len(lat)))] * 1000 if lat else 0.0

    return {"clients": clients, "seconds": seconds, "requests": len(lat), "errors": out["errors"],
            "refused_429": out["refused"], "rps": round(len(lat) / seconds, 1), "p50_ms": round(pct(0.50), 1),
            "p95_ms": round(pct(0.95), 1), "p99_ms": round(pct(0.99), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.clients, args.seconds)
    if args.json:
        print(json.dumps(result))
    else:
        print(" · ".join(f"{k} {v}" for k, v in result.items()))
    sys.exit(1 if result["errors"] else 0)


if __name__ == "__main__":
    main()
