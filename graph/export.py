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
from typing import Any, BinaryIO

import networkx as nx
from plangraph.graph.catalogue import internal_statements
from plangraph.graph.dialect import BUSINESS_KEYS
from plangraph.graph.loader import responsibility_provenance
from plangraph.graph.store import GraphStore

FORMATS = ("json", "jsonl", "graphml", "csv")
EXPORT_TIMEOUT_MS = 600_000

STATEMENTS: dict[str, str] = {"nodes": internal_statements()["export_nodes"], "edges": internal_statements()["export_edges"]}

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
        target = _node_id(row["tl"], row["tk"])
        props = row["props"]
        if row["type"] == "RESPONSIBLE_FOR" and target in nodes:  # its quote, stored once on the task
            stored = responsibility_provenance(props, nodes[target]["properties"])
            props = {**props, **{k: v for k, v in stored.items() if v is not None}}
        edges.append({"type": row["type"], "source": _node_id(row["sl"], row["sk"]), "target": target,
                      "properties": dict(sorted(props.items()))})
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


_LIST_SEP = "、"
# the property shown as a node's label, by node type (first one present wins; else the business key)
_DISPLAY = {
    "Agency": ("name",), "Document": ("title",), "Section": ("title", "number"), "Task": ("title", "number"),
    "Target": ("metric",), "Topic": ("name", "name_en"), "Function": ("name", "zh", "name_en"),
    "Jurisdiction": ("name",), "Year": ("year",),
}


def display_name(label: str, key: str, props: dict[str, Any]) -> str:
    """What a person should read on a node: an agency's name, a plan's title, a task's number and title…"""
    if label == "Task" and props.get("title"):
        return f"{props.get('number') or ''}{props['title']}".strip()
    for prop in _DISPLAY.get(label, ()):
        if props.get(prop) not in (None, ""):
            return str(props[prop])
    return key


