"""``plangraph ingest PATH...``: extract each document and load it into the graph, then relink tasks.

A file that cannot be read or extracted, or whose load fails, is reported and skipped (the loader never
leaves a document half-written); the others go on; the exit code is 1 if any failed.
"""

from __future__ import annotations

from pathlib import Path

import typer

from plangraph.cli_common import console, exit_on_error, file_progress, load_settings, print_failures


def ingest_paths(paths: list[Path]) -> int:
    """Extract and load every document under ``paths``, relink, print a summary; the number of failures."""
    from rich.table import Table

    from plangraph.graph.store import open_store
    from plangraph.service import expand_paths, ingest_files

    settings = load_settings()
    files = expand_paths(paths)
    with exit_on_error():
        store = open_store(settings.store_config())
    try:
        with exit_on_error(), file_progress("ingesting", len(files)) as on_progress:
            report = ingest_files(store, files, on_progress, max_mb=settings.max_file_mb,
                                  timeout_s=settings.file_timeout_s)
    finally:
        store.close()
    loaded = report.loaded
    table = Table(title="plangraph ingest")
    for col in ("file", "status", "tasks", "agencies", "targets", "no resp.", "warnings"):
        table.add_column(col)
    for r in loaded:
        load = r.load
        table.add_row(r.path.name, load.status, str(load.tasks), str(load.agencies), str(load.targets),
                      str(load.tasks_without_responsible), "; ".join(load.warnings)[:120])
    console.print(table)
    agencies = {a for r in loaded for a in r.load.agency_ids}
    console.print(
        f"documents {len(loaded)} · tasks {sum(r.load.tasks for r in loaded)} · agencies {len(agencies)}"
        f" · targets {sum(r.load.targets for r in loaded)} · "
        f"tasks without responsible units {sum(r.load.tasks_without_responsible for r in loaded)} · "
        f"task links {report.links}"
    )
    print_failures(report.failed)
    for problem in report.batch_errors:
        console.print(f"[red]✗ batch[/red]: {problem}", highlight=False)
    return len(report.failed) + len(report.batch_errors)


def ingest(
    paths: list[Path] = typer.Argument(..., help="Documents (.txt .md .html .docx .pdf) or folders"),
) -> None:
    """Extract documents and load them into the graph (idempotent); then relink tasks between plans.
    抽取规划文件并写入知识图谱(可重复执行),然后重新计算上下级任务对应关系。"""
    if ingest_paths(paths):
        raise typer.Exit(code=1)
