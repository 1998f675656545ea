"""Answers of read endpoints kept per graph version (ASGI middleware).

The graph changes only when the loader writes, and every write bumps the graph version (``Meta.version``). A
``GET`` of a read endpoint is answered from memory when the same path and query string were answered at the
current version; the version is read on every request (one indexed lookup), so an answer is never older than
the last write. Only 200 answers are kept, bounded in bytes (least recently used dropped first). A graph written
without a version is never cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from plangraph.graph.catalogue import graph_version
from starlette.concurrency import run_in_threadpool

CACHED_PREFIXES = ("/tasks", "/agencies", "/targets", "/topics", "/documents", "/queries", "/network")
MAX_BYTES = 64 * 1024 * 1024  # all kept answers together
MAX_ENTRY_BYTES = 4 * 1024 * 1024  # larger answers (big exports) are not kept


class ResponseCache:
    """ASGI middleware answering repeated ``GET``s of read endpoints from memory at an unchanged graph version."""

    def __init__(self, app: Any, max_bytes: int = MAX_BYTES, max_entry_bytes: int = MAX_ENTRY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_entry_bytes
        self._entries: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def _get(self, key: tuple) -> tuple[int, list, bytes] | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def _put(self, key: tuple, entry: tuple[int, list, bytes]) -> None:
        size = len(entry[2])
        if size > self.max_entry_bytes:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= len(old[2])
            self._entries[key] = entry
            self._size += size
            while self._size > self.max_bytes and self._entries:
                _, dropped = self._entries.popitem(last=False)
                self._size -= len(dropped[2])

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._size = 0

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        store = getattr(getattr(scope.get("app"), "state", None), "store", None)
        if scope["type"] != "http" or scope.get("method") != "GET" or store is None \
                or not path.startswith(CACHED_PREFIXES):  # fmt: skip
            await self.app(scope, receive, send)
            return
        try:
            version = await run_in_threadpool(graph_version, store)
        except Exception:  # noqa: BLE001 - the store is down: the endpoint itself answers (503, retry hint)
            version = None
        if version is None:
            await self.app(scope, receive, send)
            return
        scope.setdefault("state", {})["graph_version"] = version  # the request's runner need not read it again
        key = (id(store), version, path, scope.get("query_string", b""))
        entry = self._get(key)
        if entry is not None:
            status, headers, body = entry
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: dict = {}
        chunks: list[bytes] = []

        async def keep(message: dict) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body" and start.get("status") == 200:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._put(key, (200, list(start.get("headers", [])), b"".join(chunks)))
            await send(message)

        await self.app(scope, receive, keep)
