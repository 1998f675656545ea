"""Configuration from the environment (``PLANGRAPH_*``); every setting is documented in the README."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import platformdirs
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from plangraph.graph.store import NEO4J_SCHEMES, StoreConfig


def _package_dir(package: str) -> Path:
    """The folder of a data package installed with plangraph (the catalogue, the seeds)."""
    return Path(str(resources.files(package)))


def default_data_dir() -> Path:
    """The per-user store directory (same whatever the working directory), e.g. ``~/.local/share/plangraph/graph``."""
    return Path(platformdirs.user_data_dir("plangraph", appauthor=False)) / "graph"


class Settings(BaseSettings):
    """All plangraph settings. Environment variables are the field names upper-cased with ``PLANGRAPH_``."""

    model_config = SettingsConfigDict(env_prefix="PLANGRAPH_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir, description="Directory of the embedded FalkorDB store")
    graph_uri: str = Field(
        "",
        description="Empty: embedded FalkorDB in data_dir. neo4j://…, neo4j+s://…, bolt://…: a Neo4j 5 server",
    )
    graph_name: str = Field("plangraph", description="FalkorDB graph key / Neo4j database name")
    neo4j_user: str = Field("neo4j", description="Neo4j user name")
    neo4j_password: SecretStr = Field(SecretStr(""), description="Neo4j password")
    host: str = Field("127.0.0.1", description="API bind address")
    port: int = Field(8000, description="API port")
    api_key: SecretStr | None = Field(None, description="Enables POST /cypher when set (sent as X-API-Key)")
    query_timeout_ms: int = Field(5000, description="Timeout of each read query (ms)")
    max_rows: int = Field(1000, description="Row cap of raw Cypher answers")
    cypher_max_bytes: int = Field(5_000_000, description="Byte cap of a raw Cypher answer (rows beyond are cut)")
    cypher_max_concurrent: int = Field(2, description="Raw Cypher queries running at once, in all (429 beyond)")
    cypher_max_per_key: int = Field(1, description="Raw Cypher queries running at once per API key (429 beyond)")
    max_body_kb: int = Field(1024, description="Largest request body the API accepts (KB; 413 beyond)")
    max_file_mb: float = Field(20.0, description="Largest input file accepted by extract/ingest (MB)")
    file_timeout_s: float = Field(120.0, description="Time budget of one file's extraction in a batch (s); over it the file is reported and skipped")
    queries_dir: Path = Field(
        default_factory=lambda: _package_dir("plangraph.queries"), description="The named Cypher catalogue"
    )
    seeds_dir: Path = Field(
        default_factory=lambda: _package_dir("plangraph.seeds"),
        description="Bundled demo corpus used by `plangraph demo`",
    )

    @property
    def uses_neo4j(self) -> bool:
        return self.graph_uri.startswith(NEO4J_SCHEMES)

    def store_config(self) -> StoreConfig:
        """The plain configuration the graph layer takes (it never reads the settings itself)."""
        return StoreConfig(data_dir=self.data_dir, graph_uri=self.graph_uri, graph_name=self.graph_name,
                           neo4j_user=self.neo4j_user, neo4j_password=self.neo4j_password.get_secret_value(),
                           query_timeout_ms=self.query_timeout_ms)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (read once from the environment)."""
    return Settings()
