"""The numbering grammar and the outline on short texts written for the tests: every marker style, hierarchy
from first appearance, pages flattened onto one line, wrapper notices, orphan lines, shared responsibility
lines, pages cut in a heading."""

from __future__ import annotations

import pytest
from plangraph.ingest.locate import locate
from plangraph.ingest.normalize import NormText
from plangraph.ingest.structure import _marker, parse_outline


def outline(text: str):
    return parse_outline(NormText(text).text)


def numbers(text: str) -> list[str | None]:
    return [t.number for t in outline(text).tasks]


def located(text: str):
    norm = NormText(text).text
    o = parse_outline(norm)
    return [(t, locate(norm, t)) for t in o.tasks]


@pytest.mark.parametrize(("line", "kind", "number"), [
    ("一、总体要求", "cn", "一"),
    ("十二．加强监管", "cn", "十二"),
    ("三，强化保障", "cn", "三"),
    ("四 打造营商服务新标杆", "cn", "四"),
    ("（一）夯实基础", "pcn", "一"),
    ("(二十)优化服务", "pcn", "二十"),
    ("1、完善制度", "num", "1"),
    ("2.完善制度", "num", "2"),
    ("3．完善制度", "num", "3"),
    ("4﹒完善制度", "num", "4"),
    ("5. 完善制度", "num", "5"),
    ("1234.第一千二百三十四项任务", "num", "1234"),
    ("（1）建立台账", "pnum", "1"),
    ("(12)建立台账", "pnum", "12"),
    ("1)建立台账", "pnum", "1"),
    ("③开展检查", "circled", "③"),
    ("第三条 各部门负责", "article", "三"),
    ("第十项 加强宣传", "article", "十"),
    ("第二部分 重点任务", "part", "二"),
    ("第一章 总则", "chapter", "一"),
    ("——加强宣传。", "bullet", "——"),
])
def test_every_marker_style_is_one_grammar(line: str, kind: str, number: str) -> None:
    mk = _marker(NormText(line).text)
    assert mk is not None and mk[:2] == (kind, number)


@pytest.mark.parametrize("line", ["2.5%的增长目标", "2023、2024年连续增长", "110、120联动", "一", "一是加强领导", "第24次常务会议",
                                  "一 要加强领导,确保各项任务按期完成。"])
def test_decimals_years_and_prose_are_not_markers(line: str) -> None:
    mk = _marker(NormText(line).text)
    assert mk is None or mk[0] == "bullet"


def test_plan_starting_at_arabic_numbers_nests_by_first_appearance() -> None:
    text = """某县稳就业工作方案
1、扩大就业岗位
（1）开发公益岗位。新增岗位100个。（责任单位：县人社局）
（2）支持创业。发放创业贷款。（责任单位：县人社局、县财政局）
2、强化就业服务
（1）开展招聘活动。每月举办招聘会。（责任单位：县人社局）
"""
    o = outline(text)
    assert [t.number for t in o.tasks] == ["(1)", "(2)", "(1)"]
    assert [s.title for s in o.sections] == ["扩大就业岗位", "强化就业服务"]


def test_skipped_level_still_parses() -> None:
    text = """一、重点任务
1.建设平台。搭建服务平台。
2.培育主体。扶持企业。
二、保障措施
1.加强领导。成立专班。
"""
    assert numbers(text) == ["1.", "2.", "1."]


def test_page_opening_mid_plan_puts_a_later_chinese_heading_above() -> None:
    text = """（三）完善机制。建立联席会议制度。
由市农业局牵头，市财政局配合。
四、加快发展产业
（一）培育龙头企业。扶持企业做大做强。
"""
    o = outline(text)
    assert [t.title for t in o.tasks] == ["完善机制", "培育龙头企业"]
    assert [s.title for s in o.sections] == ["加快发展产业"]


def test_numbering_restarts_and_starts_mid_list() -> None:
    text = """7.加强监测。建立监测网络。（责任单位：市环保局）
8.强化执法。开展专项执法。（责任单位：市环保局）
二、保障措施
1.加强领导。成立领导小组。（责任单位：市政府办）
"""
    assert numbers(text) == ["7.", "8.", "1."]


