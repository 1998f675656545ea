"""The ``plangraph`` command line: one Typer app, command groups in :mod:`plangraph.commands`."""

from __future__ import annotations

import importlib
import pkgutil

import typer

from plangraph import commands

app = typer.Typer(
    name="plangraph",
    help="plangraph: a knowledge graph of Chinese government plans (规划任务与责任单位知识图谱).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register_commands() -> None:
    for mod in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{mod.name}")
        module.register(app)


_register_commands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
