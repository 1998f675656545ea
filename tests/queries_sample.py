"""A small hand-written graph for the catalogue and API tests: three plans loaded through the loader.

- a national plan (3 clauses: one inferred lead, two without anyone responsible);
- a Zhejiang provincial plan (2 tasks, explicit 责任单位, one target);
- a Tongling municipal plan (3 tasks, one without 责任单位, one target tied to a task), which implements the
  national plan; its first task implements the national clause N1 (the edge is written by the test setup).
"""

from __future__ import annotations

from builders import agency, cited, document, extraction, section, target, task
from plangraph.graph.loader import load_document
from plangraph.ingest.model import Extraction, doc_id_for

NATIONAL = doc_id_for("样例计量发展规划")
ZHEJIANG = doc_id_for("浙江省样例实施意见")
TONGLING = doc_id_for("铜陵市样例工作方案")

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


def _agency(agency_id: str, name_en: str, function: str, level: str, jurisdiction: str, province: str | None,
            aliases: list[str]):  # fmt: skip
    zh, en = _FUNCTIONS[function]
    return agency(agency_id, aliases[:1], function=function, function_zh=zh, function_en=en, level=level,
                  jurisdiction=jurisdiction, province=province, name_en=name_en, aliases=aliases, kind="department")


def national() -> Extraction:
    doc = document("样例计量发展规划", level="national", jurisdiction="中国", province=None, issuer="国务院")
    return extraction("national.txt", doc, sections=[section("S1", "三", "主要任务", start=0)], tasks=[
        task("T01", "(一)", "加强碳计量研究", start=10, section="三", lead=(SAMR, "市场监管总局"), source="inferred",
             topics={"carbon-metrology": ["碳计量"]}),
        task("T02", "(二)", "完善法制计量体系", start=60, section="三"),
        task("T03", "(三)", "培养计量人才", start=110, section="三"),
    ], agencies=[
        _agency(SAMR, "State Administration for Market Regulation", "market_regulation", "national", "中国", None,
                ["市场监管总局"]),
    ], milestone_years=[2025, 2035])  # fmt: skip


def zhejiang() -> Extraction:
    doc = document("浙江省样例实施意见", level="provincial", jurisdiction="浙江省", province="浙江省",
                   issuer="浙江省人民政府")
    return extraction("zhejiang.txt", doc, sections=[section("S1", "二", "重点任务", start=0)], tasks=[
        task("T01", "1.", "助力美丽浙江建设", start=10, section="二", lead=(ZJ_MR, "省市场监管局"),
             co=[(ZJ_ST, "省科技厅")], topics={"carbon-metrology": ["碳计量", "碳排放"]}),
        task("T02", "2.", "推进计量科技创新", start=80, section="二", lead=(ZJ_ST, "省科技厅"),
             co=[(ZJ_MR, "省市场监管局"), (ZJ_FIN, "省财政厅")]),
    ], targets=[
        target("G01", "T02", "社会公用计量标准数量", 3900, unit="项", comparator=">=", scope="全省",
               quote="社会公用计量标准3900项以上", start=90),
    ], agencies=[
        _agency(ZJ_MR, "Zhejiang Provincial Administration for Market Regulation", "market_regulation",
                "provincial", "浙江省", "浙江省", ["省市场监管局"]),
        _agency(ZJ_ST, "Zhejiang Provincial Department of Science and Technology", "science_technology",
                "provincial", "浙江省", "浙江省", ["省科技厅"]),
        _agency(ZJ_FIN, "Zhejiang Provincial Department of Finance", "finance", "provincial", "浙江省", "浙江省",
                ["省财政厅"]),
    ], milestone_years=[2025])  # fmt: skip


def tongling() -> Extraction:
    doc = document("铜陵市样例工作方案", level="municipal", jurisdiction="铜陵市", province="安徽省",
                   issuer="铜陵市人民政府办公室", implements=[cited("样例计量发展规划", start=0)])
    return extraction("tongling.txt", doc, sections=[
        section("S1", "二", "主要任务", start=0), section("S2", "(一)", "服务双碳", start=8, parent="二", depth=2),
    ], tasks=[
        task("T01", "1.", "加强碳计量服务", start=20, section="(一)", lead=(TL_MR, "市市场监管局"),
             co=[(TL_ST, "市科技局"), (TL_FIN, "市财政局")], topics={"carbon-metrology": ["碳计量"]}),
        task("T02", "2.", "建设计量技术机构", start=90, section="(一)", lead=(TL_ST, "市科技局"),
             co=[(TL_FIN, "市财政局")], deadline="2027年底前"),
        task("T03", "3.", "开展计量宣传", start=160, section="(一)"),
    ], targets=[
        target("G01", "T01", "社会公用计量标准数量", 155, unit="项", scope="全市", quote="社会公用计量标准达到155项",
               start=30),
    ], agencies=[
        _agency(TL_MR, "Tongling Municipal Administration for Market Regulation", "market_regulation",
                "municipal", "铜陵市", "安徽省", ["市市场监管局"]),
        _agency(TL_ST, "Tongling Municipal Bureau of Science and Technology", "science_technology",
                "municipal", "铜陵市", "安徽省", ["市科技局"]),
        _agency(TL_FIN, "Tongling Municipal Bureau of Finance", "finance", "municipal", "铜陵市", "安徽省",
                ["市财政局"]),
    ], milestone_years=[2025, 2035])  # fmt: skip


def build_sample_graph(store) -> None:
    """Load the three sample plans and link Tongling T01 → national T01 (what graph.linking would find)."""
    for plan in (national(), zhejiang(), tongling()):
        load_document(store, plan)
    store.write(
        "MATCH (l:Task {task_id: $low}) MATCH (h:Task {task_id: $high}) "
        "MERGE (l)-[i:IMPLEMENTS]->(h) SET i.score = 0.9, i.rank = 1",
        {"low": f"{TONGLING}/T01", "high": f"{NATIONAL}/T01"},
    )


def open_sample_store(falkor_settings, graph_name: str = "plangraph_queries"):
    """A FalkorDB store (graph ``graph_name`` on the server of ``falkor_settings``) holding only the sample graph;
    for the FalkorDB-specific API tests (limits, self-healing, attacks, fuzzing)."""
    from plangraph.graph.falkor_store import FalkorStore

    store = FalkorStore(falkor_settings.model_copy(update={"graph_name": graph_name}).store_config())
    store.clear()
    build_sample_graph(store)
    return store
