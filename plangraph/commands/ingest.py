"""``plangraph ingest PATH...``: extract each document and load it into the graph, then relink tasks.

A file that cannot be read or extracted, or whose load fails, is reported and skipped (the loader never
leaves a document half-written); the others go on; the exit code is 1 if any failed.
"""

from __future__ import annotations

from pathlib import Path

import typer

from plangraph.cli_common import console, exit_on_error, file_progress, load_settings, print_failures

PLAIN_ROWS = 200  # above this many files, the per-file lines are printed plain, not as a table


def ingest_paths(paths: list[Path]) -> int:
    """Extract and load every document under ``paths``, relink, print a summary; the number of failures."""
    from rich.table import Table

    from plangraph.collector import batch_settings
    from plangraph.graph.store import open_store
    from plangraph.service import expand_paths, ingest_files

    settings = load_settings()
    files = expand_paths(paths)
    with exit_on_error():
        store = open_store(settings.store_config())
    try:
        with exit_on_error(), file_progress("ingesting", len(files)) as on_progress, batch_settings():
            report = ingest_files(store, files, on_progress, max_mb=settings.max_file_mb,
                                  timeout_s=settings.file_timeout_s)
    finally:
        store.close()
    loaded = report.loaded
    columns = ("file", "status", "tasks", "agencies", "targets", "no resp.", "warnings")
    rows = [(r.path.name, r.load.status, str(r.load.tasks), str(r.load.agencies), str(r.load.targets),
             str(r.load.tasks_without_responsible), "; ".join(r.load.warnings)[:120]) for r in loaded]
    if len(rows) > PLAIN_ROWS:  # a national batch: tab-separated lines (laying out a table of 3,000 rows takes seconds)
        console.print("plangraph ingest", highlight=False)
        console.file.write("\n".join("\t".join(row) for row in [columns, *rows]) + "\n")
    else:
        table = Table(title="plangraph ingest")
        for col in columns:
            table.add_column(col)
        for row in rows:
            table.add_row(*row)
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
    paths: list[Path] = typer.Argument(..., help="Documents (.txt .md .html .docx .xlsx .pdf) or folders"),
) -> None:
    """Extract documents and load them into the graph (idempotent); then relink tasks between plans.
    抽取规划文件并写入知识图谱(可重复执行),然后重新计算上下级任务对应关系。"""
    if ingest_paths(paths):
        raise typer.Exit(code=1)
