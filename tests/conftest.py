"""Shared fixtures: an embedded FalkorDB store in a temporary directory."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from plangraph.graph import falkor_server
from plangraph.graph.falkor_store import FalkorStore
from plangraph.ingest.model import Extraction

from plangraph import service
from plangraph.settings import Settings


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


@pytest.fixture(scope="session")
def seed_extractions() -> list[Extraction]:
    """The bundled seed plans, extracted once per session (every one must extract)."""
    results = service.extract_files(service.bundled_seeds())
    assert len(results) == 5 and all(r.ok for r in results), [r.error for r in results]
    return [r.extraction for r in results]


@pytest.fixture(scope="session")
def seeded_store(falkor_settings: Settings) -> Iterator[FalkorStore]:
    """The seed corpus (``data/seeds``) extracted, loaded and linked once into its own graph of the session's
    server (graph ``plangraph_seeds``)."""
    store = FalkorStore(falkor_settings.model_copy(update={"graph_name": "plangraph_seeds"}).store_config())
    store.clear()
    report = service.seed_store(store)
    assert report.results and not report.failed, [r.error for r in report.failed]
    yield store
    store.close()
