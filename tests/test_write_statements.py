"""The statements sent besides catalogue queries live in queries/ too: the writer's in queries/write (marked write,
used by the loader and linking), the other reads in queries/internal (marked read, each used by a module); neither
is part of the read catalogue (so never served over HTTP)."""

from __future__ import annotations

from pathlib import Path

from plangraph.graph import linking, loader
from plangraph.graph.catalogue import internal_statements, load_catalogue, parse_query_file, write_statements

WRITE = Path(__file__).resolve().parents[1] / "queries" / "write"
INTERNAL = WRITE.parent / "internal"


def test_every_write_file_is_marked_write_and_sent_by_the_writer() -> None:
    files = sorted(WRITE.glob("*.cypher"))
    assert files
    sent = set(loader.STATEMENTS.values()) | set(linking.STATEMENTS.values())
    for path in files:
        spec = parse_query_file(path)
        assert spec.mode == "write" and spec.zh and spec.en, path.name
        assert write_statements()[spec.name] in sent, f"{path.name} is not used"


def test_write_statements_are_not_catalogue_queries() -> None:
    catalogue = load_catalogue(WRITE.parent)
    assert not set(catalogue) & set(write_statements())
    assert all(spec.mode == "read" for spec in catalogue.values())


def test_every_internal_file_is_marked_read_and_sent_by_a_module() -> None:
    root = WRITE.parents[1]
    code = "\n".join(p.read_text(encoding="utf-8") for folder in ("graph", "api", "plangraph")
                     for p in (root / folder).rglob("*.py"))
    files = sorted(INTERNAL.glob("*.cypher"))
    assert files
    for path in files:
        spec = parse_query_file(path)
        assert spec.mode == "read" and spec.zh and spec.en, path.name
        assert f'"{spec.name}"' in code, f"{path.name} is not used"
    assert not set(internal_statements()) & (set(write_statements()) | set(load_catalogue(WRITE.parent)))


def test_no_module_sends_cypher_written_in_python() -> None:
    """Every statement is a file of queries/ (the engine-specific DDL and full-text calls of graph.dialect and the
    bench's timing floors aside): no MATCH/MERGE/CREATE clause in a string of the package's modules."""
    import re

    root = WRITE.parents[1]
    clause = re.compile(r"[\"'](?:UNWIND \$|OPTIONAL MATCH \(|MATCH \(|MERGE \()")
    allowed = {"graph/dialect.py"}
    found = [f"{p.relative_to(root)}:{i}" for folder in ("graph", "ingest", "api", "plangraph")
             for p in sorted((root / folder).rglob("*.py")) if p.relative_to(root).as_posix() not in allowed
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if clause.search(line) and "examples=" not in line]
    assert found == []


def test_the_export_projection_names_every_business_key() -> None:
    from plangraph.graph.dialect import BUSINESS_KEYS

    edges = internal_statements()["export_edges"]
    projection = ", ".join(f".{key}" for key in sorted(set(BUSINESS_KEYS.values())))
    assert edges.count("{" + projection + "}") == 2
