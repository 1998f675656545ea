"""``plangraph extract FILE... --out DIR``: one extraction JSON per file (the contract of ``ingest.model``)."""

from __future__ import annotations

from pathlib import Path

import typer

from plangraph.cli_common import err_console, file_progress, load_settings, print_failures


def extract(
    files: list[Path] = typer.Argument(..., help="Documents (.txt .md .html .docx .pdf) or folders"),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for the JSON files (one per input)"),
) -> None:
    """Extract documents to JSON: metadata, sections, tasks, responsibility, targets, years, topics.
    抽取规划文件的结构、任务、责任单位、指标与主题。"""
    from rich.table import Table

    from plangraph.service import expand_paths, extract_files

    max_mb = load_settings().max_file_mb
    out.mkdir(parents=True, exist_ok=True)
    paths = expand_paths(files)
    with file_progress("extracting", len(paths)) as on_progress:

        def write(result, done: int, total: int) -> None:
            on_progress(result, done, total)
            if result.extraction is not None:
                (out / f"{result.path.stem}.json").write_text(result.extraction.to_json(), encoding="utf-8")

        results = extract_files(paths, write, max_mb=max_mb)
    table = Table(title="plangraph extract")
    for col in ("file", "title", "tasks", "explicit", "inferred", "targets", "years"):
        table.add_column(col)
    for r in results:
        if r.extraction is None:
            continue
        x = r.extraction
        sources = [t.responsibility_source for t in x.tasks]
        table.add_row(r.path.name, (x.document.title or "")[:30], str(len(x.tasks)),
                      str(sources.count("explicit")), str(sources.count("inferred")),
                      str(len(x.targets)), ",".join(map(str, x.milestone_years)))
    err_console.print(table)
    failed = [r for r in results if not r.ok]
    print_failures(failed)
    if failed:
        raise typer.Exit(code=1)
