"""``/targets``, ``/targets/compare``, ``/topics``, ``/topics/coverage`` and ``/network/agencies``."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from plangraph.api.deps import (
    FormatQuery,
    PagingDep,
    RunnerDep,
    StoreDep,
    csv_response,
    json_body,
    page,
    page_of,
)
from plangraph.api.models import Network, Page, Row, TargetRow, TopicRow
from plangraph.graph import network as netx

router = APIRouter()
# networks already built, by (store, graph version, parameters): a new graph version makes them unreachable
_NETWORKS: dict[tuple, Any] = {}
_CSV = {200: {"content": {"text/csv": {}}}}


@router.get("/targets", response_model=Page[TargetRow], tags=["targets 目标"], summary="量化目标 / Targets",
            responses=_CSV)  # fmt: skip
def targets(
    request: Request,
    runner: RunnerDep,
    paging: PagingDep,
    metric: Annotated[
        str | None, Query(description="指标名称包含 / metric contains", examples=["计量标准"])
    ] = None,
    year: Annotated[int | None, Query(description="目标年份 / target year", ge=1949, le=2200)] = None,
    jurisdiction: Annotated[str | None, Query(description="辖区 / jurisdiction", examples=["铜陵市"])] = None,
    doc_id: Annotated[str | None, Query(description="文件 id / document id")] = None,
    format: FormatQuery = "json",
) -> Any:
    """按指标、年份、辖区、文件筛选的量化目标 / Targets by metric, year, jurisdiction and document."""
    filters = {"metric": metric, "year": year, "jurisdiction": jurisdiction, "doc_id": doc_id}
    rows, total = runner.page("targets", {**filters, "limit": paging.limit, "offset": paging.offset})
    if format == "csv":
        return csv_response(rows, "targets")
    return json_body(page(rows, paging, runner.total("targets", filters, page_rows=rows, paging=paging,
                                                     known=total), request))


@router.get("/targets/compare", response_model=Page[Row], tags=["targets 目标"],
            summary="目标对比 / The same metric across jurisdictions", responses=_CSV)  # fmt: skip
def target_comparison(
    request: Request,
    runner: RunnerDep,
    paging: PagingDep,
    metric: Annotated[str | None, Query(description="指标名称包含 / metric contains")] = None,
    year: Annotated[int | None, Query(description="目标年份 / target year", ge=1949, le=2200)] = None,
    min_jurisdictions: Annotated[int, Query(ge=1, description="至少几个辖区 / minimum jurisdictions")] = 1,
    format: FormatQuery = "json",
) -> Any:
    """同一指标在各辖区的目标值并列 / One row per metric with the values of every jurisdiction."""
    rows = runner(
        "target_comparison", {"metric": metric, "year": year, "min_jurisdictions": min_jurisdictions}
    )
    return csv_response(rows, "target_comparison") if format == "csv" else page_of(rows, paging, request)


@router.get("/topics", response_model=Page[TopicRow], tags=["topics 主题"], summary="主题 / Topics",
            responses=_CSV)  # fmt: skip
def topics(request: Request, runner: RunnerDep, paging: PagingDep, format: FormatQuery = "json") -> Any:
    """主题及引用它的任务数、文件数、术语 / Topics with task and document counts and the terms used."""
    rows = runner("topics")
    return csv_response(rows, "topics") if format == "csv" else page_of(rows, paging, request)


@router.get("/topics/coverage", response_model=Page[Row], tags=["topics 主题"],
            summary="主题覆盖 / Documents × topics", responses=_CSV)  # fmt: skip
def topic_coverage(
    request: Request,
    runner: RunnerDep,
    paging: PagingDep,
    doc_id: Annotated[str | None, Query(description="文件 id / document id")] = None,
    topic: Annotated[str | None, Query(description="主题 / topic", examples=["carbon-metrology"])] = None,
    format: FormatQuery = "json",
) -> Any:
    """每份文件引用每个主题的任务数 / Tasks citing each topic in each document."""
    rows = runner("topic_coverage", {"doc_id": doc_id, "topic": topic})
    return csv_response(rows, "topic_coverage") if format == "csv" else page_of(rows, paging, request)


@router.get(
    "/network/agencies",
    response_model=Network,
    tags=["network 网络"],
    summary="共同责任网络 / Co-responsibility network",
    responses={200: {"content": {"text/csv": {}, "application/graphml+xml": {}}}},
)
def agency_network(
    store: StoreDep,
    runner: RunnerDep,
    doc_id: Annotated[str | None, Query(description="文件 id / document id")] = None,
    jurisdiction: Annotated[str | None, Query(description="辖区 / jurisdiction", examples=["铜陵市"])] = None,
    level: Annotated[Literal["agency", "function"], Query(description="节点:单位或职能 / nodes")] = "agency",
    min_weight: Annotated[int, Query(ge=1, description="最小共同任务数 / minimum shared tasks")] = 1,
    format: Annotated[Literal["json", "graphml", "csv"], Query(description="json, graphml or csv")] = "json",
) -> Any:
    """边权为两单位共同负责的任务数 / Edge weight = tasks the pair shares (lead–co and co–co counted apart)."""
    if jurisdiction:
        jurisdiction = runner.resolver.jurisdiction(jurisdiction)
    key = (id(store), runner.resolver.graph_version(), doc_id, jurisdiction, level, min_weight)
    graph = _NETWORKS.get(key) if key[1] is not None else None
    if graph is None:
        graph = netx.co_responsibility_graph(store, doc_id=doc_id, jurisdiction=jurisdiction, level=level,
                                             min_weight=min_weight)  # fmt: skip
        if key[1] is not None:
            if len(_NETWORKS) >= 128:
                _NETWORKS.pop(next(iter(_NETWORKS)))
            _NETWORKS[key] = graph
    if format == "graphml":
        return Response(netx.to_graphml(graph), media_type="application/graphml+xml")
    if format == "csv":
        return Response("\ufeff" + netx.to_csv(graph), media_type="text/csv; charset=utf-8")
    return netx.to_json(graph)
