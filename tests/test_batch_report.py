"""Batches that report: per-file time budget, FIFOs, link loops, unreadable files and folders, the summary
always printed with every failure."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from gen_plans import write_plans

from plangraph import service
from plangraph.budget import run_budgeted
from plangraph.settings import get_settings


def _slow_or_dying(x: int) -> int:
    if x == 2:
        time.sleep(60)
    if x == 3:
        os._exit(7)
    if x == 4:
        raise ValueError("bad item")
    return x * 10


def test_budget_reports_overruns_crashes_and_errors_in_order() -> None:
    outs = list(run_budgeted(_slow_or_dying, range(7), workers=2, timeout_s=2.0))
    assert [o.item for o in outs] == list(range(7))
    assert [o.value for o in outs if o.ok] == [0, 10, 50, 60]
    assert "time budget of 2 s" in outs[2].reason and "PLANGRAPH_FILE_TIMEOUT_S" in outs[2].reason
    assert "died (exit code 7)" in outs[3].reason
    assert outs[4].reason == "ValueError: bad item"


def test_a_file_over_its_time_budget_is_skipped_and_the_batch_goes_on(falkor_store, tmp_path, monkeypatch) -> None:
    plans = write_plans(tmp_path / "plans", 4)
    slow = plans[1]
    real = service.extract_one

    def extract_one(path: Path, **kw):  # inherited by the forked workers
        if path == slow:
            time.sleep(60)
        return real(path, **kw)

    monkeypatch.setattr(service, "extract_one", extract_one)
    report = service.ingest_files(falkor_store, plans, timeout_s=3.0, workers=2, relink=False)
    assert [r.ok for r in report.results] == [True, False, True, True], [r.error for r in report.results]
    assert "time budget" in report.results[1].error
    assert falkor_store.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == 3


def test_fifo_link_loop_and_broken_link_are_reported_by_name(falkor_store, tmp_path) -> None:
    folder = tmp_path / "batch"
    good = write_plans(folder, 2)
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    report = service.ingest_files(falkor_store, [folder], relink=False)
    reasons = {r.path.name: r.error for r in report.results}
    assert reasons["pipe.txt"] == "a FIFO (named pipe), not a regular file"
    assert reasons["loop.txt"] == "symbolic link loop"
    assert reasons["gone.txt"] == "broken symbolic link"
    assert all(reasons[p.name] is None for p in good)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_and_folder_are_reported(falkor_store, tmp_path) -> None:
    folder = tmp_path / "batch"
    good = write_plans(folder, 1)
    secret = folder / "secret.txt"
    secret.write_text("x", encoding="utf-8")
    secret.chmod(0)
    locked = folder / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        report = service.ingest_files(falkor_store, [folder], relink=False)
    finally:
        locked.chmod(0o700)
    reasons = {r.path.name: r.error for r in report.results}
    assert "Permission denied" in reasons["secret.txt"] and "cannot be listed" in reasons["locked"]
    assert reasons[good[0].name] is None


def test_cli_prints_the_summary_and_every_failure(falkor_settings, tmp_path) -> None:
    folder = tmp_path / "batch"
    write_plans(folder, 2)
    os.mkfifo(folder / "pipe.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 10)
    env = dict(os.environ, PLANGRAPH_DATA_DIR=str(falkor_settings.data_dir), PLANGRAPH_GRAPH_NAME="plangraph_cli_batch",
               COLUMNS="200")
    done = subprocess.run([sys.executable, "-m", "plangraph.cli", "ingest", str(folder)], env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    out = done.stdout + done.stderr
    assert done.returncode == 1
    assert "plangraph ingest" in out and "documents 2" in out
    for name, reason in (("pipe.txt", "FIFO"), ("empty.txt", "empty"), ("binary.txt", "binary")):
        line = next(x for x in out.splitlines() if name in x and "✗" in x)
        assert reason in line
    assert "Traceback" not in out


def test_cli_prints_a_large_batch_as_plain_lines(falkor_settings, tmp_path, monkeypatch, capsys) -> None:
    """Above ``PLAIN_ROWS`` files, one tab-separated line per file (same columns as the table) and the summary."""
    from plangraph.commands import ingest as ingest_command

    folder = tmp_path / "plain"
    plans = write_plans(folder, 2)
    monkeypatch.setattr(ingest_command, "PLAIN_ROWS", 1)
    monkeypatch.setenv("PLANGRAPH_DATA_DIR", str(falkor_settings.data_dir))
    monkeypatch.setenv("PLANGRAPH_GRAPH_NAME", "plangraph_cli_plain")
    monkeypatch.setenv("PLANGRAPH_GRAPH_URI", "")
    get_settings.cache_clear()  # the CLI reads the environment set above, not an earlier test's settings
    try:
        assert ingest_command.ingest_paths([folder]) == 0
    finally:
        get_settings.cache_clear()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "plangraph ingest"
    assert lines[1].split("\t") == ["file", "status", "tasks", "agencies", "targets", "no resp.", "warnings"]
    rows = [line.split("\t") for line in lines[2:4]]
    assert sorted(r[0] for r in rows) == sorted(p.name for p in plans)
    assert all(r[1] == "created" and int(r[2]) > 0 for r in rows), rows
    assert lines[4].startswith("documents 2 ")
