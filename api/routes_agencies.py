"""``/agencies`` (ranked search), ``/agencies/{agency_id}`` and ``/agencies/{agency_id}/tasks``."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from fastapi.openapi.models import Example
from plangraph.api.deps import FormatQuery, PagingDep, RunnerDep, csv_response, page
from plangraph.api.models import AgencyMatchRow, AgencyProfile, Page, TaskRow

router = APIRouter(tags=["agencies 责任单位"])

_Q_EXAMPLES = {
    "canonical": Example(summary="规范名称 / canonical name", value="浙江省市场监督管理局"),
    "short": Example(summary="简称 / abbreviation", value="省市场监管局"),
    "english": Example(summary="英文 / English", value="market regulation"),
    "traditional": Example(summary="繁体 / traditional script", value="市場監管局"),
}


@router.get("/agencies", response_model=Page[AgencyMatchRow], summary="单位检索 / Find agencies",
            responses={200: {"content": {"text/csv": {}}}})  # fmt: skip
def agencies(
    runner: RunnerDep,
    paging: PagingDep,
    q: Annotated[
        str | None,
        Query(
            description="名称、别名、简称、英文或职能键(简繁皆可)/ name, alias, "
            "abbreviation, English label or function key, any script",
            max_length=200,
            openapi_examples=_Q_EXAMPLES,
        ),
    ] = None,  # fmt: skip
    format: FormatQuery = "json",
) -> Any:
    """按匹配程度排序(同分按牵头任务数)/ Ranked by match quality, then by the number of tasks led.
    Without ``q``: all agencies, most lead tasks first."""
    if q and q.strip():
        rows = [
            {**m.row, "score": m.score, "matched_by": m.reason} for m in runner.resolver.match_agencies(q)
        ]
    else:
        rows = runner.resolver.vocabulary.by_lead[paging.offset : paging.offset + paging.limit]
        rows = [{**r, "score": 0, "matched_by": None} for r in rows]
        return csv_response(rows, "agencies") if format == "csv" else page(rows, paging)
    rows = rows[paging.offset : paging.offset + paging.limit]
    return csv_response(rows, "agencies") if format == "csv" else page(rows, paging)


@router.get("/agencies/{agency_id}", response_model=AgencyProfile, summary="单位概况 / Agency profile")
def agency_profile(agency_id: str, runner: RunnerDep) -> dict[str, Any]:
    """单位 id 为规范中文名称(URL 编码)/ The id is the canonical Chinese name (URL-encoded)."""
    rows = runner("agency_profile", {"agency_id": agency_id})
    if not rows:
        raise HTTPException(404, detail={"error": "not_found",
                                         "message": f"unknown agency id {agency_id!r}; search with /agencies?q="})  # fmt: skip
    return rows[0]


@router.get("/agencies/{agency_id}/tasks", response_model=Page[TaskRow], summary="单位的任务 / Tasks of an agency",
            responses={200: {"content": {"text/csv": {}}}})  # fmt: skip
def agency_tasks(
    agency_id: str,
    runner: RunnerDep,
    paging: PagingDep,
    role: Annotated[Literal["lead", "co", "any"], Query(description="角色 / role")] = "any",
    format: FormatQuery = "json",
) -> Any:
    """该单位牵头(lead)、配合(co)或全部(any)的任务 / Tasks the agency leads, co-leads or both."""
    if not runner.resolver.vocabulary.has_agency(agency_id):
        raise HTTPException(404, detail={"error": "not_found", "message": f"unknown agency id {agency_id!r}"})
    rows = runner(
        "tasks", {"agency": agency_id, "role": role, "limit": paging.limit, "offset": paging.offset}
    )
    return csv_response(rows, "tasks") if format == "csv" else page(rows, paging)