def test_whole_page_on_one_line_is_cut_before_each_marker() -> None:
    text = ("某省人民政府关于重点工作责任分工的通知 现将重点工作分解如下。 一、扩大有效需求 (一)促进消费。 "
            "1.发放消费券。(省商务厅牵头,省财政厅按职责分工负责) 2.培育夜间经济。(省商务厅) 3.发展会展经济")
    o = outline(text)
    assert [t.number for t in o.tasks] == ["1.", "2."]   # 3. is cut in its heading at the page end
    assert [s.title for s in o.sections] == ["扩大有效需求", "促进消费"]


def test_items_squashed_onto_a_line_without_blanks_are_cut() -> None:
    text = """某县营商环境工作方案
一、主要任务
(一)优化服务。做好以下工作。1、建设服务中心。(县政务中心负责,县发改局配合)2、推进改革。(县市场监管局负责)\
3、推行承诺制,2、3月完成梳理,效率提高1.5倍,落实第2、3项要求。(县司法局负责)
(二)保障要素。做好用地保障。(县自然资源局负责)(三)支持融资。扩大信贷。(县金融办负责)
"""
    o = outline(text)
    assert [t.number for t in o.tasks] == ["1、", "2、", "3、", "(二)", "(三)"]
    assert [t.title for t in o.tasks][2] == "推行承诺制,2、3月完成梳理,效率提高1.5倍,落实第2、3项要求"


def test_headings_squashed_after_a_sentence_end_are_cut_but_lists_of_numbers_are_not() -> None:
    text = ("某市文旅工作要点\n一、推动融合发展。(一)打造线路。推出精品线路。(市文旅局负责)(二)培育品牌。打造品牌。"
            "(市文旅局负责)二、提升服务。(一)完善设施。活动于三、四月份开展。(市文旅局负责)")
    o = outline(text)
    assert [s.title for s in o.sections] == ["推动融合发展", "提升服务"]
    assert [t.number for t in o.tasks] == ["(一)", "(二)", "(一)"]


def test_a_heading_title_run_on_into_its_first_item_or_its_body_is_cut() -> None:
    text = ("某市城市管理工作意见\n为提升管理水平,提出如下意见。一、总体思路(一)指导思想以人民为中心推进城市管理工作,"
            "提升群众满意度。(二)基本原则1.坚持人民至上。突出民生导向。2.坚持因地制宜。突出特色。"
            "二、工作目标本方案适用范围为城市建成区。三、主要任务(一)整治市容。清理占道经营。(市城管局负责)"
            "(二)提升绿化。建设口袋公园1.5万平方米。(市园林局负责)")
    o = outline(text)
    assert [s.title for s in o.sections][:4] == ["总体思路", "基本原则", "工作目标", "主要任务"]
    assert [(t.number, t.title) for t in o.tasks] == [("(一)", "整治市容"), ("(二)", "提升绿化")]


def test_a_table_of_contents_before_the_body_is_not_the_outline() -> None:
    text = """一、加强党建
(一)加强领导
(二)改进作风
二、提升质量
(三)推进学前教育
某县教育局工作要点
全县教育系统坚持高质量发展。
一、加强党建
(一)加强领导。落实主体责任。(局办公室负责)
(二)改进作风。开展专项整治。(局纪检组负责)
"""
    o = outline(text)
    assert [t.number for t in o.tasks] == ["(一)", "(二)"]
    assert [s.title for s in o.sections] == ["加强党建"]


def test_an_item_number_with_a_blank_before_its_delimiter_cuts_after_a_sentence_end() -> None:
    text = "某县工作要点\n一、重点工作\n1.加强领导。落实责任。2 .推进改革。深化改革,增长2 .5个百分点。3 .强化保障。"
    assert numbers(text) == ["1.", "2 .", "3 ."]


