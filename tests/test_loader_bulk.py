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


def test_shared_rows_already_sent_are_not_sent_again(graph_store, tmp_path: Path, monkeypatch) -> None:
    """A later batch leaves out the shared rows (agencies, topics, years …) an earlier batch sent unchanged; the
    graph is still that of one-by-one loads, and a document written alone makes the writer forget what it sent."""
    from plangraph.graph.loader import STATEMENTS

    plans = [extract_file(p) for p in write_plans(tmp_path / "plans", 8)]
    for e in plans:
        load_document(graph_store, e)
    expected = _graph(graph_store)
    graph_store.clear()
    sent: list[list[dict]] = []   # the merge_agencies rows of each write
    write = graph_store.write_atomic

    def spy(statements):
        sent.append([r for q, p in statements if q == STATEMENTS["merge_agencies"] for r in p["rows"]])
        return write(statements)

    monkeypatch.setattr(graph_store, "write_atomic", spy)
    writer = BulkWriter(graph_store, max_docs=4)
    for i, e in enumerate(plans):
        writer.add(plan_document(e), i)
    writer.flush()
    import json

    rows = [json.dumps(r, sort_keys=True, ensure_ascii=False) for batch in sent for r in batch]
    per_batch = [{r["agency_id"] for r in batch} for batch in sent if batch]
    assert len(per_batch) >= 2
    early = {a["agency_id"] for p in plans[:4] for a in p.to_dict()["agencies"]}
    late = {a["agency_id"] for p in plans[4:] for a in p.to_dict()["agencies"]}
    assert early & late  # the two batches share agencies: without the writer's memory they are sent twice
    assert len(rows) == len(set(rows))  # no row sent twice
    monkeypatch.setattr(graph_store, "write_atomic", write)
    assert _graph(graph_store) == expected
    writer._one(plan_document(plans[0]), None)
    assert not writer._sent
