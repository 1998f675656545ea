"""The built wheel installs one top-level package, ``plangraph``, with its catalogue, seeds, page and data."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
_SKIP = {".git", ".venv", "node_modules", "build", "dist", "tests", "notebooks", "__pycache__", ".pytest_cache",
         ".ruff_cache", "artifacts"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    """``pip wheel --no-deps`` of a copy of the repository (the checkout itself stays clean)."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    shutil.copytree(REPO, src, ignore=lambda d, names: [n for n in names if n in _SKIP or n.endswith(".egg-info")])
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                           "-w", str(tmp / "dist"), str(src)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    [built] = (tmp / "dist").glob("plangraph-*.whl")
    return zipfile.ZipFile(built)


def _names(wheel: zipfile.ZipFile) -> list[str]:
    return wheel.namelist()


def test_one_top_level_package(wheel: zipfile.ZipFile) -> None:
    [top_level] = [n for n in _names(wheel) if n.endswith(".dist-info/top_level.txt")]
    assert wheel.read(top_level).decode().split() == ["plangraph"]
    assert {n.split("/")[0] for n in _names(wheel) if not n.split("/")[0].endswith(".dist-info")} == {"plangraph"}


def test_subpackages_are_inside_the_namespace(wheel: zipfile.ZipFile) -> None:
    names = set(_names(wheel))
    for package in ("graph", "ingest", "api", "commands", "queries", "seeds"):
        assert f"plangraph/{package}/__init__.py" in names, package
    assert {"plangraph/service.py", "plangraph/cli.py", "plangraph/ingest/model.py",
            "plangraph/ingest/places.py"} <= names


def _expected(folder: str, pattern: str) -> set[str]:
    return {str(p.relative_to(REPO / folder)) for p in (REPO / folder).glob(pattern)}


def _shipped(wheel: zipfile.ZipFile, prefix: str, suffix: str) -> set[str]:
    return {n.removeprefix(prefix) for n in _names(wheel) if n.startswith(prefix) and n.endswith(suffix)}


def test_query_catalogue_is_shipped(wheel: zipfile.ZipFile) -> None:
    expected = _expected("queries", "**/*.cypher")
    assert len(expected) >= 10
    assert _shipped(wheel, "plangraph/queries/", ".cypher") == expected


def test_seeds_are_shipped(wheel: zipfile.ZipFile) -> None:
    expected = _expected("data/seeds", "*.txt")
    assert len(expected) == 5
    assert _shipped(wheel, "plangraph/seeds/", ".txt") == expected


def test_web_page_is_shipped(wheel: zipfile.ZipFile) -> None:
    assert _shipped(wheel, "plangraph/api/static/", "") == _expected("api/static", "**/*.*")
    assert "index.html" in _shipped(wheel, "plangraph/api/static/", "")


def test_data_files_are_shipped(wheel: zipfile.ZipFile) -> None:
    for package in ("ingest", "graph"):  # reviewed word lists and reference data (graph/data may be absent)
        expected = {f for f in _expected(f"{package}/data", "*.*") if f.endswith((".yaml", ".csv"))}
        assert _shipped(wheel, f"plangraph/{package}/data/", "") == expected, package
    assert {"divisions.yaml", "agencies.yaml", "topics.yaml"} <= _shipped(wheel, "plangraph/ingest/data/", ".yaml")


def test_no_tests_or_tooling_in_the_wheel(wheel: zipfile.ZipFile) -> None:
    assert not [n for n in _names(wheel) if n.startswith(("plangraph/tests", "tests/", "bench/", "tools/"))]
