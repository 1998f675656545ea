"""The Neo4j backend against a real Neo4j 5 server (``PLANGRAPH_TEST_NEO4J_URI``; skipped otherwise).

Also reads ``PLANGRAPH_TEST_NEO4J_USER`` (default neo4j), ``PLANGRAPH_TEST_NEO4J_PASSWORD`` and
``PLANGRAPH_TEST_NEO4J_DATABASE`` (default: the server's default database). Only nodes tagged with this
run's id are written and deleted.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from plangraph.graph import dialect
from plangraph.graph.errors import CypherSyntaxError, QueryTimeout, ReadOnlyError
from plangraph.graph.store import GraphStore, open_store

from plangraph.settings import Settings

URI = os.environ.get("PLANGRAPH_TEST_NEO4J_URI", "")
pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(
        not URI, reason="PLANGRAPH_TEST_NEO4J_URI is not set (no Neo4j 5 server to test against)"
    ),
]


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings(
        graph_uri=URI,
        neo4j_user=os.environ.get("PLANGRAPH_TEST_NEO4J_USER", "neo4j"),
        neo4j_password=os.environ.get("PLANGRAPH_TEST_NEO4J_PASSWORD", ""),
        graph_name=os.environ.get("PLANGRAPH_TEST_NEO4J_DATABASE", ""),
    )


@pytest.fixture
def run_id() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def store(settings: Settings, run_id: str) -> Iterator[GraphStore]:
    s = open_store(settings.store_config())
    yield s
    s.write("MATCH (n {test_run: $run}) DETACH DELETE n", {"run": run_id})
    s.close()


def test_backend(store):
    assert store.backend == "neo4j" and not store.read_only


def test_write_then_read(store, run_id):
    rows = [{"id": f"{run_id}/T{i}", "n": i, "run": run_id} for i in range(5)]
    query = "UNWIND $rows AS r MERGE (t:Task {task_id: r.id}) SET t.n = r.n, t.test_run = r.run"
    assert store.write_batches(query, rows, batch_size=2) == 5
    got = store.read(
        "MATCH (t:Task {test_run: $run}) WHERE t.n >= 3 RETURN t.task_id AS id, t{.n} AS m ORDER BY id",
        {"run": run_id},
    )
    assert got == [{"id": f"{run_id}/T3", "m": {"n": 3}}, {"id": f"{run_id}/T4", "m": {"n": 4}}]


def test_read_only_store_refuses_writes(settings, store, run_id):
    ro = open_store(settings.store_config(), read_only=True)
    try:
        with pytest.raises(ReadOnlyError):
            ro.write("CREATE (:Topic {key: $k, test_run: $k})", {"k": run_id})
    finally:
        ro.close()
    with pytest.raises(ReadOnlyError):
        store.read("CREATE (:Topic {key: $k, test_run: $k})", {"k": run_id})
    assert store.read("MATCH (n {test_run: $k}) RETURN count(n) AS n", {"k": run_id}) == [{"n": 0}]


def test_query_stopped_by_timeout(store):
    with pytest.raises(QueryTimeout):
        store.read(
            "UNWIND range(1, 1000000000) AS a WITH a WHERE a % 7 = 13 RETURN count(a) AS n", timeout_ms=20
        )


def test_syntax_error(store):
    with pytest.raises(CypherSyntaxError):
        store.read("MATCH (n RETURN n")


def test_write_atomic_is_all_or_nothing(store, run_id):
    with pytest.raises(CypherSyntaxError):
        store.write_atomic(
            [
                ("CREATE (:Topic {key: $k, test_run: $k})", {"k": run_id}),
                ("CREATE (:Topic {key: 'x'", {}),
            ]
        )
    assert store.read("MATCH (n {test_run: $k}) RETURN count(n) AS n", {"k": run_id}) == [{"n": 0}]
    store.write_atomic([("CREATE (:Topic {key: $k, test_run: $k})", {"k": run_id})])
    assert store.read("MATCH (n {test_run: $k}) RETURN count(n) AS n", {"k": run_id}) == [{"n": 1}]


def test_schema_and_fulltext(store, run_id):
    store.ensure_schema()
    store.ensure_schema()
    text = "加强安全生产监管，推进数字政府建设"
    store.write(
        "CREATE (t:Task {task_id: $id, text: $text, test_run: $run}) SET t += $ft",
        {"id": f"{run_id}/T1", "text": text, "run": run_id, "ft": dialect.task_fulltext_properties(text)},
    )
    store.write("CALL db.awaitIndexes(60)")
    hits = [r["task_id"] for r in store.fulltext_tasks(["安全生产", "数字政府"], 50)]
    assert f"{run_id}/T1" in hits
