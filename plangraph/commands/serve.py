"""``plangraph serve``: the HTTP API (uvicorn running the ``plangraph.api.app:create_app`` factory).

The embedded FalkorDB server is started first if it is not running (and left running afterwards);
with Neo4j the connection is checked before uvicorn starts.
"""

from __future__ import annotations

import typer

from plangraph.cli_common import console, exit_on_error, load_settings


def serve(
    host: str | None = typer.Option(None, help="Bind address (default PLANGRAPH_HOST, 127.0.0.1)"),
    port: int | None = typer.Option(None, help="Port (default PLANGRAPH_PORT, 8000)"),
) -> None:
    """Serve the API on http://HOST:PORT (GET /health, /stats, the query catalogue, the web page)."""
    import uvicorn

    from plangraph.graph import falkor_server

    settings = load_settings()
    with exit_on_error():
        if settings.uses_neo4j:
            from plangraph.graph.store import open_store

            open_store(settings.store_config(), read_only=True).close()
        else:
            info = falkor_server.start(settings.data_dir)
            console.print(f"FalkorDB {'running' if info.reused else 'started'}: pid {info.pid}")
    host = settings.host if host is None else host
    port = settings.port if port is None else port
    console.print(f"serving on [bold]http://{host}:{port}[/]")
    uvicorn.run("plangraph.api.app:create_app", factory=True, host=host, port=port)
