"""The entry point of the notebooks: the user's store (seeded when empty) and where figures go.

The notebooks themselves use :class:`plangraph.client.Client`; ``open_notebook_store`` is kept for scripts."""

from __future__ import annotations

import os
from pathlib import Path

from plangraph.graph.store import GraphStore
from plangraph.settings import Settings, default_data_dir


def open_notebook_store() -> tuple[GraphStore, Settings]:
    """The user's configured store (the same as the command line's: ``PLANGRAPH_DATA_DIR``, by default the
    per-user data directory, or ``PLANGRAPH_GRAPH_URI``); on an empty store the bundled seeds are ingested."""
    from plangraph.client import Client

    client = Client.open(seed_if_empty=True)
    return client.store, client.settings


def figures_dir() -> Path:
    """``PLANGRAPH_FIGURES_DIR`` (the tests use a scratch folder), else ``figures`` beside the per-user store
    (never inside the repository's tracked files)."""
    path = Path(os.environ.get("PLANGRAPH_FIGURES_DIR") or default_data_dir().parent / "figures")
    path.mkdir(parents=True, exist_ok=True)
    return path