def test_wrapper_notice_numbered_items_are_not_the_plan() -> None:
    text = """某区人民政府办公室关于印发重点任务分解方案的通知
各街道办事处：
一、各单位要高度重视，制定工作方案。
二、各单位要按季度报送进展情况。
某区人民政府办公室
2024年1月5日
重点任务分解方案
一、主要预期目标
（一）地区生产总值增长6%
责任单位：区发展改革局
（二）固定资产投资增长8%
责任单位：区发展改革局
"""
    o = outline(text)
    assert [t.title for t in o.tasks] == ["地区生产总值增长6%", "固定资产投资增长8%"]


def test_goal_items_with_their_own_responsibility_are_tasks() -> None:
    text = """一、主要预期指标
1.地区生产总值增长5%左右。
牵头单位：区发改委
责任单位：区统计局、区财政局
2.一般公共预算收入增长5%。
牵头单位：区财政局
"""
    found = located(text)
    assert [(t.number, r.responsibility.lead.name, [u.name for u in r.responsibility.co]) for t, r in found] == [
        ("1.", "区发改委", ["区统计局", "区财政局"]), ("2.", "区财政局", [])]


def test_orphan_responsibility_line_at_the_top_belongs_to_no_task() -> None:
    text = """由省财政厅牵头，省发改委配合。
（三）建立长效机制。出台专项资金办法。
（责任单位：省农业厅）
"""
    found = located(text)
    assert len(found) == 1
    assert found[0][0].start > 0 and found[0][1].responsibility.lead.name == "省农业厅"


def test_shared_line_after_items_applies_to_each_item() -> None:
    text = """1.建设职业学校。3月底前完成部署。
2.提升高中办学水平。11月底前完成建设。
3.扩大免学费范围。10月底前下达资金。（责任单位：省财政厅）
以上工作由省教育厅牵头，省财政厅、省人社厅配合。
"""
    found = located(text)
    assert [r.found_in for _, r in found] == ["shared", "shared", "text"]
    assert found[0][1].responsibility.lead.name == "省教育厅"
    assert found[2][1].responsibility.lead.name == "省财政厅"   # a task's own clause comes first


def test_a_bracket_line_after_items_naming_no_one_covers_each_of_them() -> None:
    text = """一、重点任务
1.健全预案体系
(1)修订专项预案。
(2)开展预案演练。
(责任单位：市应急局、市卫健委)
2.加强队伍建设
(1)组建救援队伍。
(责任单位：市消防救援支队)
(2)配备救援装备。
(责任单位：市财政局)
"""
    found = located(text)
    assert [r.responsibility.lead.name for _, r in found] == ["市应急局", "市应急局", "市消防救援支队", "市财政局"]
    assert [r.found_in for _, r in found][:2] == ["shared", "shared"]
    assert [u.name for u in found[1][1].responsibility.co] == ["市卫健委"]


def test_a_bracket_line_after_an_item_with_its_own_unit_stays_with_the_last_item() -> None:
    text = """一、重点任务
(1)修订专项预案。（责任单位：市应急局）
(2)开展预案演练。
(责任单位：市卫健委)
"""
    found = located(text)
    assert [r.responsibility.lead.name for _, r in found] == ["市应急局", "市卫健委"]


def test_a_task_keeps_its_first_clause_not_the_later_ones() -> None:
    text = """一、年度重点任务
1.开展专项行动。完善标准管理制度。（责任单位：区卫健委）加强粮油标准贯彻。（责任单位：区发改委、区粮食局）
"""
    (_, r), = located(text)
    assert r.responsibility.lead.name == "区卫健委" and r.responsibility.co == []


def test_a_clause_cut_at_the_page_end_keeps_its_complete_units() -> None:
    text = """一、重点任务
1.推动转型升级。实施技术改造。（责任单位：市工信局、市财政局、市发"""
    (_, r), = located(text)
    assert r.responsibility.lead.name == "市工信局"
    assert [u.name for u in r.responsibility.co] == ["市财政局"]


def test_a_labelled_line_cut_before_any_unit_gives_none() -> None:
    text = """一、主要目标
（一）工业投资增长12%以上
责任单位：区经信局
（二）服务业增加值增长8%以上
责任单位：区"""
    found = located(text)
    assert [r.responsibility.source for _, r in found] == ["explicit", "none"]


