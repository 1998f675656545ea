"""The CLI lists its commands explicitly and defers heavy imports to the command bodies (timing: bench/)."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from plangraph.cli import app

HEAVY = ("sklearn", "fastapi", "uvicorn", "falkordb", "neo4j", "jieba", "opencc", "pdfminer", "pdfplumber", "docx",
         "plangraph.graph.loader", "plangraph.ingest.pipeline", "plangraph.service")


def test_every_command_is_listed() -> None:
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for command in ("db", "demo", "export", "extract", "ingest", "query", "serve", "stats"):
        assert command in result.output


def test_help_imports_nothing_heavy() -> None:
    code = ("import sys, plangraph.cli as c; c.app(['--help'], standalone_mode=False); "
            f"print('HEAVY:' + ' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    [line] = [ln for ln in proc.stdout.splitlines() if ln.startswith("HEAVY:")]
    assert "Usage" in proc.stdout
    assert line == "HEAVY:", line
