"""``/documents`` (list, upload), ``/documents/{doc_id}`` (the outline, deletion)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from plangraph.api.deps import (
    FormatQuery,
    PagingDep,
    RunnerDep,
    SettingsDep,
    WriteStoreDep,
    csv_response,
    json_body,
    page,
    require_api_key,
)
from plangraph.api.models import DocumentOutline, DocumentRow, ErrorResponse, Page, Removed, UploadResult
from plangraph.api.upload import UploadRejected, ingest_upload, remove_uploaded

router = APIRouter(tags=["documents 规划文件"])


@router.get("/documents", response_model=Page[DocumentRow], summary="文件列表 / Documents",
            responses={200: {"content": {"text/csv": {}}}})  # fmt: skip
def documents(
    request: Request,
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
    filters = {"jurisdiction": jurisdiction, "level": level, "include_stubs": include_stubs}
    rows = runner("documents", {**filters, "limit": paging.limit, "offset": paging.offset})
    if format == "csv":
        return csv_response(rows, "documents")
    return page(rows, paging, runner.total("documents", filters, page_rows=rows, paging=paging), request)


@router.get("/documents/{doc_id}", response_model=DocumentOutline, summary="文件大纲 / Document outline")
def document_outline(doc_id: str, runner: RunnerDep) -> Any:
    """文件信息及章节、任务大纲 / The document and its sections with their tasks, in source order."""
    docs = runner("document", {"doc_id": doc_id})
    if not docs:
        raise HTTPException(404, detail={"error": "not_found", "message": f"unknown document {doc_id!r}"})
    return json_body({"document": docs[0], "sections": runner("document_outline", {"doc_id": doc_id})})


_WRITE_ERRORS = {
    401: {"model": ErrorResponse, "description": "缺少或错误的 X-API-Key / missing or wrong X-API-Key"},
    403: {"model": ErrorResponse, "description": "未设置 PLANGRAPH_API_KEY,写入关闭 / writes are off"},
}


@router.post(
    "/documents",
    response_model=UploadResult,
    status_code=201,
    summary="上传规划文件 / Upload a plan",
    dependencies=[Depends(require_api_key)],
    responses={
        200: {"model": UploadResult, "description": "同一文件已在图谱中,未改动 / the same plan is already in the "
                                                     "graph: nothing changed"},
        **_WRITE_ERRORS,
        413: {"model": ErrorResponse, "description": "文件过大 / file above PLANGRAPH_MAX_FILE_MB"},
        415: {"model": ErrorResponse, "description": "不支持的文件类型 / unsupported file type"},
        422: {"model": ErrorResponse, "description": "无法读取或无规划结构(bad_file,说明原因)/ unreadable file "
                                                     "or no plan structure (bad_file, the message says why)"},
    },
)
async def upload_document(
    request: Request,
    settings: SettingsDep,
    store: WriteStoreDep,
    file: UploadFile = File(..., description="规划文件 .txt .md .html .docx .xlsx .pdf / a plan document"),
) -> Any:
    """与 ``plangraph ingest`` 相同的读取与检查;整份写入或完全不写 / The same readers and checks as
    ``plangraph ingest``; the document is written whole or not at all. Returns its id and what was extracted.
    Uploading the same file again changes nothing (200, ``status: unchanged``); a new version of a plan with
    the same title replaces it (``status: replaced``). Needs the ``X-API-Key`` header."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import JSONResponse

    try:
        data = await _read_limited(file, settings.max_file_mb)
        result = await run_in_threadpool(ingest_upload, store, file.filename or "", data, settings)
    except UploadRejected as exc:
        raise HTTPException(exc.status, detail={"error": exc.code, "message": exc.message}) from None
    finally:
        await file.close()
    return JSONResponse(result, status_code=200 if result["status"] == "unchanged" else 201)


async def _read_limited(file: UploadFile, max_mb: float) -> bytes:
    """The upload's bytes, refused with 413 past ``max_mb`` (read in chunks, never more than the limit + 1)."""
    limit = int(max_mb * 1024 * 1024)
    chunks: list[bytes] = []
    size = 0
    while chunk := await file.read(1024 * 1024):
        size += len(chunk)
        if size > limit:
            raise UploadRejected(413, "file_too_large",
                                 f"{file.filename}: above the {max_mb:g} MB limit (PLANGRAPH_MAX_FILE_MB)")
        chunks.append(chunk)
    return b"".join(chunks)


@router.delete(
    "/documents/{doc_id}",
    response_model=Removed,
    summary="删除规划文件 / Remove a plan",
    dependencies=[Depends(require_api_key)],
    responses={**_WRITE_ERRORS, 404: {"model": ErrorResponse, "description": "不存在 / unknown document"}},
)
def delete_document(doc_id: str, store: WriteStoreDep) -> dict[str, Any]:
    """删除文件及其章节、任务、目标(被其他文件引用时保留为存根)/ Removes the document with its sections,
    tasks and targets (kept as a stub while another plan cites it), then relinks tasks. Needs ``X-API-Key``."""
    try:
        return remove_uploaded(store, doc_id)
    except UploadRejected as exc:
        raise HTTPException(exc.status, detail={"error": exc.code, "message": exc.message}) from None
