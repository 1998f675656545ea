"""``POST /cypher``: off without an API key, key checked, writes refused with the graph unchanged."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from plangraph.api import routes_cypher
from plangraph.api.app import create_app
from plangraph.graph.loader import graph_stats
from pydantic import SecretStr
from queries_sample import build_sample_graph

KEY = "s3cret-key"
WRITES = [
    "CREATE (n:Hack {x: 1}) RETURN n.x AS x",
    "MERGE (n:Hack {x: 1}) RETURN n.x AS x",
    "MATCH (a:Agency) SET a.pwned = true RETURN count(a) AS n",
    "match (a:Agency) set a.pwned = 1 return count(a) as n",
    "MATCH (t:Task) DELETE t",
    "MATCH (a:Agency) REMOVE a.name RETURN count(a) AS n",
    "MATCH (d:Document) DETACH DELETE d",
    "CALL dbms.security.createUser('x', 'y', false)",
    "CALL db.idx.fulltext.createNodeIndex('Agency', 'name')",
    "CALL db.idx.fulltext.drop('Task')",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "MATCH (a:Agency) WITH collect(a) AS xs FOREACH (x IN xs | SET x.pwned = true)",
    "MATCH (a:Agency) WITH a LIMIT 1 CALL { WITH a SET a.pwned = true } RETURN 1 AS x",
    # Neo4j schema and administration statements
    "CREATE INDEX hack IF NOT EXISTS FOR (n:Agency) ON (n.name)",
    "CREATE CONSTRAINT hack IF NOT EXISTS FOR (n:Hack) REQUIRE n.x IS UNIQUE",
    "DROP INDEX task_text",
    "CALL db.createLabel('Hack')",
    "CREATE DATABASE hack",
    "STOP DATABASE neo4j",
    "ALTER USER neo4j SET PASSWORD 'pwned-pwned'",
    "MATCH (a:Agency) CALL (a) { SET a.pwned = true } RETURN 1 AS x",
]
# administration that a READ transaction of Neo4j still runs (it changes no data): refused before the engine
ADMIN = ["TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "USE system START DATABASE neo4j",
         "RENAME USER neo4j TO pwned"]


@pytest.fixture(scope="module")
def store(engine_graph):
    return engine_graph("plangraph_cypher", build_sample_graph)


@pytest.fixture(scope="module")
def api_settings(settings_for):
    return settings_for("plangraph_cypher")


def make_client(store, api_settings, **settings):
    if settings.get("api_key") is not None:
        settings["api_key"] = SecretStr(settings["api_key"])
    return TestClient(create_app(api_settings.model_copy(update=settings), store))


def snapshot(store):
    pwned = store.read("MATCH (n) WHERE n.pwned IS NOT NULL OR n:Hack RETURN count(n) AS n")[0]["n"]
    names = store.read("MATCH (a:Agency) WHERE a.name IS NULL RETURN count(a) AS n")[0]["n"]
    return graph_stats(store), pwned, names, schema(store)


def schema(store):
    """The indexes and constraints (engine-specific listing statements)."""
    if store.backend == "neo4j":
        return store.read("SHOW INDEXES YIELD name, state RETURN name, state ORDER BY name") + store.read(
            "SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name")
    return store.read("CALL db.indexes() YIELD label, properties RETURN label, properties ORDER BY label")


def test_off_without_configured_key(store, api_settings):
    client = make_client(store, api_settings, api_key=None)
    resp = client.post("/cypher", json={"query": "RETURN 1 AS x"}, headers={"X-API-Key": "anything"})
    assert resp.status_code == 403 and resp.json()["error"] == "cypher_disabled"


@pytest.mark.parametrize("sent", [None, "wrong", KEY + "x"])
def test_wrong_or_missing_key(store, api_settings, sent):
    client = make_client(store, api_settings, api_key=KEY)
    headers = {"X-API-Key": sent} if sent else {}
    resp = client.post("/cypher", json={"query": "RETURN 1 AS x"}, headers=headers)
    assert resp.status_code == 401 and resp.json()["error"] == "bad_api_key"


def test_read_query_runs_with_row_cap(store, api_settings):
    client = make_client(store, api_settings, api_key=KEY, max_rows=3)
    ok = client.post("/cypher", json={"query": "MATCH (d:Document) RETURN d.title AS t ORDER BY t"},
                     headers={"X-API-Key": KEY}).json()  # fmt: skip
    assert ok["columns"] == ["t"] and ok["count"] == 3 and not ok["truncated"]
    capped = client.post("/cypher", json={"query": "UNWIND range(1, 10) AS i RETURN i", "params": {}},
                         headers={"X-API-Key": KEY}).json()  # fmt: skip
    assert [r["i"] for r in capped["rows"]] == [1, 2, 3] and capped["truncated"]
    with_params = client.post("/cypher", json={"query": "RETURN $x + 1 AS y", "params": {"x": 41}},
                              headers={"X-API-Key": KEY}).json()  # fmt: skip
    assert with_params["rows"] == [{"y": 42}]


@pytest.mark.parametrize("query", WRITES)
@pytest.mark.parametrize("guard", ["lexical", "engine"])
def test_writes_refused_and_graph_unchanged(store, api_settings, monkeypatch, query, guard):
    if guard == "engine":  # without the lexical check, the read-only run must still refuse
        monkeypatch.setattr(routes_cypher, "refusal", lambda q: None)
    client = make_client(store, api_settings, api_key=KEY)
    before = snapshot(store)
    resp = client.post("/cypher", json={"query": query}, headers={"X-API-Key": KEY})
    assert 400 <= resp.status_code < 500, resp.text
    assert resp.json()["error"] and resp.json()["message"]
    if guard == "lexical":
        assert resp.status_code == 403 and resp.json()["error"] == "write_refused"
    assert snapshot(store) == before


@pytest.mark.parametrize("query", ADMIN)
def test_admin_commands_refused_before_the_engine(store, api_settings, query):
    client = make_client(store, api_settings, api_key=KEY)
    before = snapshot(store)
    resp = client.post("/cypher", json={"query": query}, headers={"X-API-Key": KEY})
    assert resp.status_code == 403 and resp.json()["error"] == "write_refused", resp.text
    assert snapshot(store) == before


@pytest.mark.parametrize(
    ("query", "timeout_ms", "status", "code"),
    [
        ("MATCH (n RETURN n", 60_000, 400, "cypher_syntax_error"),
        ("RETURN nosuchfunction(1) AS x", 60_000, 400, "cypher_syntax_error"),
        (
            # 10^9 rows: far longer than any engine's timeout check interval (Neo4j's monitor runs every 2 s)
            "UNWIND range(1, 1000) AS a UNWIND range(1, 1000) AS b UNWIND range(1, 1000) AS c "
            "WITH a, b, c WHERE (a * b + c) % 7 = 3 RETURN count(*) AS n",
            5,
            408,
            "query_timeout",
        ),
    ],
)
def test_engine_errors_are_4xx(store, api_settings, query, timeout_ms, status, code):
    client = make_client(store, api_settings, api_key=KEY, query_timeout_ms=timeout_ms)
    resp = client.post("/cypher", json={"query": query}, headers={"X-API-Key": KEY})
    assert resp.status_code == status, resp.text
    assert resp.json()["error"] == code


def test_empty_body_is_422(store, api_settings):
    client = make_client(store, api_settings, api_key=KEY)
    resp = client.post("/cypher", json={"params": {}}, headers={"X-API-Key": KEY})
    assert resp.status_code == 422 and resp.json()["error"] == "bad_parameter"


def test_read_only_words_inside_strings_are_not_refused():
    assert (
        routes_cypher.refusal("MATCH (t:Task) WHERE t.text CONTAINS 'CREATE' RETURN t.start AS set_at")
        is None
    )
    assert (
        routes_cypher.refusal("CALL db.idx.fulltext.queryNodes('Task', 'x') YIELD node RETURN node.task_id")
        is None
    )
    assert routes_cypher.refusal("MATCH (n) // DELETE in a comment\nRETURN count(n) AS n") is None
