"""Shared fixtures: the embedded FalkorDB and a Neo4j 5 server, and stores on either engine.

Neo4j: ``PLANGRAPH_TEST_NEO4J_URI`` (with ``PLANGRAPH_TEST_NEO4J_USER`` / ``_PASSWORD`` / ``_DATABASE``)
selects an existing server — its database is cleared by the tests; otherwise the session starts the
launcher in ``tools/neo4j-server`` once (built with Maven on first use) and stops it at the end.

Engine-facing tests take ``engine`` (parametrised ``falkordb`` / ``neo4j``; the Neo4j half is marked
``neo4j``), ``graph_store`` (an empty store on that engine) or ``engine_graph`` (a named graph built once).
Neo4j Community has one user database, so named graphs take turns in it: ``Neo4jGraphs`` remembers which
graph the database holds and rebuilds only when another one is asked for.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from plangraph.graph import falkor_server
from plangraph.graph.falkor_store import FalkorStore
from plangraph.graph.store import GraphStore
from plangraph.ingest.model import Extraction

from plangraph import service
from plangraph.settings import Settings

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools" / "neo4j-server"))
import launcher as neo4j_launcher  # noqa: E402  (tools/neo4j-server/launcher.py)

ENGINES = ["falkordb", pytest.param("neo4j", marks=pytest.mark.neo4j)]


# ------------------------------------------------------------------ FalkorDB


@pytest.fixture(scope="session")
def falkor_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """Settings of one embedded FalkorDB server shared by the session (stopped at the end)."""
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("falkordb"), graph_uri="", graph_name="plangraph_test"
    )
    yield settings
    falkor_server.stop(settings.data_dir)


@pytest.fixture
def falkor_store(falkor_settings: Settings) -> Iterator[FalkorStore]:
    """A writable store on the session's embedded server, with an empty graph (schema not created)."""
    store = FalkorStore(falkor_settings.store_config())
    store.clear()
    yield store
    store.close()


# ------------------------------------------------------------------ Neo4j


@pytest.fixture(scope="session")
def neo4j_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """Settings of the session's Neo4j 5 server (external via PLANGRAPH_TEST_NEO4J_URI, else launched)."""
    uri = os.environ.get("PLANGRAPH_TEST_NEO4J_URI", "")
    if uri:
        yield Settings(
            graph_uri=uri,
            neo4j_user=os.environ.get("PLANGRAPH_TEST_NEO4J_USER", "neo4j"),
            neo4j_password=os.environ.get("PLANGRAPH_TEST_NEO4J_PASSWORD", ""),
            graph_name=os.environ.get("PLANGRAPH_TEST_NEO4J_DATABASE", ""),
            data_dir=tmp_path_factory.mktemp("neo4j-unused"),
        )
        return
    try:
        server = neo4j_launcher.start(tmp_path_factory.mktemp("neo4j"))
    except neo4j_launcher.LauncherError as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        yield Settings(graph_uri=server.uri, graph_name="", data_dir=tmp_path_factory.mktemp("neo4j-unused"))
    finally:
        server.stop()


class Neo4jGraphs:
    """The one Neo4j database, shared by named graphs in turn (rebuilt when another one is asked for)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.holds: str | None = None

    def open(self, name: str | None, build: Callable[[GraphStore], None] | None = None) -> GraphStore:
        """A new store on the database holding graph ``name`` (``None``: empty, always cleared)."""
        from plangraph.graph.neo4j_store import Neo4jStore

        store = Neo4jStore(self.settings.store_config())
        if name is None or name != self.holds:
            self.holds = None
            # data only: dropping and re-creating the schema per test costs seconds (``clear()`` drops it)
            store.write("MATCH (n) DETACH DELETE n")
            if build is not None:
                build(store)
            self.holds = name
        return store


@pytest.fixture(scope="session")
def neo4j_graphs(neo4j_settings: Settings) -> Neo4jGraphs:
    return Neo4jGraphs(neo4j_settings)


@pytest.fixture
def neo4j_store(neo4j_graphs: Neo4jGraphs) -> Iterator[GraphStore]:
    """A writable store on the session's Neo4j server, with an empty database (its schema kept)."""
    store = neo4j_graphs.open(None)
    yield store
    store.close()


