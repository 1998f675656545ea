"""networkx views of the co-responsibility network, computed from catalogue queries (no Cypher here).

Nodes are agencies (or functions with ``level='function'``); an edge's ``weight`` is the number of tasks
the pair shares, split into ``lead_co`` (one of them leads) and ``co_co`` (both co-responsible).
"""

from __future__ import annotations

import csv
import io
from typing import Any, Literal

import networkx as nx
from plangraph.graph.catalogue import run_query

Level = Literal["agency", "function"]


def co_responsibility_graph(
    store: Any,
    doc_id: str | None = None,
    jurisdiction: str | None = None,
    level: Level = "agency",
    *,
    function: str | None = None,
    min_weight: int = 1,
) -> nx.Graph:
    """The weighted co-responsibility graph of the tasks in ``doc_id`` / ``jurisdiction`` (all when None).

    Node attributes: ``name``, ``name_en``, ``function``, ``jurisdiction``, ``lead_count``, ``co_count``.
    Edge attributes: ``weight``, ``lead_co``, ``co_co``, ``kind`` (``lead-co`` when any shared task has one
    of the pair leading, else ``co-co``).
    """
    if level not in ("agency", "function"):
        raise ValueError(f"level must be 'agency' or 'function', not {level!r}")
    scope = {"doc_id": doc_id, "jurisdiction": jurisdiction}
    if level == "agency":
        rows = run_query(store, "agency_network", {**scope, "function": function, "min_weight": min_weight})
        return agency_graph(rows, doc_id=doc_id, jurisdiction=jurisdiction)
    workload = run_query(store, "agency_workload", {**scope, "function": function, "limit": 1_000_000})
    graph = nx.Graph(level=level, doc_id=doc_id, jurisdiction=jurisdiction)
    for row in workload:
        key = row["agency_id"] if level == "agency" else (row.get("function") or "")
        if not key:
            continue
        if key not in graph:
            graph.add_node(
                key,
                name=row["name"] if level == "agency" else key,
                name_en=row.get("name_en") if level == "agency" else None,
                function=row.get("function"),
                jurisdiction=row.get("agency_jurisdiction") if level == "agency" else None,
                lead_count=0,
                co_count=0,
            )
        graph.nodes[key]["lead_count"] += int(row["lead_count"] or 0)
        graph.nodes[key]["co_count"] += int(row["co_count"] or 0)
    if level == "agency":
        edges = run_query(store, "co_responsibility_network",
                          {**scope, "function": function, "min_weight": min_weight, "limit": 1_000_000})  # fmt: skip
    else:
        edges = run_query(store, "function_network", {**scope, "min_weight": min_weight, "limit": 1_000_000})
    for e in edges:
        for end in ("source", "target"):
            if e[end] not in graph:
                graph.add_node(e[end], name=e.get(f"{end}_name") or e[end], name_en=e.get(f"{end}_name_en"),
                               function=e.get(f"{end}_function"), jurisdiction=None, lead_count=0, co_count=0)  # fmt: skip
        if level == "function":
            for end in ("source", "target"):
                if e.get(f"{end}_name"):
                    graph.nodes[e[end]]["name"] = e[f"{end}_name"]
                    graph.nodes[e[end]]["name_en"] = e.get(f"{end}_name_en")
        lead_co, co_co = int(e["lead_co"] or 0), int(e["co_co"] or 0)
        graph.add_edge(
            e["source"],
            e["target"],
            weight=int(e["weight"]),
            lead_co=lead_co,
            co_co=co_co,
            kind="lead-co" if lead_co else "co-co",
        )
    return graph


