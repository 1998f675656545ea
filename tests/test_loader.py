"""The loader: idempotent reloads, document replace, shared nodes, stubs, provenance, jurisdictions."""

from __future__ import annotations

from pathlib import Path

from fixtures_graph import NATIONAL_NUMBER, city, doc_id_of, nanjing, national
from plangraph.graph.export import export_graph
from plangraph.graph.loader import graph_stats, load_document, remove_document, stub_doc_id

CITY = city().document.doc_id
NATIONAL = national().document.doc_id


def _titles(store, doc_id: str) -> list[str]:
    rows = store.read("MATCH (t:Task {doc_id: $d}) RETURN t.title AS title ORDER BY title", {"d": doc_id})
    return [r["title"] for r in rows]


def test_reload_is_idempotent(graph_store, tmp_path: Path) -> None:
    assert load_document(graph_store, city()).status == "created"
    stats = graph_stats(graph_store)
    export_graph(graph_store, "json", tmp_path / "a.json")
    again = load_document(graph_store, city())
    assert again.status == "unchanged"
    assert graph_stats(graph_store) == stats
    export_graph(graph_store, "json", tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert stats["tasks"] == 3 and stats["sections"] == 3 and stats["targets"] == 1
    assert stats["documents"] == 1 and stats["stubs"] == 1
    assert stats["tasks_without_responsible"] == 1


def test_changed_extraction_of_same_file_is_reloaded(graph_store) -> None:
    load_document(graph_store, city())
    changed = city()
    changed.tasks[0].title = "开展碳计量审查工作"
    assert load_document(graph_store, changed).status == "replaced"
    assert "开展碳计量审查工作" in _titles(graph_store, CITY)


def test_changed_document_replaces_its_subgraph(graph_store) -> None:
    load_document(graph_store, city(1))
    load_document(graph_store, nanjing())
    result = load_document(graph_store, city(2))
    assert result.status == "replaced"
    assert _titles(graph_store, CITY) == sorted(["开展碳计量审查", "建设计量数据中心"])
    assert graph_stats(graph_store)["tasks"] == 2 + 3
    rows = graph_store.read("MATCH (s:Section {doc_id: $d}) RETURN count(s) AS n", {"d": CITY})
    assert rows[0]["n"] == 3
    target = graph_store.read("MATCH (g:Target {doc_id: $d}) RETURN g.value AS v, g.quote AS q", {"d": CITY})
    assert target == [{"v": 20, "q": "审查企业达到20家以上"}]
    resp = graph_store.read(
        "MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t:Task {doc_id: $d}) RETURN count(r) AS n", {"d": CITY})
    assert resp[0]["n"] == 5  # T01: lead + 2 co, T02: lead + 1 co; the dropped T03 had none
    # the other document is untouched
    assert len(_titles(graph_store, nanjing().document.doc_id)) == 3


def test_shared_agency_nodes_survive_a_replace_and_aliases_are_unioned(graph_store) -> None:
    load_document(graph_store, city(1))
    second = city(2)
    second.agencies[0].aliases = ["铜陵市市场监督局"]
    load_document(graph_store, second)
    rows = graph_store.read("MATCH (a:Agency {agency_id: '铜陵市市场监督管理局'}) RETURN a.aliases AS aliases")
    assert set(rows[0]["aliases"]) == {"铜陵市市场监管局", "市市场监管局", "铜陵市市场监督局"}
    remove_document(graph_store, CITY)
    assert graph_stats(graph_store)["tasks"] == 0
    agencies = graph_store.read("MATCH (a:Agency) RETURN a.agency_id AS id ORDER BY id")
    assert {"铜陵市市场监督管理局", "铜陵市科学技术局"} <= {r["id"] for r in agencies}
    fn = graph_store.read("MATCH (:Agency {agency_id: '铜陵市科学技术局'})-[:HAS_FUNCTION]->(f:Function) "
                           "RETURN f.key AS key, f.zh AS zh, f.en AS en")
    assert fn == [{"key": "science", "zh": "科技", "en": "science and technology"}]


def test_stub_is_created_and_upgraded_in_place(graph_store) -> None:
    load_document(graph_store, city())
    stub = graph_store.read("MATCH (:Document {doc_id: $c})-[r:IMPLEMENTS]->(d:Document) "
                             "RETURN d.doc_id AS id, d.stub AS stub, r.doc_number AS num", {"c": CITY})
    assert stub == [{"id": NATIONAL, "stub": True, "num": NATIONAL_NUMBER}]
    assert load_document(graph_store, national()).status == "upgraded"
    docs = graph_store.read("MATCH (d:Document) RETURN d.doc_id AS id, d.stub AS stub ORDER BY id")
    assert sorted(docs, key=lambda r: r["id"]) == sorted(
        [{"id": CITY, "stub": False}, {"id": NATIONAL, "stub": False}], key=lambda r: r["id"])
    edge = graph_store.read("MATCH (:Document {doc_id: $c})-[:IMPLEMENTS]->(d:Document {doc_id: $n}) "
                             "RETURN size([(d)-[:HAS_TASK]->() | 1]) AS tasks", {"c": CITY, "n": NATIONAL})
    assert edge == [{"tasks": 3}]
    stats = graph_stats(graph_store)
    assert stats["stubs"] == 0 and stats["documents"] == 2


def test_stub_keyed_by_another_title_is_merged_into_the_real_document(graph_store) -> None:
    citing = city()
    ref = citing.document.implements_refs[0]
    ref.title_key = "示范发展规划"  # cited by a shorter title, with the document number
    load_document(graph_store, citing)
    assert graph_store.read("MATCH (d:Document {stub: true}) RETURN d.doc_id AS id") == [
        {"id": stub_doc_id("示范发展规划")}]
    load_document(graph_store, national())
    rows = graph_store.read("MATCH (:Document {doc_id: $c})-[:IMPLEMENTS]->(d:Document) "
                             "RETURN d.doc_id AS id, d.stub AS stub", {"c": CITY})
    assert rows == [{"id": NATIONAL, "stub": False}]
    assert graph_stats(graph_store)["stubs"] == 0


def test_citation_matches_an_ingested_document_by_number_then_title(graph_store) -> None:
    load_document(graph_store, national())
    load_document(graph_store, city(cite_by_number=True))
    load_document(graph_store, nanjing())  # cites by title only
    rows = graph_store.read("MATCH (a:Document)-[:IMPLEMENTS]->(b:Document) "
                             "RETURN a.doc_id AS a, b.doc_id AS b ORDER BY a")
    assert {r["b"] for r in rows} == {NATIONAL}
    assert len(rows) == 2


def test_provenance_on_tasks_responsibilities_and_targets(graph_store) -> None:
    load_document(graph_store, city())
    tasks = graph_store.read("MATCH (t:Task) RETURN t.quote AS q, t.start AS s, t.end AS e, t.doc_id AS d")
    assert tasks and all(r["q"] and r["e"] - r["s"] == len(r["q"]) and r["d"] == CITY for r in tasks)
    # an edge's quote and offsets are its task's responsibility clause, stored once on the task (docs/design.md)
    resp = graph_store.read("MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t:Task) RETURN a.agency_id AS a, "
                             "r.role AS role, r.rank AS rank, coalesce(r.quote, t.responsibility_quote, t.quote) AS q, "
                             "coalesce(r.start, t.responsibility_start, t.start) AS s, "
                             "coalesce(r.end, t.responsibility_end, t.end) AS e, r.quote AS stored, "
                             "r.doc_id AS d, r.printed AS printed, t.local_id AS task ORDER BY task, rank")
    assert [(r["task"], r["role"], r["rank"]) for r in resp] == [
        ("T01", "lead", 1), ("T01", "co", 2), ("T01", "co", 3), ("T02", "lead", 1), ("T02", "co", 2)]
    assert all(r["q"] and r["e"] - r["s"] == len(r["q"]) and r["d"] == CITY for r in resp)
    assert all(r["stored"] is None for r in resp)
    assert resp[0]["printed"] == "市市场监管局" and resp[0]["a"] == "铜陵市市场监督管理局"
    targets = graph_store.read("MATCH (t:Task)-[:SETS]->(g:Target)-[:DUE]->(y:Year) "
                                "RETURN t.local_id AS task, g.quote AS q, g.start AS s, g.end AS e, "
                                "g.doc_id AS d, y.year AS year")
    assert targets == [{"task": "T01", "q": "审查企业达到10家以上", "s": 40, "e": 51, "d": CITY, "year": 2025}]


def test_sections_tasks_topics_and_milestones(graph_store) -> None:
    load_document(graph_store, city())
    top = graph_store.read("MATCH (:Document {doc_id: $c})-[:HAS_SECTION]->(s:Section) "
                            "RETURN s.title AS t ORDER BY t", {"c": CITY})
    assert [r["t"] for r in top] == sorted(["主要任务", "保障措施"])
    sub = graph_store.read("MATCH (p:Section)-[:HAS_SUBSECTION]->(s:Section)-[:HAS_TASK]->(t:Task) "
                            "RETURN p.title AS p, s.title AS s, count(t) AS n")
    assert sub == [{"p": "主要任务", "s": "科技创新", "n": 2}]
    cites = graph_store.read("MATCH (t:Task)-[c:CITES]->(p:Topic) RETURN t.local_id AS t, p.key AS k, "
                              "c.terms AS terms")
    assert cites == [{"t": "T01", "k": "carbon-metrology", "terms": ["碳计量"]}]
    years = graph_store.read("MATCH (:Document {doc_id: $c})-[:MILESTONE]->(y:Year) RETURN y.year AS y "
                              "ORDER BY y", {"c": CITY})
    assert [r["y"] for r in years] == [2025, 2035]


def test_jurisdictions_queryable_by_province(graph_store) -> None:
    load_document(graph_store, city())
    load_document(graph_store, nanjing())
    query = ("MATCH (a:Agency)-[:IN]->(:Jurisdiction)-[:PART_OF*0..3]->(:Jurisdiction {name: $p}) "
             "RETURN DISTINCT a.agency_id AS id ORDER BY id")
    anhui = {r["id"] for r in graph_store.read(query, {"p": "安徽省"})}
    jiangsu = {r["id"] for r in graph_store.read(query, {"p": "江苏省"})}
    assert {"铜陵市市场监督管理局", "铜陵市科学技术局", "枞阳县人民政府", "铜陵市人民政府办公室"} <= anhui
    assert "南京市市场监督管理局" in jiangsu
    assert not anhui & jiangsu
    county = graph_store.read("MATCH (:Agency {agency_id: '枞阳县人民政府'})-[:IN]->(j:Jurisdiction)"
                               "-[:PART_OF]->(c:Jurisdiction) RETURN j.level AS level, c.name AS city")
    assert county == [{"level": "county", "city": "铜陵市"}]
    cover = graph_store.read("MATCH (:Document {doc_id: $c})-[:COVERS]->(j:Jurisdiction) RETURN j.name AS n",
                              {"c": CITY})
    assert cover == [{"n": "铜陵市"}]


def test_remove_document_keeps_it_as_a_stub_while_cited(graph_store) -> None:
    load_document(graph_store, national())
    load_document(graph_store, city())
    remove_document(graph_store, NATIONAL)
    stats = graph_stats(graph_store)
    assert (stats["documents"], stats["stubs"], stats["tasks"]) == (1, 1, 3)
    remove_document(graph_store, CITY)
    stats = graph_stats(graph_store)
    assert (stats["documents"], stats["stubs"], stats["tasks"]) == (0, 0, 0)


def test_document_id_comes_from_title_key() -> None:
    assert city().document.doc_id == doc_id_of("铜陵市示范工作方案") == stub_doc_id("铜陵市示范工作方案")
