"""``/documents`` and ``/documents/{doc_id}`` (the outline)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from plangraph.api.deps import FormatQuery, PagingDep, RunnerDep, csv_response, page
from plangraph.api.models import DocumentOutline, DocumentRow, Page

router = APIRouter(tags=["documents 规划文件"])


@router.get("/documents", response_model=Page[DocumentRow], summary="文件列表 / Documents",
            responses={200: {"content": {"text/csv": {}}}})  # fmt: skip
def documents(
    runner: RunnerDep,
    paging: PagingDep,
    jurisdiction: Annotated[
        str | None, Query(description="辖区(市或省)/ jurisdiction", examples=["浙江省"])
    ] = None,
    level: Annotated[str | None, Query(description="层级 / level", examples=["provincial"])] = None,
    include_stubs: Annotated[
        bool, Query(description="包含仅被引用的文件 / include cited-only stubs")
    ] = False,
    format: FormatQuery = "json",
) -> Any:
    """已入库的规划文件 / The ingested plan documents."""
    rows = runner("documents", {"jurisdiction": jurisdiction, "level": level, "include_stubs": include_stubs,
                                "limit": paging.limit, "offset": paging.offset})  # fmt: skip
    return csv_response(rows, "documents") if format == "csv" else page(rows, paging)


@router.get("/documents/{doc_id}", response_model=DocumentOutline, summary="文件大纲 / Document outline")
def document_outline(doc_id: str, runner: RunnerDep) -> dict[str, Any]:
    """文件信息及章节、任务大纲 / The document and its sections with their tasks, in source order."""
    docs = runner("document", {"doc_id": doc_id})
    if not docs:
        raise HTTPException(404, detail={"error": "not_found", "message": f"unknown document {doc_id!r}"})
    return {"document": docs[0], "sections": runner("document_outline", {"doc_id": doc_id})}
