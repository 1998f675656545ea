"""The ``plangraph`` command line: one Typer app and its commands, listed explicitly below.

Command modules import only Typer, Rich and :mod:`plangraph.cli_common` at start-up; the store, the extractor
and the API are imported inside the command bodies, so ``plangraph --help`` stays fast
(``python bench/cli_startup.py`` measures it).
"""

from __future__ import annotations

import typer

from plangraph.commands import db, demo, export, extract, ingest, query, serve, stats

app = typer.Typer(
    name="plangraph",
    help="plangraph: a knowledge graph of Chinese government plans (规划任务与责任单位知识图谱).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.add_typer(db.db_app, name="db")
app.command("demo")(demo.demo)
app.command("export")(export.export)
app.command("extract")(extract.extract)
app.command("ingest")(ingest.ingest)
app.command("query")(query.query)
app.command("serve")(serve.serve)
app.command("stats")(stats.stats)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
