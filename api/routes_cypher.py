"""``POST /cypher``: raw Cypher for analysts, read-only, with a timeout and a row cap, behind an API key."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Depends, HTTPException
from plangraph.api.deps import SettingsDep, StoreDep, require_api_key
from plangraph.api.models import CypherRequest, CypherResult, ErrorResponse

router = APIRouter(tags=["cypher 原始查询"])

_STRINGS_AND_COMMENTS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)
_WRITE = re.compile(
    r"(?<![\w.$])(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH|LOAD\s+CSV|ALTER|GRANT|DENY|REVOKE)(?!\w)",
    re.I,
)
_CALL = re.compile(r"(?<![\w.$])CALL\s*(?P<proc>[\w.]*)\s*(?P<brace>\{)?", re.I)
_READ_PROCEDURES = {
    "db.labels", "db.relationshiptypes", "db.propertykeys",
    "db.idx.fulltext.querynodes", "db.index.fulltext.querynodes",
}  # fmt: skip


def refusal(query: str) -> str | None:
    """Why ``query`` is refused before it reaches the engine (a write or admin clause), or None."""
    code = _STRINGS_AND_COMMENTS.sub(" ", query)
    m = _WRITE.search(code)
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
    responses={401: {"model": ErrorResponse}, 403: {"model": ErrorResponse}, 408: {"model": ErrorResponse}},
)
def cypher(body: CypherRequest, store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    """在两种引擎上均以只读方式运行(FalkorDB ``ro_query``,Neo4j READ 模式),有超时与行数上限;需要
    ``X-API-Key`` / Runs read-only on both engines with a timeout and a row cap; needs ``X-API-Key``."""
    reason = refusal(body.query)
    if reason:
        raise HTTPException(403, detail={"error": "write_refused", "message": reason})
    rows = store.read(body.query, body.params or None, timeout_ms=settings.query_timeout_ms)
    truncated = len(rows) > settings.max_rows
    rows = rows[: settings.max_rows]
    columns: list[str] = []
    for row in rows:
        columns.extend(k for k in row if k not in columns)
    return {"columns": columns, "rows": rows, "count": len(rows), "truncated": truncated}
