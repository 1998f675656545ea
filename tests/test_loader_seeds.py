"""Seeds-level acceptance: ingesting data/seeds twice is a no-op; counts equal the extraction; provinces."""

from __future__ import annotations

from pathlib import Path

import pytest
from plangraph.graph.export import export_graph
from plangraph.graph.linking import relink
from plangraph.graph.loader import graph_stats, load_document
from plangraph.ingest.model import Extraction


@pytest.fixture(scope="module")
def extractions(seed_extractions: list[Extraction]) -> list[Extraction]:
    return seed_extractions


def _ingest(store, extractions: list[Extraction]) -> None:
    for data in extractions:
        load_document(store, data)
    relink(store)


def test_ingesting_seeds_twice_changes_nothing(graph_store, extractions, tmp_path: Path) -> None:
    _ingest(graph_store, extractions)
    stats = graph_stats(graph_store)
    export_graph(graph_store, "json", tmp_path / "a.json")
    _ingest(graph_store, extractions)
    assert graph_stats(graph_store) == stats
    export_graph(graph_store, "json", tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_counts_equal_the_extraction(graph_store, extractions) -> None:
    _ingest(graph_store, extractions)
    stats = graph_stats(graph_store)
    assert stats["documents"] == len({e.document.doc_id for e in extractions})
    assert stats["tasks"] == sum(len(e.tasks) for e in extractions)
    assert stats["sections"] == sum(len(e.sections) for e in extractions)
    assert stats["targets"] == sum(len(e.targets) for e in extractions)
    assert stats["relationships"].get("HAS_TASK", 0) >= stats["tasks"]


@pytest.mark.parametrize(("city", "province"), [("铜陵市", "安徽省"), ("南京市", "江苏省")])
def test_city_agencies_are_in_their_province(graph_store, extractions, city: str, province: str) -> None:
    ids = {a.agency_id for e in extractions if e.document.jurisdiction == city
           for a in e.agencies if a.jurisdiction == city}
    assert ids, f"the seeds name agencies of {city}"
    _ingest(graph_store, extractions)
    rows = graph_store.read(
        "MATCH (a:Agency)-[:IN]->(:Jurisdiction)-[:PART_OF*0..3]->(:Jurisdiction {name: $p}) "
        "RETURN DISTINCT a.agency_id AS id", {"p": province})
    assert ids <= {r["id"] for r in rows}
