"""Bulk loading (``BulkWriter``): several documents per write leave exactly the graph of one-by-one loads."""

from __future__ import annotations

from pathlib import Path

from fixtures_graph import city, nanjing, national
from gen_plans import write_plans
from plangraph.graph.export import collect_graph
from plangraph.graph.loader import BulkWriter, load_document, plan_document
from plangraph.ingest.pipeline import extract_file


def _graph(store) -> dict:
    """The whole graph without the version counter (bumped once per write, so once per batch)."""
    graph = collect_graph(store)
    return {"nodes": [n for n in graph["nodes"] if n["label"] != "Meta"], "edges": graph["edges"]}


def _extractions(tmp_path: Path) -> list:
    generated = [extract_file(p) for p in write_plans(tmp_path / "plans", 6)]
    # a city plan before the national plan it implements (a stub first, then upgraded), twice the same plan
    return [city(), *generated[:3], national(), nanjing(), *generated[3:], city()]


def test_bulk_load_equals_one_by_one(graph_store, tmp_path: Path) -> None:
    extractions = _extractions(tmp_path)
    one_by_one = [load_document(graph_store, e).status for e in extractions]
    expected = _graph(graph_store)
    graph_store.clear()
    writer = BulkWriter(graph_store, max_docs=4)
    done: list = []
    for i, e in enumerate(extractions):
        done += writer.add(plan_document(e), i)
    done += writer.flush()
    statuses = dict(done)
    assert [statuses[i].status for i in range(len(extractions))] == one_by_one
    assert one_by_one[-1] == "unchanged" and "upgraded" in one_by_one
    assert _graph(graph_store) == expected


def test_a_failing_document_fails_alone(graph_store, tmp_path: Path) -> None:
    good = [extract_file(p) for p in write_plans(tmp_path / "plans", 3)]
    bad = plan_document(city())
    bad.tasks.append(dict(bad.tasks[0]))  # the same task id twice: the store refuses the document
    writer = BulkWriter(graph_store)
    done = writer.add(plan_document(good[0]), "a") + writer.add(bad, "bad") + writer.add(plan_document(good[1]), "b")
    done += writer.flush()
    outcome = dict(done)
    assert isinstance(outcome["bad"], Exception)
    assert outcome["a"].status == "created" and outcome["b"].status == "created"
    assert not graph_store.read("MATCH (t:Task {doc_id: $d}) RETURN t.task_id AS id", {"d": bad.doc_id})
    docs = {r["id"] for r in graph_store.read("MATCH (d:Document) WHERE coalesce(d.stub, false) = false "
                                              "RETURN d.doc_id AS id")}
    assert docs == {plan_document(good[0]).doc_id, plan_document(good[1]).doc_id}


def test_create_document_writes_what_replace_document_writes() -> None:
    """create_document is replace_document without the deletes: the part that writes the new version is the
    same text (a change to what a document stores goes into both)."""
    from plangraph.graph.loader import STATEMENTS

    def writes(text: str) -> str:
        return text[text.index("SET d += $doc"):text.rindex("WITH DISTINCT d")]

    assert writes(STATEMENTS["create_document"]) == writes(STATEMENTS["replace_document"])
