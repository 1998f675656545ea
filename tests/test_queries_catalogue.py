"""The named Cypher catalogue: headers, parameter validation and every query's rows on a small graph."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from plangraph.graph import dialect
from plangraph.graph.catalogue import (
    ParameterError,
    UnknownQuery,
    UnknownValue,
    bind_params,
    get_query,
    load_catalogue,
    parse_query_file,
    run_query,
    segment_query,
)
from queries_sample import (
    NATIONAL,
    SAMR,
    TL_FIN,
    TL_MR,
    TL_ST,
    TONGLING,
    ZHEJIANG,
    ZJ_FIN,
    ZJ_MR,
    ZJ_ST,
    build_sample_graph,
)

REPO_ROOT = Path(__file__).resolve().parents[1]

QUERIES = REPO_ROOT / "queries"
REQUIRED = {
    "tasks", "agency_profile", "agency_workload", "co_responsibility_network", "function_network", "targets",
    "target_comparison", "topic_coverage", "document_outline", "unassigned_tasks", "implementation_coverage",
    "unimplemented_clauses", "search", "agencies", "topics", "documents", "task_detail",
}  # fmt: skip
# the constructs cypher-portable.md forbids in catalogue queries
FORBIDDEN = [r"=~", r"\bEXISTS\s*\{", r"\bCOUNT\s*\{", r"\bCOLLECT\s*\{", r"\bCALL\s*(\(|\{)", r"datetime\(",
             r"duration\(", r"elementId\(", r"\bid\(", r"apoc\.", r"LOAD\s+CSV", r"^\s*CYPHER\b", r"\bSHOW\b",
             r":\w+&", r":!", r"valueType\("]  # fmt: skip


@pytest.fixture(scope="module")
def store(engine_graph):
    return engine_graph("plangraph_queries", build_sample_graph)


def ids(rows, key="task_id"):
    return [r[key] for r in rows]


# ------------------------------------------------------------------ the files themselves


def test_catalogue_has_every_required_query_with_bilingual_header():
    catalogue = load_catalogue(QUERIES)
    assert set(catalogue) >= REQUIRED
    for spec in catalogue.values():
        assert spec.zh and re.search(r"[\u4e00-\u9fff]", spec.zh), spec.name
        assert spec.en and not re.search(r"[\u4e00-\u9fff]", spec.en), spec.name
        assert spec.mode == "read", spec.name
        for p in spec.params:
            assert p.description and re.search(r"[\u4e00-\u9fff]", p.description), (spec.name, p.name)


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.cypher")), ids=lambda p: p.stem)
def test_query_text_follows_the_portable_subset(path: Path):
    body = "\n".join(
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("//")
    )
    for pattern in FORBIDDEN:
        assert not re.search(pattern, body, re.I | re.M), f"{path.name}: {pattern}"
    for order_by in re.findall(r"ORDER BY ([^\n]+)", body):
        unique_key = order_by.strip() in ("agency_id", "doc_id", "d.doc_id", "key", "task_id")
        assert "," in order_by or unique_key, f"{path.name}: ORDER BY {order_by} needs a tie-breaker"
    # every parameter the text uses is declared (or derived from a declared agency/fulltext parameter)
    spec = parse_query_file(path)
    declared = {p.name for p in spec.params}
    declared |= {f"{p.name}_ids" for p in spec.params if p.type == "agency"}
    if any(p.type == "fulltext" for p in spec.params):
        declared |= {"task_ids", "scores", "fulltext_total"}
    assert set(re.findall(r"\$(\w+)", body)) <= declared, path.name


def test_header_parsing(tmp_path: Path):
    f = tmp_path / "demo.cypher"
    f.write_text(
        "// name: demo\n// zh: 演示\n// en: Demo\n"
        "// @param n: int = 5 — 数量 / count\n// @param who: string — 名称 / name\n"
        "// @param role: enum(lead|co|any) = any — 角色 / role\n// @mode: read\nRETURN $n AS n\n",
        encoding="utf-8",
    )
    spec = parse_query_file(f)
    assert (spec.name, spec.zh, spec.en, spec.mode) == ("demo", "演示", "Demo", "read")
    n, who, role = spec.params
    assert (n.type, n.default, n.required) == ("int", 5, False)
    assert (who.type, who.required, who.description) == ("string", True, "名称 / name")
    assert (role.choices, role.default) == (("lead", "co", "any"), "any")
    assert spec.text.endswith("RETURN $n AS n\n")


def test_header_name_must_match_file(tmp_path: Path):
    f = tmp_path / "one.cypher"
    f.write_text("// name: two\n// zh: 二\n// en: Two\n// @mode: read\nRETURN 1 AS x\n", encoding="utf-8")
    with pytest.raises(Exception, match="differs from the file name"):
        parse_query_file(f)


# ------------------------------------------------------------------ parameters


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"nope": 1}, "has no parameter 'nope'"),
        ({"year": "twenty"}, "expected an integer"),
        ({"year": True}, "expected an integer"),
        ({"role": "boss"}, "one of lead|co|any"),
        ({"limit": -3}, "must not be negative"),
        ({"text": ["a"]}, "expected a string"),
    ],
)
def test_bad_parameters_are_refused_with_a_clear_message(params, message):
    with pytest.raises(ParameterError, match=re.escape(message)):
        bind_params(get_query("tasks", QUERIES), params, None)


def test_missing_required_parameter():
    with pytest.raises(ParameterError, match="needs parameter 'agency_id'"):
        bind_params(get_query("agency_profile", QUERIES), {}, None)


def test_unknown_query():
    with pytest.raises(UnknownQuery, match="unknown query 'nope'"):
        get_query("nope", QUERIES)


def test_string_values_are_coerced_and_defaults_filled():
    params = bind_params(get_query("tasks", QUERIES), {"year": "2025", "limit": "7", "text": "計量"}, None)
    assert params["year"] == 2025 and params["limit"] == 7 and params["offset"] == 0
    assert params["text"] == "计量"  # traditional → simplified
    assert params["agency_ids"] is None and params["role"] == "any"


def test_segment_query_keeps_each_term_a_phrase():
    assert segment_query("加强碳计量服务") == ["加强碳计量服务"]  # one phrase
    assert segment_query("計量的服務") == ["计量的服务"]  # simplified
    assert segment_query("碳计量 的 計量數據，碳计量") == ["碳计量", "计量数据"]  # terms; lone particle dropped
    assert segment_query("market regulation") == ["market", "regulation"]


def test_fulltext_terms_become_exact_phrases_of_the_indexed_tokens():
    """FalkorDB indexes search-mode jieba tokens (a compound's sub-words before it) and every vocabulary word
    whole: a vocabulary word is one token, another term the exact run of jieba tokens that spells it; Neo4j's
    ``cjk`` bigrams take the term itself as a phrase."""
    from plangraph.ingest.vocab import search_terms

    for word in ("碳计量", "质量基础设施", "食品安全"):
        assert word in search_terms() and dialect.fulltext_string("falkordb", [word]) == word
    assert "营商环境" not in search_terms() and "基础设施建设" not in search_terms()
    assert dialect.fulltext_string("falkordb", ["营商环境"]) == '"营商 环境"'
    assert dialect.fulltext_string("falkordb", ["基础设施建设"]) == '"基础设施 建设"'
    assert dialect.fulltext_string("falkordb", ["加强食品安全"]) == '"加强 食品 安全"'
    assert dialect.fulltext_string("falkordb", ["营商环境", "碳计量"]) == '"营商 环境" 碳计量'
    assert dialect.fulltext_string("neo4j", ["碳计量", "标准化"]) == '"碳计量" AND "标准化"'
    for term in ("营商环境", "基础设施建设", "加强食品安全", "碳计量", "质量基础设施"):
        tokens = " ".join(dialect.segment_text(f"开展{term}工作").split())
        assert " ".join(dialect.fulltext_string("falkordb", [term]).strip('"').split()) in tokens
    # a vocabulary word is indexed wherever it occurs, also where jieba cut the text elsewhere (低碳 / 计量)
    assert "碳计量" in dialect.segment_text("开展低碳计量试点").split()



# ------------------------------------------------------------------ every query on the sample graph


def test_tasks_headline_same_in_chinese_and_english(store):
    zh = run_query(store, "tasks", {"agency": "市场监管局", "role": "lead", "topic": "碳计量"})
    en = run_query(
        store, "tasks", {"agency": "market_regulation", "role": "lead", "topic": "carbon-metrology"}
    )
    assert zh == en
    assert ids(zh) == sorted([f"{TONGLING}/T01", f"{NATIONAL}/T01", f"{ZHEJIANG}/T01"])
    by_id = {r["task_id"]: r for r in zh}
    assert by_id[f"{ZHEJIANG}/T01"]["lead"] == {"agency_id": ZJ_MR, "name": ZJ_MR, "printed": "省市场监管局"}
    assert by_id[f"{ZHEJIANG}/T01"]["topics"][0]["terms"] == ["碳计量", "碳排放"]
    assert [c["agency_id"] for c in by_id[f"{TONGLING}/T01"]["co"]] == [TL_ST, TL_FIN]  # printed order


def test_tasks_filters(store):
    assert ids(run_query(store, "tasks", {"agency": "省市场监管局"})) == [
        f"{ZHEJIANG}/T01",
        f"{ZHEJIANG}/T02",
    ]
    assert ids(run_query(store, "tasks", {"agency": "省市场监管局", "role": "co"})) == [f"{ZHEJIANG}/T02"]
    assert ids(run_query(store, "tasks", {"agency": "市財政局"})) == [f"{TONGLING}/T01", f"{TONGLING}/T02"]
    assert ids(run_query(store, "tasks", {"jurisdiction": "安徽"})) == [
        f"{TONGLING}/T0{i}" for i in (1, 2, 3)
    ]
    assert ids(run_query(store, "tasks", {"jurisdiction": "Zhejiang"})) == [
        f"{ZHEJIANG}/T01",
        f"{ZHEJIANG}/T02",
    ]
    assert ids(run_query(store, "tasks", {"year": 2027})) == [f"{TONGLING}/T02"]  # deadline
    assert ids(run_query(store, "tasks", {"year": 2025})) == [f"{TONGLING}/T01", f"{ZHEJIANG}/T02"]  # targets
    assert ids(run_query(store, "tasks", {"text": "法制"})) == [f"{NATIONAL}/T02"]
    assert ids(run_query(store, "tasks", {"doc_id": NATIONAL, "limit": 2, "offset": 1})) == [
        f"{NATIONAL}/T02", f"{NATIONAL}/T03"]  # fmt: skip


def test_tasks_unknown_agency_or_topic(store):
    with pytest.raises(UnknownValue, match="unknown agency"):
        run_query(store, "tasks", {"agency": "不存在的委员会"})
    with pytest.raises(UnknownValue, match="unknown topic"):
        run_query(store, "tasks", {"topic": "quantum-gravity"})


def test_agencies_and_profile(store):
    rows = {r["agency_id"]: r for r in run_query(store, "agencies")}
    assert set(rows) >= {SAMR, ZJ_MR, ZJ_ST, ZJ_FIN, TL_MR, TL_ST, TL_FIN}
    assert (rows[ZJ_MR]["lead_count"], rows[ZJ_MR]["co_count"]) == (1, 1)
    assert rows[TL_MR]["function"] == "market_regulation" and "市市场监管局" in rows[TL_MR]["aliases"]
    [profile] = run_query(store, "agency_profile", {"agency_id": ZJ_MR})
    assert profile["documents"] == [
        {"doc_id": ZHEJIANG, "title": "浙江省样例实施意见", "lead_count": 1, "co_count": 1}
    ]
    assert profile["function_en"] == "market regulation" and "中国" in profile["within"]
    assert run_query(store, "agency_profile", {"agency_id": "无此单位"}) == []


def test_agency_workload(store):
    rows = run_query(store, "agency_workload", {"doc_id": TONGLING})
    got = {r["agency_id"]: (r["lead_count"], r["co_count"], r["total"]) for r in rows}
    assert got == {TL_MR: (1, 0, 1), TL_ST: (1, 1, 2), TL_FIN: (0, 2, 2)}
    assert ids(rows, "agency_id")[:2] == [TL_ST, TL_FIN]  # total desc, then lead desc
    assert {r["agency_id"] for r in run_query(store, "agency_workload", {"function": "finance"})} == {
        ZJ_FIN,
        TL_FIN,
    }


def test_co_responsibility_network(store):
    rows = run_query(store, "co_responsibility_network", {"jurisdiction": "铜陵市"})
    edges = {(r["source"], r["target"]): (r["weight"], r["lead_co"], r["co_co"]) for r in rows}
    pair = tuple(sorted([TL_ST, TL_FIN]))
    assert edges[pair] == (2, 1, 1)  # T01: both co; T02: 科技局 leads
    assert edges[tuple(sorted([TL_MR, TL_ST]))] == (1, 1, 0)
    assert len(edges) == 3 and rows[0]["weight"] == 2
    assert (
        run_query(store, "co_responsibility_network", {"jurisdiction": "铜陵市", "min_weight": 2})[0][
            "weight"
        ]
        == 2
    )
    only_fin = run_query(store, "co_responsibility_network", {"doc_id": ZHEJIANG, "function": "finance"})
    assert {(r["source"], r["target"]) for r in only_fin} == {tuple(sorted([ZJ_ST, ZJ_FIN])),
                                                             tuple(sorted([ZJ_MR, ZJ_FIN]))}  # fmt: skip


def test_function_network(store):
    rows = run_query(store, "function_network")
    edges = {(r["source"], r["target"]): r["weight"] for r in rows}
    # finance–science: Tongling T01, T02 and Zhejiang T02
    assert edges[("finance", "science_technology")] == 3
    assert edges[("market_regulation", "science_technology")] == 3
    assert edges[("finance", "market_regulation")] == 2
    assert rows[0]["source_name"] in ("财政", "市场监管")


def test_targets_and_comparison(store):
    rows = run_query(store, "targets", {"year": 2025})
    assert [(r["jurisdiction"], r["value"]) for r in rows] == [("铜陵市", 155), ("浙江省", 3900)] or [
        (r["jurisdiction"], r["value"]) for r in rows] == [("浙江省", 3900), ("铜陵市", 155)]  # fmt: skip
    assert run_query(store, "targets", {"jurisdiction": "浙江省"})[0]["comparator"] == ">="
    tied = run_query(store, "targets", {"doc_id": TONGLING})[0]
    assert tied["task_id"] == f"{TONGLING}/T01" and tied["quote"] == "社会公用计量标准达到155项"
    assert run_query(store, "targets", {"metric": "不存在"}) == []
    [cmp] = run_query(store, "target_comparison", {"metric": "计量标准", "min_jurisdictions": 2})
    assert cmp["jurisdiction_count"] == 2
    assert [(v["jurisdiction"], v["value"]) for v in cmp["values"]] == [("浙江省", 3900), ("铜陵市", 155)]
    assert run_query(store, "target_comparison", {"min_jurisdictions": 3}) == []


def test_topics_and_coverage(store):
    [topic] = run_query(store, "topics")
    assert (topic["key"], topic["task_count"], topic["document_count"]) == ("carbon-metrology", 3, 3)
    assert set(topic["terms"]) == {"碳计量", "碳排放"}
    rows = run_query(store, "topic_coverage", {"topic": "碳排放"})
    assert [(r["doc_id"], r["task_count"]) for r in rows] == sorted(
        [(NATIONAL, 1), (ZHEJIANG, 1), (TONGLING, 1)])  # fmt: skip
    assert next(r for r in rows if r["doc_id"] == ZHEJIANG)["terms"] == ["碳计量", "碳排放"]


def test_documents_and_outline(store):
    docs = {r["doc_id"]: r for r in run_query(store, "documents")}
    assert set(docs) == {NATIONAL, ZHEJIANG, TONGLING}
    assert (docs[TONGLING]["task_count"], docs[TONGLING]["target_count"]) == (3, 1)
    assert docs[TONGLING]["implements"] == [{"doc_id": NATIONAL, "title": "样例计量发展规划"}]
    outline = run_query(store, "document_outline", {"doc_id": TONGLING})
    assert [(s["number"], s["parent"]) for s in outline] == [("二", None), ("(一)", f"{TONGLING}/S1")]
    assert [t["number"] for t in outline[1]["tasks"]] == ["1.", "2.", "3."]
    assert outline[1]["tasks"][0]["lead"] == TL_MR and outline[1]["tasks"][2]["lead"] is None


def test_task_detail(store):
    [d] = run_query(store, "task_detail", {"task_id": f"{TONGLING}/T01"})
    assert d["lead"]["agency_id"] == TL_MR and d["lead"]["quote"] == d["responsibility_quote"]
    assert [c["agency_id"] for c in d["co"]] == [TL_ST, TL_FIN]
    assert d["targets"][0]["value"] == 155
    assert [i["task_id"] for i in d["implements"]] == [f"{NATIONAL}/T01"]
    [n] = run_query(store, "task_detail", {"task_id": f"{NATIONAL}/T01"})
    assert [i["task_id"] for i in n["implemented_by"]] == [f"{TONGLING}/T01"]
    assert n["lead"]["source"] == "inferred"


def test_unassigned_tasks(store):
    assert ids(run_query(store, "unassigned_tasks")) == sorted(
        [f"{NATIONAL}/T02", f"{NATIONAL}/T03", f"{TONGLING}/T03"], key=lambda t: (t.split("/")[0], t))  # fmt: skip
    assert ids(run_query(store, "unassigned_tasks", {"jurisdiction": "浙江省"})) == []


def test_implementation_coverage_and_unimplemented(store):
    rows = run_query(store, "implementation_coverage")
    assert {r["local_doc_id"] for r in rows} == {TONGLING}  # only Tongling implements the national plan
    assert [r["clause_id"] for r in rows] == [f"{NATIONAL}/T0{i}" for i in (1, 2, 3)]
    assert [t["task_id"] for t in rows[0]["implementing"]] == [f"{TONGLING}/T01"]
    assert [r["implementing_count"] for r in rows] == [1, 0, 0]
    assert ids(run_query(store, "unimplemented_clauses"), "clause_id") == [
        f"{NATIONAL}/T02",
        f"{NATIONAL}/T03",
    ]


def test_search(store):
    rows = run_query(store, "search", {"q": "碳计量"})
    assert set(ids(rows)) == {f"{NATIONAL}/T01", f"{TONGLING}/T01"}  # the texts that say 碳计量
    assert all(r["score"] > 0 for r in rows)
    assert ids(run_query(store, "search", {"q": "法制"})) == [f"{NATIONAL}/T02"]
    assert ids(run_query(store, "search", {"q": "計量宣傳"})) == [f"{TONGLING}/T03"]  # traditional script
    assert ids(run_query(store, "search", {"q": "碳计量", "doc_id": TONGLING})) == [f"{TONGLING}/T01"]
    assert run_query(store, "search", {"q": "航天"}) == []


# ------------------------------------------------------------------ the CLI


def test_cli_query_json_and_errors(store, settings_for, monkeypatch):
    from typer.testing import CliRunner

    from plangraph import settings as settings_mod
    from plangraph.cli import app

    settings = settings_for("plangraph_queries")
    monkeypatch.setenv("PLANGRAPH_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("PLANGRAPH_GRAPH_URI", settings.graph_uri)
    monkeypatch.setenv("PLANGRAPH_GRAPH_NAME", settings.graph_name)
    monkeypatch.setenv("PLANGRAPH_NEO4J_USER", settings.neo4j_user)
    monkeypatch.setenv("PLANGRAPH_NEO4J_PASSWORD", settings.neo4j_password.get_secret_value())
    settings_mod.get_settings.cache_clear()
    try:
        runner = CliRunner()
        ok = runner.invoke(app, ["query", "tasks", "--param", "agency=market regulation", "-p", "role=lead",
                                 "-p", "topic=carbon-metrology", "--format", "json"])  # fmt: skip
        assert ok.exit_code == 0, ok.output
        assert len(json.loads(ok.stdout)) == 3
        csv_out = runner.invoke(app, ["query", "unimplemented_clauses", "--format", "csv"])
        assert csv_out.exit_code == 0 and csv_out.stdout.splitlines()[0].startswith(
            "doc_id,doc_title,clause_id"
        )
        listing = runner.invoke(app, ["query", "--list", "--format", "json"])
        assert {q["name"] for q in json.loads(listing.stdout)} >= REQUIRED
        bad = runner.invoke(app, ["query", "tasks", "-p", "year=soon"])
        assert bad.exit_code == 1 and "expected an integer" in bad.output
    finally:
        settings_mod.get_settings.cache_clear()


def _network_by_edges(store, scope):
    """Agency counts and pair weights through the RESPONSIBLE_FOR edges (agency_workload and
    co_responsibility_network): what agency_network must give from the tasks' denormalised units."""
    nodes: dict[str, list[int]] = {}
    for r in run_query(store, "agency_workload", {**scope, "limit": 10**6}):
        counts = nodes.setdefault(r["agency_id"], [0, 0])
        counts[0] += r["lead_count"]
        counts[1] += r["co_count"]
    edges = {(r["source"], r["target"]): (r["weight"], r["lead_co"])
             for r in run_query(store, "co_responsibility_network", {**scope, "limit": 10**6})}  # fmt: skip
    return {k: tuple(v) for k, v in nodes.items()}, edges


@pytest.mark.parametrize("scope", [{}, {"doc_id": TONGLING}, {"jurisdiction": "铜陵市"}, {"jurisdiction": "浙江省"},
                                   {"jurisdiction": "浙"}, {"function": "finance"}, {"min_weight": 2}],
                         ids=["all", "doc", "city", "province", "prefix", "function", "min_weight"])  # fmt: skip
def test_agency_network_matches_the_edges(store, scope):
    rows = run_query(store, "agency_network", scope)
    got_nodes = {r["source"]: (r["lead_tasks"], r["tasks"] - r["lead_tasks"]) for r in rows if r["target"] is None}
    got_edges = {(r["source"], r["target"]): (r["tasks"], r["lead_tasks"]) for r in rows if r["target"] is not None}
    nodes, edges = _network_by_edges(store, {k: v for k, v in scope.items() if k != "min_weight"})
    if "min_weight" in scope:
        edges = {k: v for k, v in edges.items() if v[0] >= scope["min_weight"]}
    assert got_nodes == nodes and got_edges == edges and edges
    assert all(r["source"] < r["target"] for r in rows if r["target"] is not None)
    assert all(r["source_name"] for r in rows)


def test_network_graph_from_one_query(store):
    from plangraph.graph.network import co_responsibility_graph

    graph = co_responsibility_graph(store, jurisdiction="铜陵市")
    assert graph.nodes[TL_ST]["lead_count"] == 1 and graph.nodes[TL_ST]["co_count"] == 1
    assert graph.edges[TL_ST, TL_FIN] == {"weight": 2, "lead_co": 1, "co_co": 1, "kind": "lead-co"}
    assert graph.nodes[TL_FIN]["name"] and graph.nodes[TL_FIN]["function"] == "finance"


def test_search_count_is_the_total_of_search(store):
    hits = run_query(store, "search", {"q": "计量", "limit": 1000})
    assert len(hits) > 1
    assert run_query(store, "search_count", {"q": "计量"}) == [{"total": len(hits)}]
    one_doc = [h for h in hits if h["doc_id"] == TONGLING]
    assert run_query(store, "search_count", {"q": "计量", "doc_id": TONGLING}) == [{"total": len(one_doc)}]