def test_lead_official_is_a_person_not_a_unit() -> None:
    text = """一、主要预期目标
1.地区生产总值增长5%以上。
牵头领导：常务副区长
主要责任单位：区发展改革委
"""
    (_, r), = located(text)
    assert r.lead_official == "常务副区长"
    assert r.responsibility.lead.name == "区发展改革委"


def test_section_with_its_own_responsibility_is_also_a_task() -> None:
    text = """一、治理农产品污染
（责任单位：省农业厅、省卫生厅）主要措施：
（一）加快基地建设。建设一批无公害基地。（责任单位：省农业厅）
（二）加强检测。开展抽检。（责任单位：省卫生厅）
"""
    o = outline(text)
    assert [t.title for t in o.tasks] == ["治理农产品污染", "加快基地建设", "加强检测"]
    assert [s.title for s in o.sections] == ["治理农产品污染"]


def test_item_numbers_beyond_three_digits() -> None:
    text = "\n".join(f"{i}.任务{i}。开展工作。（责任单位：市发改委）" for i in range(995, 1006))
    assert numbers(text) == [f"{i}." for i in range(995, 1006)]


def test_unnumbered_heading_lines_open_paragraph_tasks() -> None:
    text = """二、重点任务
加强组织领导
建立联席会议制度，定期研究解决重大问题。（责任单位：市发改委）
强化督促检查
将任务落实情况纳入年度考核。（责任单位：市政府督查室）
"""
    assert [t.title for t in outline(text).tasks] == ["加强组织领导", "强化督促检查"]


def test_paragraphs_without_heading_sentence_but_with_responsibility_are_tasks() -> None:
    text = """二、重点任务
围绕产业链招商引资，全年引进亿元以上项目30个。（责任单位：市商务局）
依托园区平台，推动企业上市融资。（责任单位：市金融局、市发改委）
"""
    o = outline(text)
    assert [t.title for t in o.tasks] == ["围绕产业链招商引资", "依托园区平台"]


@pytest.mark.parametrize("closing", ["二〇二四年一月五日", "附件"])
def test_wrapper_ends_at_a_chinese_date_or_an_annex_line(closing: str) -> None:
    text = f"""关于印发重点任务分解方案的通知
一、各单位要高度重视，制定工作方案。
二、各单位要按季度报送进展情况。
{closing}
重点任务分解方案
一、主要预期目标
（一）地区生产总值增长6%
责任单位：区发展改革局
"""
    assert [t.title for t in outline(text).tasks] == ["地区生产总值增长6%"]


def test_a_page_without_numbering_still_gives_its_assigned_paragraphs() -> None:
    text = """某镇2024年人居环境整治工作安排
开展村庄清洁行动。全年清理垃圾500吨。（责任单位：镇农业服务中心）
推进厕所改造。完成改厕200户。（责任单位：镇卫生院、各村委会）
"""
    assert [t.title for t in outline(text).tasks] == ["开展村庄清洁行动", "推进厕所改造"]


def test_named_ordinals_are_a_heading_level_of_their_own() -> None:
    text = """二、行动任务
行动一:数字赋能行动
1.建设数据平台。(责任单位:市数据局)
2.推广智能应用。(责任单位:市工信局)
行动二、绿色转型行动
1.推进节能改造。(责任单位:市发展改革委)
行动一致推进。
"""
    outline = parse_outline(NormText(text).text)
    assert [(s.number, s.title) for s in outline.sections] == [
        ("二", "行动任务"), ("行动一", "数字赋能行动"), ("行动二", "绿色转型行动")]
    titles = {s.id: s.title for s in outline.sections}
    assert [(titles[t.section_id], t.number) for t in outline.tasks] == [
        ("数字赋能行动", "1."), ("数字赋能行动", "2."), ("绿色转型行动", "1.")]


