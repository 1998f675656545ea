"""Export: deterministic bytes, every format, one document's subgraph."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from fixtures_graph import city, nanjing, national
from plangraph.graph.export import export_graph
from plangraph.graph.linking import relink
from plangraph.graph.loader import graph_stats, load_document

CITY = city().document.doc_id


@pytest.fixture
def loaded(graph_store):
    for data in (national(), city(), nanjing()):
        load_document(graph_store, data)
    relink(graph_store)
    return graph_store


@pytest.mark.parametrize(("fmt", "name"), [("json", "g.json"), ("jsonl", "g.jsonl"), ("graphml", "g.graphml"),
                                           ("csv", "g.zip")])
def test_two_exports_are_byte_identical(loaded, tmp_path: Path, fmt: str, name: str) -> None:
    a, b = tmp_path / "a" / name, tmp_path / "b" / name
    export_graph(loaded, fmt, a)
    export_graph(loaded, fmt, b)
    assert a.read_bytes() == b.read_bytes()


def test_json_export_counts_match_stats(loaded, tmp_path: Path) -> None:
    counts = export_graph(loaded, "json", tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    stats = graph_stats(loaded)
    assert counts == {"nodes": len(data["nodes"]), "edges": len(data["edges"])}
    assert sum(1 for n in data["nodes"] if n["label"] == "Task") == stats["tasks"]
    assert len(data["edges"]) == sum(stats["relationships"].values())
    keys = [(n["label"], n["key"]) for n in data["nodes"]]
    assert keys == sorted(keys)


def test_document_subgraph(loaded, tmp_path: Path) -> None:
    export_graph(loaded, "jsonl", tmp_path / "d.jsonl", doc_id=CITY)
    rows = [json.loads(line) for line in (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()]
    nodes = {(r["label"], r["key"]) for r in rows if r["kind"] == "node"}
    tasks = {k for label, k in nodes if label == "Task"}
    assert tasks == {f"{CITY}/T01", f"{CITY}/T02", f"{CITY}/T03"} | {
        r["target"][1] for r in rows if r["kind"] == "edge" and r["type"] == "IMPLEMENTS" and r["target"][0] == "Task"}
    assert ("Agency", "铜陵市市场监督管理局") in nodes
    assert ("Agency", "南京市市场监督管理局") not in nodes
    assert {("Jurisdiction", "铜陵市"), ("Jurisdiction", "安徽省"), ("Jurisdiction", "中国")} <= nodes
    assert ("Jurisdiction", "南京市") not in nodes
    edges = [r for r in rows if r["kind"] == "edge"]
    assert all(tuple(e["source"]) in nodes and tuple(e["target"]) in nodes for e in edges)


def test_graphml_and_csv_folder(loaded, tmp_path: Path) -> None:
    counts = export_graph(loaded, "graphml", tmp_path / "g.graphml")
    graph = nx.read_graphml(tmp_path / "g.graphml")
    assert graph.number_of_nodes() == counts["nodes"] and graph.number_of_edges() == counts["edges"]
    tl = graph.nodes["Jurisdiction:铜陵市"]
    assert (tl["label"], tl["type"]) == ("铜陵市", "Jurisdiction")  # label = what a person reads
    agency = graph.nodes["Agency:铜陵市市场监督管理局"]
    assert agency["label"] == "铜陵市市场监督管理局" and agency["type"] == "Agency"
    task = graph.nodes[f"Task:{CITY}/T01"]
    assert task["label"] == f"{task['number']}{task['title']}" and task["type"] == "Task"
    assert isinstance(task["start"], int) and isinstance(task["order"], int)  # typed, not text
    assert not any(str(v).startswith("[") for _, d in graph.nodes(data=True) for v in d.values())
    export_graph(loaded, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "edges.csv").open(encoding="utf-8") as fh:
        edges = list(csv.DictReader(fh))
    assert len(edges) == counts["edges"]
    assert list(edges[0])[:3] == ["source", "target", "type"] and "properties" not in edges[0]
    with (tmp_path / "csv" / "nodes.csv").open(encoding="utf-8") as fh:
        nodes = {n["id"]: n for n in csv.DictReader(fh)}
    assert nodes[f"Task:{CITY}/T01"]["label"] == task["label"]
    assert not any(cell.startswith(("{", "[")) for n in nodes.values() for cell in n.values())
    export_graph(loaded, "csv", tmp_path / "g.zip")
    with zipfile.ZipFile(tmp_path / "g.zip") as zf:
        assert sorted(zf.namelist()) == ["edges.csv", "nodes.csv"]
        assert zf.read("edges.csv").decode("utf-8") == (tmp_path / "csv" / "edges.csv").read_text(encoding="utf-8")


def test_unknown_format_and_document_are_refused(loaded, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="format"):
        export_graph(loaded, "xml", tmp_path / "x")
    with pytest.raises(ValueError, match="no document"):
        export_graph(loaded, "json", tmp_path / "x.json", doc_id="d-000000000000")
