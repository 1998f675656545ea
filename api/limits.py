"""Request limits: a body-size cap (413) for every route and a concurrency gate (429) for raw Cypher."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from typing import Any

from fastapi import HTTPException


def _json_error(status: int, code: str, message: str, headers: list[tuple[bytes, bytes]] = ()) -> tuple:
    body = json.dumps({"error": code, "message": message, "detail": None}).encode()
    head = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *headers]
    return {"type": "http.response.start", "status": status, "headers": head}, {"type": "http.response.body",
                                                                                  "body": body}


class BodyLimit:
    """ASGI middleware: a request body above ``max_bytes`` gets 413 (from Content-Length, or while streaming).

    ``path_limits`` gives some paths (the upload) their own limit and the setting that sets it."""

    def __init__(self, app: Any, max_bytes: int, path_limits: dict[str, tuple[int, str]] | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.path_limits = path_limits or {}

    def _too_large(self, limit: int, setting: str) -> tuple:
        return _json_error(413, "body_too_large", f"request body above {limit} bytes ({setting})")

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit, setting = self.path_limits.get(scope.get("path", ""), (self.max_bytes, "PLANGRAPH_MAX_BODY_KB"))
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = limit + 1
                if declared > limit:
                    for message in self._too_large(limit, setting):
                        await send(message)
                    return
        seen = 0
        started = False

        async def limited_receive() -> dict:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _BodyTooLarge
            return message

        async def tracking_send(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge:
            if not started:
                for message in self._too_large(limit, setting):
                    await send(message)


class _BodyTooLarge(Exception):
    pass


class Gate:
    """At most ``per_key`` concurrent holders per key and ``total`` overall; others are refused at once."""

    def __init__(self, total: int, per_key: int) -> None:
        self.total = total
        self.per_key = per_key
        self._lock = threading.Lock()
        self._running: dict[str, int] = {}

    @contextlib.contextmanager
    def enter(self, key: str) -> Iterator[None]:
        """Hold a slot for ``key``, or raise HTTP 429 with ``Retry-After``."""
        with self._lock:
            if sum(self._running.values()) >= self.total or self._running.get(key, 0) >= self.per_key:
                raise HTTPException(
                    429,
                    detail={"error": "too_many_queries",
                            "message": f"too many raw queries running (at most {self.per_key} per key, "
                                       f"{self.total} in all: PLANGRAPH_CYPHER_MAX_PER_KEY, "
                                       "PLANGRAPH_CYPHER_MAX_CONCURRENT); retry shortly"},
                    headers={"Retry-After": "1"},
                )
            self._running[key] = self._running.get(key, 0) + 1
        try:
            yield
        finally:
            with self._lock:
                self._running[key] -= 1
                if not self._running[key]:
                    del self._running[key]
