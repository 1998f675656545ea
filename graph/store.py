"""The graph store interface shared by the FalkorDB and Neo4j backends, and ``open_store``."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from plangraph.graph.errors import ConfigError

from plangraph.settings import Settings, get_settings


@runtime_checkable
class GraphStore(Protocol):
    """A Cypher graph store. Queries return lists of plain dicts (never nodes)."""

    backend: str  # "falkordb" | "neo4j"
    read_only: bool

    def read(self, query: str, params: dict | None = None, *, timeout_ms: int | None = None) -> list[dict]:
        """Run a read-only query (a write in it raises ``ReadOnlyError``); default timeout from settings."""
        ...

    def write(self, query: str, params: dict | None = None, *, timeout_ms: int | None = None) -> list[dict]:
        """Run a write query; ``ReadOnlyError`` on a read-only store."""
        ...

    def write_batches(self, query: str, rows: list[dict], *, batch_size: int = 2000) -> int:
        """Run ``query`` (starting ``UNWIND $rows AS r``) once per batch of ``rows``; returns rows sent."""
        ...

    def write_atomic(self, statements: list[tuple[str, dict]]) -> None:
        """Run the statements as one unit (see each backend for the exact guarantee)."""
        ...

    def ensure_schema(self) -> None:
        """Create constraints, indexes and the full-text index (idempotent), via ``graph.dialect``."""
        ...

    def fulltext_tasks(self, terms: list[str], limit: int) -> list[dict]:
        """``[{task_id, score}]`` of tasks whose text contains all ``terms``, best first."""
        ...

    def close(self) -> None: ...


def backend_for(settings: Settings) -> str:
    """The backend name: neo4j for a neo4j/bolt ``PLANGRAPH_GRAPH_URI``, falkordb when empty, else ConfigError."""
    if settings.uses_neo4j:
        return "neo4j"
    if settings.graph_uri:
        raise ConfigError(
            f"PLANGRAPH_GRAPH_URI={settings.graph_uri!r} is not a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI "
            "(leave it empty for the embedded FalkorDB)"
        )
    return "falkordb"


def open_store(settings: Settings | None = None, *, read_only: bool = False) -> GraphStore:
    """The store the settings name: Neo4j when ``PLANGRAPH_GRAPH_URI`` is a neo4j/bolt URI, else embedded
    FalkorDB in ``PLANGRAPH_DATA_DIR`` (its server is started if not running, and left running)."""
    settings = settings or get_settings()
    if backend_for(settings) == "neo4j":
        from plangraph.graph.neo4j_store import Neo4jStore

        return Neo4jStore(settings, read_only=read_only)
    from plangraph.graph.falkor_store import FalkorStore

    return FalkorStore(settings, read_only=read_only)
