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

Schema statements are sent only when ``db.indexes()`` / ``db.constraints()`` lack them (so the log holds no
repeated schema commands). Self-healing: a request that finds the server gone (connection refused or reset)
starts it again once (``falkor_server.start``, serialised by the directory lock) and retries; if that fails
it raises ``BackendUnavailable``. A NUL character, which would silently truncate the Cypher text FalkorDB
receives, is refused before sending.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

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

T = TypeVar("T")
_SYNTAX_MARKERS = ("Invalid input", "Unknown function", "is not registered", "not defined", "yntax error")


def map_error(exc: Exception, query: str = "") -> GraphError:
    """The ``graph.errors`` exception for a FalkorDB / redis error."""
    msg = str(exc).strip()
    short = " ".join(query.split())[:120]
    if isinstance(exc, redis.ConnectionError | redis.TimeoutError | ConnectionError):
        return BackendUnavailable(f"FalkorDB connection failed ({type(exc).__name__})")
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


class _NotScalar(Exception):
    """A compact cell that is a node, edge, path, point or temporal value (the client parses those)."""


def _text(raw: Any) -> str:
    return raw.decode() if isinstance(raw, bytes) else str(raw)


def _cell(cell: list) -> Any:
    """One compact-format cell as a plain value (strings, numbers, booleans, lists, maps); ``_NotScalar`` for
    graph and temporal types."""
    kind, raw = cell[0], cell[1]
    if kind == 2:  # string
        return raw.decode() if isinstance(raw, bytes) else raw
    if kind == 3:  # integer
        return int(raw)
    if kind == 1:  # null
        return None
    if kind == 6:  # array
        return [_cell(c) for c in raw]
    if kind == 10:  # map: key, value, key, value…
        return {_text(raw[i]): _cell(raw[i + 1]) for i in range(0, len(raw), 2)}
    if kind == 5:  # double
        return float(raw)
    if kind == 4:  # boolean
        return _text(raw) == "true"
    raise _NotScalar


def _fast_rows(reply: list) -> list[dict] | None:
    """Rows of a raw ``--compact`` reply when every cell is a plain value (None when one is not: the caller
    then parses with the client, which resolves node labels and property names)."""
    if reply and isinstance(reply[0], redis.ResponseError):
        raise reply[0]
    if reply and isinstance(reply[-1], redis.ResponseError):  # a run-time error after some rows
        raise reply[-1]
    if len(reply) < 3 or not reply[0]:  # statistics only, or no columns: no result set
        return []
    names = [_text(h[1]) for h in reply[0]]
    try:
        return [dict(zip(names, [_cell(c) for c in row], strict=True)) for row in reply[1]]
    except _NotScalar:
        return None


def _literal(value: Any) -> str:
    """``stringify_param_value`` with a type dispatch for the common types (the loader sends ~10⁴ values per
    document; the client's version costs most of the loader's time)."""
    t = type(value)
    if t is str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if t is dict:
        return "{" + ",".join([f"`{k}`:{_literal(v)}" for k, v in value.items()]) + "}"
    if t is list or t is tuple:
        return "[" + ",".join([_literal(v) for v in value]) + "]"
    if value is None:
        return "null"
    if t is int or t is float or t is bool:
        return str(value)
    return stringify_param_value(value)


def _with_params(query: str, params: dict | None) -> str:
    if not params:
        return query
    return "CYPHER " + " ".join(f"`{k}`={_literal(v)}" for k, v in params.items()) + " " + query


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_has_nul(v) for v in value)
    return False


def rendered(query: str, params: dict | None) -> str:
    """The command text FalkorDB gets (parameters inlined); refuses a NUL in the query or its parameters as
    :func:`check_text` does, by one look at the text (a NUL in a parameter is inlined as it is)."""
    if "\x00" in query:
        raise CypherSyntaxError("the query contains a NUL character")
    text = _with_params(query, params)
    if "\x00" in text:
        raise QueryError("a query parameter contains a NUL character")
    return text


def check_text(query: str, params: dict | None) -> None:
    """Refuse a NUL in the query or its parameters: FalkorDB would read a truncated text."""
    if "\x00" in query:
        raise CypherSyntaxError("the query contains a NUL character")
    if params and _has_nul(params):
        raise QueryError("a query parameter contains a NUL character")


