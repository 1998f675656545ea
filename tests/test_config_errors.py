"""Bad configuration ends the CLI with one red line naming the setting and a non-zero exit code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("PLANGRAPH_")} | env
    return subprocess.run(
        [sys.executable, "-m", "plangraph.cli", *args],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _assert_one_line_error(proc: subprocess.CompletedProcess, setting: str) -> None:
    assert proc.returncode != 0
    # the line naming the store every store-opening command prints first is information, not an error
    lines = [line for line in proc.stderr.strip().splitlines() if not line.startswith("store: ")]
    assert len(lines) == 1, proc.stderr
    assert "error" in lines[0] and setting in lines[0]
    assert "Traceback" not in proc.stderr + proc.stdout


def test_unwritable_data_dir(tmp_path: Path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")  # a file in the way: unwritable even for root
    proc = _run(["db", "start"], PLANGRAPH_DATA_DIR=str(blocker / "graph"))
    _assert_one_line_error(proc, "PLANGRAPH_DATA_DIR")
    assert f"store: embedded FalkorDB in {blocker / 'graph'}" in proc.stderr  # the store is named on start


@pytest.mark.parametrize("command", [["db", "status"], ["db", "start"]])
def test_unreachable_neo4j_uri(command: list[str]):
    proc = _run(command, PLANGRAPH_GRAPH_URI="bolt://127.0.0.1:1", PLANGRAPH_NEO4J_PASSWORD="x")
    _assert_one_line_error(proc, "PLANGRAPH_GRAPH_URI")


def test_unknown_uri_scheme():
    proc = _run(["db", "status"], PLANGRAPH_GRAPH_URI="http://127.0.0.1:7474")
    _assert_one_line_error(proc, "PLANGRAPH_GRAPH_URI")


def test_invalid_setting_value():
    proc = _run(["db", "status"], PLANGRAPH_PORT="eighty")
    _assert_one_line_error(proc, "PLANGRAPH_PORT")
