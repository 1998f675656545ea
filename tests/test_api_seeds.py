"""Acceptance on the seed corpus: the headline query and the agency search (issue 7)."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from plangraph.api.app import create_app

ZJ_MR = "浙江省市场监督管理局"
HEADLINE = {
    ("助力美丽浙江建设", "浙江省"),
    ("加强碳计量服务", "铜陵市"),
    ("参与碳计量技术研究", "铜陵市"),
    ("强化能源资源计量管理", "铜陵市"),
}


@pytest.fixture(scope="module")
def client(seeded_engine_store, settings_for):
    return TestClient(create_app(settings_for("plangraph_seeds"), seeded_engine_store))


@pytest.mark.parametrize(
    "params",
    [
        {"led_by": "市场监管局", "topic": "碳计量"},
        {"led_by": "market_regulation", "topic": "carbon-metrology"},
    ],
    ids=["chinese", "english"],
)
def test_headline_query(client, params):
    resp = client.get("/tasks", params=params)
    assert resp.status_code == 200, resp.text
    items = resp.json()["items"]
    assert {(t["title"], t["jurisdiction"]) for t in items} == HEADLINE
    assert len(items) == 4
    for t in items:
        expected_lead = "省市场监管局" if t["jurisdiction"] == "浙江省" else "市市场监管局"
        assert t["lead"]["printed"] == expected_lead, t
        carbon = next(tp for tp in t["topics"] if tp["key"] == "carbon-metrology")
        assert any("碳" in term for term in carbon["terms"]), t  # the carbon terms it cites


def test_headline_same_in_both_forms(client):
    zh = client.get("/tasks", params={"led_by": "市场监管局", "topic": "碳计量"}).json()
    en = client.get("/tasks", params={"led_by": "market_regulation", "topic": "carbon-metrology"}).json()
    assert zh == en


@pytest.mark.parametrize("q", ["浙江省市场监督管理局", "省市场监管局", "market regulation"])
def test_agency_search_finds_zhejiang_market_regulation(client, q):
    items = client.get("/agencies", params={"q": q}).json()["items"]
    assert ZJ_MR in [i["agency_id"] for i in items]
    assert items[0]["agency_id"] == ZJ_MR  # ranked first (exact, alias, or most tasks led)


def test_zhejiang_market_regulation_leads_22_tasks(client):
    profile = client.get(f"/agencies/{quote(ZJ_MR)}").json()
    assert profile["lead_count"] == 22
    led = client.get(f"/agencies/{quote(ZJ_MR)}/tasks", params={"role": "lead", "limit": 100}).json()
    assert led["count"] == 22