def _flat(value: Any) -> Any:
    """A GraphML/CSV value: scalars as they are, lists joined with 、 (maps, which the loader stores as JSON
    text already, stay text)."""
    if isinstance(value, list):
        return _LIST_SEP.join("" if v is None else str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


_RESERVED = ("id", "type", "key", "label")


def _props(props: dict[str, Any]) -> dict[str, Any]:
    """Flat property values; a property named like a reserved column (``label``, ``type`` …) gets ``_property``."""
    return {(f"{k}_property" if k in _RESERVED else k): _flat(v) for k, v in props.items() if v is not None}


def _typed(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Attribute maps with one type per attribute name across all items (GraphML declares a type per key):
    ints mixed with floats become floats, anything mixed with text becomes text."""
    kinds: dict[str, set[type]] = {}
    for attrs in items:
        for k, v in attrs.items():
            kinds.setdefault(k, set()).add(bool if isinstance(v, bool) else type(v))
    target: dict[str, type] = {}
    for k, ts in kinds.items():
        if len(ts) == 1:
            target[k] = next(iter(ts))
        elif ts <= {int, float}:
            target[k] = float
        else:
            target[k] = str
    out = []
    for attrs in items:
        fixed = {}
        for k, v in attrs.items():
            t = target[k]
            fixed[k] = v if type(v) is t else (float(v) if t is float else str(v).lower() if isinstance(v, bool)
                                                else str(v))
        out.append(fixed)
    return out


def _graphml(graph: dict, out: Any) -> None:
    g = nx.MultiDiGraph()
    node_attrs = []
    for n in graph["nodes"]:
        attrs = _props(n["properties"])
        attrs.update(label=display_name(n["label"], n["key"], n["properties"]), type=n["label"], key=n["key"])
        node_attrs.append(attrs)
    for n, attrs in zip(graph["nodes"], _typed(node_attrs), strict=True):
        g.add_node(f"{n['label']}:{n['key']}", **attrs)
    edge_attrs = []
    for e in graph["edges"]:
        attrs = _props(e["properties"])
        attrs.update(label=e["type"], type=e["type"])
        edge_attrs.append(attrs)
    for i, (e, attrs) in enumerate(zip(graph["edges"], _typed(edge_attrs), strict=True)):
        g.add_edge(":".join(e["source"]), ":".join(e["target"]), key=i, **attrs)
    nx.write_graphml(g, out, encoding="utf-8")


def _csv_text(header: list[str], rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def _cell(value: Any) -> Any:
    value = _flat(value)
    return "" if value is None else value


def _csv_tables(graph: dict) -> tuple[str, str]:
    """``nodes.csv`` (id, type, key, label, then one column per property) and ``edges.csv`` (source, target,
    type, then one column per property); flat cells, lists joined with 、."""
    node_rows = [_props(n["properties"]) for n in graph["nodes"]]
    node_props = sorted({k for row in node_rows for k in row})
    nodes = _csv_text(["id", "type", "key", "label"] + node_props,
                      [[f"{n['label']}:{n['key']}", n["label"], n["key"],
                        display_name(n["label"], n["key"], n["properties"])]
                       + [_cell(row.get(k)) for k in node_props] for n, row in zip(graph["nodes"], node_rows, strict=True)])
    edge_rows = [_props(e["properties"]) for e in graph["edges"]]
    edge_props = sorted({k for row in edge_rows for k in row})
    edges = _csv_text(["source", "target", "type"] + edge_props,
                      [[":".join(e["source"]), ":".join(e["target"]), e["type"]]
                       + [_cell(row.get(k)) for k in edge_props] for e, row in zip(graph["edges"], edge_rows, strict=True)])
    return nodes, edges


def _zip(nodes: str, edges: str, out: Any) -> None:
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, text in (("nodes.csv", nodes), ("edges.csv", edges)):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, text.encode("utf-8"))


def _csv(graph: dict, out: Path) -> None:
    nodes, edges = _csv_tables(graph)
    if out.suffix == ".zip":
        _zip(nodes, edges, out)
    else:
        out.mkdir(parents=True, exist_ok=True)
        (out / "nodes.csv").write_text(nodes, encoding="utf-8")
        (out / "edges.csv").write_text(edges, encoding="utf-8")


def render(graph: dict, fmt: str) -> bytes:
    """One export as bytes (CSV: a zip of nodes.csv and edges.csv), for writing to standard output."""
    if fmt == "json":
        return (json.dumps(graph, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")
    if fmt == "jsonl":
        lines = [json.dumps({"kind": "node", **n}, ensure_ascii=False, sort_keys=True) for n in graph["nodes"]]
        lines += [json.dumps({"kind": "edge", **e}, ensure_ascii=False, sort_keys=True) for e in graph["edges"]]
        return ("\n".join(lines) + "\n").encode("utf-8")
    buf = io.BytesIO()
    if fmt == "graphml":
        _graphml(graph, buf)
    else:
        _zip(*_csv_tables(graph), buf)
    return buf.getvalue()


def export_graph(store: GraphStore, fmt: str, out: Path | BinaryIO, doc_id: str | None = None) -> dict[str, int]:
    """Write the graph (or ``doc_id``'s subgraph) to ``out`` (a path or a binary stream); CSV writes a folder,
    or a zip if ``out`` ends in ``.zip`` or is a stream. Returns ``{"nodes": n, "edges": m}``. Raises
    ``ValueError`` on an unknown format or a document that does not exist."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    graph = collect_graph(store, doc_id)
    if doc_id is not None and not graph["nodes"]:
        raise ValueError(f"no document {doc_id!r} in the graph")
    if not isinstance(out, (str, Path)):  # a binary stream (standard output)
        out.write(render(graph, fmt))
        return {"nodes": len(graph["nodes"]), "edges": len(graph["edges"])}
    out = Path(out)
    if fmt != "csv" or out.suffix == ".zip":
        out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        _csv(graph, out)
    else:
        out.write_bytes(render(graph, fmt))
    return {"nodes": len(graph["nodes"]), "edges": len(graph["edges"])}
