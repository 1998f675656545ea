"""The page's vendored browser library: api/static/vendor/cytoscape.min.js is the pinned npm version's dist file."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "tools" / "page-assets"
VENDORED = ROOT / "api" / "static" / "vendor" / "cytoscape.min.js"


def _pinned(name: str) -> str:
    lock = json.loads((ASSETS / "package-lock.json").read_text(encoding="utf-8"))
    return lock["packages"][f"node_modules/{name}"]["version"]


def test_cytoscape_is_pinned_exactly() -> None:
    manifest = json.loads((ASSETS / "package.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"\d+\.\d+\.\d+", manifest["dependencies"]["cytoscape"])  # no ranges: the file is vendored
    assert manifest["dependencies"]["cytoscape"] == _pinned("cytoscape")


def test_the_vendored_file_is_the_pinned_version_and_the_page_loads_it() -> None:
    text = VENDORED.read_text(encoding="utf-8")
    assert f'"{_pinned("cytoscape")}"' in text  # the library's version string is compiled into its dist file
    assert "Cytoscape Consortium" in text  # its licence header is kept
    html = (ROOT / "api" / "static" / "index.html").read_text(encoding="utf-8")
    assert 'src="/static/vendor/cytoscape.min.js"' in html


def test_the_vendored_file_equals_the_installed_dist() -> None:
    """After ``make lint-deps`` (``make test`` runs it) node_modules holds the pinned package: same bytes."""
    dist = ASSETS / "node_modules" / "cytoscape" / "dist" / "cytoscape.min.js"
    assert dist.exists(), "run `make lint-deps` (npm ci in tools/page-assets)"
    assert dist.read_bytes() == VENDORED.read_bytes(), "run `make page-assets` to refresh the vendored copy"
