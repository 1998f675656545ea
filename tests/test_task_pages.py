"""The API's per-entry-point task pages (``tasks_by_*`` + ``plangraph.api.task_pages``) against the ``tasks``
catalogue query, on both engines: the same filters give the same rows (every column, in the same order) and the
same total, for every entry point, role, sort, direction and page, on the hand-written sample graph and on the
seeds."""

from __future__ import annotations

from itertools import product
from typing import Any

import pytest
from plangraph.api.task_pages import entry_query, task_page
from plangraph.graph.catalogue import Resolver, UnknownValue, run_query, run_query_page
from queries_sample import TL_MR, ZHEJIANG, ZJ_MR, ZJ_ST, build_sample_graph

OLD_TIMEOUT_MS = 300_000
SORTS = [("document", False), ("title", True), ("jurisdiction", False), ("lead", True)]


class _Runner:
    """What :func:`task_page` needs of the API's runner: a resolver and ``page``."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.resolver = Resolver(store)

    def page(self, name: str, params: dict[str, Any]) -> tuple[list[dict[str, Any]], int | None]:
        return run_query_page(self.store, name, params, resolver=self.resolver)


def _old(store: Any, filters: dict[str, Any], **paging: Any) -> tuple[list[dict[str, Any]], int | None]:
    # Neo4j plans the long ``tasks`` text anew for each combination of null filters (seconds on a busy machine)
    return run_query_page(store, "tasks", {**filters, **paging}, timeout_ms=OLD_TIMEOUT_MS)


def assert_same(store: Any, filters: dict[str, Any], *, pages: tuple[tuple[int, int], ...] = ((100, 0), (2, 1)),
                sorts: list[tuple[str, bool]] = SORTS) -> int:  # fmt: skip
    """The new path equals ``tasks`` for ``filters`` under every sort and page; returns the total."""
    runner = _Runner(store)
    total = None
    for (sort, descending), (limit, offset) in product(sorts, pages):
        paging = {"sort": sort, "descending": descending, "limit": limit, "offset": offset}
        want = _old(store, filters, **paging)
        got = task_page(runner, filters, **paging)
        assert got == want, (filters, paging)
        total = want[1] if want[1] is not None else total
    return total or 0


@pytest.fixture(scope="module")
def sample(engine_graph):
    return engine_graph("plangraph_task_pages", build_sample_graph)


def test_entry_point_follows_the_tasks_gates():
    assert entry_query({"agency": "x", "role": "lead", "topic": "t", "doc_id": "d"}) == "tasks_by_lead_topic"
    assert entry_query({"agency": "x", "role": "lead"}) == "tasks_by_lead"
    assert entry_query({"agency": "x", "role": "co", "topic": "t"}) == "tasks_by_agency"
    assert entry_query({"agency": "  ", "role": "any", "doc_id": "", "topic": "t"}) == "tasks_by_document"
    assert entry_query({"topic": "t", "jurisdiction": "浙江省"}) == "tasks_by_topic"
    assert entry_query({"topic": " ", "jurisdiction": "浙江省"}) == "tasks_by_jurisdiction"
    assert entry_query({"year": 2025, "text": "计量"}) == "tasks_all"


@pytest.mark.parametrize("filters", [
    {"agency": "市场监管局", "role": "lead", "topic": "碳计量"},
    {"agency": "market_regulation", "role": "lead", "topic": "carbon-metrology", "jurisdiction": "浙江"},
    {"agency": "市场监管局", "role": "lead"},
    {"agency": ZJ_MR, "role": "co"},
    {"agency": ZJ_ST, "role": "any", "text": "计量"},
    {"doc_id": ZHEJIANG, "topic": "碳计量"},
    {"topic": "碳计量", "jurisdiction": "安徽"},
    {"jurisdiction": "安徽省"},
    {"jurisdiction": "铜陵市", "year": 2027},
    {"jurisdiction": "安徽"},
    {"jurisdiction": "不存在的地方", "text": "计量"},
    {"year": 2025},
])  # fmt: skip
def test_sample_pages_equal_the_tasks_query(sample, filters):
    assert_same(sample, filters, sorts=SORTS[::3])


def test_sample_totals_are_the_numbers_of_matching_tasks(sample):
    assert assert_same(sample, {"agency": "市场监管局", "role": "lead", "topic": "碳计量"}) == 3
    assert assert_same(sample, {"jurisdiction": "安徽省"}, sorts=SORTS[:1]) == 3
    assert assert_same(sample, {"agency": TL_MR, "role": "any"}, sorts=SORTS[:1]) == len(
        run_query(sample, "tasks", {"agency": TL_MR, "limit": 1000}))
    # a page past the end has no rows and no total of its own (the runner then counts with tasks_count)
    assert task_page(_Runner(sample), {"jurisdiction": "安徽省"}, limit=5, offset=50) == ([], None)


def test_unknown_values_are_refused_like_tasks(sample):
    with pytest.raises(UnknownValue, match="unknown agency"):
        task_page(_Runner(sample), {"agency": "不存在的委员会", "role": "lead"}, limit=10, offset=0)
    with pytest.raises(UnknownValue, match="unknown topic"):
        task_page(_Runner(sample), {"topic": "quantum-gravity"}, limit=10, offset=0)


def test_seed_pages_equal_the_tasks_query(seeded_engine_store):
    store = seeded_engine_store
    agencies = [r["agency_id"] for r in store.read(
        "MATCH (a:Agency)-[:RESPONSIBLE_FOR]->() RETURN a.agency_id AS agency_id, count(*) AS n "
        "ORDER BY n DESC, agency_id LIMIT 4")]  # fmt: skip
    docs = [r["doc_id"] for r in store.read(
        "MATCH (d:Document)-[:HAS_TASK]->() RETURN DISTINCT d.doc_id AS doc_id ORDER BY doc_id")]  # fmt: skip
    topics = [r["key"] for r in store.read(
        "MATCH (k:Topic)<-[:CITES]-() RETURN k.key AS key, count(*) AS n ORDER BY n DESC, key LIMIT 3")]  # fmt: skip
    places = [r["j"] for r in store.read(
        "MATCH (d:Document) WHERE d.jurisdiction IS NOT NULL RETURN DISTINCT d.jurisdiction AS j ORDER BY j")]
    provinces = [r["p"] for r in store.read(
        "MATCH (d:Document) WHERE d.province IS NOT NULL RETURN DISTINCT d.province AS p ORDER BY p")]
    assert agencies and docs and topics and places
    pages = ((100, 0), (7, 5))
    cases: list[dict[str, Any]] = []
    for aid, role in product(agencies, ("lead", "co", "any")):
        cases.append({"agency": aid, "role": role})
    cases += [{"agency": "市场监管局", "role": "lead", "topic": k} for k in topics]
    cases += [{"agency": "科技", "role": "lead", "topic": topics[0], "year": 2025}]
    cases += [{"doc_id": d} for d in docs] + [{"topic": k} for k in topics]
    cases += [{"jurisdiction": j} for j in places + provinces] + [{"jurisdiction": p[:2]} for p in provinces]
    cases += [{"topic": topics[0], "jurisdiction": provinces[0]}, {"year": 2025}, {"text": "计量"}]
    totals = []
    for filters in cases:
        try:
            totals.append(assert_same(store, filters, pages=pages, sorts=SORTS[:2]))
        except UnknownValue:
            with pytest.raises(UnknownValue):
                task_page(_Runner(store), filters, limit=10, offset=0)
    assert max(totals) > 7  # some answers span several pages
