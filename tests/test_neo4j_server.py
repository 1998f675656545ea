"""The Neo4j test server itself (tools/neo4j-server): restart keeps the data, end of stdin stops it cleanly;
and the Neo4j store's connection errors."""

from __future__ import annotations

from pathlib import Path

import launcher as neo4j_launcher  # tools/neo4j-server/launcher.py (on sys.path via conftest)
import pytest
from plangraph.graph.errors import BackendUnavailable
from plangraph.graph.store import open_store

from plangraph.settings import Settings

pytestmark = pytest.mark.neo4j


def test_data_survives_a_restart_and_end_of_stdin_stops_the_server(tmp_path: Path) -> None:
    with neo4j_launcher.start(tmp_path / "db", heap="512m", pagecache_mb=64) as server:
        store = open_store(Settings(graph_uri=server.uri, graph_name="").store_config())
        store.write("CREATE (:Agency {agency_id: '甲局', name: $n})", {"n": "甲局"})
        store.close()
        assert server.stop() == 0  # closing stdin shuts Neo4j down cleanly
    assert (tmp_path / "db" / "data" / "databases" / "neo4j").is_dir()
    with neo4j_launcher.start(tmp_path / "db", heap="512m", pagecache_mb=64) as server:
        store = open_store(Settings(graph_uri=server.uri, graph_name="").store_config())
        try:
            rows = store.read("MATCH (a:Agency) RETURN a.agency_id AS id, a.name AS n", timeout_ms=120_000)
            assert rows == [{"id": "甲局", "n": "甲局"}]
        finally:
            store.close()


def test_unreachable_server_is_backend_unavailable() -> None:
    with pytest.raises(BackendUnavailable, match="cannot reach Neo4j"):
        open_store(Settings(graph_uri="bolt://127.0.0.1:9", graph_name="").store_config())
