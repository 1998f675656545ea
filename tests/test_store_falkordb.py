"""The embedded FalkorDB backend and its server manager, on the real redis-server + falkordb.so."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from plangraph.graph import dialect, falkor_server
from plangraph.graph.errors import (
    BackendUnavailable,
    ConfigError,
    CypherSyntaxError,
    QueryError,
    QueryTimeout,
    ReadOnlyError,
)
from plangraph.graph.falkor_store import FalkorStore
from plangraph.graph.store import GraphStore, open_store

from plangraph.settings import Settings

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def data_dirs(tmp_path: Path) -> Iterator[list[Path]]:
    """Fresh data directories for server lifecycle tests; every server in them is stopped afterwards."""
    dirs: list[Path] = []

    def make(name: str) -> Path:
        path = tmp_path / name
        dirs.append(path)
        return path

    yield make  # type: ignore[misc]
    for path in dirs:
        falkor_server.stop(path)


def _settings(path: Path) -> Settings:
    return Settings(data_dir=path, graph_uri="", graph_name="g")


# ------------------------------------------------------------------ queries


def test_store_satisfies_protocol(falkor_store):
    assert isinstance(falkor_store, GraphStore)
    assert falkor_store.backend == "falkordb"


def test_write_then_read(falkor_store):
    rows = [{"id": f"d-1/T{i:02d}", "text": f"任务{i}", "n": i} for i in range(5)]
    assert (
        falkor_store.write_batches(
            "UNWIND $rows AS r MERGE (t:Task {task_id: r.id}) SET t.text = r.text, t.n = r.n",
            rows,
            batch_size=2,
        )
        == 5
    )
    got = falkor_store.read(
        "MATCH (t:Task) WHERE t.n >= $min RETURN t.task_id AS id, t{.text, .n} AS props ORDER BY id",
        {"min": 3},
    )
    assert got == [
        {"id": "d-1/T03", "props": {"text": "任务3", "n": 3}},
        {"id": "d-1/T04", "props": {"text": "任务4", "n": 4}},
    ]


def test_read_gives_plain_values_of_every_kind(falkor_store):
    """Reads parse the compact reply directly for plain values and through the client for graph values."""
    falkor_store.write("CREATE (:Agency {agency_id: '甲局', aliases: ['甲', '局甲'], n: 2, ok: true, w: 0.5})")
    got = falkor_store.read(
        "MATCH (a:Agency) RETURN a.agency_id AS id, a.aliases AS aliases, a.n AS n, a.ok AS ok, a.w AS w, "
        "null AS nothing, {k: [1, {x: 'y', f: false}], e: []} AS nested, $p AS p, a AS node",
        {"p": {"list": [1.5, "二", None], "s": 'quote " and \\ back'}},
    )
    assert got == [{"id": "甲局", "aliases": ["甲", "局甲"], "n": 2, "ok": True, "w": 0.5, "nothing": None,
                    "nested": {"k": [1, {"x": "y", "f": False}], "e": []},
                    "p": {"list": [1.5, "二", None], "s": 'quote " and \\ back'},
                    "node": {"agency_id": "甲局", "aliases": ["甲", "局甲"], "n": 2, "ok": True, "w": 0.5}}]
    assert falkor_store.read("MATCH (a:Agency) WHERE a.n > 5 RETURN a.n AS n") == []
    assert falkor_store.read("UNWIND [1, 2] AS x RETURN x ORDER BY x") == [{"x": 1}, {"x": 2}]


def test_write_returns_rows(falkor_store):
    assert falkor_store.write(
        "CREATE (a:Agency {agency_id: $a}) RETURN a.agency_id AS id", {"a": "甲局"}
    ) == [{"id": "甲局"}]


def test_read_only_store_refuses_writes(falkor_store, falkor_settings):
    ro = open_store(falkor_settings.store_config(), read_only=True)
    try:
        assert ro.read_only
        with pytest.raises(ReadOnlyError):
            ro.write("CREATE (:Agency {agency_id: 'x'})")
        with pytest.raises(ReadOnlyError):
            ro.write_batches("UNWIND $rows AS r CREATE (:Agency {agency_id: r.id})", [{"id": "x"}])
        with pytest.raises(ReadOnlyError):
            ro.write_atomic([("CREATE (:Agency {agency_id: 'x'})", {})])
    finally:
        ro.close()
    assert falkor_store.read("MATCH (a:Agency) RETURN count(a) AS n") == [{"n": 0}]


def test_write_through_read_is_refused(falkor_store):
    with pytest.raises(ReadOnlyError):
        falkor_store.read("CREATE (:Agency {agency_id: 'x'})")
    assert falkor_store.read("MATCH (a:Agency) RETURN count(a) AS n") == [{"n": 0}]


def test_query_stopped_by_timeout(falkor_store):
    slow = "UNWIND range(1, 20000) AS a UNWIND range(1, 20000) AS b RETURN count(a + b) AS n"
    with pytest.raises(QueryTimeout):
        falkor_store.read(slow, timeout_ms=5)


def test_errors_are_mapped(falkor_store):
    with pytest.raises(CypherSyntaxError):
        falkor_store.read("MATCH (n RETURN n")
    with pytest.raises(CypherSyntaxError):
        falkor_store.read("RETURN no.such.function(1) AS x")
    with pytest.raises(QueryError):
        falkor_store.read("RETURN 'a' * 2 AS x")


def test_ensure_schema_is_idempotent_and_enforces_keys(falkor_store):
    falkor_store.ensure_schema()
    falkor_store.ensure_schema()
    labels = {r["label"] for r in falkor_store.read("CALL db.constraints() YIELD label RETURN label")}
    assert labels == set(dialect.BUSINESS_KEYS)
    falkor_store.write("CREATE (:Document {doc_id: 'd-1'})")
    with pytest.raises(QueryError, match="constraint"):
        falkor_store.write("CREATE (:Document {doc_id: 'd-1'})")


def test_write_atomic_applies_all(falkor_store):
    falkor_store.write("CREATE (:Task {task_id: 'old', doc_id: 'd'})")
    falkor_store.write_atomic(
        [
            ("MATCH (t:Task {doc_id: $d}) DETACH DELETE t", {"d": "d"}),
            ("UNWIND $rows AS r CREATE (:Task {task_id: r, doc_id: 'd'})", {"rows": ["new1", "new2"]}),
        ]
    )
    assert falkor_store.read("MATCH (t:Task) RETURN t.task_id AS id ORDER BY id") == [
        {"id": "new1"},
        {"id": "new2"},
    ]


def test_write_atomic_applies_nothing_on_a_syntax_error(falkor_store):
    falkor_store.write("CREATE (:Task {task_id: 'old', doc_id: 'd'})")
    with pytest.raises(CypherSyntaxError):
        falkor_store.write_atomic(
            [
                ("MATCH (t:Task {doc_id: $d}) DETACH DELETE t", {"d": "d"}),
                ("CREATE (:Task {task_id: 'new'", {}),
            ]
        )
    assert falkor_store.read("MATCH (t:Task) RETURN t.task_id AS id") == [{"id": "old"}]


def test_schema_is_built_when_ensure_schema_returns(falkor_store):
    falkor_store.ensure_schema()   # FalkorDB builds indexes in the background; ensure_schema waits for them
    statuses = [r["status"] for r in falkor_store.read("CALL db.indexes() YIELD status RETURN status")]
    assert statuses and set(statuses) == {"OPERATIONAL"}


def test_fulltext_tasks(falkor_store):
    falkor_store.ensure_schema()
    texts = {
        "T1": "加强安全生产监管，推进数字政府建设",
        "T2": "完善生态环境保护制度",
        "T3": "健全安全监管体系",
    }
    falkor_store.write_batches(
        "UNWIND $rows AS r CREATE (t:Task {task_id: r.id, text: r.text}) SET t += r.ft",
        [{"id": k, "text": v, "ft": dialect.task_fulltext_properties(v)} for k, v in texts.items()],
    )
    assert [r["task_id"] for r in falkor_store.fulltext_tasks(["安全生产"], 10)] == ["T1"]
    assert {r["task_id"] for r in falkor_store.fulltext_tasks(["监管"], 10)} == {"T1", "T3"}
    assert [r["task_id"] for r in falkor_store.fulltext_tasks(["生态环境保护", "制度"], 10)] == ["T2"]
    assert falkor_store.fulltext_tasks(["数字政府", "生态"], 10) == []
    assert falkor_store.fulltext_tasks(["，"], 10) == []


def test_fulltext_ranks_a_phrase_above_scattered_words(falkor_store):
    """Two terms anywhere both match, the text holding them side by side first; a term is found as written,
    also where jieba cut the text differently (加强食品安全监管 → 食品 / 安全监管; 低碳计量 → 低碳 / 计量)."""
    falkor_store.ensure_schema()
    texts = {
        "apart": "加强计量监管，优化政务服务",
        "together": "提升计量服务能力，加强监管",
        "scattered": "提高食品质量，保障安全",
        "compound": "做好食品安全工作",
        "cut_apart": "加强食品安全监管",
        "low_carbon": "开展低碳计量试点",
    }
    falkor_store.write_batches(
        "UNWIND $rows AS r CREATE (t:Task {task_id: r.id, text: r.text}) SET t += r.ft",
        [{"id": k, "text": v, "ft": dialect.task_fulltext_properties(v)} for k, v in texts.items()],
    )
    assert [r["task_id"] for r in falkor_store.fulltext_tasks(["计量", "服务"], 10)] == ["together", "apart"]
    assert {r["task_id"] for r in falkor_store.fulltext_tasks(["食品安全"], 10)} == {"compound", "cut_apart"}
    hits = [r["task_id"] for r in falkor_store.fulltext_tasks(["食品", "安全"], 10)]
    assert set(hits) == {"compound", "cut_apart", "scattered"} and hits[-1] == "scattered"
    assert falkor_store.fulltext_count(["食品", "安全"]) == 3
    assert [r["task_id"] for r in falkor_store.fulltext_tasks(["碳计量"], 10)] == ["low_carbon"]  # jieba: 低碳 / 计量


# ------------------------------------------------------------------ server lifecycle


def test_data_survives_a_restart(data_dirs):
    path = data_dirs("a")
    store = open_store(_settings(path).store_config())
    store.write("CREATE (:Document {doc_id: 'd-restart', title: '规划'})")
    first = store.server.pid
    store.close()
    assert falkor_server.stop(path) is True
    assert falkor_server.status(path).running is False
    store = open_store(_settings(path).store_config())
    try:
        assert store.server.pid != first
        assert store.read("MATCH (d:Document) RETURN d.title AS t") == [{"t": "规划"}]
    finally:
        store.close()


def test_second_db_start_reuses_the_running_server(data_dirs):
    path = data_dirs("a")
    env = {**os.environ, "PLANGRAPH_DATA_DIR": str(path), "PLANGRAPH_GRAPH_URI": ""}
    cmd = [sys.executable, "-m", "plangraph.cli", "db", "start"]
    first = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    second = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    assert "started" in first.stdout
    assert "already running" in second.stdout
    pid = falkor_server.status(path).pid
    assert f"pid {pid}" in first.stdout.replace("\n", " ")
    assert f"pid {pid}" in second.stdout.replace("\n", " ")
    assert falkor_server.start(path).reused is True


_OWNER = """
import sys, time
from plangraph.graph import falkor_server
info = falkor_server.start(sys.argv[1])
print(info.pid, flush=True)
time.sleep(600)
"""


def test_start_after_kill_9_of_the_owner(data_dirs):
    path = data_dirs("a")
    owner = subprocess.Popen(
        [sys.executable, "-c", _OWNER, str(path)], stdout=subprocess.PIPE, text=True, cwd=REPO
    )
    try:
        server_pid = int(owner.stdout.readline())
    finally:
        owner.kill()  # SIGKILL
        owner.wait()
        owner.stdout.close()
    store = open_store(_settings(path).store_config())
    try:
        assert store.server.pid == server_pid  # the orphan answered PING and was adopted
        store.write("CREATE (:Year {year: 2035})")
        assert store.read("MATCH (y:Year) RETURN y.year AS y") == [{"y": 2035}]
    finally:
        store.close()
    assert falkor_server.stop(path) is True
    assert not (path / falkor_server.PID_NAME).exists()


def test_start_after_kill_9_of_the_server(data_dirs):
    path = data_dirs("a")
    dead = falkor_server.start(path).pid
    os.kill(dead, signal.SIGKILL)
    assert falkor_server._wait_exit(dead, 10.0)
    assert (path / falkor_server.PID_NAME).read_text().strip() == str(dead)  # stale pidfile left behind
    info = falkor_server.start(path)
    assert info.reused is False
    assert info.pid != dead
    assert falkor_server.status(path).running


def test_orphan_without_pidfile_is_adopted(data_dirs):
    path = data_dirs("a")
    pid = falkor_server.start(path).pid
    (path / falkor_server.PID_NAME).unlink()
    assert falkor_server.start(path).pid == pid
    assert (path / falkor_server.PID_NAME).read_text().strip() == str(pid)


def test_two_data_directories_side_by_side(data_dirs):
    a, b = open_store(_settings(data_dirs("a")).store_config()), open_store(_settings(data_dirs("b")).store_config())
    try:
        assert a.server.pid != b.server.pid
        a.write("CREATE (:Topic {key: 'a'})")
        b.write("CREATE (:Topic {key: 'b'})")
        assert a.read("MATCH (t:Topic) RETURN t.key AS k") == [{"k": "a"}]
        assert b.read("MATCH (t:Topic) RETURN t.key AS k") == [{"k": "b"}]
    finally:
        a.close()
        b.close()


def test_status_reports_graphs(data_dirs):
    path = data_dirs("a")
    assert falkor_server.stop(path) is False
    store = FalkorStore(_settings(path).store_config())
    store.write("CREATE (:Topic {key: 'x'})")
    store.close()
    st = falkor_server.status(path)
    assert st.running and st.graphs == ["g"] and st.socket == path.resolve() / "falkordb.sock"


def test_unwritable_data_dir_names_the_setting(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(ConfigError, match="PLANGRAPH_DATA_DIR"):
        falkor_server.start(blocker / "graph")


def test_missing_system_library_names_the_debian_package(monkeypatch):
    monkeypatch.setattr(falkor_server, "missing_system_libraries", lambda: ("libgomp.so.1",))
    with pytest.raises(BackendUnavailable, match="libgomp1"):
        falkor_server.check_system_libraries()