def agency_graph(rows: list[dict[str, Any]], **attrs: Any) -> nx.Graph:
    """The agency graph of ``agency_network`` rows: a row without ``target`` is an agency (``tasks``, of which it
    leads ``lead_tasks``), the others are pairs (``tasks`` shared, ``lead_tasks`` of them led by one of the two)."""
    graph = nx.Graph(level="agency", **attrs)

    def node(row: dict[str, Any], end: str) -> None:
        key = row[end]
        if key not in graph:
            graph.add_node(key, name=row.get(f"{end}_name") or key, name_en=row.get(f"{end}_name_en"),
                           function=row.get(f"{end}_function"), jurisdiction=row.get(f"{end}_jurisdiction"),
                           lead_count=0, co_count=0)  # fmt: skip

    for row in rows:
        if row.get("target") is None:
            node(row, "source")
            lead = int(row["lead_tasks"] or 0)
            graph.nodes[row["source"]]["lead_count"] = lead
            graph.nodes[row["source"]]["co_count"] = int(row["tasks"] or 0) - lead
    for row in rows:
        if row.get("target") is None:
            continue
        node(row, "source")
        node(row, "target")
        weight, lead_co = int(row["tasks"]), int(row["lead_tasks"] or 0)
        graph.add_edge(row["source"], row["target"], weight=weight, lead_co=lead_co, co_co=weight - lead_co,
                       kind="lead-co" if lead_co else "co-co")  # fmt: skip
    return graph


def graph_from_edge_rows(rows: list[dict[str, Any]]) -> nx.Graph:
    """Rows with ``source`` and ``target`` columns as a graph: ``source_x``/``target_x`` columns become node
    attribute ``x``, the other columns edge attributes (node attributes for a row whose target is null).
    ValueError when the rows are not edges."""
    if rows and not {"source", "target"} <= set(rows[0]):
        raise ValueError("the rows are not edges (no source and target columns)")
    graph = nx.Graph()
    for row in rows:
        ends: dict[str, dict[str, Any]] = {"source": {}, "target": {}}
        edge: dict[str, Any] = {}
        for key, value in row.items():
            if key in ("source", "target"):
                continue
            side, _, attr = key.partition("_")
            if side in ends and attr:
                ends[side][attr] = value
            else:
                edge[key] = value
        if row["target"] is None:  # a node row (e.g. agency_network's agencies)
            graph.add_node(row["source"], **ends["source"], **edge)
            continue
        for side in ("source", "target"):
            graph.add_node(row[side], **ends[side])
        graph.add_edge(row["source"], row["target"], **edge)
    return graph


def to_json(graph: nx.Graph) -> dict[str, list[dict[str, Any]]]:
    """``{"nodes": [{id, …attrs}], "edges": [{source, target, …attrs}]}`` sorted by id (stable output)."""
    nodes = [{"id": n, **attrs} for n, attrs in sorted(graph.nodes(data=True), key=lambda x: x[0])]
    edges = [
        {"source": u, "target": v, **attrs}
        for u, v, attrs in sorted(
            ((min(u, v), max(u, v), a) for u, v, a in graph.edges(data=True)), key=lambda x: (x[0], x[1])
        )
    ]
    return {"nodes": nodes, "edges": edges}


def to_graphml(graph: nx.Graph) -> str:
    """GraphML text (None attributes dropped, since GraphML has no null); each node's ``label`` is its display
    name, which Gephi, Cytoscape and yEd show."""
    clean = nx.Graph(**{k: v for k, v in graph.graph.items() if v is not None})
    for n, attrs in graph.nodes(data=True):
        clean.add_node(n, **{k: v for k, v in attrs.items() if v is not None}, label=attrs.get("name") or n)
    for u, v, attrs in graph.edges(data=True):
        clean.add_edge(u, v, **{k: _graphml_value(val) for k, val in attrs.items() if val is not None})
    return "\n".join(nx.generate_graphml(clean, encoding="utf-8", prettyprint=True))


def _graphml_value(value: Any) -> Any:
    """GraphML has no lists: a list becomes its items joined with 、."""
    return "、".join(map(str, value)) if isinstance(value, (list, tuple)) else value


def to_csv(graph: nx.Graph) -> str:
    """The edge list as CSV: source, target, names, weight, lead_co, co_co, kind."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["source", "target", "source_name", "target_name", "weight", "lead_co", "co_co", "kind"])
    for e in to_json(graph)["edges"]:
        writer.writerow([
            e["source"], e["target"], graph.nodes[e["source"]].get("name"), graph.nodes[e["target"]].get("name"),
            e["weight"], e["lead_co"], e["co_co"], e["kind"],
        ])  # fmt: skip
    return buf.getvalue()
