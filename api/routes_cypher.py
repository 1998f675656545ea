"""``POST /cypher``: raw Cypher for analysts, read-only and bounded (``cypher_guard``, ``limits.Gate``), behind an
API key."""

from __future__ import annotations

import hashlib
import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from plangraph.api.cypher_guard import CypherRefused, check_query, fit_bytes, with_row_cap
from plangraph.api.deps import SettingsDep, StoreDep, require_api_key
from plangraph.api.models import CypherRequest, CypherResult, ErrorResponse

router = APIRouter(tags=["cypher 原始查询"])

_STRINGS_AND_COMMENTS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)
_WRITE = re.compile(
    r"(?<![\w.$])(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH|LOAD\s+CSV|ALTER|GRANT|DENY|REVOKE)(?!\w)",
    re.I,
)
# Neo4j administration commands (stop/start databases, kill transactions, rename users…)
_ADMIN = re.compile(r"^\s*(?:USE\s+[\w.`]+\s+)?(STOP|START|TERMINATE|RENAME|ENABLE|DEALLOCATE|REALLOCATE|DRYRUN)\s", re.I)
_CALL = re.compile(r"(?<![\w.$])CALL\s*(?P<proc>[\w.]*)\s*(?P<brace>\{)?", re.I)
_READ_PROCEDURES = {
    "db.labels", "db.relationshiptypes", "db.propertykeys",
    "db.idx.fulltext.querynodes", "db.index.fulltext.querynodes",
}  # fmt: skip


def refusal(query: str) -> str | None:
    """Why ``query`` is refused before it reaches the engine (a write or admin clause), or None."""
    code = _STRINGS_AND_COMMENTS.sub(" ", query)
    m = _WRITE.search(code) or _ADMIN.search(code)
    if m:
        return f"only read queries are allowed here: {m.group(1).upper()} refused"
    for call in _CALL.finditer(code):
        if call["brace"] or call["proc"].lower() not in _READ_PROCEDURES:
            return f"only read procedures are allowed here: CALL {call['proc'] or '{…}'} refused"
    return None


@router.post(
    "/cypher",
    response_model=CypherResult,
    summary="只读 Cypher / Raw read-only Cypher",
    dependencies=[Depends(require_api_key)],
    responses={400: {"model": ErrorResponse}, 401: {"model": ErrorResponse}, 403: {"model": ErrorResponse},
               408: {"model": ErrorResponse}, 413: {"model": ErrorResponse}, 429: {"model": ErrorResponse}},
)
def cypher(body: CypherRequest, request: Request, store: StoreDep, settings: SettingsDep,
           x_api_key: Annotated[str | None, Header()] = None) -> dict[str, Any]:
    """在两种引擎上均以只读方式运行(FalkorDB ``ro_query``,Neo4j READ 模式),有超时、行数与字节上限、
    嵌套深度检查和并发上限;需要 ``X-API-Key`` / Runs read-only on both engines with a timeout, a row cap
    inside the query, a byte cap on the answer, a nesting check before the engine and a concurrency limit
    (429 beyond); needs ``X-API-Key``."""
    reason = refusal(body.query)
    if reason:
        raise HTTPException(403, detail={"error": "write_refused", "message": reason})
    params = body.params or {}
    try:
        check_query(body.query, params)
    except CypherRefused as exc:
        raise HTTPException(400, detail={"error": "query_refused", "message": str(exc)}) from None
    query = with_row_cap(body.query, settings.max_rows + 1)
    key = hashlib.sha256((x_api_key or "").encode("utf-8", "replace")).hexdigest()[:16]
    with request.app.state.cypher_gate.enter(key):
        try:
            rows = store.read(query, params or None, timeout_ms=settings.query_timeout_ms)
        except (TypeError, ValueError, UnicodeError) as exc:  # a value the client cannot encode or decode
            raise HTTPException(400, detail={"error": "query_error",
                                             "message": f"{type(exc).__name__}: {str(exc)[:200]}"}) from None
    truncated = len(rows) > settings.max_rows
    rows, cut = fit_bytes(rows[: settings.max_rows], settings.cypher_max_bytes)
    columns: list[str] = []
    for row in rows:
        columns.extend(k for k in row if k not in columns)
    return {"columns": columns, "rows": rows, "count": len(rows), "truncated": truncated or cut}
