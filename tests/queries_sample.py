"""A small hand-written graph for the catalogue and API tests: three plans loaded through the loader.

- a national plan (3 clauses: one inferred lead, two without anyone responsible);
- a Zhejiang provincial plan (2 tasks, explicit 责任单位, one target);
- a Tongling municipal plan (3 tasks, one without 责任单位, one target tied to a task), which implements the
  national plan; its first task implements the national clause N1 (the edge is written by the test setup).
"""

from __future__ import annotations

import hashlib

from plangraph.graph.loader import load_document


def _doc_id(title_key: str) -> str:
    return "d-" + hashlib.sha1(title_key.encode("utf-8")).hexdigest()[:12]


NATIONAL = _doc_id("样例计量发展规划")
ZHEJIANG = _doc_id("浙江省样例实施意见")
TONGLING = _doc_id("铜陵市样例工作方案")

SAMR = "国家市场监督管理总局"
ZJ_MR = "浙江省市场监督管理局"
ZJ_ST = "浙江省科学技术厅"
ZJ_FIN = "浙江省财政厅"
TL_MR = "铜陵市市场监督管理局"
TL_ST = "铜陵市科学技术局"
TL_FIN = "铜陵市财政局"

_FUNCTIONS = {
    "market_regulation": ("市场监管", "market regulation"),
    "science_technology": ("科技", "science and technology"),
    "finance": ("财政", "finance"),
}


def _agency(agency_id: str, name_en: str, function: str, level: str, jurisdiction: str, province: str,
            aliases: list[str]) -> dict:  # fmt: skip
    zh, en = _FUNCTIONS[function]
    return {
        "agency_id": agency_id, "name": agency_id, "name_en": name_en, "function": function,
        "function_zh": zh, "function_en": en, "level": level, "jurisdiction": jurisdiction,
        "province": province, "kind": "department", "aliases": aliases, "printed": aliases[:1],
        "successor_id": None,
    }  # fmt: skip


def _task(local: str, number: str | None, title: str, start: int, *, section: str | None,
          lead: tuple[str, str] | None = None, co: list[tuple[str, str]] | None = None,
          source: str = "explicit", topics: dict[str, list[str]] | None = None,
          deadline: int | None = None) -> dict:  # fmt: skip
    co = co or []
    text = f"{number or ''}{title}。围绕{title}开展工作。"
    resp = None
    if lead and source == "explicit":
        resp = "(责任单位:" + "、".join([lead[1], *(c[1] for c in co)]) + ")"
    quote = text + (resp or "")
    return {
        "id": local, "section": section, "number": number, "title": title, "quote": quote,
        "start": start, "end": start + len(quote), "text": quote, "section_title": section, "zone": "task",
        "lead": lead[1] if lead else None, "co": [c[1] for c in co],
        "lead_id": lead[0] if lead else None, "co_ids": [c[0] for c in co],
        "responsibility_source": source if lead else "none", "responsibility_quote": resp,
        "responsibility_start": start + len(text) if resp else None,
        "responsibility_end": start + len(quote) if resp else None,
        "deadline": deadline, "generic_actors": [],
        "topics": sorted(topics or {}),
        "topic_terms": [{"topic": k, "term": t, "start": start, "end": start + len(t)}
                        for k, terms in (topics or {}).items() for t in terms],
    }  # fmt: skip


def _document(title: str, title_key: str, doc_id: str, level: str, jurisdiction: str, province: str | None,
              issuer: str, implements_refs: list[dict] | None = None) -> dict:  # fmt: skip
    return {
        "title": title, "issuer": issuer, "issued_on": "2022-01-01", "doc_number": None, "level": level,
        "jurisdiction": jurisdiction, "period": [2021, 2035], "implements": [r["title"] for r in implements_refs or []],
        "doc_id": doc_id, "title_key": title_key, "wrapper_title": None, "province": province,
        "sha256": hashlib.sha256(title.encode()).hexdigest(), "format": "txt", "encoding": "utf-8",
        "script": "simplified", "implements_refs": implements_refs or [],
    }  # fmt: skip


def _section(local: str, number: str, title: str, parent: str | None, depth: int, start: int) -> dict:
    return {"id": local, "number": number, "title": title, "parent": parent, "depth": depth, "zone": "task",
            "quote": f"{number}{title}", "start": start, "end": start + len(number) + len(title)}  # fmt: skip


def national() -> dict:
    return {
        "file": "national.txt",
        "document": _document("样例计量发展规划", "样例计量发展规划", NATIONAL, "national", "中国", None, "国务院"),
        "sections": [_section("S1", "三", "主要任务", None, 1, 0)],
        "tasks": [
            _task("T01", "(一)", "加强碳计量研究", 10, section="三", lead=(SAMR, "市场监管总局"), source="inferred",
                  topics={"carbon-metrology": ["碳计量"]}),
            _task("T02", "(二)", "完善法制计量体系", 60, section="三"),
            _task("T03", "(三)", "培养计量人才", 110, section="三"),
        ],
        "targets": [],
        "milestone_years": [2025, 2035],
        "agencies": [{"agency_id": SAMR, "name": SAMR, "name_en": "State Administration for Market Regulation",
                      "function": "market_regulation", "function_zh": "市场监管", "function_en": "market regulation",
                      "level": "national", "jurisdiction": "中国", "province": None, "kind": "department",
                      "aliases": ["市场监管总局"], "printed": ["市场监管总局"], "successor_id": None}],
        "warnings": [],
    }  # fmt: skip


