"""Task IMPLEMENTS Task: candidates by document links and levels, scoring, relink after late ingest."""

from __future__ import annotations

import threading

from fixtures_graph import city, national
from plangraph.graph.linking import TaskText, higher_documents, relink, score_links
from plangraph.graph.loader import load_document

CITY = city().document.doc_id
NATIONAL = national().document.doc_id


def test_higher_documents_transitive_and_by_level() -> None:
    levels = {"city": "municipal", "prov": "provincial", "nat": "national", "county": "county"}
    edges = [("county", "city"), ("city", "prov"), ("prov", "nat"), ("nat", "city")]
    got = higher_documents(levels, edges)
    assert got["county"] == ["city", "nat", "prov"]
    assert got["city"] == ["nat", "prov"]
    assert got["prov"] == ["nat"]
    assert "nat" not in got  # a national plan citing a city plan implements nothing below it


def test_higher_documents_skips_documents_not_ingested() -> None:
    assert higher_documents({"city": "municipal"}, [("city", "stub")]) == {}


def test_score_links_ranks_the_matching_clause_first() -> None:
    tasks = [
        TaskText("n/1", "n", "加强碳排放计量", "建立碳排放计量监测体系,开展碳计量审查。"),
        TaskText("n/2", "n", "推进计量数字化转型", "建设计量数据中心,推广数字校准证书。"),
        TaskText("n/3", "n", "加强人才队伍建设", "培养计量技术人才,完善注册计量师制度。"),
        TaskText("c/1", "c", "开展碳计量审查", "对重点排放单位开展碳计量审查。"),
        TaskText("c/2", "c", "培养计量人才", "加强计量技术人才培养。"),
    ]
    rows = score_links(tasks, {"c": ["n"]}, k=2, threshold=0.0)
    first = {r["src"]: r["dst"] for r in rows if r["rank"] == 1}
    assert first == {"c/1": "n/1", "c/2": "n/3"}
    assert all(r["rank"] in (1, 2) for r in rows)
    scores = [r["score"] for r in rows if r["src"] == "c/1"]
    assert scores == sorted(scores, reverse=True)
    assert not [r for r in score_links(tasks, {"c": ["n"]}, threshold=0.99)]


def test_relink_after_higher_plan_is_ingested_later(graph_store) -> None:
    load_document(graph_store, city())
    assert relink(graph_store) == 0
    load_document(graph_store, national())
    written = relink(graph_store)
    rows = graph_store.read("MATCH (a:Task)-[r:IMPLEMENTS]->(b:Task) WHERE r.rank = 1 "
                             "RETURN a.local_id AS a, b.local_id AS b, a.doc_id AS da, b.doc_id AS db ORDER BY a")
    assert written >= 3
    assert [(r["a"], r["b"]) for r in rows] == [("T01", "T01"), ("T02", "T02"), ("T03", "T03")]
    assert {(r["da"], r["db"]) for r in rows} == {(CITY, NATIONAL)}
    assert relink(graph_store) == written  # recomputed, not accumulated
    total = graph_store.read("MATCH (:Task)-[r:IMPLEMENTS]->(:Task) RETURN count(r) AS n")
    assert total[0]["n"] == written


def test_linking_and_export_statements_lint_clean_on_neo4j() -> None:
    from cypher_lint import lint
    from plangraph.graph import export, linking

    queries = {f"linking.{k}": v for k, v in linking.STATEMENTS.items()}
    queries |= {f"export.{k}": v for k, v in export.STATEMENTS.items()}
    errors = {name: errs for name, errs in lint(queries).items() if errs}
    assert errors == {}


def _links(store) -> set[tuple[str, str, float]]:
    rows = store.read("MATCH (a:Task)-[r:IMPLEMENTS]->(b:Task) RETURN a.task_id AS a, b.task_id AS b, r.score AS s")
    return {(r["a"], r["b"], round(r["s"], 6)) for r in rows}


def test_incremental_relink_equals_a_full_one_and_touches_only_what_changed(falkor_store) -> None:
    from fixtures_graph import nanjing
    from plangraph.graph.loader import plan_document, write_plan

    for data in (national(), city(), nanjing()):
        load_document(falkor_store, data)
    relink(falkor_store)
    full = _links(falkor_store)
    nanjing_id = nanjing().document.doc_id
    assert {a.split("/")[0] for a, _, _ in full} == {CITY, nanjing_id}
    # a changed city plan: its links are rewritten in the same atomic write; Nanjing's are left alone
    falkor_store.write("MATCH (a:Task {doc_id: $d})-[r:IMPLEMENTS]->() SET r.mark = 1", {"d": nanjing_id})
    result = write_plan(falkor_store, plan_document(city(version=2)), link=True)
    assert result.status == "replaced" and result.links > 0
    marked = falkor_store.read("MATCH (:Task {doc_id: $d})-[r:IMPLEMENTS]->() RETURN count(r) AS n, "
                               "sum(coalesce(r.mark, 0)) AS m", {"d": nanjing_id})
    assert marked[0]["n"] == marked[0]["m"] > 0  # untouched edges
    after = _links(falkor_store)
    assert {x for x in after if x[0].startswith(nanjing_id)} == {x for x in full if x[0].startswith(nanjing_id)}
    assert {a for a, _, _ in after if a.startswith(CITY)} == {f"{CITY}/T01", f"{CITY}/T02"}
    # the incremental result is exactly what a full relink computes
    assert relink(falkor_store, [CITY]) == len([x for x in after if x[0].startswith(CITY)])
    assert _links(falkor_store) == after
    relink(falkor_store)
    assert _links(falkor_store) == after


def test_tfidf_is_scikit_learns() -> None:
    """The vectoriser is scikit-learn's TfidfVectorizer (char 1-3-grams, sublinear tf, max_df 0.4), re-done
    without importing it: same vocabulary size and weights."""
    from plangraph.graph.linking import tfidf
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = ["加强碳计量能力建设  推进计量数据平台", "完善计量标准体系。\n\n推进碳计量", "A  b\tC 计量", "计量",
             "建设国家碳计量中心", "培育计量人才队伍"]
    ours = tfidf(texts)
    theirs = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, max_df=0.4).fit_transform(texts)
    assert ours.shape == theirs.shape
    assert abs(ours - theirs).max() < 1e-12


def test_links_scored_in_several_processes_are_the_ones_scored_here(falkor_store, monkeypatch) -> None:
    from fixtures_graph import nanjing
    from plangraph.graph import linking

    for data in (national(), city(), nanjing()):
        load_document(falkor_store, data)
    monkeypatch.setattr(linking, "GROUP", 1)   # one local document per batch: three batches for two processes
    count, _ = linking._jobs(falkor_store, None, None, linking.TOP_K, linking.THRESHOLD)
    assert count == 3
    here = relink(falkor_store)
    serial = _links(falkor_store)
    falkor_store.write("MATCH ()-[r:IMPLEMENTS]->(:Task) DELETE r")
    assert relink(falkor_store, workers=2) == here > 0   # forked workers (this is the only thread)
    assert _links(falkor_store) == serial
    falkor_store.write("MATCH ()-[r:IMPLEMENTS]->(:Task) DELETE r")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)   # another thread alive (a progress bar): no fork
    other.start()
    try:
        assert relink(falkor_store, workers=2) == here
    finally:
        stop.set()
        other.join()
    assert _links(falkor_store) == serial