def test_top_level_bracketed_items_that_go_on_after_their_heading_are_work_items() -> None:
    text = """关于做好2022年乡村振兴重点工作的实施意见
为贯彻落实中央精神,提出如下实施意见。
扛牢粮食安全政治责任
(一)稳定粮食播种面积。严格落实粮食安全党政同责,确保播种面积稳定。
(二)扩大大豆生产。实施玉米大豆带状复合种植。
(三)保障重要农产品供给。树牢大食物观。
"""
    outline = parse_outline(NormText(text).text)
    assert [t.number for t in outline.tasks] == ["(一)", "(二)", "(三)"]


def test_top_level_bracketed_headings_without_text_on_their_line_stay_sections() -> None:
    text = """(一)指导思想
坚持新发展理念。
(二)工作目标
到2025年建成示范区。
"""
    outline = parse_outline(NormText(text).text)
    assert outline.tasks == [] and [s.number for s in outline.sections] == ["(一)", "(二)"]


def test_a_section_that_skipped_a_level_does_not_push_the_next_one_down():
    """一、 1. 2. then 二、 (一) 3. 4. (二) 5.: the first section numbers its items directly, the second groups them
    under (一)/(二) — the conventional rank of (一) (above 1.) holds once it appears under a 一、 heading."""
    text = ("某市重点工作分工\n一、主要目标\n1.生产总值增长6%。\n责任单位:市发改委\n2.工业增长8%。\n责任单位:市经信局\n"
            "二、重点工作\n(一)稳增长。\n3.实施招商行动。\n责任单位:市商务局\n4.扩大投资。\n责任单位:市发改委\n"
            "(二)促共富。\n5.促进增收。\n责任单位:市农业农村局\n")
    o = outline(text)
    assert [t.number for t in o.tasks] == ["1.", "2.", "3.", "4.", "5."]
    assert [s.number for s in o.sections] == ["一", "二", "(一)", "(二)"]
    by_id = {s.id: s for s in o.sections}
    assert [by_id[t.section_id].number for t in o.tasks] == ["一", "一", "(一)", "(一)", "(二)"]


def test_a_paren_item_right_under_a_numbered_item_still_nests_below_it():
    """1. (一) (二) 2.: met under a 1. item (not under a heading), (一) keeps its first-appearance place."""
    text = ("某市工作方案\n一、重点任务\n1.完善服务。\n(一)建设平台。(责任单位:市科技局)\n(二)培养人才。(责任单位:市人社局)\n"
            "2.加强监管。(责任单位:市市场监管局)\n")
    assert numbers(text) == ["(一)", "(二)", "2."]


def test_a_flattened_heading_runs_into_its_first_item():
    text = ("某市就业意见 现提出以下意见: 一、深入实施就业优先战略 1.坚持就业优先。做好工作。(责任单位:市发展改革委) "
            "2.发挥小微企业作用。(责任单位:市工信局) 二、强化保障 3.加强领导。(责任单位:市人社局)")
    o = outline(text)
    assert [(t.number, t.title) for t in o.tasks] == [("1.", "坚持就业优先"), ("2.", "发挥小微企业作用"), ("3.", "加强领导")]
    assert [(s.number, s.title) for s in o.sections] == [("一", "深入实施就业优先战略"), ("二", "强化保障")]


def test_a_page_opening_mid_list_puts_a_later_higher_heading_above_the_items():
    # the page starts at item 6.; (二) is the second section (its (一) was cut off above), not a task under 6.
    text = ("6.开展环境影响评价。严格执行规划环评制度。\n牵头单位:市生态环境局\n(二)环境质量改善\n"
            "7.环境空气质量。深化扬尘治理。\n牵头单位:市生态环境局\n8.水环境质量。推进污水治理。\n牵头单位:市水务局\n"
            "(三)生态系统保护\n9.生态状况指数。保持植被覆盖。\n牵头单位:市林业局\n")
    o = outline(text)
    assert [s.number for s in o.sections] == ["(二)", "(三)"]
    by_id = {s.id: s.number for s in o.sections}
    assert [(t.number, by_id.get(t.section_id)) for t in o.tasks] == [
        ("6.", None), ("7.", "(二)"), ("8.", "(二)"), ("9.", "(三)")]


