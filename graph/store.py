"""The graph store interface shared by the FalkorDB and Neo4j backends, and ``open_store``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from plangraph.graph.errors import ConfigError

NEO4J_SCHEMES = ("neo4j://", "neo4j+s://", "neo4j+ssc://", "bolt://", "bolt+s://", "bolt+ssc://")


@dataclass(frozen=True)
class StoreConfig:
    """Where the graph lives and how to reach it: plain values, built by the caller from its settings
    (``plangraph.settings.Settings.store_config()``); the graph layer never reads the environment."""

    data_dir: Path
    graph_uri: str = ""
    graph_name: str = "plangraph"
    neo4j_user: str = "neo4j"
    neo4j_password: str = field(default="", repr=False)
    query_timeout_ms: int = 5000

    @property
    def uses_neo4j(self) -> bool:
        return self.graph_uri.startswith(NEO4J_SCHEMES)


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

    def fulltext_tasks(self, terms: list[str], limit: int, doc_id: str | None = None) -> list[dict]:
        """``[{task_id, score}]``: the ``limit`` best tasks (of ``doc_id`` if given) whose text holds every term
        (each term a phrase), best first."""
        ...

    def fulltext_count(self, terms: list[str], doc_id: str | None = None) -> int:
        """How many tasks (of ``doc_id`` if given) :meth:`fulltext_tasks` would find without a limit."""
        ...

    def close(self) -> None: ...


def backend_for(config: StoreConfig) -> str:
    """The backend name: neo4j for a neo4j/bolt ``PLANGRAPH_GRAPH_URI``, falkordb when empty, else ConfigError."""
    if config.uses_neo4j:
        return "neo4j"
    if config.graph_uri:
        raise ConfigError(
            f"PLANGRAPH_GRAPH_URI={config.graph_uri!r} is not a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI "
            "(leave it empty for the embedded FalkorDB)"
        )
    return "falkordb"


def open_store(config: StoreConfig, *, read_only: bool = False) -> GraphStore:
    """The store the configuration names: Neo4j when ``graph_uri`` is a neo4j/bolt URI, else embedded
    FalkorDB in ``data_dir`` (its server is started if not running, and left running)."""
    if backend_for(config) == "neo4j":
        from plangraph.graph.neo4j_store import Neo4jStore

        return Neo4jStore(config, read_only=read_only)
    from plangraph.graph.falkor_store import FalkorStore

    return FalkorStore(config, read_only=read_only)
