"""Check the import-linter contracts of pyproject.toml (``[tool.importlinter]``) on the installed layout.

graph/, ingest/ and api/ are installed as plangraph.graph, plangraph.ingest and plangraph.api (package-dir
mapping), a layout import-linter cannot see in the source tree; this script copies the Python files into that
layout in a temporary folder and runs ``lint-imports`` there. Exit code: that of ``lint-imports``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MAPPING = {"plangraph": "plangraph", "plangraph/graph": "graph", "plangraph/ingest": "ingest",
           "plangraph/api": "api"}


def build_tree(root: Path) -> None:
    for target, source in MAPPING.items():
        for path in (REPO / source).rglob("*.py"):
            dest = root / target / path.relative_to(REPO / source)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)


def run_linter(root: Path, **kwargs) -> subprocess.CompletedProcess:
    """``lint-imports`` with the repository's contracts over the tree at ``root``."""
    lint = Path(sys.executable).with_name("lint-imports")
    cmd = [str(lint) if lint.exists() else "lint-imports", str(REPO / "pyproject.toml"), "--no-cache"]
    return subprocess.run(cmd, env=dict(os.environ, PYTHONPATH=str(root)), cwd=root, **kwargs)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="plangraph-layers-") as tmp:
        build_tree(Path(tmp))
        return run_linter(Path(tmp)).returncode


if __name__ == "__main__":
    sys.exit(main())
