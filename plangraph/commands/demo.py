"""``plangraph demo``: load the bundled seed plans into the store (unchanged ones are skipped), then serve."""

from __future__ import annotations

import typer

from plangraph.cli_common import console
from plangraph.commands.ingest import ingest_paths
from plangraph.commands.serve import serve_api


def demo(
    host: str | None = typer.Option(None, help="Bind address (default PLANGRAPH_HOST, 127.0.0.1)"),
    port: int | None = typer.Option(None, help="Port (default PLANGRAPH_PORT, 8000)"),
) -> None:
    """Ingest the bundled seeds if they are not in the store yet, then serve the API and the page.
    载入内置示例规划并启动服务。"""
    from plangraph.cli_common import load_settings

    settings = load_settings()
    seeds = settings.seeds_dir
    was_running = None
    if not settings.uses_neo4j:  # before ingesting starts it: so Ctrl-C stops only what this command started
        from plangraph.graph import falkor_server

        was_running = falkor_server.status(settings.data_dir).running
    if not seeds.is_dir():
        console.print(f"[red]PLANGRAPH_SEEDS_DIR: {seeds} is not a folder[/red]")
        raise typer.Exit(code=2)
    if ingest_paths(sorted(seeds.glob("*.txt"))):
        console.print("[yellow]some seed files could not be ingested; serving what loaded[/yellow]")
    serve_api(host, port, was_running)
