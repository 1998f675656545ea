"""The embedded FalkorDB backend: ``falkordb`` client with hiredis over the data directory's unix socket.

Reads go through ``GRAPH.RO_QUERY`` with a per-query timeout (so a stray write fails). FalkorDB enforces
timeouts on reads only; write timeouts are passed but the engine ignores them.

``write_atomic`` guarantee: every statement is first compiled with ``GRAPH.EXPLAIN`` (a syntax error or an
unknown function aborts before anything is applied; a statement text already compiled by this store object
is not compiled again), then all statements run in one ``MULTI``/``EXEC``, so
no other client sees the graph between them. FalkorDB has no rollback across queries: a *run-time* error in
statement k (e.g. a unique-constraint violation) leaves statements before k applied; ``QueryError`` then
says so. Each single statement is atomic, so a loader wanting strict all-or-nothing for a document puts its
delete + create into one statement.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import redis
from falkordb import Edge, FalkorDB, Node, Path
from falkordb.helpers import stringify_param_value
from falkordb.query_result import QueryResult
from plangraph.graph import dialect, falkor_server
from plangraph.graph.errors import (
    BackendUnavailable,
    CypherSyntaxError,
    GraphError,
    QueryError,
    QueryTimeout,
    ReadOnlyError,
)
from plangraph.graph.store import StoreConfig

_SYNTAX_MARKERS = ("Invalid input", "Unknown function", "is not registered", "not defined", "yntax error")


def map_error(exc: Exception, query: str = "") -> GraphError:
    """The ``graph.errors`` exception for a FalkorDB / redis error."""
    msg = str(exc).strip()
    short = " ".join(query.split())[:120]
    if isinstance(exc, redis.ConnectionError | redis.TimeoutError | ConnectionError):
        return BackendUnavailable(f"FalkorDB connection failed: {msg}")
    if "timed out" in msg.lower():
        return QueryTimeout(f"query timed out: {short}")
    if "read-only queries" in msg:
        return ReadOnlyError(f"write in a read-only query: {short}")
    if any(marker in msg for marker in _SYNTAX_MARKERS) and "constraint" not in msg.lower():
        return CypherSyntaxError(f"{msg} — in: {short}")
    return QueryError(f"{msg} — in: {short}")


def _plain(value: Any) -> Any:
    """Client objects to plain Python values (maps to dicts, nodes/edges to their properties)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Node | Edge):
        return {k: _plain(v) for k, v in value.properties.items()}
    if isinstance(value, Path):
        return [_plain(n) for n in value.nodes()]
    return value


def _rows(result: QueryResult) -> list[dict]:
    names = [h[1] for h in result.header]
    return [dict(zip(names, (_plain(v) for v in row), strict=True)) for row in result.result_set]


def _with_params(query: str, params: dict | None) -> str:
    if not params:
        return query
    return "CYPHER " + " ".join(f"`{k}`={stringify_param_value(v)}" for k, v in params.items()) + " " + query


