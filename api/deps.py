"""Request dependencies of the API: settings, the read-only store, the catalogue runner, paging, CSV."""

from __future__ import annotations

import hmac
import threading
from typing import Annotated, Any, Literal

from fastapi import Depends, Header, HTTPException, Query, Request
from fastapi.responses import Response
from fastapi.routing import APIRoute
from plangraph.graph.catalogue import Resolver, get_query, rows_to_csv, run_query_page
from pydantic_core import to_json
from starlette.routing import Match

from plangraph.settings import Settings

Format = Literal["json", "csv"]

_STORE_LOCK = threading.Lock()


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> Any:
    """The app's read-only store, opened on first use (so the app starts even if the backend is down)."""
    state = request.app.state
    if state.store is None:
        with _STORE_LOCK:
            if state.store is None:
                from plangraph.graph.store import open_store

                state.store = open_store(state.settings.store_config(), read_only=True)
                state.owns_store = True
    return state.store


def get_write_store(request: Request) -> Any:
    """A writable store for uploads and deletions: the app's own store when it is writable, else one opened
    from the settings on first use (closed with the app)."""
    state = request.app.state
    if state.store is not None and not getattr(state.store, "read_only", True):
        return state.store
    if getattr(state, "write_store", None) is None:
        with _STORE_LOCK:
            if getattr(state, "write_store", None) is None:
                from plangraph.graph.store import open_store

                state.write_store = open_store(state.settings.store_config(), read_only=False)
    return state.write_store


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Any, Depends(get_store)]
WriteStoreDep = Annotated[Any, Depends(get_write_store)]


