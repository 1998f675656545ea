"""``plangraph extract FILE... --out DIR``: one extraction JSON per file (the contract of ``ingest.model``).

Each input gets its own output, never another's: ``plan.json`` for ``plan.txt``; inputs sharing a stem get
their format in the name (``plan.docx.json``, ``plan.pdf.json``), and same-named files from different folders
a number (``附件1.pdf.json``, ``附件1.pdf.2.json``).
"""

from __future__ import annotations

from pathlib import Path

import typer

from plangraph.cli_common import err_console, exit_on_error, file_progress, print_failures


def output_names(paths: list[Path]) -> dict[Path, str]:
    """A distinct JSON file name for every input (see the module docstring), stable for a given input list."""
    by_stem: dict[str, list[Path]] = {}
    for p in paths:
        by_stem.setdefault(p.stem, []).append(p)
    names: dict[Path, str] = {}
    taken: set[str] = set()
    for p in paths:
        if len(by_stem[p.stem]) == 1:
            name = f"{p.stem}.json"
        else:
            name = f"{p.stem}{p.suffix.lower()}.json"
            n = 1
            while name in taken:
                n += 1
                name = f"{p.stem}{p.suffix.lower()}.{n}.json"
        taken.add(name)
        names[p] = name
    return names


def extract(
    files: list[Path] = typer.Argument(..., help="Documents (.txt .md .html .docx .xlsx .pdf) or folders"),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for the JSON files (one per input)"),
) -> None:
    """Extract documents to JSON: metadata, sections, tasks, responsibility, targets, years, topics.
    抽取规划文件的结构、任务、责任单位、指标与主题。"""
    from rich.table import Table

    from plangraph.service import expand_paths, extract_files
    from plangraph.settings import get_settings

    with exit_on_error():
        settings = get_settings()
    out.mkdir(parents=True, exist_ok=True)
    paths = expand_paths(files)
    names = output_names(paths)
    with file_progress("extracting", len(paths)) as on_progress:

        def write(result, done: int, total: int) -> None:
            on_progress(result, done, total)
            if result.extraction is not None:
                (out / names[result.path]).write_text(result.extraction.to_json(), encoding="utf-8")

        results = extract_files(paths, write, max_mb=settings.max_file_mb, timeout_s=settings.file_timeout_s)
    table = Table(title="plangraph extract")
    for col in ("file", "output", "title", "tasks", "explicit", "inferred", "targets", "years"):
        table.add_column(col)
    for r in results:
        if r.extraction is None:
            continue
        x = r.extraction
        sources = [t.responsibility_source for t in x.tasks]
        table.add_row(r.path.name, names[r.path], (x.document.title or "")[:30], str(len(x.tasks)),
                      str(sources.count("explicit")), str(sources.count("inferred")),
                      str(len(x.targets)), ",".join(map(str, x.milestone_years)))
    err_console.print(table)
    failed = [r for r in results if not r.ok]
    print_failures(failed)
    if failed:
        raise typer.Exit(code=1)
