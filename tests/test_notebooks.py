"""Every notebook in notebooks/ runs top to bottom on a fresh store (it ingests the seeds itself)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import nbclient
import nbformat
import pytest
from plangraph.graph import falkor_server

REPO_ROOT = Path(__file__).resolve().parents[1]

NOTEBOOKS = REPO_ROOT / "notebooks"
NAMES = ["agency_network", "targets", "implementation", "workload"]


def _kernel_python() -> str:
    """The interpreter the ``python3`` kernelspec starts (``python`` in argv means the running one)."""
    from jupyter_client.kernelspec import KernelSpecManager

    argv = KernelSpecManager().get_kernel_spec("python3").argv
    return sys.executable if argv[0] in ("python", "python3") else argv[0]


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[dict, Path]]]:
    """Each notebook executed (in a copy) against one fresh, empty data directory; figures go to a temp dir."""
    data_dir = tmp_path_factory.mktemp("nb-store")
    figures = tmp_path_factory.mktemp("nb-figures")
    results: dict[str, tuple[dict, Path]] = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PLANGRAPH_DATA_DIR", str(data_dir))
        mp.setenv("PLANGRAPH_FIGURES_DIR", str(figures))
        mp.delenv("MPLBACKEND", raising=False)  # the kernel then shows figures inline
        mp.delenv("PLANGRAPH_GRAPH_URI", raising=False)
        try:
            for name in NAMES:
                book = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
                client = nbclient.NotebookClient(book, kernel_name="python3", timeout=600,
                                                 resources={"metadata": {"path": str(NOTEBOOKS)}})
                client.execute()
                results[name] = (book, figures)
        finally:
            falkor_server.stop(data_dir)
    yield results


def _outputs(book: dict) -> list[dict]:
    return [o for cell in book.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]


def _text(book: dict) -> str:
    parts = []
    for o in _outputs(book):
        parts.append(o.get("text", ""))
        for mime in ("text/plain", "text/markdown", "text/html"):
            parts.append(str(o.get("data", {}).get(mime, "")))
    return "\n".join(parts)


def test_kernel_runs_the_project_interpreter() -> None:
    assert Path(_kernel_python()).resolve() == Path(sys.executable).resolve()
    assert os.path.exists(_kernel_python())


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_without_errors_and_every_code_cell_ran(executed: dict, name: str) -> None:
    book, _ = executed[name]
    code = [c for c in book.cells if c.cell_type == "code"]
    assert code and all(c.get("execution_count") for c in code)
    assert not [o for o in _outputs(book) if o.get("output_type") == "error"]
    assert "documents 5" in _text(book)  # the set-up cell ingested the seeds into the empty store


def test_network_notebook_draws_and_saves_the_figure(executed: dict) -> None:
    book, figures = executed["agency_network"]
    assert any("image/png" in o.get("data", {}) for o in _outputs(book))
    png = figures / "agency_network.png"
    assert png.is_file() and png.stat().st_size > 10_000
    assert "weighted_degree" in _text(book) and "betweenness" in _text(book)


def test_targets_notebook_compares_jurisdictions(executed: dict) -> None:
    book, _ = executed["targets"]
    text = _text(book)
    assert "浙江省" in text and "铜陵市" in text
    assert any("image/png" in o.get("data", {}) for o in _outputs(book))


def test_implementation_and_workload_notebooks_plot(executed: dict) -> None:
    for name in ("implementation", "workload"):
        book, _ = executed[name]
        assert any("image/png" in o.get("data", {}) for o in _outputs(book)), name
    assert "| agency | jurisdiction | function | lead | co | plans |" in _text(executed["workload"][0])


def test_committed_notebooks_carry_outputs() -> None:
    for name in NAMES:
        book = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
        assert _outputs(book), f"{name}.ipynb was committed without outputs"
    assert (NOTEBOOKS / "figures" / "agency_network.png").is_file()
