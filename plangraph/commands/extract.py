"""``plangraph extract FILE... --out DIR``: one extraction JSON per file (the contract of spec/extraction.md)."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from plangraph.ingest.errors import IngestError
from plangraph.ingest.pipeline import extract_file
from plangraph.settings import get_settings

console = Console(stderr=True)


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given, folders expanded to the supported documents they hold (sorted)."""
    from plangraph.ingest.readers import SUPPORTED

    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED))
        else:
            out.append(p)
    return out


def extract_many(files: list[Path], on_done=None) -> tuple[list[tuple[Path, dict]], list[tuple[Path, str]]]:
    """Extract every file with a progress bar; failures are collected, never stop the batch."""
    done: list[tuple[Path, dict]] = []
    failed: list[tuple[Path, str]] = []
    max_mb = get_settings().max_file_mb
    with Progress(console=console, transient=True) as progress:
        bar = progress.add_task("extracting", total=len(files))
        for f in files:
            progress.update(bar, description=f"extracting {f.name}")
            try:
                result = extract_file(f, max_mb=max_mb)
            except IngestError as exc:
                failed.append((f, exc.reason))
            else:
                done.append((f, result))
                if on_done:
                    on_done(f, result)
            progress.advance(bar)
    return done, failed


def print_failures(failed: list[tuple[Path, str]]) -> None:
    for f, reason in failed:
        console.print(f"[red]✗ {f}[/red]: {reason}")


def register(app: typer.Typer) -> None:
    @app.command()
    def extract(
        files: list[Path] = typer.Argument(..., help="Documents (.txt .md .html .docx .pdf) or folders"),
        out: Path = typer.Option(..., "--out", "-o", help="Folder for the JSON files (one per input)"),
    ) -> None:
        """Extract documents to JSON: metadata, sections, tasks, responsibility, targets, years, topics.
        抽取规划文件的结构、任务、责任单位、指标与主题。"""
        out.mkdir(parents=True, exist_ok=True)

        def write(f: Path, result: dict) -> None:
            (out / f"{f.stem}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")

        done, failed = extract_many(expand_paths(files), on_done=write)
        table = Table(title="plangraph extract")
        for col in ("file", "title", "tasks", "explicit", "inferred", "targets", "years"):
            table.add_column(col)
        for f, r in done:
            sources = [t["responsibility_source"] for t in r["tasks"]]
            table.add_row(f.name, (r["document"]["title"] or "")[:30], str(len(r["tasks"])),
                          str(sources.count("explicit")), str(sources.count("inferred")),
                          str(len(r["targets"])), ",".join(map(str, r["milestone_years"])))
        console.print(table)
        print_failures(failed)
        if failed:
            raise typer.Exit(code=1)