def test_an_item_whose_text_opens_with_a_figure_is_not_a_decimal():
    # 2.50个小区 right after item 1. is item 2 (50个小区…), not the number 2.50 inside item 1
    text = "1.加装电梯新增400台。\n2.50个小区新增充电设施。\n3.开设40个托班。\n4.460个居村开展文化活动。\n"
    assert numbers(text) == ["1.", "2.", "3.", "4."]
    assert numbers("1.全年增长率达到2.5个百分点。\n3.50个项目开工。\n") == ["1."]   # 3 is not the next item


def test_a_last_item_cut_after_a_whole_sentence_is_kept():
    # item 3 is cut in its responsibility, not in its heading: it stays a task (with no unit)
    text = ("一、重点任务\n1.建设园区道路。(牵头单位:县交通局)\n2.完善园区管网。(牵头单位:县住建局)\n"
            "3.实施园区基础设施提升行动,加快推进管廊和道路工程建设。(牵头单")
    assert numbers(text) == ["1.", "2.", "3."]
    assert numbers(text[: text.index("提升行动,")]) == ["1.", "2."]   # cut inside its first clause: dropped


def test_a_notices_own_points_before_the_plans_items_are_no_sections():
    # 现将《方案》印发给你们 + the notice's points 一、二、 (no signature printed), then the plan's items from 1.
    notice = ("各县区人民政府,市政府各部门:\n现将《某市绿色发展分工落实方案》印发给你们,请认真贯彻实施。\n"
              "一、高度重视,认真研究政策。各县区、各部门要强化组织领导,对照方案所承担的目标任务认真学习研究。\n"
              "二、压实责任,推动工作落实。各牵头单位要统筹落实任务事项,制定工作推进方案,形成工作合力。\n")
    plan = ("1.建设绿色低碳先行区。(牵头单位:市发展改革委;责任单位:市工信局)\n"
            "2.推进能源结构调整。(牵头单位:市能源局)\n")
    o = outline(notice + plan)
    assert [t.number for t in o.tasks] == ["1.", "2."]
    assert o.sections == []
    # a plan whose first section opens straight onto its items keeps that section
    o = outline("现将方案印发给你们。\n一、主要目标\n" + plan)
    assert [s.number for s in o.sections] == ["一"]


def test_a_heading_naming_its_lead_assigns_the_items_below_it():
    text = ("一、县示范区管委会牵头工作(2项)\n1.建设养殖基地。\n2.打造生产基地。\n"
            "二、张明县长牵头重点工作(1项)\n3.推进园区建设。\n")
    got = [(t.number, r.responsibility.lead.name if r.responsibility.lead else None) for t, r in located(text)]
    assert got == [("1.", "县示范区管委会"), ("2.", "县示范区管委会"), ("3.", None)]   # a person leads no unit
    assert [s.title for s in outline(text).sections][0] == "县示范区管委会牵头工作(2项)"


def test_an_item_naming_only_its_helpers_is_led_by_the_unit_its_heading_names():
    text = ("一、重点工作\n(一)省审计厅牵头的工作\n1.加强审计监督。\n协同单位:省直各部门和各市人民政府\n"
            "2.开展专项审计。(责任单位:省财政厅、省审计厅)\n")
    got = [(t.number, r.responsibility.lead.name, [u.name for u in r.responsibility.co]) for t, r in located(text)]
    assert got == [("1.", "省审计厅", ["省直各部门", "各市人民政府"]),
                   ("2.", "省财政厅", ["省审计厅"])]   # a clause naming its own lead keeps it
    lead = located(text)[0][1].responsibility.lead
    task = located(text)[0][0]
    assert text[task.start + lead.start:task.start + lead.end] == "省审计厅"