class Runner:
    """Runs catalogue queries for one request (one resolver, so agencies are read once per request)."""

    def __init__(self, store: Any, settings: Settings, version: Any = None) -> None:
        self.store = store
        self.settings = settings
        self.resolver = Resolver(store, settings.queries_dir, settings.query_timeout_ms, version)

    def __call__(self, name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self.page(name, params)[0]

    def page(self, name: str, params: dict[str, Any] | None = None) -> tuple[list[dict[str, Any]], int | None]:
        """Rows and, for a query with a ``@total`` column, the count of all its matching rows (else None)."""
        return run_query_page(
            self.store,
            name,
            params,
            timeout_ms=self.settings.query_timeout_ms,
            directory=self.settings.queries_dir,
            resolver=self.resolver,
        )

    def total(self, name: str, params: dict[str, Any] | None = None, *,
              page_rows: list[dict[str, Any]] | None = None, paging: Paging | None = None,
              known: int | None = None) -> int:
        """All rows ``name`` matches without paging: ``known`` (the page query's own ``@total``) if given, else
        what ``page_rows`` (the page just read with ``paging``) tells when it is not full, else the companion
        ``<name>_count`` catalogue query."""
        if known is None and page_rows is not None and paging is not None:
            known = known_total(page_rows, paging)
        if known is not None:
            return known
        spec = get_query(f"{name}_count", self.settings.queries_dir)
        known = {p.name for p in spec.params}
        rows = self(spec.name, {k: v for k, v in (params or {}).items() if k in known})
        return sum(int(r["total"]) for r in rows)  # one row per entry-point branch (UNION ALL)


def get_runner(request: Request, store: StoreDep, settings: SettingsDep) -> Runner:
    """A runner for this request; the graph version the response cache read for it is not read again."""
    return Runner(store, settings, getattr(request.state, "graph_version", None))


RunnerDep = Annotated[Runner, Depends(get_runner)]


class Paging:
    """``limit`` / ``offset`` query parameters of list endpoints."""

    def __init__(
        self,
        limit: int = Query(100, ge=1, le=10000, description="每页行数 / page size"),
        offset: int = Query(0, ge=0, description="跳过行数 / rows to skip"),
    ) -> None:
        self.limit = limit
        self.offset = offset


PagingDep = Annotated[Paging, Depends(Paging)]


def known_total(rows: list[Any], paging: Paging) -> int | None:
    """The total behind a page when the page itself tells: it is not full and not past the end (None if not)."""
    if len(rows) < paging.limit and (rows or paging.offset == 0):
        return paging.offset + len(rows)
    return None
FormatQuery = Annotated[Format, Query(description="输出格式 / output format: json or csv")]


def csv_response(rows: list[dict[str, Any]], filename: str) -> Response:
    """Rows as a downloadable UTF-8 CSV (with BOM, so spreadsheet programs read the Chinese right)."""
    return Response(
        content="\ufeff" + rows_to_csv(rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'},
    )


def json_body(body: Any) -> Response:
    """``body`` serialised straight to JSON (pydantic-core), skipping the response model's validation pass (a
    page of decorated rows would be validated field by field on every request). The catalogue rows already have
    the documented shape; the tests check the bodies of these endpoints against their response models."""
    return Response(content=to_json(body), media_type="application/json")


def next_link(request: Request, paging: Paging, total: int) -> str | None:
    """The path and query of the next page (same parameters, ``offset`` moved on), or None on the last page."""
    if paging.offset + paging.limit >= total:
        return None
    url = request.url.include_query_params(offset=paging.offset + paging.limit, limit=paging.limit)
    return f"{url.path}?{url.query}"


def page(rows: list[dict[str, Any]], paging: Paging, total: int, request: Request, **extra: Any) -> dict[str, Any]:
    """The list envelope: ``items``, ``total`` (all matching rows), ``limit``, ``offset``, ``count`` (rows on this
    page) and ``next`` (link to the next page or null)."""
    return {"items": rows, "total": total, "limit": paging.limit, "offset": paging.offset, "count": len(rows),
            "next": next_link(request, paging, total), **extra}


def page_of(rows: list[dict[str, Any]], paging: Paging, request: Request) -> dict[str, Any]:
    """A page cut from a complete list of rows (queries that return everything at once)."""
    return page(rows[paging.offset : paging.offset + paging.limit], paging, len(rows), request)


def require_api_key(
    request: Request, settings: SettingsDep, x_api_key: Annotated[str | None, Header()] = None
) -> None:
    """Guard of every write and of ``POST /cypher``: 403 when no key is configured, 401 when the sent key is
    missing or wrong."""
    if settings.api_key is None or not settings.api_key.get_secret_value():
        what = "raw Cypher is off" if request.url.path.startswith("/cypher") else "writes are off"
        raise HTTPException(
            403,
            detail={
                "error": "cypher_disabled" if request.url.path.startswith("/cypher") else "writes_disabled",
                "message": f"{what}: set PLANGRAPH_API_KEY to enable it",
            },
        )
    expected = settings.api_key.get_secret_value().encode("utf-8")
    if x_api_key is None or not hmac.compare_digest(x_api_key.encode("utf-8"), expected):
        raise HTTPException(
            401, detail={"error": "bad_api_key", "message": "missing or wrong X-API-Key header"}
        )


# Routes whose query parameters are declared elsewhere (the catalogue checks them itself).
OPEN_PARAM_ROUTES = {"/queries/{name}"}
_KNOWN_PARAMS: dict[int, frozenset[str]] = {}


def _known_params(route: APIRoute) -> frozenset[str]:
    key = id(route)
    if key not in _KNOWN_PARAMS:
        names: set[str] = set()
        todo = [route.dependant]
        while todo:
            dependant = todo.pop()
            names.update(p.alias for p in dependant.query_params)
            todo.extend(dependant.dependencies)
        _KNOWN_PARAMS[key] = frozenset(names)
    return _KNOWN_PARAMS[key]


def reject_unknown_params(request: Request) -> None:
    """422 naming every query parameter the endpoint does not declare (instead of silently ignoring it)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        route = next((r for r in request.app.router.routes
                      if isinstance(r, APIRoute) and r.matches(request.scope)[0] == Match.FULL), None)  # fmt: skip
    if route is None or route.path in OPEN_PARAM_ROUTES:
        return
    known = _known_params(route)
    unknown = sorted({k for k in request.query_params if k not in known})
    if unknown:
        raise HTTPException(422, detail={
            "error": "unknown_parameter",
            "message": f"unknown query parameter{'s' if len(unknown) > 1 else ''} "
                       f"{', '.join(map(repr, unknown))}; {request.url.path} accepts: "
                       f"{', '.join(sorted(known)) or '(none)'}",
            "detail": unknown,
        })
