"""Outline parsing on small plans written for the tests: numbering styles, zones, tasks, tables."""

from __future__ import annotations

from plangraph.ingest.normalize import NormText
from plangraph.ingest.structure import parse_outline


def outline(text: str):
    return parse_outline(NormText(text).text)


def titles(text: str) -> list[str]:
    return [t.title for t in outline(text).tasks]


NUMBERED = """某某市推进质量提升工作方案
一、发展目标
到2025年，全市质量水平明显提升。
二、重点任务
（一）夯实质量基础
1．完善标准体系。推动标准制修订。（责任单位：市市场监管局）
2、强化检验检测。建设检测平台。
加强检测数据共享，推动结果互认。
（二）优化营商环境
3.深化审批改革。推行网上审批。
三、保障措施
（一）加强组织领导。建立联席会议制度。
（二）强化考核评估。开展年度评估。
"""


def test_numbered_items_are_tasks_and_headings_are_sections() -> None:
    o = outline(NUMBERED)
    assert [t.title for t in o.tasks] == ["完善标准体系", "强化检验检测", "深化审批改革", "加强组织领导", "强化考核评估"]
    assert [s.title for s in o.sections] == ["发展目标", "重点任务", "夯实质量基础", "优化营商环境", "保障措施"]
    assert [t.zone for t in o.tasks][-2:] == ["safeguards", "safeguards"]


def test_a_task_runs_over_several_paragraphs() -> None:
    text = NormText(NUMBERED).text
    task = next(t for t in outline(NUMBERED).tasks if t.title == "强化检验检测")
    assert text[task.start:task.end].endswith("推动结果互认。")


def test_goal_and_principle_clauses_are_not_tasks() -> None:
    text = """一、总体要求
（一）指导思想。坚持创新驱动。
（二）基本原则。坚持统筹推进。
（三）发展目标。到2025年，建成先进测量体系。
二、主要任务
（四）加强基础研究。开展前沿研究。
（五）加强人才培养。建设人才队伍。
"""
    assert titles(text) == ["加强基础研究", "加强人才培养"]


def test_articles_and_parenthesised_arabic_numbers() -> None:
    text = """第一章 总则
第一条 为规范计量管理，制定本办法。
第二章 主要任务
第二条 建立计量数据平台。推动数据共享。
（1）推进计量器具检定。开展专项检查。
（2）推进能源计量。开展能效测试。
"""
    o = outline(text)
    assert [t.title for t in o.tasks] == ["推进计量器具检定", "推进能源计量"]
    assert o.sections[0].title == "总则"


def test_unnumbered_heading_paragraphs_in_a_press_summary() -> None:
    text = """为贯彻落实《某某规划》，某省人民政府制定了《某省实施意见》（下称《意见》）。
到2025年，建成计量标准100项以上。
在强化创新驱动方面，《意见》提出：
加强重大科技攻关。开展量子测量研究，
研制高端仪器。（责任单位：省科技厅、省市场监管局）
推进数字化转型。推广数字校准证书。（责任单位：省市场监管局）
此外，《意见》还提出了加强组织领导等三项保障措施。
"""
    o = outline(text)
    assert [t.title for t in o.tasks] == ["加强重大科技攻关", "推进数字化转型"]
    norm = NormText(text).text
    assert "研制高端仪器" in norm[o.tasks[0].start:o.tasks[0].end]
    assert "此外" not in norm[o.tasks[1].start:o.tasks[1].end]
    assert o.sections[0].title == "强化创新驱动"


def test_tables_are_tables_not_tasks() -> None:
    text = """一、主要任务
（一）建设计量标准。新建标准。
指标 | 2025年 | 2027年 |
社会公用计量标准 | 100项 | 120项 |
诚信计量示范单位 | 50家 | 60家 |
（二）加强计量监管。开展检查。
"""
    o = outline(text)
    assert [t.title for t in o.tasks] == ["建设计量标准", "加强计量监管"]
    assert len(o.tables) == 1
    assert [c[0] for c in o.tables[0].rows[1]] == ["社会公用计量标准", "100项", "120项"]


