"""``plangraph query NAME --param k=v [--format table|json|csv]`` and ``plangraph query --list``."""

from __future__ import annotations

import json
from typing import Any

import typer

from plangraph.cli_common import console, exit_on_error, load_settings

FORMATS = ("table", "json", "csv")


def _parse_params(pairs: list[str]) -> dict[str, str]:
    from plangraph.graph.catalogue import ParameterError

    params: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ParameterError(f"--param expects key=value, got {pair!r}")
        params[key.strip()] = value
    return params


def query(
    name: str | None = typer.Argument(None, help="Catalogue query name (see --list)"),
    param: list[str] = typer.Option([], "--param", "-p", help="Parameter as key=value (repeatable)"),
    fmt: str = typer.Option("table", "--format", "-f", help="Output: table, json or csv"),
    list_: bool = typer.Option(False, "--list", help="List the catalogue queries and their parameters"),
    timeout_ms: int | None = typer.Option(
        None, help="Query timeout in ms (default PLANGRAPH_QUERY_TIMEOUT_MS)"
    ),
) -> None:
    """Run a named catalogue query read-only (命名查询) and print its rows."""
    from plangraph.graph.catalogue import ParameterError, catalogue_rows, load_catalogue, run_query

    settings = load_settings()
    with exit_on_error():
        if fmt not in FORMATS:
            raise ParameterError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        catalogue = load_catalogue(settings.queries_dir)
        if list_ or not name:
            _print_catalogue(catalogue_rows(catalogue.values()), fmt)
            return
        params = _parse_params(param)
        from plangraph.graph.store import open_store

        store = open_store(settings.store_config(), read_only=True)
        try:
            rows = run_query(store, name, params, timeout_ms=timeout_ms, directory=settings.queries_dir)
        finally:
            store.close()
    _print_rows(rows, fmt)


def _print_catalogue(entries: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps(entries, ensure_ascii=False, indent=2))
        return
    flat = [
        {
            "name": e["name"],
            "zh": e["zh"],
            "en": e["en"],
            "params": ", ".join(p["name"] + ("*" if p["required"] else "") for p in e["params"]),
        }
        for e in entries
    ]
    _print_rows(flat, fmt)


def _print_rows(rows: list[dict[str, Any]], fmt: str) -> None:
    from plangraph.graph.catalogue import cell, rows_to_csv

    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        typer.echo(rows_to_csv(rows), nl=False)
    else:
        from rich.table import Table

        table = Table(show_lines=False)
        columns: list[str] = []
        for row in rows:
            columns.extend(k for k in row if k not in columns)
        for c in columns:
            table.add_column(c, overflow="fold")
        for row in rows:
            table.add_row(*(cell(row.get(c)) for c in columns))
        console.print(table)
        console.print(f"{len(rows)} row(s)")