_INDEX_STEP = re.compile(r"FOR \(n:(\w+)\) ON \(n\.(\w+)\)")
_FULLTEXT_STEP = re.compile(r"label: '(\w+)'.*'(\w+)'\)$")
_DEAD = (redis.ConnectionError, ConnectionError, BrokenPipeError)


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

    def _heal(self, call: Callable[[], T]) -> T:
        """Run ``call``; if the server is gone, start it again (once) and retry."""
        try:
            return call()
        except _DEAD:
            pass
        try:
            self.server = falkor_server.start(self.server.data_dir, timeout_s=30.0)
            self._db.connection.connection_pool.disconnect()
            if self._graph.name not in self._db.list_graphs():
                self._graph.query("RETURN 1")
        except (redis.RedisError, ConnectionError, OSError) as exc:
            raise BackendUnavailable("the FalkorDB server stopped and could not be restarted") from exc
        return call()

    # -------------------------------------------------------------- queries

    def read(self, query: str, params: dict | None = None, *, timeout_ms: int | None = None) -> list[dict]:
        timeout = dialect.falkor_timeout(self.default_timeout_ms if timeout_ms is None else timeout_ms)
        command = ["GRAPH.RO_QUERY", self._graph.name, rendered(query, params), "--compact"]
        if isinstance(timeout, int):
            command += ["timeout", timeout]
        try:
            reply = self._heal(lambda: self._db.connection.execute_command(*command))
            rows = _fast_rows(reply)
            return rows if rows is not None else _rows(QueryResult(self._graph, reply))
        except (redis.RedisError, ConnectionError) as exc:
            raise map_error(exc, query) from exc

    def write(self, query: str, params: dict | None = None, *, timeout_ms: int | None = None) -> list[dict]:
        self._check_writable(query)
        check_text(query, params)
        timeout = dialect.falkor_timeout(timeout_ms)
        try:
            return _rows(self._heal(lambda: self._graph.query(query, params, timeout=timeout)))
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
        texts = [rendered(query, params) for query, params in statements]  # a NUL anywhere: nothing is sent
        for query, params in statements:
            if query in self._compiled:  # a fixed statement text compiles once per store object
                continue
            try:
                self._heal(lambda q=query, p=params: self._graph.explain(q, p or None))
            except (redis.RedisError, ConnectionError) as exc:
                raise map_error(exc, query) from exc
            if len(self._compiled) < 1024:
                self._compiled.add(query)

        def transaction() -> list:
            pipe = self._db.connection.pipeline(transaction=True)
            for text in texts:
                pipe.execute_command("GRAPH.QUERY", self._graph.name, text, "--compact")
            return pipe.execute(raise_on_error=False)

        try:
            replies = self._heal(transaction)
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

    def _schema_present(self) -> tuple[set[tuple[str, str, str]], set[tuple[str, str]]]:
        """``(label, property, RANGE|FULLTEXT)`` indexes and ``(label, property)`` unique constraints."""
        indexes = {(r["label"], prop, kind)
                   for r in self.read("CALL db.indexes() YIELD label, types RETURN label, types")
                   for prop, kinds in r["types"].items() for kind in kinds}
        constraints = {(r["label"], prop)
                       for r in self.read("CALL db.constraints() YIELD type, label, properties "
                                          "RETURN type, label, properties")
                       if r["type"] == "UNIQUE" for prop in r["properties"]}
        return indexes, constraints

    @staticmethod
    def _step_present(step: object, indexes: set, constraints: set) -> bool:
        if isinstance(step, dialect.FalkorConstraint):
            return (step.label, step.key) in constraints
        m = _FULLTEXT_STEP.search(str(step)) if "fulltext" in str(step) else None
        if m:
            return (m.group(1), m.group(2), "FULLTEXT") in indexes
        m = _INDEX_STEP.search(str(step))
        return bool(m) and (m.group(1), m.group(2), "RANGE") in indexes

    def ensure_schema(self) -> None:
        """Send only the schema steps the graph lacks (never a repeated schema command in the log)."""
        self._check_writable("ensure_schema")
        indexes, constraints = self._schema_present()
        sent = False
        for step in dialect.falkor_schema_steps():
            if self._step_present(step, indexes, constraints):
                continue
            sent = True
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
        if sent:
            self._await_indexes()

    def _await_indexes(self, timeout_s: float = 30.0) -> None:
        """Wait until every index is built: FalkorDB builds a new index in the background, and a full-text
        query sent meanwhile (on a busy machine) misses what was written before it was ready."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            rows = self.read("CALL db.indexes() YIELD status RETURN status")
            if all(r["status"] == "OPERATIONAL" for r in rows):
                return
            time.sleep(0.02)

    def fulltext_tasks(self, terms: list[str], limit: int, doc_id: str | None = None) -> list[dict]:
        query, params = dialect.fulltext_query(self.backend, terms, limit, doc_id)
        return self.read(query, params) if query else []

    def fulltext_count(self, terms: list[str], doc_id: str | None = None) -> int:
        query, params = dialect.fulltext_count_query(self.backend, terms, doc_id)
        return int(self.read(query, params)[0]["total"]) if query else 0

    # -------------------------------------------------------------- housekeeping

    def compact(self, *, when_log_over: float = 0.0, wait: bool = True) -> bool:
        """Rewrite the AOF into one snapshot (and, by default, wait for it): call after an ingest, so a restart
        (or a restart after ``kill -9``) loads the snapshot instead of replaying every statement. With
        ``when_log_over`` (a fraction), only once the statements logged since the last snapshot reach that
        fraction of the snapshot's size (or 1 MB): a one-plan re-ingest does not rewrite a whole national graph,
        and a restart replays a bounded log. Without ``wait`` the rewrite runs on in the server's forked child
        (the log stays complete meanwhile; ``db stop`` waits for it). Returns whether it compacted."""
        if when_log_over > 0:
            base, log = self.log_sizes()
            if log < max(1048576, when_log_over * base):
                return False
        falkor_server.compact(self.server.data_dir, wait=wait)
        return True

    def log_sizes(self) -> tuple[int, int]:
        """Bytes of the snapshot and of the statements logged after it (what a restart loads and replays)."""
        base = log = 0
        for f in (self.server.data_dir / "appendonlydir").glob("*.aof*"):
            try:
                size = f.stat().st_size
            except OSError:
                continue
            if ".incr." in f.name:
                log += size
            elif ".base." in f.name:
                base += size
        return base, log

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
