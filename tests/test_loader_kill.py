"""``kill -9`` of the loader mid-document leaves the old or the new version of it, never a mix."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fixtures_graph import city
from plangraph.graph.loader import load_document
from plangraph.ingest.model import Extraction

TESTS = Path(__file__).resolve().parent
CHILD = """
import sys
sys.path.insert(0, {tests!r})
from plangraph.graph.loader import load_document
from plangraph.graph.store import open_store
from plangraph.settings import Settings
from tests_kill_versions import version
store = open_store(Settings().store_config())
print("loading", file=sys.stderr, flush=True)
load_document(store, version({n}))
print("done", file=sys.stderr, flush=True)
"""


def big(version: int) -> Extraction:
    """City plan ``version`` (1 or 2) with many tasks, so that a write takes a while."""
    data = city(version)
    base = data.tasks
    data.tasks = [t.model_copy(update={"id": f"{t.id}-{i:03d}", "title": f"{t.title}{i}"})
                  for i in range(120) for t in base]
    data.targets = [data.targets[0].model_copy(update={"task_id": data.tasks[0].id})]
    data.document.sha256 = f"{version}" * 64
    return data


def expected(version: int) -> dict:
    data = big(version)
    return {
        "tasks": sorted(t.title for t in data.tasks),
        "resp": sum((1 if t.lead_id else 0) + len(t.co_ids) for t in data.tasks),
        "target": data.targets[0].value,
    }


def observed(store, doc_id: str) -> tuple[str, dict]:
    sha = store.read("MATCH (d:Document {doc_id: $d}) RETURN d.sha256 AS s", {"d": doc_id})[0]["s"]
    tasks = store.read("MATCH (t:Task {doc_id: $d}) RETURN t.title AS t", {"d": doc_id})
    resp = store.read("MATCH (:Agency)-[r:RESPONSIBLE_FOR]->(t:Task {doc_id: $d}) RETURN count(r) AS n", {"d": doc_id})
    target = store.read("MATCH (g:Target {doc_id: $d}) RETURN g.value AS v", {"d": doc_id})
    return sha, {"tasks": sorted(r["t"] for r in tasks), "resp": resp[0]["n"], "target": target[0]["v"]}


@pytest.fixture
def child_env(engine_settings, tmp_path: Path) -> dict:
    (tmp_path / "tests_kill_versions.py").write_text(
        f"import sys\nsys.path.insert(0, {str(TESTS)!r})\nfrom test_loader_kill import big as version\n",
        encoding="utf-8")
    env = dict(os.environ, PLANGRAPH_DATA_DIR=str(engine_settings.data_dir),
               PLANGRAPH_GRAPH_URI=engine_settings.graph_uri, PLANGRAPH_GRAPH_NAME=engine_settings.graph_name,
               PLANGRAPH_NEO4J_USER=engine_settings.neo4j_user,
               PLANGRAPH_NEO4J_PASSWORD=engine_settings.neo4j_password.get_secret_value(),
               PYTHONPATH=os.pathsep.join([str(tmp_path), str(TESTS.parent)]))
    env.pop("PLANGRAPH_LOADER_PAUSE", None)
    return env


def _spawn(env: dict, version: int, pause: str | None = None) -> subprocess.Popen:
    if pause:
        env = dict(env, PLANGRAPH_LOADER_PAUSE=f"{pause}:60")
    code = CHILD.format(tests=str(TESTS), n=version)
    return subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.PIPE, text=True)


def _kill_at(proc: subprocess.Popen, marker: str) -> None:
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    for line in proc.stderr:
        if line.startswith(marker) or time.monotonic() > deadline:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


@pytest.mark.parametrize(("checkpoint", "survivor"), [("before-write", 1), ("after-write", 2)])
def test_kill_at_checkpoints(graph_store, child_env, checkpoint: str, survivor: int) -> None:
    doc_id = big(1).document.doc_id
    load_document(graph_store, big(1))
    proc = _spawn(child_env, 2, pause=checkpoint)
    _kill_at(proc, f"checkpoint {checkpoint}")
    assert proc.returncode == -signal.SIGKILL
    sha, state = observed(graph_store, doc_id)
    assert sha == f"{survivor}" * 64
    assert state == expected(survivor)


def test_kill_after_random_delays_never_leaves_a_mix(graph_store, child_env) -> None:
    doc_id = big(1).document.doc_id
    load_document(graph_store, big(1))
    rng = random.Random(20240601)
    versions = {f"{v}" * 64: expected(v) for v in (1, 2)}
    current = 1
    for _ in range(8):
        target = 2 if current == 1 else 1
        proc = _spawn(child_env, target)
        assert proc.stderr is not None
        proc.stderr.readline()  # "loading": the child is about to write
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        sha, state = observed(graph_store, doc_id)
        assert sha in versions
        assert state == versions[sha], "the document holds a mix of two versions"
        current = 1 if sha == "1" * 64 else 2
