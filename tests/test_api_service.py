"""The FastAPI service on the small sample graph: endpoints, paging, CSV, errors, OpenAPI."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from plangraph.api.app import create_app
from queries_sample import NATIONAL, TL_FIN, TL_MR, TL_ST, TONGLING, ZHEJIANG, ZJ_MR, build_sample_graph


@pytest.fixture(scope="module")
def store(engine_graph):
    return engine_graph("plangraph_api", build_sample_graph)


@pytest.fixture(scope="module")
def client(store, settings_for):
    return TestClient(create_app(settings_for("plangraph_api"), store))


def task_ids(resp):
    assert resp.status_code == 200, resp.text
    return [t["task_id"] for t in resp.json()["items"]]


def test_health_and_stats(client):
    assert client.get("/health").json()["status"] == "ok"
    stats = client.get("/stats").json()
    assert (stats["documents"], stats["tasks"], stats["targets"]) == (3, 8, 2)


def test_tasks_same_question_in_chinese_and_english(client):
    zh = client.get("/tasks", params={"led_by": "市场监管局", "topic": "碳计量"}).json()
    en = client.get("/tasks", params={"led_by": "market_regulation", "topic": "carbon-metrology"}).json()
    assert zh == en
    assert [t["task_id"] for t in zh["items"]] == sorted(
        [f"{TONGLING}/T01", f"{NATIONAL}/T01", f"{ZHEJIANG}/T01"]
    )
    assert {t["lead"]["agency_id"] for t in zh["items"]} >= {TL_MR, ZJ_MR}


def test_tasks_paging_and_filters(client):
    assert task_ids(client.get("/tasks", params={"doc_id": TONGLING, "limit": 1, "offset": 1})) == [
        f"{TONGLING}/T02"
    ]
    assert task_ids(client.get("/tasks", params={"agency": "市财政局", "role": "co"})) == [
        f"{TONGLING}/T01", f"{TONGLING}/T02"]  # fmt: skip
    page = client.get("/tasks", params={"jurisdiction": "浙江", "limit": 5}).json()
    assert (page["limit"], page["offset"], page["count"]) == (5, 0, 2)


def test_tasks_csv_export(client):
    resp = client.get("/tasks", params={"doc_id": TONGLING, "format": "csv"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(resp.text.lstrip("\ufeff"))))
    assert [r["task_id"] for r in rows] == [f"{TONGLING}/T0{i}" for i in (1, 2, 3)]
    assert rows[0]["lead_agency_id"] == TL_MR  # flat columns: no JSON inside a cell
    assert rows[0]["co_agency_id"] == f"{TL_ST}、{TL_FIN}"
    assert not any(cell.startswith(("{", "[")) for row in rows for cell in row.values())


def test_task_detail(client):
    d = client.get(f"/tasks/{TONGLING}/T01").json()
    assert d["lead"]["agency_id"] == TL_MR and [c["agency_id"] for c in d["co"]] == [TL_ST, TL_FIN]
    assert (
        d["quote"].startswith("1.加强碳计量服务")
        and d["lead"]["quote"] == "(责任单位:市市场监管局、市科技局、市财政局)"
    )
    assert d["targets"][0]["metric"] == "社会公用计量标准数量"
    assert [t["key"] for t in d["topics"]] == ["carbon-metrology"]
    assert [i["task_id"] for i in d["implements"]] == [f"{NATIONAL}/T01"]
    up = client.get(f"/tasks/{NATIONAL}/T01").json()
    assert [i["task_id"] for i in up["implemented_by"]] == [f"{TONGLING}/T01"]


def test_agencies_search_ranked(client):
    for q in ("浙江省市场监督管理局", "省市场监管局", "省市場監管局"):
        items = client.get("/agencies", params={"q": q}).json()["items"]
        assert items[0]["agency_id"] == ZJ_MR, q
    items = client.get("/agencies", params={"q": "market regulation"}).json()["items"]
    assert {i["agency_id"] for i in items} >= {ZJ_MR, TL_MR}
    assert all(i["function"] == "market_regulation" for i in items)
    assert client.get("/agencies", params={"q": "航天局"}).json()["items"] == []
    everyone = client.get("/agencies", params={"limit": 2}).json()
    assert everyone["count"] == 2


def test_agency_profile_and_tasks(client):
    profile = client.get(f"/agencies/{quote(ZJ_MR)}").json()
    assert (profile["lead_count"], profile["co_count"]) == (1, 1)
    led = client.get(f"/agencies/{quote(ZJ_MR)}/tasks", params={"role": "lead"})
    assert task_ids(led) == [f"{ZHEJIANG}/T01"]
    assert task_ids(client.get(f"/agencies/{quote(ZJ_MR)}/tasks")) == [f"{ZHEJIANG}/T01", f"{ZHEJIANG}/T02"]


def test_documents_and_outline(client):
    docs = client.get("/documents").json()["items"]
    assert {d["doc_id"] for d in docs} == {NATIONAL, ZHEJIANG, TONGLING}
    outline = client.get(f"/documents/{TONGLING}").json()
    assert outline["document"]["title"] == "铜陵市样例工作方案"
    assert [len(s["tasks"]) for s in outline["sections"]] == [0, 3]


def test_targets_topics_and_comparison(client):
    items = client.get("/targets", params={"jurisdiction": "铜陵"}).json()["items"]
    assert [(t["value"], t["unit"]) for t in items] == [(155, "项")]
    cmp = client.get("/targets/compare", params={"metric": "计量标准", "min_jurisdictions": 2}).json()
    assert [v["jurisdiction"] for v in cmp["items"][0]["values"]] == ["浙江省", "铜陵市"]
    topics = client.get("/topics").json()["items"]
    assert topics[0]["key"] == "carbon-metrology" and topics[0]["task_count"] == 3
    cov = client.get("/topics/coverage", params={"doc_id": ZHEJIANG}).json()["items"]
    assert [(c["topic"], c["task_count"]) for c in cov] == [("carbon-metrology", 1)]


def test_network_json_graphml_csv(client):
    net = client.get("/network/agencies", params={"doc_id": TONGLING}).json()
    assert {n["id"] for n in net["nodes"]} == {TL_MR, TL_ST, TL_FIN}
    edge = next(e for e in net["edges"] if {e["source"], e["target"]} == {TL_ST, TL_FIN})
    assert (edge["weight"], edge["lead_co"], edge["co_co"]) == (2, 1, 1)
    fin = next(n for n in net["nodes"] if n["id"] == TL_FIN)
    assert (fin["lead_count"], fin["co_count"]) == (0, 2)
    graphml = client.get("/network/agencies", params={"doc_id": TONGLING, "format": "graphml"})
    root = ET.fromstring(graphml.content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:node", ns)) == 3 and len(root.findall(".//g:edge", ns)) == 3
    text = client.get("/network/agencies", params={"doc_id": TONGLING, "format": "csv"}).text.lstrip("\ufeff")
    assert len(list(csv.DictReader(io.StringIO(text)))) == 3
    functions = client.get("/network/agencies", params={"level": "function"}).json()
    assert {n["id"] for n in functions["nodes"]} == {"market_regulation", "science_technology", "finance"}


def test_queries_catalogue_endpoints(client):
    names = {q["name"] for q in client.get("/queries").json()["items"]}
    assert {"tasks", "search", "implementation_coverage"} <= names
    run = client.get("/queries/unimplemented_clauses").json()
    assert [r["clause_id"] for r in run["items"]] == [f"{NATIONAL}/T02", f"{NATIONAL}/T03"]
    assert (run["total"], run["next"]) == (2, None)
    run = client.get("/queries/tasks", params={"agency": "市科技局", "role": "lead"}).json()
    assert run["params"]["role"] == "lead" and [r["task_id"] for r in run["items"]] == [f"{TONGLING}/T02"]
    paged = client.get("/queries/unimplemented_clauses", params={"limit": 1, "offset": 1}).json()
    assert [r["clause_id"] for r in paged["items"]] == [f"{NATIONAL}/T03"] and paged["total"] == 2
    text = client.get("/queries/agency_workload", params={"doc_id": TONGLING, "format": "csv"}).text
    assert text.lstrip("\ufeff").startswith("agency_id,")


@pytest.mark.parametrize(
    ("url", "params", "status", "code"),
    [
        ("/tasks", {"led_by": "不存在的委员会"}, 422, "unknown_value"),
        ("/tasks", {"topic": "quantum-gravity"}, 422, "unknown_value"),
        ("/tasks", {"year": "soon"}, 422, "bad_parameter"),
        ("/tasks", {"role": "boss"}, 422, "bad_parameter"),
        ("/tasks", {"limit": 0}, 422, "bad_parameter"),
        ("/tasks", {"led_by": "市科技局", "agency": "市财政局"}, 422, "bad_parameter"),
        ("/tasks/d-000000000000/T99", {}, 404, "not_found"),
        ("/agencies/无此单位", {}, 404, "not_found"),
        ("/agencies/无此单位/tasks", {}, 404, "not_found"),
        ("/documents/d-000000000000", {}, 404, "not_found"),
        ("/queries/nope", {}, 404, "unknown_query"),
        ("/queries/tasks", {"colour": "red"}, 422, "bad_parameter"),
        ("/queries/agency_profile", {}, 422, "bad_parameter"),
        ("/queries/tasks", {"limit": "many"}, 422, "bad_parameter"),
        ("/network/agencies", {"level": "planet"}, 422, "bad_parameter"),
        ("/tasks", {"format": "xlsx"}, 422, "bad_parameter"),
    ],
)
def test_bad_input_is_a_clear_4xx_json(client, url, params, status, code):
    resp = client.get(url, params=params)
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert body["error"] == code and body["message"]


def test_openapi_document_validates(client):
    from openapi_spec_validator import validate

    spec = client.get("/openapi.json").json()
    validate(spec)
    assert "/tasks" in spec["paths"] and "/cypher" in spec["paths"]
    led_by = next(p for p in spec["paths"]["/tasks"]["get"]["parameters"] if p["name"] == "led_by")
    assert {e["value"] for e in led_by["examples"].values()} >= {"市场监管局", "market_regulation"}


def test_root_is_left_to_the_static_page(client):
    from plangraph.api.app import STATIC_DIR

    resp = client.get("/")
    assert resp.status_code == (200 if (STATIC_DIR / "index.html").is_file() else 404)
