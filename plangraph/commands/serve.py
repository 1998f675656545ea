"""``plangraph serve``: the HTTP API (uvicorn running the ``plangraph.api.app:create_app`` factory).

The embedded FalkorDB server is started first if it is not running. When the API stops (Ctrl-C), a server
this command started is stopped with it; one that was already running is left running, and the command says
so and how to stop it (``plangraph db stop``). With Neo4j the connection is checked before uvicorn starts.
"""

from __future__ import annotations

import typer

from plangraph.cli_common import console, exit_on_error, load_settings


def serve(
    host: str | None = typer.Option(None, help="Bind address (default PLANGRAPH_HOST, 127.0.0.1)"),
    port: int | None = typer.Option(None, help="Port (default PLANGRAPH_PORT, 8000)"),
) -> None:
    """Serve the API on http://HOST:PORT (GET /health, /stats, /docs, the query catalogue, the web page).
    Ctrl-C stops the API and the embedded database server it started. 启动服务(Ctrl-C 停止)。"""
    serve_api(host, port)


def serve_api(host: str | None, port: int | None, was_running: bool | None = None) -> None:
    """Run uvicorn until stopped; ``was_running`` says whether the embedded server ran before the command
    (None: look now)."""
    import uvicorn

    from plangraph.graph import falkor_server

    settings = load_settings()
    with exit_on_error():
        if settings.uses_neo4j:
            from plangraph.graph.store import open_store

            open_store(settings.store_config(), read_only=True).close()
        else:
            if was_running is None:
                was_running = falkor_server.status(settings.data_dir).running
            info = falkor_server.start(settings.data_dir)
            console.print(f"FalkorDB {'running' if was_running else 'started'}: pid {info.pid}")
    host = settings.host if host is None else host
    port = settings.port if port is None else port
    console.print(f"serving on [bold]http://{host}:{port}[/] (API docs: /docs) · Ctrl-C to stop")
    try:
        uvicorn.run("plangraph.api.app:create_app", factory=True, host=host, port=port)
    finally:
        if not settings.uses_neo4j:
            _after_serving(settings.data_dir, bool(was_running))


def _after_serving(data_dir, was_running: bool) -> None:
    """Stop the embedded server this command started; say plainly what still runs otherwise."""
    from plangraph.graph import falkor_server

    state = falkor_server.status(data_dir)
    if not state.running:
        return
    if was_running:
        console.print(f"the embedded FalkorDB server (pid {state.pid}) was running before and still runs; "
                      "stop it with [bold]plangraph db stop[/]")
    else:
        falkor_server.stop(data_dir)
        console.print(f"stopped the embedded FalkorDB server (pid {state.pid}) started for this session")
