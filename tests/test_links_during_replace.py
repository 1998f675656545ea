"""Links between plans are never missing while a document is replaced: the replaced plan's task links are
written in the same atomic write as its new version (no relink needed, nothing to see missing meanwhile), as ``service.ingest_files`` writes them."""

from __future__ import annotations

from fixtures_graph import city, national
from plangraph.graph.linking import relink
from plangraph.graph.loader import load_document, plan_document, write_plan

LINKS = "MATCH (a:Task)-[r:IMPLEMENTS]->(b:Task) RETURN a.doc_id AS da, a.local_id AS a, b.local_id AS b ORDER BY a, b"


def test_replacing_the_lower_plan_keeps_its_links_without_a_relink(falkor_store) -> None:
    load_document(falkor_store, national())
    load_document(falkor_store, city(1))
    relink(falkor_store)
    before = falkor_store.read(LINKS)
    assert before
    changed = city(1)
    changed.document.sha256 = "f" * 64  # a new version of the file, same plan
    assert write_plan(falkor_store, plan_document(changed), link=True).status == "replaced"  # as ingest does
    assert falkor_store.read(LINKS) == before  # right after the one write, before any relink


def test_replacing_the_higher_plan_keeps_links_into_it(falkor_store) -> None:
    load_document(falkor_store, national())
    load_document(falkor_store, city(1))
    relink(falkor_store)
    before = falkor_store.read(LINKS)
    changed = national()
    changed.document.sha256 = "e" * 64
    assert write_plan(falkor_store, plan_document(changed), link=True).status == "replaced"  # as ingest does
    assert falkor_store.read(LINKS) == before
