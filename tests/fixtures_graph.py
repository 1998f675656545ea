"""Small hand-written extraction dicts (docs/design.md shape) for the graph tests."""

from __future__ import annotations

import copy
import hashlib

NATIONAL_TITLE = "示范发展规划(2021—2035年)"
NATIONAL_KEY = "示范发展规划2021—2035年"
NATIONAL_NUMBER = "国发〔2021〕99号"


def doc_id_of(title_key: str) -> str:
    return "d-" + hashlib.sha1(title_key.encode("utf-8")).hexdigest()[:12]


def _task(tid: str, number: str, title: str, body: str, start: int, *, section: str | None,
          lead: tuple[str, str] | None = None, co: list[tuple[str, str]] | None = None,
          topics: list[str] | None = None) -> dict:
    quote = f"{number}{title}。{body}"
    co = co or []
    return {
        "id": tid, "section": section, "number": number, "title": title, "quote": quote,
        "start": start, "end": start + len(quote), "text": quote, "section_title": section, "zone": "task",
        "lead": lead[1] if lead else None, "co": [c[1] for c in co],
        "lead_id": lead[0] if lead else None, "co_ids": [c[0] for c in co],
        "responsibility_source": "explicit" if lead else "none",
        "responsibility_quote": f"(责任单位:{lead[1]})" if lead else None,
        "responsibility_start": start + len(quote) - 5 if lead else None,
        "responsibility_end": start + len(quote) if lead else None,
        "topics": topics or [], "topic_terms": [{"topic": t, "term": "碳计量", "start": start, "end": start + 3}
                                                for t in (topics or [])],
    }


def _agency(agency_id: str, printed: str, jurisdiction: str, function: str, aliases: list[str] | None = None,
            **extra) -> dict:
    row = {"agency_id": agency_id, "name": agency_id, "name_en": None, "function": function,
           "function_zh": {"market": "市场监管", "science": "科技", "finance": "财政"}.get(function),
           "function_en": {"market": "market regulation", "science": "science and technology",
                           "finance": "finance"}.get(function),
           "level": "municipal", "jurisdiction": jurisdiction, "province": None, "kind": "vocabulary",
           "aliases": aliases or [], "printed": [printed], "successor_id": None}
    row.update(extra)
    return row


def national() -> dict:
    """A national plan with three clauses, no responsible units."""
    key = NATIONAL_KEY
    did = doc_id_of(key)
    return {
        "file": "national.txt",
        "document": {
            "title": NATIONAL_TITLE, "issuer": "国务院", "issued_on": "2021-12-31", "doc_number": NATIONAL_NUMBER,
            "level": "national", "jurisdiction": "全国", "period": [2021, 2035], "implements": [],
            "doc_id": did, "title_key": key, "wrapper_title": None, "province": None, "sha256": "n" * 64,
            "format": "txt", "encoding": "utf-8", "script": "simplified", "implements_refs": [],
        },
        "sections": [{"id": "S1", "number": "一", "title": "主要任务", "parent": None, "depth": 1, "zone": "task",
                      "quote": "一、主要任务", "start": 0, "end": 6}],
        "tasks": [
            _task("T01", "(一)", "加强碳计量体系建设", "建立碳排放计量监测体系,开展碳计量审查。", 10, section="一"),
            _task("T02", "(二)", "推进计量数字化转型", "建设计量数据中心,推广数字校准证书。", 60, section="一"),
            _task("T03", "(三)", "加强计量人才队伍建设", "培养计量技术人才,完善注册计量师制度。", 110, section="一"),
        ],
        "targets": [],
        "milestone_years": [2025, 2035],
        "agencies": [],
        "warnings": [],
    }


