"""The Neo4j 5 backend through the official ``neo4j`` driver.

``PLANGRAPH_GRAPH_URI`` (neo4j://, bolt://, +s/+ssc variants), ``PLANGRAPH_NEO4J_USER`` /
``PLANGRAPH_NEO4J_PASSWORD``, database ``PLANGRAPH_GRAPH_NAME`` (an empty name or "plangraph" on a server
without that database falls back to the server's default database). Reads run in managed READ transactions
(``execute_read``), writes in managed WRITE transactions, ``write_atomic`` in one explicit transaction
(all or nothing). Timeouts travel as ``neo4j.unit_of_work(timeout=seconds)`` of the transaction function.
"""

from __future__ import annotations

from collections.abc import Callable

import neo4j
from neo4j import GraphDatabase, unit_of_work
from neo4j import exceptions as nx
from plangraph.graph import dialect
from plangraph.graph.errors import (
    BackendUnavailable,
    ConfigError,
    CypherSyntaxError,
    GraphError,
    QueryError,
    QueryTimeout,
    ReadOnlyError,
)
from plangraph.graph.store import StoreConfig

_TIMEOUT_CODES = ("TransactionTimedOut", "TransactionTimedOutClientConfiguration")
_READ_ONLY_CODES = ("Statement.AccessMode", "WriteOnReadOnlyAccessDatabase", "ForbiddenOnReadOnlyDatabase")


def map_error(exc: Exception, query: str = "") -> GraphError:
    """The ``graph.errors`` exception for a driver error."""
    short = " ".join(query.split())[:120]
    code = getattr(exc, "code", None) or ""
    msg = getattr(exc, "message", None) or str(exc)
    data_exception = str(getattr(exc, "gql_status", "") or "").startswith("22")  # GQL class 22: bad values
    if isinstance(exc, nx.CypherSyntaxError) and not data_exception:
        return CypherSyntaxError(f"{msg} — in: {short}")
    if any(c in code for c in _TIMEOUT_CODES):
        return QueryTimeout(f"query timed out: {short}")
    if isinstance(exc, nx.ForbiddenOnReadOnlyDatabase) or any(c in code for c in _READ_ONLY_CODES):
        return ReadOnlyError(f"write in a read-only query: {short}")
    if isinstance(exc, nx.ServiceUnavailable | nx.SessionExpired):
        return BackendUnavailable(f"Neo4j is unavailable: {msg}")
    return QueryError(f"{msg} — in: {short}")


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def _records(result: neo4j.Result) -> list[dict]:
    return [record.data() for record in result]


def _unit(query: str, params: dict | None, timeout_ms: int | None) -> Callable[[neo4j.ManagedTransaction], list[dict]]:
    """A transaction function running ``query`` with the server-side timeout (``unit_of_work``)."""

    @unit_of_work(timeout=dialect.neo4j_timeout(timeout_ms))
    def work(tx: neo4j.ManagedTransaction) -> list[dict]:
        return _records(tx.run(query, params or {}))

    return work


