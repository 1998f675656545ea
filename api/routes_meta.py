"""``/health``, ``/stats``, ``/queries`` and ``/queries/{name}``."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from plangraph.api.deps import (
    FormatQuery,
    Paging,
    PagingDep,
    RunnerDep,
    SettingsDep,
    StoreDep,
    csv_response,
    json_body,
    known_total,
    page,
    page_of,
)
from plangraph.api.models import Health, Page, QueryInfo, QueryResult, Stats
from plangraph.graph.catalogue import ParameterError, catalogue_rows, coerce_params, get_query, load_catalogue

router = APIRouter()


@router.get("/health", response_model=Health, tags=["meta 元信息"], summary="服务状态 / Health")
def health(store: StoreDep) -> dict[str, Any]:
    """图数据库可用时返回 ok / ``ok`` when the graph store answers."""
    store.read("RETURN 1 AS ok")
    return {"status": "ok", "backend": store.backend, "read_only": bool(getattr(store, "read_only", True))}


@router.get("/stats", response_model=Stats, tags=["meta 元信息"], summary="图谱统计 / Graph statistics")
def stats(store: StoreDep) -> dict[str, Any]:
    """各类节点与关系的数量 / Node counts per label, stubs, relationships per type."""
    from plangraph.graph.loader import graph_stats

    return graph_stats(store)


@router.get("/queries", response_model=Page[QueryInfo], tags=["queries 命名查询"],
            summary="命名查询目录 / The query catalogue", responses={200: {"content": {"text/csv": {}}}})  # fmt: skip
def list_queries(request: Request, settings: SettingsDep, paging: PagingDep, format: FormatQuery = "json") -> Any:
    """全部命名查询及其参数 / Every catalogue query with its parameters."""
    rows = catalogue_rows(load_catalogue(settings.queries_dir).values())
    return csv_response(rows, "queries") if format == "csv" else page_of(rows, paging, request)


@router.get(
    "/queries/{name}",
    response_model=QueryResult,
    tags=["queries 命名查询"],
    summary="运行命名查询 / Run a catalogue query",
    responses={200: {"content": {"text/csv": {}, "application/graphml+xml": {}}}},
)
def run_named_query(
    name: str,
    request: Request,
    runner: RunnerDep,
    settings: SettingsDep,
    limit: int | None = Query(None, ge=1, le=100000, description="每页行数 / page size (the query's default)"),
    offset: int = Query(0, ge=0, description="跳过行数 / rows to skip"),
    format: Literal["json", "csv", "graphml"] = Query(
        "json", description="输出格式 / output format: json, csv, or graphml for queries returning edges"),
) -> Any:
    """查询参数即目录中声明的参数(校验类型)/ Query-string parameters are the query's declared parameters,
    validated and coerced; e.g. ``/queries/tasks?agency=市场监管局&role=lead&topic=碳计量``. Unknown
    parameters are refused (422). ``limit``/``offset`` page every query; ``total`` counts all its rows."""
    spec = get_query(name, settings.queries_dir)
    raw = {k: v for k, v in request.query_params.multi_items() if k not in ("format", "limit", "offset")}
    pages_itself = spec.param("limit") is not None and spec.param("offset") is not None
    if pages_itself:
        limit = limit or int(spec.param("limit").default or 100)
        raw.update(limit=limit, offset=offset)
    user_params = coerce_params(spec, raw)
    rows, known = runner.page(name, raw)
    paging = Paging(limit=limit or 100, offset=offset)
    if format == "csv":
        return csv_response(rows if pages_itself else rows[offset : offset + paging.limit], name)
    if format == "graphml":
        from plangraph.graph.network import graph_from_edge_rows, to_graphml

        try:
            graph = graph_from_edge_rows(rows)
        except ValueError:
            raise ParameterError(f"query {name!r} does not return edges: graphml is for network queries") from None
        return Response(to_graphml(graph), media_type="application/graphml+xml")
    if not pages_itself:
        return json_body({"name": name, "params": user_params, **page_of(rows, paging, request)})
    filters = {k: v for k, v in raw.items() if k not in ("limit", "offset")}
    total = known if known is not None else known_total(rows, paging)
    if total is not None:
        pass
    elif f"{name}_count" in load_catalogue(settings.queries_dir):
        total = runner.total(name, filters)
    else:  # no companion count query: count every row once
        total = len(runner(name, {**filters, "limit": 10**9, "offset": 0}))
    return json_body({"name": name, "params": user_params, **page(rows, paging, total, request)})
