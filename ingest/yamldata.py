"""Reading the YAML data files of ``ingest/data`` (one loader for all of them)."""

from __future__ import annotations

from typing import Any

import yaml

# libyaml's parser when PyYAML was built with it (≈10× faster; same safe constructors, so the same data)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """``yaml.safe_load(text)``, with the C parser when available."""
    return yaml.load(text, Loader=_LOADER)
