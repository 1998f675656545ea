"""List answers on the seeds: totals, next links, facets and sort checked against counts computed here from a
plain dump of the graph; unknown parameters refused; CSV everywhere a list is returned; the agency Excel file."""

from __future__ import annotations

import csv
import io
from collections import Counter
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from plangraph.api.app import create_app

# one row per task with everything the facets group by, aggregated in Python below (not by the catalogue)
DUMP = """
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
RETURN t.task_id AS task_id, d.doc_id AS doc_id, d.jurisdiction AS jurisdiction, d.province AS province,
       t.title AS title, t.text AS text, t.deadline_years AS deadline_years,
       [(a:Agency)-[r:RESPONSIBLE_FOR]->(t) | [a.agency_id, r.role, a.function]] AS units,
       [(t)-[:CITES]->(p:Topic) | p.key] AS topics,
       [(t)-[:SETS]->(:Target)-[:DUE]->(y:Year) | y.year] AS years
"""
LIST_ENDPOINTS = ["/tasks", "/agencies", "/documents", "/targets", "/targets/compare", "/topics",
                  "/topics/coverage", "/queries"]  # fmt: skip


@pytest.fixture(scope="module")
def client(seeded_store, falkor_settings):
    settings = falkor_settings.model_copy(update={"graph_name": "plangraph_seeds"})
    return TestClient(create_app(settings, seeded_store))


@pytest.fixture(scope="module")
def tasks(seeded_store):
    return seeded_store.read(DUMP)


def expected_facets(rows: list[dict]) -> dict[str, Counter]:
    """Facet counts computed in Python: each task counted once per distinct value."""
    out: dict[str, Counter] = {k: Counter() for k in
                               ("lead_agency", "function", "jurisdiction", "document", "topic", "role", "year")}
    for t in rows:
        leads = {u[0] for u in t["units"] if u[1] == "lead"}
        out["lead_agency"].update(leads)
        out["function"].update({u[2] for u in t["units"] if u[1] == "lead" and u[2]})
        if t["jurisdiction"]:
            out["jurisdiction"][t["jurisdiction"]] += 1
        out["document"][t["doc_id"]] += 1
        out["topic"].update(set(t["topics"]))
        out["role"].update({u[1] for u in t["units"]} or {"none"})
        out["year"].update({str(y) for y in set(t["years"]) | set(t["deadline_years"] or [])})
    return out


def got_facets(body: dict) -> dict[str, Counter]:
    return {name: Counter({v["value"]: v["count"] for v in facet["values"]})
            for name, facet in body["facets"].items()}  # fmt: skip


def walk_pages(client: TestClient, url: str, params: dict) -> tuple[list[dict], int]:
    """Every item by following ``next`` links; also checks total stays the same on each page."""
    body = client.get(url, params=params).json()
    items, total = list(body["items"]), body["total"]
    while body["next"]:
        body = client.get(body["next"]).json()
        assert body["total"] == total
        items += body["items"]
    return items, total


@pytest.mark.parametrize(
    ("params", "keep"),
    [
        ({}, lambda t: True),
        ({"jurisdiction": "浙江省"}, lambda t: "浙江省" in (t["jurisdiction"], t["province"])),
        ({"topic": "carbon-metrology"}, lambda t: "carbon-metrology" in t["topics"]),
        ({"text": "计量体系"}, lambda t: "计量体系" in (t["title"] or "") + "\n" + (t["text"] or "")),
    ],
    ids=["all", "jurisdiction", "topic", "text"],
)
def test_tasks_total_and_facets_match_independent_counts(client, tasks, params, keep):
    body = client.get("/tasks", params={**params, "limit": 3, "facet_size": 1000}).json()
    matching = [t for t in tasks if keep(t)]
    assert body["total"] == len(matching) > 3
    assert got_facets(body) == expected_facets(matching)
    assert body["count"] == len(body["items"]) == 3
    items, total = walk_pages(client, "/tasks", {**params, "limit": 3, "facet_size": 0})
    assert len(items) == total == body["total"]
    assert len({i["task_id"] for i in items}) == total  # pages neither overlap nor skip


def test_facet_counts_agree_with_filtered_totals(client):
    body = client.get("/tasks", params={"facet_size": 1000}).json()
    for facet, param in (("jurisdiction", "jurisdiction"), ("document", "doc_id"), ("topic", "topic")):
        for value in body["facets"][facet]["values"]:
            sub = client.get("/tasks", params={param: value["value"], "facet_size": 0}).json()
            if facet == "jurisdiction":  # a province also matches the cities in it
                assert sub["total"] >= value["count"], value
            else:
                assert sub["total"] == value["count"], (facet, value)


def test_facets_are_truncated_to_facet_size(client):
    body = client.get("/tasks", params={"facet_size": 2}).json()
    lead = body["facets"]["lead_agency"]
    assert len(lead["values"]) == 2 and lead["truncated"]
    counts = [v["count"] for v in lead["values"]]
    assert counts == sorted(counts, reverse=True)


