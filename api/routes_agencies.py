"""``/agencies`` (ranked search), ``/agencies/{agency_id}`` and ``/agencies/{agency_id}/tasks``."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.openapi.models import Example
from fastapi.responses import Response
from plangraph.api.agency_fuzzy import suggest_agencies
from plangraph.api.deps import FormatQuery, PagingDep, RunnerDep, csv_response, json_body, page
from plangraph.api.models import AgencyMatchRow, AgencyProfile, Page, TaskRow
from plangraph.api.task_pages import task_page

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
    request: Request,
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
    Without ``q``: all agencies, most lead tasks first. When nothing matches, the closest names (typos, missing
    characters) are returned with ``matched_by: "fuzzy"`` — the page shows them as "did you mean".
    您是不是要找:无匹配时返回相近名称(``matched_by`` 为 ``fuzzy``)。"""
    if q and q.strip():
        matches = runner.resolver.match_agencies(q) or suggest_agencies(runner.resolver.vocabulary, q)
        # only the page's rows are decorated: a partial name (市场监管) can match thousands of agencies
        rows = [{**m.row, "score": m.score, "matched_by": m.reason}
                for m in matches[paging.offset : paging.offset + paging.limit]]
        total = len(matches)
    else:
        vocabulary = runner.resolver.vocabulary.by_lead
        rows = [{**r, "score": 0, "matched_by": None}
                for r in vocabulary[paging.offset : paging.offset + paging.limit]]  # fmt: skip
        total = len(vocabulary)
    if format == "csv":
        return csv_response(rows, "agencies")
    return json_body(page(rows, paging, total, request))


@router.get("/agencies/{agency_id}", response_model=AgencyProfile, summary="单位概况 / Agency profile")
def agency_profile(agency_id: str, runner: RunnerDep) -> dict[str, Any]:
    """单位 id 为规范中文名称(URL 编码)/ The id is the canonical Chinese name (URL-encoded)."""
    rows = runner("agency_profile", {"agency_id": agency_id})
    if not rows:
        raise HTTPException(404, detail={"error": "not_found",
                                         "message": f"unknown agency id {agency_id!r}; search with /agencies?q="})  # fmt: skip
    return rows[0]


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEETS = {"lead": "牵头任务 lead", "co": "配合任务 co"}


@router.get("/agencies/{agency_id}/tasks", response_model=Page[TaskRow], summary="单位的任务 / Tasks of an agency",
            responses={200: {"content": {"text/csv": {}, XLSX: {}},
                             "description": "JSON page, CSV page, or an Excel workbook of all the agency's tasks "
                                            "(sheets 牵头任务 lead and 配合任务 co)"}})  # fmt: skip
def agency_tasks(
    request: Request,
    agency_id: str,
    runner: RunnerDep,
    paging: PagingDep,
    role: Annotated[Literal["lead", "co", "any"], Query(description="角色 / role")] = "any",
    format: Annotated[
        Literal["json", "csv", "xlsx"],
        Query(description="输出格式 / output format: json, csv or xlsx (xlsx: every task, one sheet per role)"),
    ] = "json",
) -> Any:
    """该单位牵头(lead)、配合(co)或全部(any)的任务 / Tasks the agency leads, co-leads or both.
    ``?format=xlsx`` gives an Excel file to forward: sheet 牵头任务 lead and sheet 配合任务 co."""
    if not runner.resolver.vocabulary.has_agency(agency_id):
        raise HTTPException(404, detail={"error": "not_found", "message": f"unknown agency id {agency_id!r}"})
    if format == "xlsx":
        from plangraph.graph.tabular import rows_to_xlsx

        roles = ("lead", "co") if role == "any" else (role,)
        sheets = {SHEETS[r]: runner("tasks", {"agency": agency_id, "role": r, "limit": 1_000_000}) for r in roles}
        name = quote(f"{agency_id}-tasks.xlsx")
        return Response(rows_to_xlsx(sheets), media_type=XLSX,
                        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"})  # fmt: skip
    filters = {"agency": agency_id, "role": role}
    rows, total = task_page(runner, filters, limit=paging.limit, offset=paging.offset)
    if format == "csv":
        return csv_response(rows, "tasks")
    return json_body(page(rows, paging, runner.total("tasks", filters, page_rows=rows, paging=paging, known=total),
                          request))