def test_a_heading_that_is_only_a_unit_list_assigns_the_duties_below_it():
    text = ("一、职责分工\n(一)区体育局\n1.负责全民健身工作的统筹协调。\n2.负责体育场地设施建设规划。\n"
            "(二)区教育局、区卫健委\n1.推动学校体育场地向社会开放。\n2.开展体医融合服务。(责任单位:区卫健委)\n"
            "(三)加强宣传引导\n1.营造全民健身氛围。\n")
    got = [(t.number, r.responsibility.lead.name if r.responsibility.lead else None,
            [u.name for u in r.responsibility.co]) for t, r in located(text)]
    assert got == [("1.", "区体育局", []), ("2.", "区体育局", []), ("1.", "区教育局", ["区卫健委"]),
                   ("2.", "区卫健委", []),   # its own bracket is nearer than the heading
                   ("1.", None, [])]         # a heading that is no unit assigns nothing


def test_an_item_cut_in_its_heading_under_a_new_heading_is_dropped_with_that_heading():
    text = ("一、重点工作\n(一)疫情防控\n1、抓好疫情防控工作,巩固防控成果。[牵头单位:区卫健局]\n"
            "2、开展环境卫生整治,强化风险防控。[牵头单位:区卫健局]\n(二)全面恢复经济社会秩序\n3、积极争取政")
    assert numbers(text) == ["1、", "2、"]


def test_a_last_item_cut_after_its_first_clause_is_kept():
    text = ("一、重点任务\n1.建设园区道路。(牵头单位:县交通局)\n2.完善园区管网。(牵头单位:县住建局)\n"
            "3.坚持过紧日子,全面实施预算绩效")
    assert numbers(text) == ["1.", "2.", "3."]


def test_a_task_headed_by_the_unit_whose_duties_it_lists():
    text = ("五、责任分工\n(一)党政办\n负责策划宣传,发动群众参与整治。\n(二)市发展改革委:负责统筹协调,督促进度。\n"
            "(三)加强宣传\n负责人:张三\n(四)城管中队\n负责人:李四\n")
    got = [(r.responsibility.lead.name if r.responsibility.lead else None, r.responsibility.source)
           for _, r in located(text)]
    assert got == [("党政办", "explicit"), ("市发展改革委", "explicit"), (None, "none"), (None, "none")]


def test_the_list_of_attached_documents_holds_no_items():
    text = ("一、落实责任\n各单位要严格落实,确保质量。\n二、加强督查\n区政府办公室将加强跟踪督查。\n"
            "附件:1.2018年政府工作报告目标任务分解表\n2.2018年民生实事任务分解表\n3.某市2018年为民办实事任务分解表\n")
    assert outline(text).tasks == []


def test_only_a_clause_the_page_cuts_is_truncated():
    text = "一、重点任务\n1.建设道路。\n责任单位:县交通局、县财政局\n2.完善管网。\n责任单位:县住建局、县财政局\n"
    assert [r.responsibility.truncated for _, r in located(text)] == [False, False]
    cut = "一、重点任务\n1.建设道路。\n责任单位:县交通局、县财政局\n2.完善管网。\n责任单位:县住建局、县财"
    assert [r.responsibility.truncated for _, r in located(cut)] == [False, True]


def test_paragraphs_with_brackets_of_their_own_under_one_item_stay_that_item():
    # the numbered item is the task (its first clause leads; later clauses are further ones), as the dev gold reads
    text = ("一、稳定经济增长\n(一)扩大有效需求。\n发挥消费的基础作用,营造放心消费环境。(省商务厅、省财政厅等负责)\n"
            "发挥投资的关键作用,引导资金投向民生领域。(省发展改革委牵头,省交通运输厅负责)\n"
            "(二)拓展区域发展空间。\n推进区域协调发展,支持重点区域加快建设。(省发展改革委负责)\n")
    got = [(t.number, r.responsibility.lead.name, len(r.responsibility.further)) for t, r in located(text)]
    assert got == [("(一)", "省商务厅", 1), ("(二)", "省发展改革委", 0)]


def test_unnumbered_paragraphs_that_each_close_with_a_bracket_are_a_task_each():
    text = ("一、稳定经济增长\n发挥消费的基础作用,营造放心消费环境。(省商务厅、省财政厅等负责)\n"
            "发挥投资的关键作用,引导资金投向民生领域。(省发展改革委牵头,省交通运输厅负责)\n")
    assert [r.responsibility.lead.name for _, r in located(text)] == ["省商务厅", "省发展改革委"]


