"""The README's Neo4j path: ``PLANGRAPH_GRAPH_URI=bolt://…`` with ``plangraph ingest``, ``query``, ``export`` and
``serve``, run as commands against the session's Neo4j server."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.neo4j

REPO = Path(__file__).resolve().parents[1]
PLANGRAPH = Path(sys.executable).parent / "plangraph"


@pytest.fixture(scope="module")
def env(neo4j_graphs, tmp_path_factory) -> dict:
    """The environment of a user pointing plangraph at the Neo4j server (its database emptied first)."""
    neo4j_graphs.open("cli", None).close()  # the database now belongs to this module, empty
    settings = neo4j_graphs.settings
    env = dict(os.environ, PLANGRAPH_GRAPH_URI=settings.graph_uri, PLANGRAPH_NEO4J_USER=settings.neo4j_user,
               PLANGRAPH_NEO4J_PASSWORD=settings.neo4j_password.get_secret_value(),
               PLANGRAPH_GRAPH_NAME=settings.graph_name or "plangraph",
               PLANGRAPH_DATA_DIR=str(tmp_path_factory.mktemp("unused-falkordb")))  # fmt: skip
    done = _run(env, "ingest", str(REPO / "data" / "seeds"))
    assert done.returncode == 0, done.stderr
    return env


def _run(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(PLANGRAPH), *args], env=env, capture_output=True, text=True, timeout=600,
                          cwd=REPO)  # fmt: skip


def test_ingest_again_changes_nothing_and_query_answers(env) -> None:
    again = _run(env, "ingest", str(REPO / "data" / "seeds"))
    assert again.returncode == 0, again.stderr
    out = _run(env, "query", "tasks", "-p", "agency=市场监管局", "-p", "role=lead", "-p", "topic=碳计量",
               "--format", "json")  # fmt: skip
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert len(rows) == 4 and {r["jurisdiction"] for r in rows} == {"浙江省", "铜陵市"}
    assert not (Path(env["PLANGRAPH_DATA_DIR"]) / "falkordb.sock").exists()  # nothing went to FalkorDB


def test_export_is_the_graph_in_neo4j(env, tmp_path: Path) -> None:
    out = _run(env, "export", "--format", "json", "--out", str(tmp_path / "g.json"))
    assert out.returncode == 0, out.stderr
    graph = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert sum(1 for n in graph["nodes"] if n["label"] == "Document") >= 5
    assert any(e["type"] == "RESPONSIBLE_FOR" for e in graph["edges"])


def test_serve_answers_the_headline(env) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([str(PLANGRAPH), "serve"], env=dict(env, PLANGRAPH_PORT=str(port)), cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/health", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        resp = httpx.get(f"{base}/tasks", params={"led_by": "市场监管局", "topic": "碳计量"}, timeout=60)
        assert resp.status_code == 200, resp.text
        assert len(resp.json()["items"]) == 4
        assert httpx.get(f"{base}/stats", timeout=60).json()["documents"] >= 5
    finally:
        proc.terminate()
        proc.wait(timeout=30)