def test_commentary_and_signature_are_outside_the_body() -> None:
    text = """一、主要任务
（一）加强监管。开展检查。
某某市人民政府
2023年5月6日
解读
一、决策背景
（一）不是任务。这是解读。
"""
    o = outline(text)
    assert [t.title for t in o.tasks] == ["加强监管"]
    assert o.commentary_start is not None


HEADED = """某某市推动经济发展若干政策
一、强化科技创新(由市科技局牵头)
统筹推进科技创新,全年研发投入强度达到3%。
(一)建设创新平台。支持企业建设重点实验室。
(二)培育科技企业。新认定高新技术企业100家。(责任单位:市财政局)
二、扩大有效投资
(一)推进重大项目。加快项目建设。
"""


def test_a_responsibility_bracket_closing_a_heading_assigns_the_items_below_it(tmp_path) -> None:
    from plangraph.ingest.pipeline import extract_file

    o = outline(HEADED)
    assert [s.title for s in o.sections] == ["强化科技创新", "扩大有效投资"]   # a section, not a work item
    assert [t.title for t in o.tasks] == ["建设创新平台", "培育科技企业", "推进重大项目"]
    path = tmp_path / "plan.txt"
    path.write_text(HEADED, encoding="utf-8")
    tasks = extract_file(path).model_dump()["tasks"]
    assert [(t["lead"], t["responsibility_source"]) for t in tasks] == [
        ("市科技局", "explicit"), ("市财政局", "explicit"), (None, "none")]   # an item's own clause wins
    assert tasks[0]["responsibility_quote"] == "(由市科技局牵头)"


def test_the_nearest_heading_bracket_assigns_an_item(tmp_path) -> None:
    from plangraph.ingest.pipeline import extract_file

    text = ("某某市推动经济发展若干政策\n一、强化科技创新(由市科技局牵头)\n(一)建设创新平台(由市发展改革委牵头)\n"
            "1.建设重点实验室。支持企业建设实验室。\n(二)培育科技企业\n2.培育高新技术企业。开展认定工作。\n")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    assert [t.lead for t in extract_file(path).tasks] == ["市发展改革委", "市科技局"]


def test_bulleted_items_closed_by_their_own_responsibility_line() -> None:
    # no full stop after the 责任单位 list: the next bullet still opens an item of its own
    o = outline("某市行动方案\n一、重点任务\n■ 加快5G网络建设。新建基站100个。责任单位：市工信局、市通信管理办\n"
                "■ 推进数据要素市场化。建立数据交易平台。责任单位：市数据局\n")
    assert [t.title for t in o.tasks] == ["加快5G网络建设", "推进数据要素市场化"]


def test_a_report_of_past_work_and_a_heading_on_why_are_background() -> None:
    text = ("某镇民政办2023年工作总结和2024年工作计划\n一、2023年工作总结\n(一)亮点工作完成情况\n"
            "1、建成养老服务站。全年建成站点12个。\n2、提升救助水平。发放救助金。\n"
            "二、2024年工作计划\n1、新建助餐点。年内新建助餐点5个。\n")
    o = outline(text)
    assert [t.title for t in o.tasks] == ["新建助餐点"]
    assert [s.zone for s in o.sections][:2] == ["background", "background"]
    text = ("一、重要意义、指导思想和目标任务\n(一)重要意义。各地要充分认识做好就业工作的重要性。\n"
            "(二)指导思想。坚持就业优先。\n二、主要任务\n(三)扩大就业。各地要开发就业岗位。\n")
    assert titles(text) == ["扩大就业"]
    text = ("一、基本情况\n1.全市建成充电桩1200个。\n2.新能源汽车保有量达3万辆。\n"
            "二、重点任务\n1.新建充电桩500个。(责任单位:市发展改革委)\n")
    assert titles(text) == ["新建充电桩500个"]


def test_a_heading_of_goals_and_contents_holds_work_items() -> None:
    text = """某县安全生产整治方案
一、指导思想
坚持安全第一。
二、工作目标及主要内容
通过整治,减少事故。
(一)隐患大排查。深入开展排查治理。
(二)人员大培训。开展全员培训。
"""
    o = parse_outline(NormText(text).text)
    assert [t.number for t in o.tasks] == ["(一)", "(二)"]
