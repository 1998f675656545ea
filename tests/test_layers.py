"""The import-linter contracts of pyproject.toml hold, and they do catch an arrow that runs the wrong way."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location("lint_imports", REPO / "tools" / "lint_imports.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_layers_hold(tmp_path: Path) -> None:
    tool = _tool()
    tool.build_tree(tmp_path)
    proc = tool.run_linter(tmp_path, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


@pytest.mark.parametrize(("module", "line", "broken"), [
    ("plangraph/ingest/x_upward.py", "from plangraph.graph.store import StoreConfig", "Layers"),
    ("plangraph/graph/x_inside.py", "from plangraph.ingest.agencies import default_resolver", "graph reads ingest"),
    ("plangraph/graph/x_settings.py", "from plangraph.settings import get_settings", "Below the roof"),
])
def test_a_wrong_arrow_breaks_a_contract(tmp_path: Path, module: str, line: str, broken: str) -> None:
    tool = _tool()
    tool.build_tree(tmp_path)
    (tmp_path / module).write_text(line + "\n", encoding="utf-8")
    proc = tool.run_linter(tmp_path, capture_output=True, text=True)
    assert proc.returncode != 0
    assert any(broken in ln and "BROKEN" in ln for ln in proc.stdout.splitlines()), proc.stdout
