"""Start-up time of the CLI: ``plangraph --help`` against a bare ``python -c pass`` (python bench/cli_startup.py [runs]).

Goal: ``--help`` well under a second, i.e. a small multiple of the interpreter's own start-up (the ratio is
what to compare across machines). Also lists the slowest imports of ``plangraph.cli`` (``-X importtime``) so a
heavy import that creeps back into start-up is easy to find.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time

GOAL_SECONDS = 1.0


def _time(args: list[str], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of a command; CPU time is what a busy machine
    does not inflate."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        walls.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def _slowest_imports(n: int = 8) -> list[tuple[int, str]]:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", "import plangraph.cli"],
                          capture_output=True, text=True, check=True)
    rows = []
    for line in proc.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    return sorted(rows, reverse=True)[:n]


def main(runs: int = 5) -> None:
    bare, bare_cpu = _time([sys.executable, "-c", "pass"], runs)
    help_, help_cpu = _time([sys.executable, "-m", "plangraph.cli", "--help"], runs)
    print(f"python -c pass     wall {bare * 1000:6.0f} ms   cpu {bare_cpu * 1000:6.0f} ms   (median of {runs})")
    print(f"plangraph --help   wall {help_ * 1000:6.0f} ms   cpu {help_cpu * 1000:6.0f} ms"
          f"   = {help_cpu / max(bare_cpu, 1e-3):.1f}x the bare interpreter's cpu"
          f"  [{'ok' if min(help_, help_cpu) < GOAL_SECONDS else 'SLOWER THAN'} goal {GOAL_SECONDS:.0f} s]")
    print("slowest imports of plangraph.cli (cumulative µs):")
    for us, name in _slowest_imports():
        print(f"  {us:>9,}  {name}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
