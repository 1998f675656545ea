"""Helpers shared by the CLI commands: consoles, one way to report errors, the settings, a progress bar.

Imports stay light here (no store, no extraction): every command module imports this at start-up.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

import typer
from rich.console import Console

if TYPE_CHECKING:
    from plangraph.service import FileResult
    from plangraph.settings import Settings

console = Console()
err_console = Console(stderr=True, soft_wrap=True)


def one_line(text: object) -> str:
    return " ".join(str(text).split())


@contextlib.contextmanager
def exit_on_error() -> Iterator[None]:
    """Print a graph/config/ingest error as one red line and exit with code 1 (no traceback)."""
    from pydantic import ValidationError

    from plangraph.graph.errors import ConfigError, GraphError
    from plangraph.ingest.errors import IngestError

    try:
        yield
    except ValidationError as exc:
        problems = "; ".join(
            f"PLANGRAPH_{'_'.join(str(p) for p in e['loc']).upper()}: {e['msg']}" for e in exc.errors()
        )
        err_console.print(f"[bold red]error:[/] bad setting {one_line(problems)}", highlight=False)
        raise typer.Exit(code=1) from None
    except (GraphError, IngestError) as exc:
        kind = "configuration" if isinstance(exc, ConfigError) else type(exc).__name__
        err_console.print(f"[bold red]error ({kind}):[/] {one_line(exc)}", highlight=False, markup=True)
        raise typer.Exit(code=1) from None


def describe_store(settings: Settings) -> str:
    """Which store the settings open, in one line (the embedded FalkorDB's folder, or the Neo4j URI)."""
    from plangraph.graph.store import backend_for

    if backend_for(settings.store_config()) == "neo4j":
        return f"store: Neo4j at {settings.graph_uri} (database {settings.graph_name})"
    return f"store: embedded FalkorDB in {settings.data_dir} (graph {settings.graph_name}; PLANGRAPH_DATA_DIR)"


_NAMED: set[str] = set()


def load_settings() -> Settings:
    """The settings, with the backend URI checked; a bad value exits through ``exit_on_error``. Every command
    that opens the store calls this, so the store it uses is named once on standard error."""
    from plangraph.settings import get_settings

    with exit_on_error():
        settings = get_settings()
        line = describe_store(settings)
    if line not in _NAMED:
        _NAMED.add(line)
        err_console.print(line, highlight=False, markup=False)
    return settings


@contextlib.contextmanager
def file_progress(verb: str, total: int) -> Iterator:
    """A transient progress bar on stderr; yields the ``on_progress`` callback of :mod:`plangraph.service`."""
    from rich.progress import Progress

    with Progress(console=err_console, transient=True) as progress:
        bar = progress.add_task(verb, total=total)

        def on_progress(result: FileResult, done: int, total: int) -> None:
            progress.update(bar, completed=done, total=total, description=f"{verb} {result.path.name}")

        yield on_progress


def print_failures(failed: list[FileResult]) -> None:
    for r in failed:
        err_console.print(f"[red]✗ {r.path}[/red]: {r.error}", highlight=False)
