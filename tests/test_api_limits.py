"""API limits and self-healing: 413 bodies, 429 raw queries, 503 with Retry-After and no paths, a killed
embedded server restarted by the next request, catalogue reads served while raw queries run."""

from __future__ import annotations

import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from plangraph.api.app import create_app
from plangraph.graph import falkor_server
from plangraph.graph.errors import BackendUnavailable
from pydantic import SecretStr
from queries_sample import open_sample_store

from plangraph.settings import Settings

KEY = "limits-key"


@pytest.fixture(scope="module")
def store(falkor_settings):
    s = open_sample_store(falkor_settings, "plangraph_limits")
    yield s
    s.close()


def client_for(store, falkor_settings, **update) -> TestClient:
    conf = falkor_settings.model_copy(update={"graph_name": "plangraph_limits", "api_key": SecretStr(KEY), **update})
    return TestClient(create_app(conf, store))


def test_request_body_above_the_limit_is_413(store, falkor_settings) -> None:
    client = client_for(store, falkor_settings, max_body_kb=4)
    resp = client.post("/cypher", json={"query": "RETURN 1 AS x", "params": {"p": "x" * 8000}},
                       headers={"X-API-Key": KEY})
    assert resp.status_code == 413 and resp.json()["error"] == "body_too_large"
    assert "PLANGRAPH_MAX_BODY_KB" in resp.json()["message"]
    ok = client.post("/cypher", json={"query": "RETURN 1 AS x"}, headers={"X-API-Key": KEY})
    assert ok.status_code == 200


def test_raw_queries_over_the_concurrency_limit_get_429(store, falkor_settings) -> None:
    client = client_for(store, falkor_settings, cypher_max_concurrent=1, cypher_max_per_key=1)
    gate = client.app.state.cypher_gate
    with gate.enter("someone-else"):
        resp = client.post("/cypher", json={"query": "RETURN 1 AS x"}, headers={"X-API-Key": KEY})
        assert resp.status_code == 429 and resp.headers["Retry-After"] == "1"
        assert client.get("/health").status_code == 200  # catalogue/meta routes are not gated
    assert client.post("/cypher", json={"query": "RETURN 1 AS x"}, headers={"X-API-Key": KEY}).status_code == 200


def test_row_cap_is_inside_the_query_and_answer_is_byte_capped(store, falkor_settings) -> None:
    client = client_for(store, falkor_settings, max_rows=7, cypher_max_bytes=2000)
    resp = client.post("/cypher", json={"query": "MATCH (a), (b), (c) RETURN a, b, c"}, headers={"X-API-Key": KEY})
    body = resp.json()
    assert resp.status_code == 200 and body["truncated"] is True and 0 < body["count"] <= 7
    assert len(resp.content) < 4000


class _DownStore:
    backend = "falkordb"
    read_only = True

    def read(self, *args, **kwargs):
        raise BackendUnavailable("no FalkorDB server answers on /home/someone/.local/share/plangraph/falkordb.sock")


def test_503_has_retry_after_and_no_local_paths(falkor_settings) -> None:
    client = TestClient(create_app(falkor_settings, _DownStore()))
    resp = client.get("/health")
    assert resp.status_code == 503 and int(resp.headers["Retry-After"]) > 0
    assert "/" not in resp.json()["message"].replace("PLANGRAPH_DATA_DIR / PLANGRAPH_GRAPH_URI", "")


def test_catalogue_reads_answer_while_raw_queries_run(store, falkor_settings) -> None:
    client = client_for(store, falkor_settings, query_timeout_ms=3000, cypher_max_concurrent=2, cypher_max_per_key=2)
    slow = "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n"
    with ThreadPoolExecutor(2) as pool:
        raw = [pool.submit(client.post, "/cypher", json={"query": slow}, headers={"X-API-Key": KEY}) for _ in range(2)]
        time.sleep(0.3)
        health = client.get("/health")
        stats = client.get("/stats")
        running_meanwhile = not all(f.done() for f in raw)
        statuses = [f.result().status_code for f in raw]
    assert health.status_code == 200 and stats.status_code == 200
    assert running_meanwhile, "the raw queries ended before the catalogue reads: nothing was shown"
    assert set(statuses) <= {200, 408}


@pytest.fixture
def own_server(tmp_path):
    settings = Settings(data_dir=tmp_path / "store", graph_uri="", graph_name="plangraph_heal")
    store = open_sample_store(settings, "plangraph_heal")
    store.close()
    yield settings
    falkor_server.stop(settings.data_dir)


def test_killed_server_is_restarted_by_the_next_requests(own_server) -> None:
    client = TestClient(create_app(own_server))
    assert client.get("/stats").status_code == 200
    before = client.get("/stats").json()
    pid = falkor_server.status(own_server.data_dir).pid
    os.kill(pid, signal.SIGKILL)
    assert falkor_server._wait_exit(pid, 10.0)
    statuses: list[int] = []
    lock = threading.Lock()

    def call(path: str) -> None:
        code = client.get(path).status_code
        with lock:
            statuses.append(code)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(call, ["/health", "/stats", "/agencies?q=市", "/health"] * 4))
    assert set(statuses) <= {200, 503} and statuses.count(200) >= 1, statuses
    assert client.get("/stats").json() == before  # same graph, reloaded from the log
    new_pid = falkor_server.status(own_server.data_dir).pid
    assert new_pid and new_pid != pid

