"""``plangraph export --format json|jsonl|graphml|csv [--doc ID] --out PATH|-``: the graph or one document.

``--out -`` writes to standard output (CSV as a zip of nodes.csv and edges.csv, so only into a pipe or file).
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from plangraph.cli_common import err_console, exit_on_error, load_settings


def export(
    fmt: str = typer.Option("json", "--format", "-f", help="Export format: json, jsonl, graphml, csv … (graph.export.FORMATS)"),
    out: str = typer.Option(..., "--out", "-o", help="Output file (CSV: a folder, or a .zip file); - for stdout"),
    doc: str | None = typer.Option(None, "--doc", help="Export only this document's subgraph (doc_id)"),
) -> None:
    """Export the graph deterministically. 导出图谱(全部或单个文件)。"""
    from plangraph.graph.export import FORMATS, export_graph
    from plangraph.graph.store import open_store

    if fmt not in FORMATS:
        err_console.print(f"[bold red]error:[/] unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
        raise typer.Exit(code=2)
    to_stdout = out == "-"
    if to_stdout and fmt == "csv" and sys.stdout.isatty():
        err_console.print("[bold red]error:[/] CSV to standard output is a zip file: redirect it "
                          "(`> graph.zip`) or give --out a folder")
        raise typer.Exit(code=2)
    settings = load_settings()
    with exit_on_error():
        store = open_store(settings.store_config(), read_only=True)
        try:
            counts = export_graph(store, fmt, sys.stdout.buffer if to_stdout else Path(out), doc)
        except ValueError as exc:
            err_console.print(f"[bold red]error:[/] {exc}", highlight=False)
            raise typer.Exit(code=1) from None
        finally:
            store.close()
    if to_stdout:
        sys.stdout.buffer.flush()
    where = "standard output" if to_stdout else out
    err_console.print(f"wrote {counts['nodes']} nodes and {counts['edges']} edges to {where}")
