"""Shared fixtures: an embedded FalkorDB store in a temporary directory."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from plangraph.graph import falkor_server
from plangraph.graph.falkor_store import FalkorStore

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
    store = FalkorStore(falkor_settings)
    store.clear()
    yield store
    store.close()


@pytest.fixture(scope="session")
def seeded_store(falkor_settings: Settings) -> Iterator[FalkorStore]:
    """The seed corpus (``data/seeds``) extracted, loaded and linked once into its own graph of the session's
    server (graph ``plangraph_seeds``). Skips while the ingest pipeline is incomplete."""
    try:
        from plangraph.graph.loader import load_document
        from plangraph.ingest.pipeline import extract_file
    except ImportError as exc:
        pytest.skip(f"ingest pipeline not available yet: {exc}")
    store = FalkorStore(falkor_settings.model_copy(update={"graph_name": "plangraph_seeds"}))
    store.clear()
    seeds = sorted(falkor_settings.seeds_dir.glob("*.txt"))
    try:
        extractions = [extract_file(path) for path in seeds]
    except ImportError as exc:
        store.close()
        pytest.skip(f"ingest pipeline not complete yet: {exc}")
    for extraction in extractions:
        load_document(store, extraction)
    try:
        from plangraph.graph.linking import relink
    except ImportError:
        relink = None
    if relink is not None:
        relink(store)
    yield store
    store.close()
