"""The entry point of the notebooks: a store with the bundled seeds in it, and where figures go."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from plangraph.graph.store import GraphStore, open_store
from plangraph.service import seed_store
from plangraph.settings import Settings, default_data_dir


def open_notebook_store() -> tuple[GraphStore, Settings]:
    """The configured store (``PLANGRAPH_DATA_DIR`` or ``PLANGRAPH_GRAPH_URI``), else a scratch store in the
    temp dir; on an empty store the bundled seeds are ingested first."""
    if os.environ.get("PLANGRAPH_DATA_DIR") or os.environ.get("PLANGRAPH_GRAPH_URI"):
        settings = Settings()
    else:
        settings = Settings(data_dir=Path(tempfile.gettempdir()) / "plangraph-notebooks")
    store = open_store(settings.store_config())
    seed_store(store, sorted(settings.seeds_dir.glob("*.txt")), if_empty=True, max_mb=settings.max_file_mb)
    return store, settings


def figures_dir() -> Path:
    """``PLANGRAPH_FIGURES_DIR`` (the tests use a scratch folder), else ``figures`` beside the per-user store
    (never inside the repository's tracked files)."""
    path = Path(os.environ.get("PLANGRAPH_FIGURES_DIR") or default_data_dir().parent / "figures")
    path.mkdir(parents=True, exist_ok=True)
    return path
