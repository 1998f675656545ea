"""Request dependencies of the API: settings, the read-only store, the catalogue runner, paging, CSV."""

from __future__ import annotations

import hmac
import threading
from typing import Annotated, Any, Literal

from fastapi import Depends, Header, HTTPException, Query, Request
from fastapi.responses import Response
from plangraph.graph.catalogue import Resolver, rows_to_csv, run_query

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


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Any, Depends(get_store)]


class Runner:
    """Runs catalogue queries for one request (one resolver, so agencies are read once per request)."""

    def __init__(self, store: Any, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.resolver = Resolver(store, settings.queries_dir, settings.query_timeout_ms)

    def __call__(self, name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return run_query(
            self.store,
            name,
            params,
            timeout_ms=self.settings.query_timeout_ms,
            directory=self.settings.queries_dir,
            resolver=self.resolver,
        )


def get_runner(store: StoreDep, settings: SettingsDep) -> Runner:
    return Runner(store, settings)


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
FormatQuery = Annotated[Format, Query(description="输出格式 / output format: json or csv")]


def csv_response(rows: list[dict[str, Any]], filename: str) -> Response:
    """Rows as a downloadable UTF-8 CSV (with BOM, so spreadsheet programs read the Chinese right)."""
    return Response(
        content="\ufeff" + rows_to_csv(rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'},
    )


def page(rows: list[dict[str, Any]], paging: Paging) -> dict[str, Any]:
    return {"items": rows, "limit": paging.limit, "offset": paging.offset, "count": len(rows)}


def require_api_key(settings: SettingsDep, x_api_key: Annotated[str | None, Header()] = None) -> None:
    """``POST /cypher`` guard: 403 when no key is configured, 401 when the sent key is missing or wrong."""
    if settings.api_key is None or not settings.api_key.get_secret_value():
        raise HTTPException(
            403,
            detail={
                "error": "cypher_disabled",
                "message": "raw Cypher is off: set PLANGRAPH_API_KEY to enable it",
            },
        )
    expected = settings.api_key.get_secret_value().encode("utf-8")
    if x_api_key is None or not hmac.compare_digest(x_api_key.encode("utf-8"), expected):
        raise HTTPException(
            401, detail={"error": "bad_api_key", "message": "missing or wrong X-API-Key header"}
        )
