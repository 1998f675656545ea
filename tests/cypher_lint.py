"""Check Cypher texts with Neo4j's own parser and semantic checker (npm ``@neo4j-cypher/language-support``).

Runs ``tools/cypher-lint/lint.mjs`` with Node (install it with ``npm ci --prefix tools/cypher-lint``).
Errors only: warnings are ignored, except unknown functions/procedures, which count as errors (they are
what a FalkorDB-only call such as ``db.idx.fulltext.queryNodes`` looks like to Neo4j).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
LINT_DIR = REPO_ROOT / "tools" / "cypher-lint"
_UNKNOWN = ("is not present in the database", "Unknown function", "Unknown procedure")


class LinterUnavailable(RuntimeError):
    """Node or the npm package is missing."""


def lint(queries: dict[str, str]) -> dict[str, list[str]]:
    """``{name: [error, …]}`` for every query (an empty list when Neo4j accepts it)."""
    node = shutil.which("node")
    if node is None:
        raise LinterUnavailable("node is not installed (Node.js 20+ is needed for the Cypher linter)")
    if not (LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        raise LinterUnavailable(f"run `npm ci --prefix {LINT_DIR.relative_to(REPO_ROOT)}` first")
    payload = json.dumps([{"name": n, "query": q} for n, q in queries.items()], ensure_ascii=False)
    proc = subprocess.run(
        [node, str(LINT_DIR / "lint.mjs")], input=payload, capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise LinterUnavailable(f"lint.mjs failed: {proc.stderr.strip()[-2000:]}")
    errors: dict[str, list[str]] = {name: [] for name in queries}
    for item in json.loads(proc.stdout):
        for d in item["diagnostics"]:
            if d["severity"] == "error" or any(u in d["message"] for u in _UNKNOWN):
                errors[item["name"]].append(f"{d['line']}:{d['column']} {d['message']}")
    return errors
