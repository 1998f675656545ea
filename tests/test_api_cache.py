"""Repeated GETs of read endpoints are answered from memory at an unchanged graph version, never after a write."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from fixtures_graph import city, national
from plangraph.api.app import create_app
from plangraph.api.cache import ResponseCache
from plangraph.graph.loader import load_document


class CountingStore:
    """A store that counts the reads other than the graph-version lookup."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self.reads = 0
        self.version_reads = 0

    def read(self, query: str, params: dict | None = None, **kw: Any) -> list[dict]:
        if "Meta {key: 'graph'}" not in query:
            self.reads += 1
        else:
            self.version_reads += 1
        return self._store.read(query, params, **kw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


@pytest.fixture
def client_and_store(falkor_store):
    load_document(falkor_store, national())  # the cache is engine-agnostic (an ASGI layer over any store)
    store = CountingStore(falkor_store)
    return TestClient(create_app(store=store)), store


def test_repeated_get_is_answered_from_memory_until_a_write(client_and_store):
    client, store = client_and_store
    agency = client.get("/agencies").json()["items"][0]["agency_id"]  # builds the vocabulary
    versions = store.version_reads
    first = client.get("/tasks", params={"limit": 3, "agency": agency})
    assert store.version_reads == versions + 1  # read by the cache, not again by the request's resolver
    assert first.status_code == 200
    reads = store.reads
    again = client.get("/tasks", params={"limit": 3, "agency": agency})
    assert again.content == first.content and again.headers["content-type"] == first.headers["content-type"]
    assert store.reads == reads  # only the graph version was read
    before = client.get("/tasks", params={"limit": 4}).json()
    assert store.reads > reads  # another question is asked of the graph
    assert client.get("/tasks", params={"limit": 4}).json() == before
    load_document(store._store, city())  # a write bumps the graph version
    after = client.get("/tasks", params={"limit": 4}).json()
    assert after["total"] > before["total"] > 0


def test_errors_and_writes_are_not_kept(client_and_store):
    client, store = client_and_store
    assert client.get("/tasks", params={"bogus": 1}).status_code == 422
    reads = store.reads
    assert client.get("/tasks", params={"bogus": 1}).status_code == 422
    assert client.get("/health").status_code == 200
    assert store.reads > reads  # /health is not cached


def test_cache_is_bounded():
    cache = ResponseCache(app=None, max_bytes=9, max_entry_bytes=6)
    cache._put(("a",), (200, [], b"12345"))
    cache._put(("b",), (200, [], b"12345"))
    assert cache._get(("a",)) is None and cache._get(("b",)) is not None  # oldest dropped
    cache._put(("c",), (200, [], b"1234567"))  # above the entry limit
    assert cache._get(("c",)) is None
