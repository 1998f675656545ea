"""``plangraph ingest PATH...``: extract each document and load it into the graph, then relink tasks.

A file that cannot be read or extracted, or whose load fails, is reported and skipped (the loader never
leaves a document half-written); the others go on; the exit code is 1 if any failed.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from plangraph.commands.db import exit_on_error, load_settings
from plangraph.commands.extract import expand_paths
from plangraph.graph.errors import GraphError
from plangraph.graph.linking import relink
from plangraph.graph.loader import LoadResult, load_document
from plangraph.graph.store import open_store
from plangraph.ingest.errors import IngestError
from plangraph.ingest.pipeline import extract_file

console = Console()
err_console = Console(stderr=True, soft_wrap=True)


def _unknown_units(extraction: dict) -> list[str]:
    """Units the agency vocabulary does not know (no function key)."""
    return sorted({a.get("name") or a["agency_id"] for a in extraction.get("agencies") or []
                   if not a.get("function") or a.get("kind") == "unknown"})


def ingest_paths(paths: list[Path]) -> int:
    """Extract and load every document under ``paths``, relink, print a summary; the number of failures."""
    settings = load_settings()
    files = expand_paths(paths)
    loaded: list[tuple[Path, LoadResult, dict]] = []
    failed: list[tuple[Path, str]] = []
    with exit_on_error():
        store = open_store(settings)
    try:
        with Progress(console=err_console, transient=True) as progress:
            bar = progress.add_task("ingesting", total=len(files))
            for f in files:
                progress.update(bar, description=f"ingesting {f.name}")
                try:
                    extraction = extract_file(f, max_mb=settings.max_file_mb)
                    loaded.append((f, load_document(store, extraction), extraction))
                except IngestError as exc:
                    failed.append((f, exc.reason))
                except (GraphError, KeyError, TypeError, ValueError) as exc:
                    failed.append((f, f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"))
                progress.advance(bar)
        with exit_on_error():
            links = relink(store)
    finally:
        store.close()
    table = Table(title="plangraph ingest")
    for col in ("file", "status", "tasks", "agencies", "targets", "no resp.", "warnings"):
        table.add_column(col)
    for f, result, extraction in loaded:
        unknown = _unknown_units(extraction)
        warnings = list(result.warnings) + ([f"units outside the vocabulary: {'、'.join(unknown)}"]
                                            if unknown else [])
        table.add_row(f.name, result.status, str(result.tasks), str(result.agencies), str(result.targets),
                      str(result.tasks_without_responsible), "; ".join(warnings)[:120])
    console.print(table)
    console.print(
        f"documents {len(loaded)} · tasks {sum(r.tasks for _, r, _ in loaded)} · "
        f"agencies {len({a for _, _, e in loaded for a in (x.get('agency_id') for x in e.get('agencies') or [])})}"
        f" · targets {sum(r.targets for _, r, _ in loaded)} · "
        f"tasks without responsible units {sum(r.tasks_without_responsible for _, r, _ in loaded)} · "
        f"task links {links}"
    )
    for f, reason in failed:
        err_console.print(f"[red]✗ {f}[/red]: {reason}", highlight=False)
    return len(failed)


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(
        paths: list[Path] = typer.Argument(..., help="Documents (.txt .md .html .docx .pdf) or folders"),
    ) -> None:
        """Extract documents and load them into the graph (idempotent); then relink tasks between plans.
        抽取规划文件并写入知识图谱(可重复执行),然后重新计算上下级任务对应关系。"""
        if ingest_paths(paths):
            raise typer.Exit(code=1)
