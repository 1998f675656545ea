"""The writer's statements live in queries/write/*.cypher: marked write, used by the loader and linking, and
never part of the read catalogue (so never served over HTTP)."""

from __future__ import annotations

from pathlib import Path

from plangraph.graph import linking, loader
from plangraph.graph.catalogue import load_catalogue, parse_query_file, write_statements

WRITE = Path(__file__).resolve().parents[1] / "queries" / "write"


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