def test_a_last_item_cut_before_its_first_full_stop_is_dropped_after_whole_sentences():
    text = ("一、工作分工\n(一)关于稳定粮食生产的问题,由省发展改革委研究提出落实意见。\n"
            "(二)关于严守耕地红线的问题,由省自然资源厅负责落实。\n(三)关于“加大力度落实‘米袋")
    assert numbers(text) == ["(一)", "(二)"]
    assert numbers("一、重点工作\n1.加强领导\n2.完善机制\n3.强化督查") == ["1.", "2.", "3."]   # headings only


def test_a_last_top_item_cut_before_its_bracket_is_still_a_task():
    text = ("某厅2020年工作要点\n一、推进乡村振兴工作。研究起草一号文件。(责任单位:秘书处)\n"
            "二、制定年度发文计划,提高文电办理质效。(责任单位:办公室)\n三、加强政务信息编报力度,办好农业信息")
    assert numbers(text) == ["一、", "二、", "三、"]


def test_one_character_parenthesised_numbers_are_items():
    assert _marker("⑴强化招商意识。")[:2] == ("pnum", "⑴")
    assert _marker("⒉加强组织领导")[:2] == ("num", "⒉")
    assert numbers("⑴强化招商意识。提高认识。\n⑵抢抓合作机遇。主动对接。\n") == ["⑴", "⑵"]


def test_goal_items_that_name_their_answerable_official_are_tasks():
    text = ("一、主要预期目标\n1.地区生产总值增长6%。\n牵头领导:张三\n2.一般公共预算收入增长5%。\n牵头领导:李四\n")
    got = [(t.number, r.responsibility.lead, r.lead_official) for t, r in located(text)]
    assert got == [("1.", None, "张三"), ("2.", None, "李四")]


def test_a_line_of_units_under_a_task_names_who_is_responsible():
    text = ("一、主要任务\n(1)开展负责人专题安全教育培训,推动培训全覆盖。\n市应急管理局、市消防救援支队、市卫生健康局\n"
            "(2)开展执法人员轮训。\n市应急管理局、市住房城乡建设局\n(3)加强宣传。\n各地、各部门要广泛宣传。\n")
    got = [(r.responsibility.source, r.responsibility.lead.name if r.responsibility.lead else None,
            [u.name for u in r.responsibility.co]) for _, r in located(text)]
    assert got[:2] == [("explicit", "市应急管理局", ["市消防救援支队", "市卫生健康局"]),
                       ("explicit", "市应急管理局", ["市住房城乡建设局"])]
    assert got[2][0] != "explicit"   # a sentence naming units is no unit line


def test_a_flattened_outline_is_cut_before_each_next_number():
    text = ("三、主要任务 (一)完善场地设施 1.优化设施布局 2.新建场地设施 3.扩大场地开放 "
            "(二)健全健身组织 (1)发展身边组织 (2)激发基层活力\n四、工作要求\n1.完成 2个方面的评估 2、3月 5.5万人参加\n")
    assert [t.title for t in outline(text).tasks] == ["优化设施布局", "新建场地设施", "扩大场地开放", "发展身边组织",
                                                    "激发基层活力", "完成 2个方面的评估 2、3月 5.5万人参加"]


def test_a_notices_own_points_with_no_plan_on_the_page_are_no_tasks():
    notice = ("某市人民政府办公室关于印发重点工作分工方案的通知\n各县区人民政府,市政府各部门:\n"
              "现将《重点工作分工方案》印发给你们,并就抓好方案落实通知如下:\n"
              "1.明确任务,压实责任。各牵头单位要细化工作举措。\n2.加强督考,狠抓落实。市政府督考办要加大督查力度。\n"
              "某市人民政府办公室\n2021年1月25日\n")
    assert outline(notice).tasks == []
    plan = "重点工作分工方案\n一、扩大有效投资\n1.推进重大项目建设。(牵头单位:市发展改革委)\n"
    assert numbers(notice + plan) == ["1."]   # the plan printed after the signature keeps its items
