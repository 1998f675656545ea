"""The graph version that caches trust: it grows with every write and is never repeated after a clear."""

from __future__ import annotations

from plangraph.graph.catalogue import graph_version, write_statements


def _bump(store) -> int:
    return store.write(write_statements()["bump_version"])[0]["version"]


def test_versions_grow_and_survive_a_clear(graph_store) -> None:
    first = _bump(graph_store)
    second = _bump(graph_store)
    assert second > first
    assert graph_version(graph_store) == second
    graph_store.clear()
    assert graph_version(graph_store) is None
    assert _bump(graph_store) > second  # an API holding answers of the old graph at `second` sees a new version
