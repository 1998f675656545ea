"""``/tasks`` (filtered list) and ``/tasks/{task_id}`` (detail)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.openapi.models import Example
from plangraph.api.deps import FormatQuery, PagingDep, Runner, RunnerDep, csv_response, json_body, page
from plangraph.api.models import FACETS, TaskDetail, TaskPage
from plangraph.api.task_pages import task_page
from plangraph.graph.catalogue import ParameterError

router = APIRouter(tags=["tasks 任务"])

_AGENCY_EXAMPLES = {
    "zh": Example(summary="中文简称 / Chinese short name", value="市场监管局"),
    "function": Example(summary="职能键 / function key", value="market_regulation"),
    "english": Example(summary="英文 / English", value="market regulation"),
}
_TOPIC_EXAMPLES = {
    "zh": Example(summary="中文术语 / Chinese term", value="碳计量"),
    "key": Example(summary="主题键 / topic key", value="carbon-metrology"),
}


SortQuery = Annotated[
    Literal["document", "title", "jurisdiction", "lead", "doc_title",
            "-document", "-title", "-jurisdiction", "-lead", "-doc_title"],
    Query(description="排序键,前加 - 为降序 / sort key, '-' prefix for descending: document (source order), "
                      "title, jurisdiction, lead (lead agency), doc_title", examples=["-title"]),
]  # fmt: skip


def facets(runner: Runner, filters: dict[str, Any], size: int) -> dict[str, Any]:
    """Facet counts over all tasks matching ``filters`` (the ``tasks_facets`` catalogue query), ``size`` values
    per facet, most frequent first."""
    out: dict[str, Any] = {name: {"values": [], "truncated": False} for name in FACETS}
    for row in runner("tasks_facets", filters):
        facet = out.setdefault(row["facet"], {"values": [], "truncated": False})
        if len(facet["values"]) < size:
            facet["values"].append({"value": row["value"], "label": row["label"], "count": int(row["count"])})
        else:
            facet["truncated"] = True
    return out


@router.get("/tasks", response_model=TaskPage, summary="任务查询 / Tasks",
            responses={200: {"content": {"text/csv": {}}}})  # fmt: skip
def tasks(
    request: Request,
    runner: RunnerDep,
    paging: PagingDep,
    led_by: Annotated[
        str | None,
        Query(
            description="牵头单位(名称、别名、英文或职能键)/ lead agency "
            "(name, alias, English or function key)",
            openapi_examples=_AGENCY_EXAMPLES,
        ),
    ] = None,  # fmt: skip
    agency: Annotated[
        str | None,
        Query(
            description="责任单位(任意角色,可配合 role)/ responsible agency (any role, see role)",
            openapi_examples=_AGENCY_EXAMPLES,
        ),
    ] = None,  # fmt: skip
    role: Annotated[
        Literal["lead", "co", "any"], Query(description="agency 的角色 / role of agency")
    ] = "any",
    topic: Annotated[
        str | None,
        Query(
            description="主题(键、名称或术语)/ topic (key, label or term)", openapi_examples=_TOPIC_EXAMPLES
        ),
    ] = None,  # fmt: skip
    doc_id: Annotated[str | None, Query(description="文件 id / document id")] = None,
    jurisdiction: Annotated[
        str | None, Query(description="辖区(市或省)/ jurisdiction (city or province)", examples=["浙江省"])
    ] = None,  # fmt: skip
    year: Annotated[
        int | None, Query(description="目标年份或期限 / target year or deadline", ge=1949, le=2200)
    ] = None,  # fmt: skip
    text: Annotated[
        str | None, Query(description="任务文本包含 / task text contains", max_length=200)
    ] = None,
    sort: SortQuery = "document",
    facet_size: Annotated[
        int, Query(ge=0, le=1000, description="每个分面最多取值数(默认 0 = 不计分面,需要时传入如 30)/ values per "
                                              "facet (default 0: no facets; ask for them, e.g. 30)")
    ] = 0,
    format: FormatQuery = "json",
) -> Any:
    """``GET /tasks?led_by=市场监管局&topic=碳计量`` 与 ``GET /tasks?led_by=market_regulation&topic=carbon-metrology``
    是同一个问题 / are the same question: tasks led by the market-regulation bureau that cite carbon metrology.
    分面计数按需计算(``facet_size`` > 0)/ Facet counts cost a pass over every matching task, so they are computed
    only when asked for (``facet_size`` > 0); the page and ``total`` do not need them."""
    if led_by and agency:
        raise ParameterError("give either led_by or agency (with role), not both")
    if led_by:
        agency, role = led_by, "lead"
    filters = {"agency": agency, "role": role, "topic": topic, "doc_id": doc_id, "jurisdiction": jurisdiction,
               "year": year, "text": text}
    rows, total = task_page(runner, filters, sort=sort.lstrip("-"), descending=sort.startswith("-"),
                            limit=paging.limit, offset=paging.offset)  # fmt: skip
    if format == "csv":
        return csv_response(rows, "tasks")
    return json_body(page(rows, paging, runner.total("tasks", filters, page_rows=rows, paging=paging, known=total),
                          request, facets=facets(runner, filters, facet_size) if facet_size else {}))


@router.get("/tasks/{task_id:path}", response_model=TaskDetail, summary="任务详情 / Task detail")
def task_detail(task_id: str, runner: RunnerDep) -> dict[str, Any]:
    """文本、出处引文、牵头与配合单位、目标、主题、上级条款与下级落实任务 / Text, provenance quotes, lead and
    co units, targets, topics, the higher-level clauses it implements and the lower-level tasks implementing it."""
    rows = runner("task_detail", {"task_id": task_id})
    if not rows:
        raise HTTPException(404, detail={"error": "not_found", "message": f"unknown task {task_id!r}"})
    return rows[0]
