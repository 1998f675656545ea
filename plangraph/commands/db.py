"""``plangraph db start|stop|status``: the embedded FalkorDB server (or a check of the Neo4j server).

The embedded server outlives the command: ``db start`` leaves it running for later commands, ``db stop``
stops it (``SHUTDOWN SAVE``). With ``PLANGRAPH_GRAPH_URI`` set to a Neo4j URI, ``start``/``status`` check
the connection and ``stop`` does nothing (plangraph does not own that server).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from plangraph.cli_common import console, exit_on_error, load_settings

if TYPE_CHECKING:
    from plangraph.settings import Settings

db_app = typer.Typer(help="Start, stop and inspect the graph database server.", no_args_is_help=True)


def _check_neo4j(settings: Settings) -> None:
    from plangraph.graph.catalogue import internal_statements
    from plangraph.graph.store import open_store

    store = open_store(settings.store_config(), read_only=True)
    try:
        counts = store.read(internal_statements()["count_nodes"])
    finally:
        store.close()
    console.print(f"Neo4j reachable at [bold]{settings.graph_uri}[/] ({counts[0]['nodes']} nodes)")


@db_app.command("start")
def start() -> None:
    """Start the embedded FalkorDB server for PLANGRAPH_DATA_DIR (reuses a running one)."""
    from plangraph.graph import falkor_server

    settings = load_settings()
    with exit_on_error():
        if settings.uses_neo4j:
            _check_neo4j(settings)
            return
        with console.status("starting FalkorDB…"):
            info = falkor_server.start(settings.data_dir)
    verb = "already running" if info.reused else "started"
    console.print(f"FalkorDB {verb}: pid [bold]{info.pid}[/], socket {info.socket}")


@db_app.command("stop")
def stop() -> None:
    """Stop the embedded FalkorDB server (SHUTDOWN SAVE)."""
    from plangraph.graph import falkor_server

    settings = load_settings()
    if settings.uses_neo4j:
        console.print(
            "PLANGRAPH_GRAPH_URI points to Neo4j: plangraph does not own that server, nothing to stop"
        )
        return
    with exit_on_error(), console.status("stopping FalkorDB…"):
        stopped = falkor_server.stop(settings.data_dir)
    console.print("FalkorDB stopped" if stopped else "FalkorDB was not running")


@db_app.command("status")
def status() -> None:
    """Show whether the server runs, its pid, socket, graphs and memory."""
    from rich.table import Table

    from plangraph.graph import falkor_server

    settings = load_settings()
    with exit_on_error():
        if settings.uses_neo4j:
            _check_neo4j(settings)
            return
        st = falkor_server.status(settings.data_dir)
    table = Table(show_header=False, box=None)
    table.add_row("backend", "FalkorDB (embedded)")
    table.add_row(
        "running", "[green]yes[/]" + (" (loading)" if st.loading else "") if st.running else "[red]no[/]"
    )
    table.add_row("data dir", str(st.data_dir))
    table.add_row("socket", str(st.socket))
    if st.running:
        table.add_row("pid", str(st.pid))
        table.add_row("graphs", ", ".join(st.graphs) or "—")
        table.add_row("memory", st.used_memory or "—")
    console.print(table)
