"""Typo-tolerant agency search: rapidfuzz over names, aliases and English labels; /agencies falls back to it."""

from __future__ import annotations

from typing import Any

import pytest
from plangraph.api.agency_fuzzy import FUZZY_MAX_SCORE, fuzzy_index, suggest_agencies
from plangraph.graph.catalogue import Vocabulary


def _row(agency_id: str, name_en: str, aliases: list[str], lead: int = 0, **extra: Any) -> dict[str, Any]:
    return {"agency_id": agency_id, "name": agency_id, "name_en": name_en, "aliases": aliases,
            "lead_count": lead, "co_count": 0, **extra}  # fmt: skip


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary(
        [
            _row("甲省市场监督管理局", "Jia Provincial Administration for Market Regulation", ["省市场监管局"], 5),
            _row("甲省发展和改革委员会", "Jia Provincial Development and Reform Commission", ["省发展改革委"], 3),
            _row("乙市市场监督管理局", "Yi Municipal Administration for Market Regulation", ["市市场监管局"], 1),
            _row("乙市教育局", "Yi Municipal Education Bureau", [], 0),
        ],
        [],
    )


@pytest.mark.parametrize(
    ("typo", "expected"),
    [
        ("甲省市场监督管里局", "甲省市场监督管理局"),  # a wrong character
        ("甲省市场监管理局", "甲省市场监督管理局"),  # a missing character
        ("甲省发展和改格委员会", "甲省发展和改革委员会"),  # a homophone
        ("Jia Provincial Administraton for Market Regulaton", "甲省市场监督管理局"),  # English misspelt
        ("乙市教肓局", "乙市教育局"),
    ],
)
def test_a_typo_suggests_the_right_agency_first(vocabulary: Vocabulary, typo: str, expected: str) -> None:
    assert not vocabulary.match_agencies(typo)  # the exact matcher does not forgive
    found = suggest_agencies(vocabulary, typo)
    assert found and found[0].agency_id == expected
    assert all(m.reason == "fuzzy" and 0 < m.score <= FUZZY_MAX_SCORE for m in found)


def test_unrelated_text_suggests_nothing(vocabulary: Vocabulary) -> None:
    assert suggest_agencies(vocabulary, "xyz") == []
    assert suggest_agencies(vocabulary, "   ") == []


def test_the_index_is_built_once_per_vocabulary(vocabulary: Vocabulary) -> None:
    index = fuzzy_index(vocabulary)
    assert fuzzy_index(vocabulary) is index
    assert "省市场监管局" in index.forms and "yi municipal education bureau" in index.forms
    assert suggest_agencies(vocabulary, "乙市教肓局") is suggest_agencies(vocabulary, "乙市教肓局")  # memoised


def test_the_api_falls_back_to_suggestions(seeded_store: Any) -> None:
    from fastapi.testclient import TestClient
    from plangraph.api.app import create_app

    client = TestClient(create_app(store=seeded_store))
    body = client.get("/agencies", params={"q": "浙江省市场监督管里局"}).json()
    assert body["items"][0]["agency_id"] == "浙江省市场监督管理局"
    assert {r["matched_by"] for r in body["items"]} == {"fuzzy"} and body["total"] == len(body["items"])
    exact = client.get("/agencies", params={"q": "浙江省市场监督管理局"}).json()
    assert "fuzzy" not in {r["matched_by"] for r in exact["items"]}  # an exact hit is not mixed with guesses
    assert client.get("/agencies", params={"q": "xyz"}).json()["total"] == 0
