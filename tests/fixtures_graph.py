"""Small extractions for the graph tests (loader, linking, export), built on the typed contract (builders.py)."""

from __future__ import annotations

from builders import agency, cited, document, extraction, section, target, task
from plangraph.ingest.model import Extraction, doc_id_for_key

NATIONAL_TITLE = "示范发展规划(2021—2035年)"
NATIONAL_NUMBER = "国发〔2021〕99号"
CITY_TITLE = "铜陵市示范工作方案"

_FUNCTIONS = {"market": ("市场监管", "market regulation"), "science": ("科技", "science and technology"),
              "government": (None, None)}


def doc_id_of(title_key: str) -> str:
    return doc_id_for_key(title_key)


def _agency(unit: tuple[str, str], jurisdiction: str, function: str, aliases: tuple[str, ...] = (),
            level: str = "municipal"):
    zh, en = _FUNCTIONS[function]
    return agency(unit[0], [unit[1]], function=function, function_zh=zh, function_en=en, level=level,
                  jurisdiction=jurisdiction, aliases=aliases, kind="vocabulary")


def national() -> Extraction:
    """A national plan with three clauses, no responsible units."""
    doc = document(NATIONAL_TITLE, level="national", jurisdiction="全国", province=None, issuer="国务院",
                   issued_on="2021-12-31", doc_number=NATIONAL_NUMBER, sha256="n" * 64)
    return extraction("national.txt", doc, sections=[section("S1", "一", "主要任务", start=0)], tasks=[
        task("T01", "(一)", "加强碳计量体系建设", body="建立碳排放计量监测体系,开展碳计量审查。", start=10, section="一"),
        task("T02", "(二)", "推进计量数字化转型", body="建设计量数据中心,推广数字校准证书。", start=60, section="一"),
        task("T03", "(三)", "加强计量人才队伍建设", body="培养计量技术人才,完善注册计量师制度。", start=110,
             section="一"),
    ], milestone_years=[2025, 2035])


def city(version: int = 1, *, cite_by_number: bool = True) -> Extraction:
    """A city plan implementing the national one; ``version`` 2 drops a task and changes a title."""
    market = ("铜陵市市场监督管理局", "市市场监管局")
    science = ("铜陵市科学技术局", "市科技局")
    county = ("枞阳县人民政府", "枞阳县人民政府")
    tasks = [
        task("T01", "1.", "开展碳计量审查", body="对重点排放单位开展碳计量审查,建设碳排放计量监测体系。", start=20,
             section="S2", lead=market, co=[science, county], topics={"carbon-metrology": ["碳计量"]}),
        task("T02", "2.", "建设计量数据平台", body="建设计量数据中心,推进数字校准证书应用。", start=90, section="S2",
             lead=science, co=[market]),
        task("T03", "3.", "培养计量人才", body="加强计量技术人才培养。", start=150, section="S3"),
    ]
    value = 10
    if version == 2:
        tasks = tasks[:2]
        tasks[1].title = "建设计量数据中心"
        value = 20
    ref = cited(NATIONAL_TITLE, doc_number=NATIONAL_NUMBER if cite_by_number else None, start=5)
    doc = document(CITY_TITLE, level="municipal", jurisdiction="铜陵市", province="安徽省",
                   issuer="铜陵市人民政府办公室", issued_on="2022-12-31", implements=[ref], sha256=f"{version}" * 64)
    return extraction("city.txt", doc, sections=[
        section("S1", "二", "主要任务", start=10),
        section("S2", "(一)", "科技创新", start=17, parent="S1", depth=2),
        section("S3", "三", "保障措施", start=140, zone="safeguard"),
    ], tasks=tasks, targets=[
        target("G01", "T01", "碳计量审查企业数量", value, unit="家", comparator=">=", scope="全市",
               quote=f"审查企业达到{value}家以上", start=40),
    ], agencies=[
        _agency(market, "铜陵市", "market", aliases=("铜陵市市场监管局",)),
        _agency(science, "铜陵市", "science"),
        _agency(county, "枞阳县", "government", level="county"),
    ], milestone_years=[2025, 2035])


def nanjing() -> Extraction:
    """A second city (Jiangsu) sharing nothing with Tongling but the national plan (cited by title)."""
    data = city()
    title = "南京市示范实施意见"
    data.document = document(title, level="municipal", jurisdiction="南京市", province="江苏省", issuer="南京市人民政府",
                             issued_on="2022-12-31", implements=[cited(NATIONAL_TITLE, start=5)], sha256="j" * 64)
    market = ("南京市市场监督管理局", "市市场监管局")
    for t in data.tasks:
        if t.lead:
            t.lead_id, t.co_ids, t.co = market[0], [], []
    data.agencies = [_agency(market, "南京市", "market")]
    data.file = "nanjing.txt"
    return data