# ------------------------------------------------------------------ either engine


@pytest.fixture(scope="module", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """``falkordb`` or ``neo4j``: engine-facing tests run once per engine."""
    return request.param


@pytest.fixture(scope="module")
def engine_settings(engine: str, request: pytest.FixtureRequest) -> Settings:
    """The settings that reach the session's server of ``engine``."""
    if engine == "neo4j":
        return request.getfixturevalue("neo4j_settings")
    return request.getfixturevalue("falkor_settings")


@pytest.fixture
def graph_store(engine: str, request: pytest.FixtureRequest) -> Iterator[GraphStore]:
    """An empty writable store on ``engine`` (FalkorDB: no schema; Neo4j: the schema of earlier tests kept)."""
    if engine == "neo4j":
        store = request.getfixturevalue("neo4j_graphs").open(None)
    else:
        store = FalkorStore(request.getfixturevalue("falkor_settings").store_config())
        store.clear()
    yield store
    store.close()


@pytest.fixture(scope="module")
def engine_graph(engine: str, request: pytest.FixtureRequest) -> Iterator[Callable[..., GraphStore]]:
    """``open(name, build)``: a store on ``engine`` holding graph ``name``, built by ``build(store)`` once
    (FalkorDB: a graph of that name on the session's server; Neo4j: the database, see ``Neo4jGraphs``).
    ``settings_of(store)`` gives the settings that reach it."""
    opened: list[GraphStore] = []

    def open_graph(name: str, build: Callable[[GraphStore], None]) -> GraphStore:
        if engine == "neo4j":
            store = request.getfixturevalue("neo4j_graphs").open(name, build)
        else:
            settings = request.getfixturevalue("falkor_settings").model_copy(update={"graph_name": name})
            store = FalkorStore(settings.store_config())
            store.clear()
            build(store)
        opened.append(store)
        return store

    yield open_graph
    for store in opened:
        store.close()


@pytest.fixture(scope="module")
def settings_for(engine: str, engine_settings: Settings) -> Callable[[str], Settings]:
    """``settings_for(name)``: the settings reaching graph ``name`` of ``engine_graph`` (on Neo4j: the
    database, whatever the name)."""
    if engine == "neo4j":
        return lambda name: engine_settings
    return lambda name: engine_settings.model_copy(update={"graph_name": name})


# ------------------------------------------------------------------ the seed corpus


@pytest.fixture(scope="session")
def seed_extractions() -> list[Extraction]:
    """The bundled seed plans, extracted once per session (every one must extract)."""
    results = service.extract_files(service.bundled_seeds())
    assert len(results) == 5 and all(r.ok for r in results), [r.error for r in results]
    return [r.extraction for r in results]


def load_seeds(store: GraphStore) -> None:
    """Ingest the bundled seed plans into ``store`` the way ``plangraph ingest`` does (all must load)."""
    report = service.seed_store(store)
    assert report.results and not report.failed, [r.error for r in report.failed]


@pytest.fixture(scope="session")
def seeded_store(falkor_settings: Settings) -> Iterator[FalkorStore]:
    """The seed corpus (``data/seeds``) extracted, loaded and linked once into its own graph of the session's
    server (graph ``plangraph_seeds``)."""
    store = FalkorStore(falkor_settings.model_copy(update={"graph_name": "plangraph_seeds"}).store_config())
    store.clear()
    load_seeds(store)
    yield store
    store.close()


@pytest.fixture(scope="module")
def seeded_engine_store(engine: str, engine_graph, request: pytest.FixtureRequest) -> GraphStore:
    """The seed corpus on ``engine`` (FalkorDB: the session's ``seeded_store``)."""
    if engine == "falkordb":
        return request.getfixturevalue("seeded_store")
    return engine_graph("plangraph_seeds", load_seeds)