def _chunks(rows: list[dict], size: int) -> Iterable[list[dict]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


class FalkorStore:
    """A graph in the embedded FalkorDB server of ``config.data_dir`` (started if needed, left running)."""

    backend = dialect.FALKORDB

    def __init__(self, config: StoreConfig, *, read_only: bool = False) -> None:
        self.read_only = read_only
        self.default_timeout_ms = config.query_timeout_ms
        self._compiled: set[str] = set()  # statement texts write_atomic has compile-checked already
        self.server = falkor_server.start(config.data_dir)
        self._db = FalkorDB(unix_socket_path=str(self.server.socket))
        self._graph = self._db.select_graph(config.graph_name)
        self._ensure_graph()

    def _ensure_graph(self) -> None:
        """Create the (empty) graph key if missing: read-only queries on a missing key fail."""
        try:
            if self._graph.name not in self._db.list_graphs():
                self._graph.query("RETURN 1")
        except (redis.RedisError, ConnectionError) as exc:
            raise map_error(exc, "GRAPH.LIST") from exc

    # -------------------------------------------------------------- queries

    def read(self, query: str, params: dict | None = None, *, timeout_ms: int | None = None) -> list[dict]:
        timeout = dialect.falkor_timeout(self.default_timeout_ms if timeout_ms is None else timeout_ms)
        try:
            return _rows(self._graph.ro_query(query, params, timeout=timeout))
        except (redis.RedisError, ConnectionError) as exc:
            raise map_error(exc, query) from exc

    def write(self, query: str, params: dict | None = None, *, timeout_ms: int | None = None) -> list[dict]:
        self._check_writable(query)
        try:
            return _rows(self._graph.query(query, params, timeout=dialect.falkor_timeout(timeout_ms)))
        except (redis.RedisError, ConnectionError) as exc:
            raise map_error(exc, query) from exc

    def write_batches(self, query: str, rows: list[dict], *, batch_size: int = 2000) -> int:
        self._check_writable(query)
        sent = 0
        for chunk in _chunks(rows, max(batch_size, 1)):
            self.write(query, {"rows": chunk})
            sent += len(chunk)
        return sent

    def write_atomic(self, statements: list[tuple[str, dict]]) -> None:
        """Compile-check all, then run all in one MULTI/EXEC (see the module docstring for the guarantee)."""
        if not statements:
            return
        self._check_writable(statements[0][0])
        for query, params in statements:
            if query in self._compiled:  # a fixed statement text compiles once per store object
                continue
            try:
                self._graph.explain(query, params or None)
            except (redis.RedisError, ConnectionError) as exc:
                raise map_error(exc, query) from exc
            if len(self._compiled) < 1024:
                self._compiled.add(query)
        pipe = self._db.connection.pipeline(transaction=True)
        for query, params in statements:
            pipe.execute_command("GRAPH.QUERY", self._graph.name, _with_params(query, params), "--compact")
        try:
            replies = pipe.execute(raise_on_error=False)
        except (redis.RedisError, ConnectionError) as exc:
            raise map_error(exc, statements[0][0]) from exc
        for i, ((query, _), reply) in enumerate(zip(statements, replies, strict=True)):
            try:
                if isinstance(reply, Exception):
                    raise reply
                QueryResult(self._graph, reply)
            except (redis.RedisError, ConnectionError) as exc:
                err = map_error(exc, query)
                raise type(err)(
                    f"statement {i + 1}/{len(statements)} failed after {i} applied: {err}"
                ) from exc

    def ensure_schema(self) -> None:
        self._check_writable("ensure_schema")
        for step in dialect.falkor_schema_steps():
            try:
                if isinstance(step, dialect.FalkorConstraint):
                    self._db.execute_command("GRAPH.CONSTRAINT", "CREATE", self._graph.name, "UNIQUE", "NODE",
                                             step.label, "PROPERTIES", 1, step.key)  # fmt: skip
                else:
                    self._graph.query(step)
            except redis.ResponseError as exc:
                if not dialect.falkor_already_exists(str(exc)):
                    raise map_error(exc, str(step)) from exc
            except (redis.RedisError, ConnectionError) as exc:
                raise map_error(exc, str(step)) from exc

    def fulltext_tasks(self, terms: list[str], limit: int) -> list[dict]:
        query, params = dialect.fulltext_query(self.backend, terms, limit)
        return self.read(query, params) if query else []

    # -------------------------------------------------------------- housekeeping

    def rewrite_aof(self) -> None:
        """Compact the AOF after a bulk load (faster restarts)."""
        falkor_server.rewrite_aof(self.server.data_dir)

    def clear(self) -> None:
        """Delete this graph (data and schema). For tests and ``--replace-all`` style reloads."""
        self._check_writable("clear")
        try:
            if self._graph.name in self._db.list_graphs():
                self._graph.delete()
        except (redis.RedisError, ConnectionError) as exc:
            raise map_error(exc, "GRAPH.DELETE") from exc
        self._ensure_graph()

    def close(self) -> None:
        self._db.connection.close()

    def _check_writable(self, query: str) -> None:
        if self.read_only:
            raise ReadOnlyError(f"the store is read-only; refused: {' '.join(query.split())[:120]}")

    def __enter__(self) -> FalkorStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