def zhejiang() -> dict:
    return {
        "file": "zhejiang.txt",
        "document": _document("浙江省样例实施意见", "浙江省样例实施意见", ZHEJIANG, "provincial", "浙江省", "浙江省",
                              "浙江省人民政府"),
        "sections": [_section("S1", "二", "重点任务", None, 1, 0)],
        "tasks": [
            _task("T01", "1.", "助力美丽浙江建设", 10, section="二", lead=(ZJ_MR, "省市场监管局"),
                  co=[(ZJ_ST, "省科技厅")], topics={"carbon-metrology": ["碳计量", "碳排放"]}),
            _task("T02", "2.", "推进计量科技创新", 80, section="二", lead=(ZJ_ST, "省科技厅"),
                  co=[(ZJ_MR, "省市场监管局"), (ZJ_FIN, "省财政厅")]),
        ],
        "targets": [{"id": "G01", "task_id": "T02", "metric": "社会公用计量标准数量", "value": 3900, "low": None,
                     "high": None, "unit": "项", "comparator": ">=", "per_year": False, "year": 2025,
                     "scope": "全省", "quote": "社会公用计量标准3900项以上", "start": 90, "end": 103}],
        "milestone_years": [2025],
        "agencies": [
            _agency(ZJ_MR, "Zhejiang Provincial Administration for Market Regulation", "market_regulation",
                    "provincial", "浙江省", "浙江省", ["省市场监管局"]),
            _agency(ZJ_ST, "Zhejiang Provincial Department of Science and Technology", "science_technology",
                    "provincial", "浙江省", "浙江省", ["省科技厅"]),
            _agency(ZJ_FIN, "Zhejiang Provincial Department of Finance", "finance", "provincial", "浙江省", "浙江省",
                    ["省财政厅"]),
        ],
        "warnings": [],
    }  # fmt: skip


def tongling() -> dict:
    ref = {"title": "样例计量发展规划", "title_key": "样例计量发展规划", "doc_number": None,
           "quote": "《样例计量发展规划》", "start": 0, "end": 10}  # fmt: skip
    return {
        "file": "tongling.txt",
        "document": _document("铜陵市样例工作方案", "铜陵市样例工作方案", TONGLING, "municipal", "铜陵市", "安徽省",
                              "铜陵市人民政府办公室", [ref]),
        "sections": [_section("S1", "二", "主要任务", None, 1, 0), _section("S2", "(一)", "服务双碳", "二", 2, 8)],
        "tasks": [
            _task("T01", "1.", "加强碳计量服务", 20, section="(一)", lead=(TL_MR, "市市场监管局"),
                  co=[(TL_ST, "市科技局"), (TL_FIN, "市财政局")], topics={"carbon-metrology": ["碳计量"]}),
            _task("T02", "2.", "建设计量技术机构", 90, section="(一)", lead=(TL_ST, "市科技局"),
                  co=[(TL_FIN, "市财政局")], deadline=2027),
            _task("T03", "3.", "开展计量宣传", 160, section="(一)"),
        ],
        "targets": [{"id": "G01", "task_id": "T01", "metric": "社会公用计量标准数量", "value": 155, "low": None,
                     "high": None, "unit": "项", "comparator": "=", "per_year": False, "year": 2025,
                     "scope": "全市", "quote": "社会公用计量标准达到155项", "start": 30, "end": 43}],
        "milestone_years": [2025, 2035],
        "agencies": [
            _agency(TL_MR, "Tongling Municipal Administration for Market Regulation", "market_regulation",
                    "municipal", "铜陵市", "安徽省", ["市市场监管局"]),
            _agency(TL_ST, "Tongling Municipal Bureau of Science and Technology", "science_technology",
                    "municipal", "铜陵市", "安徽省", ["市科技局"]),
            _agency(TL_FIN, "Tongling Municipal Bureau of Finance", "finance", "municipal", "铜陵市", "安徽省",
                    ["市财政局"]),
        ],
        "warnings": [],
    }  # fmt: skip


def build_sample_graph(store) -> None:
    """Load the three sample plans and link Tongling T01 → national T01 (what graph.linking would find)."""
    for extraction in (national(), zhejiang(), tongling()):
        load_document(store, extraction)
    store.write(
        "MATCH (l:Task {task_id: $low}) MATCH (h:Task {task_id: $high}) "
        "MERGE (l)-[i:IMPLEMENTS]->(h) SET i.score = 0.9, i.rank = 1",
        {"low": f"{TONGLING}/T01", "high": f"{NATIONAL}/T01"},
    )


def open_sample_store(falkor_settings, graph_name: str = "plangraph_queries"):
    """A FalkorDB store on the test session's server holding only the sample graph."""
    from plangraph.graph.falkor_store import FalkorStore

    store = FalkorStore(falkor_settings.model_copy(update={"graph_name": graph_name}).store_config())
    store.clear()
    build_sample_graph(store)
    return store