def test_total_of_agency_tasks_and_documents(client, tasks):
    agency = "浙江省市场监督管理局"
    body = client.get(f"/agencies/{quote(agency)}/tasks", params={"role": "lead", "limit": 5}).json()
    assert body["total"] == sum(1 for t in tasks if [agency, "lead", "market_regulation"] in t["units"]) == 22
    assert body["count"] == 5 and "offset=5" in body["next"] and "role=lead" in body["next"]
    docs = client.get("/documents", params={"limit": 2}).json()
    assert docs["total"] == len({t["doc_id"] for t in tasks}) == 5 and docs["count"] == 2


@pytest.mark.parametrize("url", LIST_ENDPOINTS)
def test_every_list_has_total_limit_offset_next_and_csv(client, url):
    body = client.get(url, params={"limit": 1}).json()
    assert {"items", "total", "limit", "offset", "count", "next"} <= set(body), url
    assert body["limit"] == 1 and body["offset"] == 0 and body["total"] >= body["count"]
    assert (body["next"] is None) == (body["total"] <= 1)
    resp = client.get(url, params={"format": "csv"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv"), url
    rows = list(csv.reader(io.StringIO(resp.text.lstrip("\ufeff"))))
    assert len(rows) >= 2
    assert not any(cell.startswith(("{", "[{")) for row in rows for cell in row), url  # flat cells


@pytest.mark.parametrize("url", LIST_ENDPOINTS + ["/tasks/x/T01", "/health", "/network/agencies"])
def test_unknown_query_parameter_is_a_422_naming_it(client, url):
    resp = client.get(url, params={"colour": "red", "sort_by": "title"})
    assert resp.status_code == 422, (url, resp.text)
    body = resp.json()
    assert body["error"] == "unknown_parameter" and body["detail"] == ["colour", "sort_by"]
    assert "'colour'" in body["message"] and "'sort_by'" in body["message"]


def test_tasks_sort(client):
    by_title = client.get("/tasks", params={"sort": "title", "limit": 500, "facet_size": 0}).json()["items"]
    titles = [t["title"] or "" for t in by_title]
    assert titles == sorted(titles)
    desc = client.get("/tasks", params={"sort": "-title", "limit": 500, "facet_size": 0}).json()["items"]
    assert [t["title"] or "" for t in desc] == sorted(titles, reverse=True)
    juris = client.get("/tasks", params={"sort": "-jurisdiction", "limit": 500, "facet_size": 0}).json()["items"]
    assert [t["jurisdiction"] for t in juris] == sorted((t["jurisdiction"] for t in juris), reverse=True)
    assert client.get("/tasks", params={"sort": "colour"}).status_code == 422


def test_agency_tasks_as_excel(client, tasks):
    from openpyxl import load_workbook

    agency = "铜陵市市场监督管理局"
    resp = client.get(f"/agencies/{quote(agency)}/tasks", params={"format": "xlsx"})
    assert resp.status_code == 200 and "spreadsheetml" in resp.headers["content-type"]
    book = load_workbook(io.BytesIO(resp.content))
    assert book.sheetnames == ["牵头任务 lead", "配合任务 co"]
    for sheet, role in zip(book.worksheets, ("lead", "co"), strict=True):
        header, *rows = list(sheet.iter_rows(values_only=True))
        expected = sum(1 for t in tasks if any(u[0] == agency and u[1] == role for u in t["units"]))
        assert len(rows) == expected > 0, role
        assert "task_id" in header and "lead_name" in header
        assert not any(isinstance(c, str) and c.startswith("{") for r in rows for c in r)


def test_every_endpoint_is_documented_with_examples(client):
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            for param in op.get("parameters", []):
                assert "example" in param or "examples" in param, (method, path, param["name"])
            body = op.get("requestBody", {}).get("content", {}).get("application/json")
            if body:  # a JSON body's model carries field examples
                ref = body["schema"]["$ref"].rsplit("/", 1)[-1]
                props = spec["components"]["schemas"][ref]["properties"]
                assert any("examples" in p for p in props.values()), (method, path)
    assert spec["paths"]["/tasks"]["get"]["parameters"]


def test_every_catalogue_query_has_an_example_that_answers_on_the_seeds(client):
    catalogue = client.get("/queries", params={"limit": 1000}).json()["items"]
    assert catalogue
    for query in catalogue:
        assert query["examples"], query["name"]
        for example in query["examples"]:
            params = dict(item.split("=", 1) for item in example.split())
            body = client.get(f"/queries/{query['name']}", params=params).json()
            assert body.get("total", 0) > 0, (query["name"], example, body)


def test_graphml_of_the_seeds_reads_back_with_display_labels(client, seeded_store, tmp_path):
    import networkx as nx
    from plangraph.graph.export import export_graph

    counts = export_graph(seeded_store, "graphml", tmp_path / "seeds.graphml")
    graph = nx.read_graphml(tmp_path / "seeds.graphml")
    assert graph.number_of_nodes() == counts["nodes"] and graph.number_of_edges() == counts["edges"]
    agencies = [d for _, d in graph.nodes(data=True) if d["type"] == "Agency"]
    assert agencies and all(d["label"] == d["name"] for d in agencies)
    documents = [d for _, d in graph.nodes(data=True) if d["type"] == "Document" and d.get("title")]
    assert documents and all(d["label"] == d["title"] for d in documents)
    assert not {d["label"] for _, d in graph.nodes(data=True)} & {"Agency", "Task", "Document"}
    network = nx.read_graphml(io.BytesIO(client.get("/network/agencies", params={"jurisdiction": "铜陵市",
                                                                              "format": "graphml"}).content))
    assert network.number_of_nodes() > 0
    assert all(d["label"] == d["name"] for _, d in network.nodes(data=True))


def test_network_queries_answer_graphml(client):
    import networkx as nx

    rows = client.get("/queries/co_responsibility_network", params={"jurisdiction": "铜陵市"}).json()
    resp = client.get("/queries/co_responsibility_network", params={"jurisdiction": "铜陵市", "format": "graphml"})
    assert resp.status_code == 200 and "graphml" in resp.headers["content-type"]
    graph = nx.read_graphml(io.BytesIO(resp.content))
    assert graph.number_of_edges() == rows["total"] > 0
    assert all(d["label"] == d["name"] for _, d in graph.nodes(data=True))
    refused = client.get("/queries/topics", params={"format": "graphml"})
    assert refused.status_code == 422 and "does not return edges" in refused.json()["message"]


def test_facets_only_when_asked(client):
    plain = client.get("/tasks", params={"limit": 2}).json()
    assert plain["facets"] == {} and plain["total"] > 2
    asked = client.get("/tasks", params={"limit": 2, "facet_size": 5}).json()
    assert asked["facets"]["document"]["values"] and asked["total"] == plain["total"]
    assert asked["items"] == plain["items"]


def test_search_pages_and_total(client, tasks):
    full = client.get("/queries/search", params={"q": "计量", "limit": 1000}).json()
    assert full["total"] == full["count"] == len(full["items"]) > 2
    assert {i["task_id"] for i in full["items"]} <= {t["task_id"] for t in tasks}
    first = client.get("/queries/search", params={"q": "计量", "limit": 2}).json()
    assert first["total"] == full["total"] and first["count"] == 2 and first["next"]
    items, total = walk_pages(client, "/queries/search", {"q": "计量", "limit": 2})
    assert total == full["total"] and [i["task_id"] for i in items] == [i["task_id"] for i in full["items"]]
    leads = {t["task_id"]: next((u[0] for u in t["units"] if u[1] == "lead"), None) for t in tasks}
    assert all((i["lead"] is None) == (leads[i["task_id"]] is None) for i in full["items"])


@pytest.mark.parametrize("limit", [1, 3, 1000])
def test_totals_of_short_and_full_pages_agree(client, limit):
    """A page that is not full gives its total without a count query; a full one asks the count query."""
    whole = client.get("/tasks", params={"jurisdiction": "浙江省", "limit": 1000}).json()
    body = client.get("/tasks", params={"jurisdiction": "浙江省", "limit": limit}).json()
    assert body["total"] == whole["total"] == whole["count"]
    last = client.get("/tasks", params={"jurisdiction": "浙江省", "limit": limit,
                                        "offset": whole["total"] - 1}).json()  # fmt: skip
    past = client.get("/tasks", params={"jurisdiction": "浙江省", "limit": limit, "offset": whole["total"] + 5}).json()
    assert last["total"] == past["total"] == whole["total"] and last["count"] == 1 and past["count"] == 0


@pytest.mark.parametrize("url", [
    "/tasks?limit=5&facet_size=3", "/tasks?led_by=市场监管局&topic=碳计量", "/agencies?q=市场监管局", "/agencies",
    "/targets?limit=5", "/queries/search?q=计量&limit=5", "/queries/tasks?jurisdiction=浙江省&limit=3",
    "/documents?limit=3", f"/agencies/{quote('浙江省市场监督管理局', safe='')}/tasks",
])  # fmt: skip
def test_bodies_written_without_validation_match_their_models(client, url):
    """Hot endpoints serialise their rows directly: the body must be what the response model would give."""
    from plangraph.api import models
    from pydantic import TypeAdapter

    path = url.split("?")[0]
    model = TypeAdapter({"/tasks": models.TaskPage, "/agencies": models.Page[models.AgencyMatchRow],
                         "/targets": models.Page[models.TargetRow], "/documents": models.Page[models.DocumentRow]}
                        .get(path) or (models.QueryResult if path.startswith("/queries/")
                                       else models.Page[models.TaskRow]))  # fmt: skip
    body = client.get(url).json()
    assert model.dump_python(model.validate_python(body), mode="json") == body
    assert body["items"]


def test_document_body_matches_its_model(client, tasks):
    from plangraph.api.models import DocumentOutline

    doc_id = tasks[0]["doc_id"]
    body = client.get(f"/documents/{quote(doc_id, safe='')}").json()
    assert DocumentOutline.model_validate(body).model_dump(mode="json") == body
    assert body["document"]["doc_id"] == doc_id and body["sections"]
