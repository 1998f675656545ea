"""``plangraph export --out -`` writes the export to standard output (the store is named on standard error)."""

from __future__ import annotations

import io
import json
import zipfile

import networkx as nx
import pytest
from fixtures_graph import city, national
from plangraph.graph.loader import load_document
from typer.testing import CliRunner

from plangraph.cli import app


@pytest.fixture
def cli_env(falkor_store, falkor_settings, monkeypatch):
    from plangraph import settings as settings_mod

    for data in (national(), city()):
        load_document(falkor_store, data)
    monkeypatch.setenv("PLANGRAPH_DATA_DIR", str(falkor_settings.data_dir))
    monkeypatch.setenv("PLANGRAPH_GRAPH_NAME", falkor_settings.graph_name)
    settings_mod.get_settings.cache_clear()
    yield falkor_settings
    settings_mod.get_settings.cache_clear()


def test_export_to_stdout(cli_env):
    runner = CliRunner()
    as_json = runner.invoke(app, ["export", "--format", "json", "--out", "-"])
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.stdout_bytes)
    assert any(n["label"] == "Task" for n in data["nodes"])
    assert f"store: embedded FalkorDB in {cli_env.data_dir}" in as_json.stderr
    graphml = runner.invoke(app, ["export", "-f", "graphml", "-o", "-"])
    graph = nx.read_graphml(io.BytesIO(graphml.stdout_bytes))
    assert graph.number_of_nodes() == len(data["nodes"]) and graph.number_of_edges() == len(data["edges"])
    zipped = runner.invoke(app, ["export", "-f", "csv", "-o", "-"])  # not a terminal: a zip on stdout
    with zipfile.ZipFile(io.BytesIO(zipped.stdout_bytes)) as zf:
        assert sorted(zf.namelist()) == ["edges.csv", "nodes.csv"]
