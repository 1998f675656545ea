"""The Python client on the seeds: catalogue queries as DataFrames and networks, checked against the API."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from plangraph.client import Client


@pytest.fixture(scope="module")
def pg(seeded_store, falkor_settings):
    return Client(seeded_store, falkor_settings.model_copy(update={"graph_name": "plangraph_seeds"}))


def test_open_reads_the_configured_store_and_seeds_only_an_empty_one(falkor_settings):
    with Client.open(falkor_settings, graph_name="plangraph_client", seed_if_empty=True) as pg:
        pg.store.clear()
    with Client.open(falkor_settings, graph_name="plangraph_client", seed_if_empty=True) as pg:
        stats = pg.stats()
        assert stats["documents"] == len(list(falkor_settings.seeds_dir.glob("*.txt"))) == 5
    with Client.open(falkor_settings, graph_name="plangraph_client", seed_if_empty=True) as pg:
        assert pg.stats() == stats  # not seeded twice
        pg.store.clear()


def test_frame_is_the_catalogue_query_as_a_dataframe(pg):
    frame = pg.frame("tasks", agency="市场监管局", role="lead", topic="碳计量")
    assert isinstance(frame, pd.DataFrame) and len(frame) == 4
    assert set(frame["jurisdiction"]) == {"浙江省", "铜陵市"}
    flat = pg.frame("tasks", flat=True, agency="市场监管局", role="lead", topic="碳计量")
    assert {"lead_name", "co_name", "topics_key"} <= set(flat.columns)
    assert list(flat["task_id"]) == list(frame["task_id"])


def test_graph_from_an_edge_query_matches_the_rows(pg):
    rows = pg.rows("co_responsibility_network", jurisdiction="铜陵市")
    graph = pg.graph("co_responsibility_network", jurisdiction="铜陵市")
    assert isinstance(graph, nx.Graph) and graph.number_of_edges() == len(rows) > 0
    row = rows[0]
    assert graph.edges[row["source"], row["target"]]["weight"] == row["weight"]
    assert graph.nodes[row["source"]]["name"] == row["source_name"]
    with pytest.raises(ValueError, match="does not return edges"):
        pg.graph("topics")


def test_queries_and_network(pg):
    catalogue = pg.queries()
    assert {"tasks", "tasks_facets", "co_responsibility_network"} <= set(catalogue["name"])
    network = pg.network(jurisdiction="Tongling")
    assert network.number_of_nodes() > 0
    assert all(data["name"] for _, data in network.nodes(data=True))
