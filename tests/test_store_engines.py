"""The store interface (``graph.store.GraphStore``) on both engines: the same calls, the same answers."""

from __future__ import annotations

import pytest
from plangraph.graph import dialect
from plangraph.graph.errors import CypherSyntaxError, QueryError, QueryTimeout, ReadOnlyError
from plangraph.graph.store import GraphStore, open_store

SLOW = "UNWIND range(1, 20000) AS a UNWIND range(1, 20000) AS b RETURN count(a + b) AS n"


def _count(store, label: str = "Agency") -> int:
    return store.read(f"MATCH (n:{label}) RETURN count(n) AS n")[0]["n"]


def test_store_satisfies_protocol(graph_store, engine):
    assert isinstance(graph_store, GraphStore)
    assert graph_store.backend == engine and not graph_store.read_only


def test_write_then_read(graph_store):
    rows = [{"id": f"d-1/T{i:02d}", "text": f"任务{i}", "n": i} for i in range(5)]
    query = "UNWIND $rows AS r MERGE (t:Task {task_id: r.id}) SET t.text = r.text, t.n = r.n"
    assert graph_store.write_batches(query, rows, batch_size=2) == 5
    got = graph_store.read(
        "MATCH (t:Task) WHERE t.n >= $min RETURN t.task_id AS id, t{.text, .n} AS props ORDER BY id", {"min": 3}
    )
    assert got == [
        {"id": "d-1/T03", "props": {"text": "任务3", "n": 3}},
        {"id": "d-1/T04", "props": {"text": "任务4", "n": 4}},
    ]


def test_write_returns_rows_and_values_keep_their_types(graph_store):
    assert graph_store.write("CREATE (a:Agency {agency_id: $a}) RETURN a.agency_id AS id", {"a": "甲局"}) == [
        {"id": "甲局"}
    ]
    row = graph_store.read(
        "RETURN 1 AS i, 1.5 AS f, 'x' AS s, [1, 2] AS l, {a: 1} AS m, null AS z, true AS b, "
        "toInteger(sum(2)) AS total"
    )[0]
    assert row == {"i": 1, "f": 1.5, "s": "x", "l": [1, 2], "m": {"a": 1}, "z": None, "b": True, "total": 2}
    assert type(row["i"]) is int and type(row["total"]) is int


def test_read_only_store_refuses_writes(graph_store, engine_settings):
    settings = engine_settings.model_copy(update={"graph_name": getattr(getattr(graph_store, "_graph", None),
                                                                        "name", engine_settings.graph_name)})
    ro = open_store(settings.store_config(), read_only=True)
    try:
        assert ro.read_only
        with pytest.raises(ReadOnlyError):
            ro.write("CREATE (:Agency {agency_id: 'x'})")
        with pytest.raises(ReadOnlyError):
            ro.write_batches("UNWIND $rows AS r CREATE (:Agency {agency_id: r.id})", [{"id": "x"}])
        with pytest.raises(ReadOnlyError):
            ro.write_atomic([("CREATE (:Agency {agency_id: 'x'})", {})])
        assert ro.read("RETURN 1 AS one") == [{"one": 1}]
    finally:
        ro.close()
    assert _count(graph_store) == 0


@pytest.mark.parametrize(
    "query",
    [
        "CREATE (:Agency {agency_id: 'x'})",
        "MERGE (:Agency {agency_id: 'x'})",
        "MATCH (t:Task) SET t.x = 1",
        "MATCH (t:Task) DETACH DELETE t",
    ],
)
def test_write_through_read_is_refused(graph_store, query):
    graph_store.write("CREATE (:Task {task_id: 't'})")
    with pytest.raises(ReadOnlyError):
        graph_store.read(query)
    assert _count(graph_store) == 0
    assert graph_store.read("MATCH (t:Task) RETURN t.task_id AS id, t.x AS x") == [{"id": "t", "x": None}]


def test_query_stopped_by_timeout(graph_store):
    with pytest.raises(QueryTimeout):
        graph_store.read(SLOW, timeout_ms=5)
    assert graph_store.read("RETURN 1 AS one", timeout_ms=5000) == [{"one": 1}]


def test_errors_are_mapped(graph_store):
    with pytest.raises(CypherSyntaxError):
        graph_store.read("MATCH (n RETURN n")
    with pytest.raises(CypherSyntaxError):
        graph_store.read("RETURN no.such.function(1) AS x")
    with pytest.raises(QueryError):  # a type error found while running (a parameter's value)
        graph_store.read("RETURN $a * 2 AS x", {"a": "a"})


def test_write_atomic_is_all_or_nothing(graph_store):
    with pytest.raises(CypherSyntaxError):
        graph_store.write_atomic([("CREATE (:Topic {key: 'a'})", {}), ("CREATE (:Topic {key: 'x'", {})])
    assert _count(graph_store, "Topic") == 0
    graph_store.write_atomic([("CREATE (:Topic {key: $k})", {"k": "a"}), ("CREATE (:Topic {key: 'b'})", {})])
    assert _count(graph_store, "Topic") == 2


def test_ensure_schema_is_idempotent_and_enforces_keys(graph_store):
    graph_store.ensure_schema()
    graph_store.ensure_schema()
    graph_store.write("CREATE (:Agency {agency_id: 'a'})")
    with pytest.raises(QueryError):
        graph_store.write("CREATE (:Agency {agency_id: 'a'})")
    assert _count(graph_store) == 1


def test_fulltext_finds_tasks_by_chinese_words(graph_store, engine):
    """Both engines find a task by words of its text; the analysers differ (``dialect``: Neo4j ``cjk``
    bigrams on ``Task.text``, FalkorDB jieba-segmented ``Task.text_seg``), so only hits are compared."""
    graph_store.ensure_schema()
    texts = {"T1": "加强安全生产监管，推进数字政府建设", "T2": "开展碳计量审查，建设计量数据中心",
             "T3": "降低碳排放强度，完善计量体系"}  # fmt: skip
    for tid, text in texts.items():
        graph_store.write(
            "CREATE (t:Task {task_id: $id, doc_id: $doc, text: $text}) SET t += $ft",
            {"id": tid, "doc": "d1" if tid == "T3" else "d0", "text": text, "ft": dialect.task_fulltext_properties(text)},
        )
    if engine == "neo4j":
        graph_store.write("CALL db.awaitIndexes(60)")
    assert [r["task_id"] for r in graph_store.fulltext_tasks(["安全生产", "数字政府"], 10)] == ["T1"]
    # a term is a phrase: 碳 and 计量 apart (T3) do not say 碳计量
    assert [r["task_id"] for r in graph_store.fulltext_tasks(["碳计量"], 10)] == ["T2"]
    assert graph_store.fulltext_count(["碳计量"]) == 1
    assert {r["task_id"] for r in graph_store.fulltext_tasks(["计量"], 10)} == {"T2", "T3"}
    assert len(graph_store.fulltext_tasks(["计量"], 1)) == 1 and graph_store.fulltext_count(["计量"]) == 2
    # the document filter applies before the limit
    assert [r["task_id"] for r in graph_store.fulltext_tasks(["计量"], 1, "d1")] == ["T3"]
    assert graph_store.fulltext_count(["计量"], "d1") == 1
    assert graph_store.fulltext_tasks(["航天"], 10) == [] and graph_store.fulltext_count(["航天"]) == 0
    assert graph_store.fulltext_tasks(["，"], 10) == [] and graph_store.fulltext_count(["，"]) == 0
