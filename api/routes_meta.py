"""``/health``, ``/stats``, ``/queries`` and ``/queries/{name}``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from plangraph.api.deps import FormatQuery, RunnerDep, SettingsDep, StoreDep, csv_response
from plangraph.api.models import Health, QueryInfo, QueryResult, Stats
from plangraph.graph.catalogue import catalogue_rows, coerce_params, get_query, load_catalogue

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


@router.get("/queries", response_model=list[QueryInfo], tags=["queries 命名查询"],
            summary="命名查询目录 / The query catalogue")  # fmt: skip
def list_queries(settings: SettingsDep) -> list[dict[str, Any]]:
    """全部命名查询及其参数 / Every catalogue query with its parameters."""
    return catalogue_rows(load_catalogue(settings.queries_dir).values())


@router.get(
    "/queries/{name}",
    response_model=QueryResult,
    tags=["queries 命名查询"],
    summary="运行命名查询 / Run a catalogue query",
    responses={200: {"content": {"text/csv": {}}}},
)
def run_named_query(name: str, request: Request, runner: RunnerDep, settings: SettingsDep,
                    format: FormatQuery = "json") -> Any:  # fmt: skip
    """查询参数即目录中声明的参数(校验类型)/ Query-string parameters are the query's declared parameters,
    validated and coerced; e.g. ``/queries/tasks?agency=市场监管局&role=lead&topic=碳计量``."""
    spec = get_query(name, settings.queries_dir)
    raw = {k: v for k, v in request.query_params.multi_items() if k != "format"}
    user_params = coerce_params(spec, raw)
    rows = runner(name, raw)
    if format == "csv":
        return csv_response(rows, name)
    return {"name": name, "params": user_params, "count": len(rows), "rows": rows}
