"""Every Cypher text plangraph sends to Neo4j is accepted by Neo4j's own parser (npm linter)."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from cypher_lint import lint
from plangraph.graph import dialect

REPO = Path(__file__).resolve().parents[1]
_HEADER = re.compile(r"\A(?:[ \t]*(?://|--)[^\n]*\n|[ \t]*\n)*")


def _strip_header(text: str) -> str:
    """Drop the leading comment lines of a catalogue file (`//` or `--`)."""
    return _HEADER.sub("", text)


def _assert_clean(queries: dict[str, str]) -> None:
    errors = {name: errs for name, errs in lint(queries).items() if errs}
    assert errors == {}, "\n".join(f"{n}: {e}" for n, errs in errors.items() for e in errs)


def test_linter_reports_errors():
    result = lint(
        {
            "syntax": "MATCH (n:Task RETURN n.task_id AS id",
            "falkor_fulltext": "CALL db.idx.fulltext.queryNodes('Task', $q) YIELD node RETURN node.task_id AS id",
            "unknown_function": "RETURN apoc.text.join(['a'], '-') AS s",
            "good": "MATCH (a:Agency)-[r:RESPONSIBLE_FOR {role: 'lead'}]->(t:Task) "
            "RETURN a.agency_id AS id, size([(a)-->() | 1]) AS n ORDER BY n DESC, id LIMIT $limit",
        }
    )
    assert any("Invalid input" in e for e in result["syntax"])
    assert any("db.idx.fulltext.queryNodes" in e for e in result["falkor_fulltext"])
    assert any("apoc.text.join" in e for e in result["unknown_function"])
    assert result["good"] == []


def test_header_comments_are_stripped():
    assert (
        _strip_header("// name: x\n-- read\n\nMATCH (n) RETURN n\n// tail\n")
        == "MATCH (n) RETURN n\n// tail\n"
    )


def test_dialect_neo4j_statements_lint_clean():
    statements = dialect.neo4j_statements()
    assert any("FULLTEXT INDEX" in s for s in statements.values())
    _assert_clean(statements)


def test_query_catalogue_lints_clean():
    files = sorted((REPO / "queries").glob("*.cypher"))
    assert files, "queries/ holds .cypher files"
    _assert_clean({f.name: _strip_header(f.read_text(encoding="utf-8")) for f in files})


def test_internal_statements_lint_clean():
    files = sorted((REPO / "queries" / "internal").glob("*.cypher"))
    assert files, "queries/internal holds .cypher files"
    _assert_clean({f"internal/{f.name}": _strip_header(f.read_text(encoding="utf-8")) for f in files})


def test_loader_statements_lint_clean():
    loader = importlib.import_module("plangraph.graph.loader")
    statements = loader.STATEMENTS
    assert statements
    _assert_clean({f"loader.{name}": text for name, text in statements.items()})


def test_resolver_statements_lint_clean():
    from plangraph.graph.catalogue import RESOLVER_STATEMENTS

    _assert_clean({f"resolver.{name}": text for name, text in RESOLVER_STATEMENTS.items()})
