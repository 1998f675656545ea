"""Export the graph, or one document's subgraph, as JSON, JSON Lines, GraphML or CSV — deterministically.

Nodes are sorted by (label, key) and edges by (type, source, target, properties), so two exports of the same
graph are byte-identical. A document's subgraph is the document, its Sections/Tasks/Targets, every edge
touching them, the nodes at the other end (shared nodes, cited documents, linked clauses), and the
jurisdiction chain, functions and successors of the agencies it touches.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import networkx as nx
from plangraph.graph.dialect import BUSINESS_KEYS
from plangraph.graph.store import GraphStore

FORMATS = ("json", "jsonl", "graphml", "csv")
EXPORT_TIMEOUT_MS = 600_000
_KEY_PROJECTION = ", ".join(f".{key}" for key in sorted(set(BUSINESS_KEYS.values())))

STATEMENTS: dict[str, str] = {
    "nodes": "MATCH (n) RETURN labels(n)[0] AS label, properties(n) AS props",
    "edges": (
        f"MATCH (a)-[r]->(b) RETURN type(r) AS type, labels(a)[0] AS sl, a{{{_KEY_PROJECTION}}} AS sk, "
        f"labels(b)[0] AS tl, b{{{_KEY_PROJECTION}}} AS tk, properties(r) AS props"
    ),
}

# edges between shared nodes that belong to a document's subgraph when their source is in it
_SHARED_CLOSURE = ("IN", "PART_OF", "HAS_FUNCTION", "SUCCEEDED_BY")
_OWNED = ("Section", "Task", "Target")

NodeId = tuple[str, str]


def _node_id(label: str, keys: dict[str, Any]) -> NodeId:
    return label, str(keys.get(BUSINESS_KEYS.get(label, ""), ""))


def _sort_key(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def collect_graph(store: GraphStore, doc_id: str | None = None) -> dict[str, list[dict]]:
    """``{"nodes": [{label, key, properties}], "edges": [{type, source, target, properties}]}``, sorted."""
    nodes: dict[NodeId, dict] = {}
    for row in store.read(STATEMENTS["nodes"], timeout_ms=EXPORT_TIMEOUT_MS):
        nid = _node_id(row["label"], row["props"])
        nodes[nid] = {"label": nid[0], "key": nid[1], "properties": dict(sorted(row["props"].items()))}
    edges = []
    for row in store.read(STATEMENTS["edges"], timeout_ms=EXPORT_TIMEOUT_MS):
        edges.append({"type": row["type"], "source": _node_id(row["sl"], row["sk"]),
                      "target": _node_id(row["tl"], row["tk"]), "properties": dict(sorted(row["props"].items()))})
    if doc_id is not None:
        nodes, edges = _subgraph(nodes, edges, doc_id)
    ordered_nodes = [nodes[k] for k in sorted(nodes)]
    ordered_edges = sorted(edges, key=lambda e: (e["type"], e["source"], e["target"], _sort_key(e["properties"])))
    for edge in ordered_edges:
        edge["source"], edge["target"] = list(edge["source"]), list(edge["target"])
    return {"nodes": ordered_nodes, "edges": ordered_edges}


def _subgraph(nodes: dict[NodeId, dict], edges: list[dict], doc_id: str) -> tuple[dict, list[dict]]:
    core = {nid for nid, n in nodes.items()
            if (nid == ("Document", doc_id)) or (nid[0] in _OWNED and n["properties"].get("doc_id") == doc_id)}
    keep_edges = [e for e in edges if e["source"] in core or e["target"] in core]
    keep = set(core) | {e["source"] for e in keep_edges} | {e["target"] for e in keep_edges}
    frontier = keep - core
    while frontier:
        added = [e for e in edges if e["type"] in _SHARED_CLOSURE and e["source"] in frontier]
        keep_edges += [e for e in added if e not in keep_edges]
        frontier = {e["target"] for e in added} - keep
        keep |= frontier
    return {nid: nodes[nid] for nid in keep if nid in nodes}, keep_edges


def _flat(value: Any) -> Any:
    """GraphML/CSV cell: scalars as they are, lists and maps as JSON."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _graphml(graph: dict, out: Path) -> None:
    g = nx.MultiDiGraph()
    for n in graph["nodes"]:
        attrs = {k: _flat(v) for k, v in n["properties"].items() if v is not None}
        attrs.update(label=n["label"], key=n["key"])
        g.add_node(f"{n['label']}:{n['key']}", **attrs)
    for i, e in enumerate(graph["edges"]):
        attrs = {k: _flat(v) for k, v in e["properties"].items() if v is not None}
        g.add_edge(":".join(e["source"]), ":".join(e["target"]), key=i, type=e["type"], **attrs)
    nx.write_graphml(g, str(out), encoding="utf-8")


def _csv_text(header: list[str], rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def _csv(graph: dict, out: Path) -> None:
    nodes = _csv_text(["id", "label", "key", "properties"],
                      [[f"{n['label']}:{n['key']}", n["label"], n["key"], _sort_key(n["properties"])]
                       for n in graph["nodes"]])
    edges = _csv_text(["source", "target", "type", "properties"],
                      [[":".join(e["source"]), ":".join(e["target"]), e["type"], _sort_key(e["properties"])]
                       for e in graph["edges"]])
    if out.suffix == ".zip":
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, text in (("nodes.csv", nodes), ("edges.csv", edges)):
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, text.encode("utf-8"))
    else:
        out.mkdir(parents=True, exist_ok=True)
        (out / "nodes.csv").write_text(nodes, encoding="utf-8")
        (out / "edges.csv").write_text(edges, encoding="utf-8")


def export_graph(store: GraphStore, fmt: str, out: Path, doc_id: str | None = None) -> dict[str, int]:
    """Write the graph (or ``doc_id``'s subgraph) to ``out``; CSV writes a folder, or a zip if ``out``
    ends in ``.zip``. Returns ``{"nodes": n, "edges": m}``. Raises ``ValueError`` on an unknown format or
    a document that does not exist."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    graph = collect_graph(store, doc_id)
    if doc_id is not None and not graph["nodes"]:
        raise ValueError(f"no document {doc_id!r} in the graph")
    out = Path(out)
    if fmt != "csv" or out.suffix == ".zip":
        out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        out.write_text(json.dumps(graph, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    elif fmt == "jsonl":
        lines = [json.dumps({"kind": "node", **n}, ensure_ascii=False, sort_keys=True) for n in graph["nodes"]]
        lines += [json.dumps({"kind": "edge", **e}, ensure_ascii=False, sort_keys=True) for e in graph["edges"]]
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif fmt == "graphml":
        _graphml(graph, out)
    else:
        _csv(graph, out)
    return {"nodes": len(graph["nodes"]), "edges": len(graph["edges"])}
