"""The FastAPI application factory (``uvicorn api.app:create_app --factory``).

Errors are JSON ``{"error", "message", "detail"}``: bad parameters, unknown agencies/topics, Cypher syntax
errors and timeouts are 4xx; only an unreachable backend is 503. ``/`` is left to the static page
(``api/static/index.html``, served only when it exists); other static files live under ``/static``.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from plangraph.api import (
    routes_agencies,
    routes_cypher,
    routes_data,
    routes_documents,
    routes_meta,
    routes_tasks,
)
from plangraph.api.cache import ResponseCache
from plangraph.api.deps import reject_unknown_params
from plangraph.api.examples import add_parameter_examples
from plangraph.api.limits import BodyLimit, Gate
from plangraph.api.models import ErrorResponse
from plangraph.graph.catalogue import ParameterError, UnknownQuery, UnknownValue, warm_query_parsing
from plangraph.graph.errors import (
    BackendUnavailable,
    ConfigError,
    CypherSyntaxError,
    GraphError,
    QueryError,
    QueryTimeout,
    ReadOnlyError,
)
from starlette.exceptions import HTTPException as StarletteHTTPException

from plangraph.collector import use_batch_settings
from plangraph.settings import Settings, get_settings

STATIC_DIR = Path(__file__).parent / "static"

# most specific first: the first matching class decides status and code
_GRAPH_ERRORS: list[tuple[type[GraphError], int, str]] = [
    (UnknownQuery, 404, "unknown_query"),
    (UnknownValue, 422, "unknown_value"),
    (ParameterError, 422, "bad_parameter"),
    (CypherSyntaxError, 400, "cypher_syntax_error"),
    (QueryTimeout, 408, "query_timeout"),
    (ReadOnlyError, 403, "write_refused"),
    (QueryError, 400, "query_error"),
    (BackendUnavailable, 503, "backend_unavailable"),
    (ConfigError, 503, "configuration_error"),
    (GraphError, 400, "graph_error"),
]

_DESCRIPTION = """
规划任务与责任单位知识图谱 API / The plan-graph API: Chinese government plans (规划), the tasks they assign
and the agencies responsible (责任单位: the first listed unit leads, the rest are co-responsible).

Agencies can be named in any script, by alias, abbreviation, English label or function key:
`GET /tasks?led_by=市场监管局&topic=碳计量` and `GET /tasks?led_by=market_regulation&topic=carbon-metrology`
ask the same question. Errors are JSON `{"error", "message", "detail"}`.
"""


RETRY_AFTER_S = 5
_UNAVAILABLE = ("the graph store is not available right now (it restarts on its own); retry in a few seconds. "
                "Operators: see `plangraph db status` and the PLANGRAPH_DATA_DIR / PLANGRAPH_GRAPH_URI settings")


def _error(status: int, code: str, message: str, detail: Any = None) -> JSONResponse:
    body = ErrorResponse(error=code, message=message, detail=detail).model_dump()
    return JSONResponse(status_code=status, content=body)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(GraphError)
    async def graph_error(_: Request, exc: GraphError) -> JSONResponse:
        if isinstance(exc, BackendUnavailable | ConfigError):  # short, no local paths, retry hint
            response = _error(503, "backend_unavailable", _UNAVAILABLE)
            response.headers["Retry-After"] = str(RETRY_AFTER_S)
            return response
        for cls, status, code in _GRAPH_ERRORS:
            if isinstance(exc, cls):
                return _error(status, code, " ".join(str(exc).split()))
        return _error(400, "graph_error", str(exc))  # pragma: no cover - GraphError is last in the table

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()
        ]
        where = "; ".join(f"{'.'.join(map(str, p['loc']))}: {p['msg']}" for p in problems)
        return _error(422, "bad_parameter", f"invalid request: {where}", problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        if isinstance(exc.detail, dict) and "error" in exc.detail:
            response = _error(exc.status_code, exc.detail["error"], exc.detail.get("message", ""),
                              exc.detail.get("detail"))
        else:
            response = _error(exc.status_code, "http_error", str(exc.detail))
        for name, value in (getattr(exc, "headers", None) or {}).items():
            response.headers[name] = value
        return response


def tune_gc() -> None:
    """Fewer, cheaper garbage collections in the server: a read of a page of rows allocates tens of thousands of
    small lists and dicts (none cyclic), which under the default thresholds (700) set off a full collection
    over every object of the process every few requests (most of a request's CPU). After one collection, the
    batch settings of ``plangraph.collector``: the objects alive at startup (modules, settings) are frozen out of
    collection and the young generation collects every 50,000 allocations instead of 700."""
    gc.collect()
    use_batch_settings()


def create_app(settings: Settings | None = None, store: Any = None) -> FastAPI:
    """A new app over ``store`` (default: a read-only store opened from ``settings`` on first use)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        warm_query_parsing()   # before the heap is frozen: what it loads stays out of collections
        tune_gc()
        yield
        if app.state.owns_store and app.state.store is not None:
            app.state.store.close()
        if getattr(app.state, "write_store", None) is not None:
            app.state.write_store.close()

    # FastAPIOffline serves /docs (Swagger UI) and /redoc from files shipped in the fastapi-offline package,
    # so the API documentation works on an intranet without internet access.
    app = FastAPIOffline(
        title="plangraph API · 规划知识图谱",
        static_url="/static-docs",
        dependencies=[Depends(reject_unknown_params)],
        description=_DESCRIPTION,
        version="0.1.0",
        lifespan=lifespan,
        responses={
            400: {"model": ErrorResponse, "description": "错误的查询 / bad query"},
            404: {"model": ErrorResponse, "description": "不存在 / not found"},
            422: {"model": ErrorResponse, "description": "参数错误 / bad parameter"},
        },
    )
    app.state.settings = settings
    app.state.store = store
    app.state.owns_store = False
    app.state.cypher_gate = Gate(settings.cypher_max_concurrent, settings.cypher_max_per_key)
    # an upload may be as large as an input file may be (plus the multipart envelope)
    upload_bytes = int(settings.max_file_mb * 1024 * 1024) + 64 * 1024
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_kb * 1024,
                       path_limits={"/documents": (upload_bytes, "PLANGRAPH_MAX_FILE_MB")})
    app.add_middleware(ResponseCache)  # outermost: a repeated GET at the same graph version answers from memory
    _install_error_handlers(app)
    add_parameter_examples(app)
    for module in (routes_meta, routes_documents, routes_tasks, routes_agencies, routes_data, routes_cypher):
        app.include_router(module.router)
    if STATIC_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    index = STATIC_DIR / "index.html"
    if index.is_file():

        @app.get("/", include_in_schema=False)
        def home() -> FileResponse:
            return FileResponse(index)

    return app
