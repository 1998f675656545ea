"""A newcomer's second ``make run``: seconds from the command to the first 200 on ``/health``, and what is left
running after Ctrl-C (python bench/first_run.py [--command "make run"]).

The first run (install, extraction of the seeds) happens once beforehand in the same fresh data directory;
the second run must skip the seeds already in the store and answer within the goal. The result is printed as
the ratio to the goal (below 1.0 is good); nothing here is asserted by the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

GOAL_S = 15.0
REPO = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_pids(data_dir: Path) -> list[int]:
    """Live redis-server processes serving ``data_dir`` (read from /proc)."""
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmd = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if cmd and cmd[0].endswith(b"redis-server") and str(data_dir).encode() in b" ".join(cmd):
            pids.append(int(proc.name))
    return pids


def run_once(command: list[str], env: dict[str, str], port: int, timeout_s: float = 900.0) -> dict:
    """Start ``command``, time it to the first /health 200, then Ctrl-C it; what was still running after."""
    start = time.monotonic()
    proc = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}/health"
    ready = None
    while time.monotonic() - start < timeout_s and proc.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=1) as resp:
                if resp.status == 200:
                    ready = time.monotonic() - start
                    break
        except OSError:
            time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends to the foreground group
    try:
        out, _ = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
    left = _server_pids(Path(env["PLANGRAPH_DATA_DIR"]))
    tail = out.decode("utf-8", "replace").strip().splitlines()[-3:]
    return {"seconds_to_health": None if ready is None else round(ready, 2), "left_running": left,
            "exit_code": proc.returncode, "last_lines": tail}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--command", default="make run", help="what a newcomer types (default: make run)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plangraph-first-run-") as tmp:
        port = _free_port()
        env = {**os.environ, "PLANGRAPH_DATA_DIR": str(Path(tmp) / "graph"), "PLANGRAPH_PORT": str(port)}
        command = shlex.split(args.command)
        first = run_once(command, env, port)
        second = run_once(command, env, port)
        for pid in second["left_running"] + first["left_running"]:  # a bench never leaves servers behind
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
    seconds = second["seconds_to_health"]
    report = {"goal_s": GOAL_S, "first": first, "second": second,
              "ratio_to_goal": None if seconds is None else round(seconds / GOAL_S, 3)}
    print(json.dumps(report, ensure_ascii=False, indent=1))
    sys.exit(0 if seconds is not None else 1)


if __name__ == "__main__":
    main()