def city(version: int = 1, *, cite_by_number: bool = True) -> dict:
    """A city plan implementing the national one; ``version`` 2 drops a task and changes a title."""
    key = "铜陵市示范工作方案"
    did = doc_id_of(key)
    market = ("铜陵市市场监督管理局", "市市场监管局")
    science = ("铜陵市科学技术局", "市科技局")
    county = ("枞阳县人民政府", "枞阳县人民政府")
    tasks = [
        _task("T01", "1.", "开展碳计量审查", "对重点排放单位开展碳计量审查,建设碳排放计量监测体系。", 20, section="S2",
              lead=market, co=[science, county], topics=["carbon-metrology"]),
        _task("T02", "2.", "建设计量数据平台", "建设计量数据中心,推进数字校准证书应用。", 90, section="S2",
              lead=science, co=[market]),
        _task("T03", "3.", "培养计量人才", "加强计量技术人才培养。", 150, section="S3"),
    ]
    targets = [{"id": "G01", "task_id": "T01", "metric": "碳计量审查企业数量", "value": 10, "low": None,
                "high": None, "unit": "家", "comparator": ">=", "per_year": False, "year": 2025, "scope": "全市",
                "quote": "审查企业达到10家以上", "start": 40, "end": 50}]
    if version == 2:
        tasks = tasks[:2]
        tasks[1] = dict(tasks[1], title="建设计量数据中心")
        targets[0] = dict(targets[0], value=20, quote="审查企业达到20家以上")
    ref = {"title": NATIONAL_TITLE, "title_key": NATIONAL_KEY,
           "doc_number": NATIONAL_NUMBER if cite_by_number else None,
           "quote": f"《{NATIONAL_TITLE}》", "start": 5, "end": 5 + len(NATIONAL_TITLE) + 2}
    return {
        "file": "city.txt",
        "document": {
            "title": "铜陵市示范工作方案", "issuer": "铜陵市人民政府办公室", "issued_on": "2022-12-31",
            "doc_number": None, "level": "municipal", "jurisdiction": "铜陵市", "period": [2021, 2035],
            "implements": [NATIONAL_NUMBER], "doc_id": did, "title_key": key, "wrapper_title": None,
            "province": "安徽省", "sha256": f"{version}" * 64, "format": "txt", "encoding": "utf-8",
            "script": "simplified", "implements_refs": [ref],
        },
        "sections": [
            {"id": "S1", "number": "二", "title": "主要任务", "parent": None, "depth": 1, "zone": "task",
             "quote": "二、主要任务", "start": 10, "end": 16},
            {"id": "S2", "number": "(一)", "title": "科技创新", "parent": "S1", "depth": 2, "zone": "task",
             "quote": "(一)科技创新", "start": 17, "end": 24},
            {"id": "S3", "number": "三", "title": "保障措施", "parent": None, "depth": 1, "zone": "safeguard",
             "quote": "三、保障措施", "start": 140, "end": 146},
        ],
        "tasks": tasks,
        "targets": targets,
        "milestone_years": [2025, 2035],
        "agencies": [
            _agency(market[0], market[1], "铜陵市", "market", aliases=["铜陵市市场监管局"]),
            _agency(science[0], science[1], "铜陵市", "science"),
            _agency(county[0], county[1], "枞阳县", "government", level="county"),
        ],
        "warnings": [],
    }


def nanjing() -> dict:
    """A second city (Jiangsu) sharing nothing with Tongling but the national plan (cited by title)."""
    data = city()
    data = copy.deepcopy(data)
    key = "南京市示范实施意见"
    doc = data["document"]
    doc.update(title="南京市示范实施意见", title_key=key, doc_id=doc_id_of(key), jurisdiction="南京市",
               province="江苏省", issuer="南京市人民政府", sha256="j" * 64)
    doc["implements_refs"][0]["doc_number"] = None
    market = ("南京市市场监督管理局", "市市场监管局")
    for task in data["tasks"]:
        if task["lead"]:
            task["lead_id"], task["co_ids"], task["co"] = market[0], [], []
    data["agencies"] = [_agency(market[0], market[1], "南京市", "market")]
    data["file"] = "nanjing.txt"
    return data
