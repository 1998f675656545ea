"""Shared fixtures: an embedded FalkorDB store in a temporary directory."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from graph import falkor_server
from graph.falkor_store import FalkorStore
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