class Neo4jStore:
    """A Neo4j 5 database reached through ``config.graph_uri``."""

    backend = dialect.NEO4J

    def __init__(self, config: StoreConfig, *, read_only: bool = False) -> None:
        self.read_only = read_only
        self._planned: set[tuple[str, frozenset[str]]] = set()
        self.default_timeout_ms = config.query_timeout_ms
        uri = config.graph_uri
        try:
            self._driver = GraphDatabase.driver(
                uri,
                auth=(config.neo4j_user, config.neo4j_password),
                connection_timeout=10.0,
                max_transaction_retry_time=5.0,
                notifications_min_severity="OFF",  # no "unknown property" warnings on every query
            )
            self._driver.verify_connectivity()
        except nx.AuthError as exc:
            raise ConfigError(
                f"Neo4j at PLANGRAPH_GRAPH_URI={uri} refused the credentials "
                "(PLANGRAPH_NEO4J_USER / PLANGRAPH_NEO4J_PASSWORD)"
            ) from exc
        except (nx.ConfigurationError, ValueError) as exc:
            raise ConfigError(f"PLANGRAPH_GRAPH_URI={uri} is not a usable Neo4j URI: {exc}") from exc
        except (nx.ServiceUnavailable, nx.DriverError, OSError) as exc:
            raise BackendUnavailable(
                f"cannot reach Neo4j at PLANGRAPH_GRAPH_URI={uri}: {_one_line(exc)}"
            ) from exc
        self._database = self._pick_database(config.graph_name)

    def _pick_database(self, name: str) -> str | None:
        """``name`` if the server has it, else None (the server's default database)."""
        if not name:
            return None
        try:
            with self._driver.session(database="system", default_access_mode=neo4j.READ_ACCESS) as session:
                names = {r["name"] for r in session.run(dialect.NEO4J_LIST_DATABASES)}
        except nx.Neo4jError:
            return None
        return name if name in names else None

    def _session(self, mode: str) -> neo4j.Session:
        return self._driver.session(database=self._database, default_access_mode=mode)

    # -------------------------------------------------------------- queries

    def _plan(self, query: str, params: dict | None) -> None:
        """Have the server plan ``query`` (``EXPLAIN``, no timeout) the first time this store sends it with
        these null parameters, so that the read timeout bounds the run and not Neo4j's planning: the large
        catalogue queries take seconds to plan, once; plans are cached per text and parameter types."""
        key = (query, frozenset(k for k, v in (params or {}).items() if v is None))
        if key in self._planned:
            return
        if len(self._planned) > 4096:
            self._planned.clear()
        self._planned.add(key)
        try:
            with self._session(neo4j.READ_ACCESS) as session:
                session.run(dialect.neo4j_explain(query), params or {}).consume()
        except (nx.Neo4jError, nx.DriverError):
            pass  # the run itself reports what is wrong

    def read(self, query: str, params: dict | None = None, *, timeout_ms: int | None = None) -> list[dict]:
        self._plan(query, params)
        work = _unit(query, params, self.default_timeout_ms if timeout_ms is None else timeout_ms)
        try:
            with self._session(neo4j.READ_ACCESS) as session:
                return session.execute_read(work)
        except (nx.Neo4jError, nx.DriverError) as exc:
            raise map_error(exc, query) from exc

    def write(self, query: str, params: dict | None = None, *, timeout_ms: int | None = None) -> list[dict]:
        self._check_writable(query)
        work = _unit(query, params, timeout_ms)
        try:
            with self._session(neo4j.WRITE_ACCESS) as session:
                return session.execute_write(work)
        except (nx.Neo4jError, nx.DriverError) as exc:
            raise map_error(exc, query) from exc

    def write_batches(self, query: str, rows: list[dict], *, batch_size: int = 2000) -> int:
        self._check_writable(query)
        size = max(batch_size, 1)
        for i in range(0, len(rows), size):
            self.write(query, {"rows": rows[i : i + size]})
        return len(rows)

    def write_atomic(self, statements: list[tuple[str, dict]]) -> None:
        """All statements in one explicit transaction: all or nothing."""
        if not statements:
            return
        self._check_writable(statements[0][0])
        current = statements[0][0]
        try:
            with self._session(neo4j.WRITE_ACCESS) as session, session.begin_transaction() as tx:
                for query, params in statements:
                    current = query
                    tx.run(query, params or {}).consume()
                tx.commit()
        except (nx.Neo4jError, nx.DriverError) as exc:
            raise map_error(exc, current) from exc

    def ensure_schema(self) -> None:
        self._check_writable("ensure_schema")
        for stmt in dialect.neo4j_schema_statements():
            try:
                with self._session(neo4j.WRITE_ACCESS) as session:
                    session.run(stmt).consume()
            except (nx.Neo4jError, nx.DriverError) as exc:
                raise map_error(exc, stmt) from exc

    def fulltext_tasks(self, terms: list[str], limit: int, doc_id: str | None = None) -> list[dict]:
        query, params = dialect.fulltext_query(self.backend, terms, limit, doc_id)
        return self.read(query, params) if query else []

    def fulltext_count(self, terms: list[str], doc_id: str | None = None) -> int:
        query, params = dialect.fulltext_count_query(self.backend, terms, doc_id)
        return int(self.read(query, params)[0]["total"]) if query else 0

    def clear(self) -> None:
        """Delete everything in the database: nodes, relationships, constraints and indexes (tests, reloads)."""
        self._check_writable("clear")
        try:
            with self._session(neo4j.WRITE_ACCESS) as session:
                session.run(dialect.NEO4J_DELETE_ALL).consume()
                constraints = [r["name"] for r in session.run(dialect.NEO4J_LIST_CONSTRAINTS)]
                indexes = [r["name"] for r in session.run(dialect.NEO4J_LIST_INDEXES)]
                for stmt in dialect.neo4j_drop_statements(constraints, indexes):
                    session.run(stmt).consume()
        except (nx.Neo4jError, nx.DriverError) as exc:
            raise map_error(exc, "clear") from exc

    def close(self) -> None:
        self._driver.close()

    def _check_writable(self, query: str) -> None:
        if self.read_only:
            raise ReadOnlyError(f"the store is read-only; refused: {' '.join(query.split())[:120]}")

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
