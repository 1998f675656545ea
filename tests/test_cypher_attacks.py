"""``POST /cypher`` under attack: writes, admin commands, escapes and resource hogs are refused or bounded,
the graph is unchanged and the server keeps answering."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from plangraph.api.app import create_app
from plangraph.graph.loader import graph_stats
from pydantic import SecretStr
from queries_sample import open_sample_store

KEY = "attack-key"
MAX_ROWS = 50
DEEP = 40

WRITES = [
    "CREATE (n:Hack) RETURN 1 AS x",
    "MATCH (a:Agency) SET a.pwned = true RETURN count(a) AS n",
    "MATCH (a:Agency) SET a += {pwned: true} RETURN 1 AS x",
    "MATCH (a:Agency) SET a:Hack RETURN 1 AS x",
    "MATCH (d:Document) DETACH DELETE d",
    "MATCH ()-[r]->() DELETE r",
    "MATCH (a:Agency) REMOVE a.name RETURN 1 AS x",
    "MERGE (n:Hack {x: 1}) RETURN n.x AS x",
    "UNWIND [1] AS i CREATE (:Hack {i: i})",
    "MATCH (a:Agency) WITH a LIMIT 1 CALL { WITH a SET a.pwned = true } RETURN 1 AS x",
    "MATCH (a:Agency) FOREACH (x IN [a] | SET x.pwned = true)",
    "RETURN 1 AS x UNION MATCH (a:Agency) SET a.pwned = 1 RETURN 2 AS x",
    "MATCH (a) /* comment */ SET a.pwned = 1",
    "MATCH (a)\nSET\na.pwned = 1",
    "MATCH (a) WITH a SET a.pwned = 1 RETURN count(*) AS n",
    "MATCH (a:Agency) CREATE (a)-[:HACK]->(a)",
]
ADMIN = [
    "CALL db.idx.fulltext.drop('Task')",
    "CALL db.idx.fulltext.createNodeIndex('Agency', 'name')",
    "CREATE INDEX FOR (n:Hack) ON (n.x)",
    "DROP INDEX ON :Task(task_id)",
    "CALL dbms.procedures()",
    "CALL dbms.security.createUser('x', 'y', false)",
    "CALL algo.pageRank('Agency', 'R') YIELD node RETURN node",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "LOAD CSV WITH HEADERS FROM 'http://example.invalid/x.csv' AS r RETURN r",
    "CALL {MATCH (n) RETURN n} RETURN 1 AS x",
]
ESCAPES = [
    "RETURN 1 AS x\x00 MATCH (n) DETACH DELETE n",
    "RETURN 'a' AS x; MATCH (n) DETACH DELETE n",
    "RETURN 1 AS x // \n MATCH (n) DETACH DELETE n",
    "RETURN `x`\n CREATE (:Hack)",
    "RETURN \"\\\" CREATE (:Hack) //\" AS s",
]
RESOURCES = [
    "RETURN " + "(" * DEEP + "1" + ")" * DEEP + " AS x",
    "RETURN " + "[" * DEEP + "1" + "]" * DEEP + " AS x",
    "RETURN " + "{a:" * DEEP + "1" + "}" * DEEP + " AS x",
    "RETURN " + "NOT " * DEEP + "true AS x",
    "RETURN " + "- " * DEEP + "1 AS x",
    "RETURN " + "NOT (" * DEEP + "true" + ")" * DEEP + " AS x",
    "UNWIND range(1, 100000000) AS i RETURN count(i) AS n",
    "RETURN size(range(0, toInteger(1e9))) AS n",
    "RETURN size(range(1, 2000000000, 1)) AS n",
    "RETURN 1 AS x " + "//" + "x" * 20000,
    "MATCH (a), (b) RETURN a, b",
    "MATCH (a), (b), (c) RETURN a.agency_id AS a, b.agency_id AS b, c.agency_id AS c",
    "MATCH (a), (b) RETURN a, b LIMIT 100000000",
    "MATCH (a) RETURN a UNION ALL MATCH (b) RETURN b AS a",
]


@pytest.fixture(scope="module")
def store(falkor_settings):
    s = open_sample_store(falkor_settings, "plangraph_attacks")
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store, falkor_settings):
    conf = falkor_settings.model_copy(update={"graph_name": "plangraph_attacks", "api_key": SecretStr(KEY),
                                              "max_rows": MAX_ROWS, "cypher_max_bytes": 200_000,
                                              "query_timeout_ms": 2000})
    return TestClient(create_app(conf, store))


def state(store) -> tuple:
    hacked = store.read("MATCH (n) WHERE n.pwned IS NOT NULL OR n:Hack RETURN count(n) AS n")[0]["n"]
    indexes = sorted(str(r) for r in store.read("CALL db.indexes() YIELD label, properties RETURN label, properties"))
    return graph_stats(store), hacked, indexes


ATTACKS = WRITES + ADMIN + ESCAPES + RESOURCES


def test_at_least_forty_attacks() -> None:
    assert len(ATTACKS) >= 40


@pytest.mark.parametrize("query", ATTACKS, ids=[f"attack{i:02d}" for i in range(len(ATTACKS))])
def test_attack_refused_or_bounded_graph_unchanged(client, store, query: str) -> None:
    before = state(store)
    resp = client.post("/cypher", json={"query": query}, headers={"X-API-Key": KEY})
    assert resp.status_code in (200, 400, 403, 408, 413, 422), resp.text[:300]
    body = resp.json()
    if resp.status_code == 200:
        assert body["count"] <= MAX_ROWS and len(resp.content) <= 200_000 + 1000
    else:
        assert body["error"] and body["message"] and "\n" not in body["message"]
    assert state(store) == before
    assert client.get("/health").status_code == 200


@pytest.mark.parametrize("params", [{"": 1}, {"a`b": 1}, {"a b": 1}, {"1x": 1}, {"x" * 100: 1}, {"a\x00": 1},
                                    {"ok": "a\x00b"}])
def test_bad_parameters_are_400_never_500(client, params: dict) -> None:
    resp = client.post("/cypher", json={"query": "RETURN 1 AS x", "params": params}, headers={"X-API-Key": KEY})
    assert resp.status_code == 400, resp.text
