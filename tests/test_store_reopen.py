"""A bulk-loaded embedded store reopens with the same graph, quickly, after ``db stop`` and after ``kill -9``."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from gen_plans import write_plans
from plangraph.graph import falkor_server
from plangraph.graph.export import collect_graph
from plangraph.graph.falkor_store import FalkorStore
from plangraph.graph.loader import graph_stats, load_document
from plangraph.ingest.pipeline import extract_file

from plangraph.settings import Settings

PLANS = 200


def snapshot(settings: Settings) -> tuple[dict, str]:
    """``stats`` and the whole export of the graph, as comparable values."""
    with FalkorStore(settings, read_only=True) as store:
        return graph_stats(store), json.dumps(collect_graph(store), ensure_ascii=False, sort_keys=True)


def incr_log_bytes(data_dir: Path) -> int:
    """Size of the statements the next start would replay (the AOF parts after the snapshot)."""
    return sum(f.stat().st_size for f in (data_dir / "appendonlydir").glob("*.incr.aof"))


def ingest_cli(settings: Settings, *paths: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PLANGRAPH_DATA_DIR=str(settings.data_dir), PLANGRAPH_GRAPH_NAME=settings.graph_name)
    cmd = [sys.executable, "-m", "plangraph.cli", "ingest", *map(str, paths)]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900, check=False)


@pytest.fixture(scope="module")
def bulk(tmp_path_factory: pytest.TempPathFactory):
    """A store into which ``plangraph ingest`` loaded a generated corpus of a few hundred plans."""
    root = tmp_path_factory.mktemp("bulk")
    settings = Settings(data_dir=root / "store", graph_uri="", graph_name="plangraph")
    plans = root / "plans"
    write_plans(plans, PLANS)
    done = ingest_cli(settings, plans)
    assert done.returncode == 0, done.stderr[-2000:]
    yield settings, plans
    falkor_server.stop(settings.data_dir)


def test_bulk_store_reopens_after_stop_from_a_snapshot(bulk) -> None:
    settings, _ = bulk
    before = snapshot(settings)
    assert before[0]["documents"] == PLANS
    assert falkor_server.stop(settings.data_dir) is True
    assert incr_log_bytes(settings.data_dir) < 4096  # the next start loads a snapshot, replays (almost) nothing
    info = falkor_server.start(settings.data_dir)
    assert info.reused is False
    assert snapshot(settings) == before
    log = (settings.data_dir / falkor_server.LOG_NAME).read_text(errors="replace")
    assert "already exists" not in log and "ASSERTION" not in log


def test_sigkill_right_after_ingest_keeps_the_graph(bulk, tmp_path: Path) -> None:
    settings, plans = bulk
    extra = write_plans(tmp_path / "more", PLANS + 5, seed=7)[PLANS:]
    assert ingest_cli(settings, *extra).returncode == 0
    before = snapshot(settings)
    assert before[0]["documents"] == PLANS + 5
    pid = falkor_server.status(settings.data_dir).pid
    os.kill(pid, signal.SIGKILL)
    assert falkor_server._wait_exit(pid, 10.0)
    assert falkor_server.start(settings.data_dir).pid != pid
    assert snapshot(settings) == before


def test_sigkill_replays_the_loader_transactions_cleanly(bulk, tmp_path: Path) -> None:
    """Without a compaction, the log holds the loader's MULTI/EXEC blocks; a replay restores them exactly."""
    settings, _ = bulk
    with FalkorStore(settings) as store:
        for path in write_plans(tmp_path / "replay", 30, seed=11)[10:]:
            load_document(store, extract_file(path))
    assert incr_log_bytes(settings.data_dir) > 10_000
    before = snapshot(settings)
    pid = falkor_server.status(settings.data_dir).pid
    os.kill(pid, signal.SIGKILL)
    assert falkor_server._wait_exit(pid, 10.0)
    falkor_server.start(settings.data_dir)
    assert snapshot(settings) == before
    log = (settings.data_dir / falkor_server.LOG_NAME).read_text(errors="replace")
    assert "ASSERTION" not in log and "already exists" not in log


def test_schema_is_sent_only_when_missing(falkor_store) -> None:
    falkor_store.ensure_schema()
    falkor_store.compact()
    before = incr_log_bytes(falkor_store.server.data_dir)
    falkor_store.ensure_schema()
    assert incr_log_bytes(falkor_store.server.data_dir) == before


def test_data_directory_and_files_are_private(bulk) -> None:
    settings, _ = bulk
    data_dir = settings.data_dir
    assert data_dir.stat().st_mode & 0o777 == 0o700
    files = [f for f in [*data_dir.iterdir(), *(data_dir / "appendonlydir").iterdir()] if f.is_file()]
    assert files and all(f.stat().st_mode & 0o077 == 0 for f in files), [(f.name, oct(f.stat().st_mode)) for f in files]


def test_compact_waits_out_a_rewrite_already_under_way(falkor_store) -> None:
    """The server starts its own log rewrite as the log grows; a compaction asked for meanwhile waits for that
    rewrite to end instead of for one that never starts (it was counted before the ask)."""
    import redis

    falkor_store.write("CREATE (:Probe {n: 1})")
    sock = str(falkor_store.server.data_dir / falkor_server.SOCKET_NAME)
    client = redis.Redis(unix_socket_path=sock)
    client.config_set("rdb-key-save-delay", 300_000)  # µs per key: the rewrite below lasts about a second
    try:
        client.bgrewriteaof()
        assert int(client.info("persistence")["aof_rewrite_in_progress"]) == 1
        start = time.monotonic()
        falkor_server.compact(falkor_store.server.data_dir, timeout_s=20.0)
        waited = time.monotonic() - start
    finally:
        client.config_set("rdb-key-save-delay", 0)
        client.close()
    info = falkor_server._client(falkor_store.server.data_dir / falkor_server.SOCKET_NAME).info("persistence")
    assert int(info["aof_rewrite_in_progress"]) == 0 and info["aof_last_bgrewrite_status"] == "ok"
    assert waited < 20.0
