"""``plangraph stats [--json]``: node counts per label, stubs, relationships per type, tasks without
responsible units."""

from __future__ import annotations

import json

import typer

from plangraph.cli_common import console, exit_on_error, load_settings


def stats(as_json: bool = typer.Option(False, "--json", help="Print JSON")) -> None:
    """Graph statistics. 图谱统计。"""
    from rich.table import Table

    from plangraph.graph.loader import graph_stats
    from plangraph.graph.store import open_store

    settings = load_settings()
    with exit_on_error():
        store = open_store(settings.store_config(), read_only=True)
        try:
            data = graph_stats(store)
        finally:
            store.close()
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1))
        return
    table = Table(title="plangraph stats")
    table.add_column("what")
    table.add_column("count", justify="right")
    for key, value in data.items():
        if isinstance(value, dict):
            for rel, n in value.items():
                table.add_row(f"  :{rel}", str(n))
        else:
            table.add_row(key, str(value))
    console.print(table)
