"""Document metadata on page-like texts written for the tests: titles (over lines, in wrappers, behind site
furniture), issuer, signed dates in every printed form, 文号 of every shape, level and jurisdiction."""

import pytest
from plangraph.ingest.metadata import extract_metadata, parse_date


def meta(text):
    return extract_metadata(text, 0, len(text))


BODY = "一、主要任务\n(一)推进示范建设。建成示范点10个。(责任单位:市发展改革委)\n"


# ------------------------------------------------------------------------------------------------- titles


def test_title_over_two_lines_with_the_place_alone_on_the_first():
    m = meta("芜湖市\n关于加快发展数字经济的实施细则\n" + BODY)
    assert m.title == "芜湖市关于加快发展数字经济的实施细则"
    assert m.jurisdiction == "芜湖市" and m.level == "municipal"


@pytest.mark.parametrize("title", ["某市养老服务体系建设实施方案(试行)", "某市政府工作报告重点工作责任分解(2023年)",
                                   "某市推动经济高质量发展若干政策(2025年版)",
                                   "某市促进经济发展若干措施(2025年版)", "某市计量发展规划(2021—2035年)"])
def test_parentheses_that_belong_to_the_title_stay(title):
    assert meta(title + "\n" + BODY).title == title


@pytest.mark.parametrize("aside", ["(共计12项)", "(征求意见稿)", "(皖政办发〔2022〕50号)"])
def test_asides_after_the_title_go(aside):
    assert meta("某市数字经济发展行动计划" + aside + "\n" + BODY).title == "某市数字经济发展行动计划"


def test_period_on_the_line_under_the_title_is_part_of_it():
    m = meta("某市数字经济三年行动计划\n(2023—2025年)\n" + BODY)
    assert m.title == "某市数字经济三年行动计划(2023—2025年)" and m.period == [2023, 2025]
    assert meta("某市推动经济高质量发展若干政策\n(2025年版)\n" + BODY).title == "某市推动经济高质量发展若干政策(2025年版)"
    assert meta("某市数字经济行动计划\n(共计12项)\n" + BODY).title == "某市数字经济行动计划"


def test_title_over_two_lines_that_the_notice_cites_whole():
    """The first half alone reads as no title (no place, no 关于): the notice's 《》 citation joins the halves."""
    notice = "关于印发《全面推进乡村振兴加快农业农村现代化的实施方案》的通知\n各部门:现印发给你们。\n"
    m = meta(notice + "全面推进乡村振兴\n加快农业农村现代化的实施方案\n" + BODY)
    assert m.title == "全面推进乡村振兴加快农业农村现代化的实施方案"
    assert meta("全面推进乡村振兴\n加快农业农村现代化的实施方案\n" + BODY).title == "加快农业农村现代化的实施方案"


def test_title_broken_after_its_first_half():
    m = meta("某地新闻:省政府出台意见。\n省政府办公厅关于进一步促进消费\n加快恢复的实施意见\n(皖政办发〔2022〕50号)\n" + BODY)
    assert m.title == "省政府办公厅关于进一步促进消费加快恢复的实施意见"
    assert m.issuer == "省政府办公厅"
    assert m.doc_number == "皖政办发〔2022〕50号"
    assert m.level == "provincial"


def test_wrapper_notice_keeps_the_plan_title_and_the_wrapper():
    text = ("合肥市人民政府办公室关于印发合肥市促进消费三年行动方案(2023—2025年)的通知\n各县(市)、区人民政府,市政府各部门:\n"
            "现将《方案》印发给你们。\n合肥市人民政府办公室\n2023年3月28日\n合肥市促进消费三年行动方案(2023—2025年)\n" + BODY)
    m = meta(text)
    assert m.title == "合肥市促进消费三年行动方案(2023—2025年)"
    assert m.wrapper_title.startswith("合肥市人民政府办公室关于印发")
    assert (m.issuer, m.issued_on) == ("合肥市人民政府办公室", "2023-03-28")
    assert (m.level, m.jurisdiction, m.period) == ("municipal", "合肥市", [2023, 2025])


def test_period_printed_on_the_line_under_the_title():
    m = meta("某省计量发展行动方案\n（2021—2025年）\n为推动发展,制定本方案。\n" + BODY)
    assert (m.title, m.period) == ("某省计量发展行动方案（2021—2025年）", [2021, 2025])  # one title over two lines
    assert meta("某省计量发展行动方案\n为推动发展(2021—2025年),制定本方案。\n" + BODY).period is None


def test_a_title_naming_one_year_is_a_one_year_plan_before_the_period_of_a_plan_it_cites():
    text = "2023年全省卫生健康工作要点\n贯彻落实《公共服务优享工程实施方案(2023—2027)》,制定本要点。\n" + BODY
    assert meta(text).period == [2023, 2023]
    assert meta("2030年前碳达峰实施方案\n" + BODY).period is None        # a deadline, not the plan's year
    assert meta("关于贯彻《计量发展规划(2021—2035年)》的工作方案\n" + BODY).period == [2021, 2035]


def test_a_list_of_practical_projects_is_titled():
    assert meta("某区2024年为民办实事项目\n" + BODY).title == "某区2024年为民办实事项目"


def test_site_header_breadcrumbs_and_headline_are_skipped():
    text = ("返回首页\n当前位置: 首页 > 政策文件\n省政府印发2024年重点工作责任分解通知\n编辑: admin 时间: 2024-02-01\n"
            "近日,省政府办公厅印发通知。\n重点工作责任分解\n" + BODY)
    m = meta(text)
    assert m.title == "重点工作责任分解"
    assert m.issued_on is None            # a page timestamp is not an issue date
    assert m.level == "provincial"        # from the headline's 省政府


def test_a_news_lead_names_the_document_it_reports_in_quotes():
    text = ("近日,中共某某市委办公厅、某某市人民政府办公厅印发了《某某市推进县城建设实施方案》,并发出通知。\n"
            "为推进县城建设,制定本方案。\n" + BODY)
    m = extract_metadata(text, text.index("一、"), len(text))
    assert m.title == "某某市推进县城建设实施方案"
    assert m.issuer == "中共某某市委办公厅、某某市人民政府办公厅"
    text = "今天,自治区政府网站发布了《自治区人民政府办公厅关于印发某某都市圈建设2019年工作计划的通知》。\n" + BODY
    m = extract_metadata(text, text.index("一、"), len(text))
    assert (m.title, m.issuer) == ("某某都市圈建设2019年工作计划", "自治区人民政府办公厅")
    assert m.level == "provincial"


def test_a_provincial_text_that_never_names_its_province_is_placed_by_its_cities():
    text = ("各市、州、县人民政府,省政府各部门:\n一、工作目标\n到2017年,武汉市、襄阳市细颗粒物年均浓度下降18%;"
            "宜昌市、荆州市下降15%。\n")
    m = meta(text)
    assert (m.level, m.jurisdiction) == ("provincial", "湖北省")
    assert meta("各市人民政府,省政府各部门:\n一、工作目标\n武汉市、长沙市各建成1个中心。\n").jurisdiction is None


def test_no_printed_title_gives_none():
    m = meta("各市人民政府,省政府各部门:\n为推动工作,现通知如下。\n" + BODY)
    assert m.title is None
    assert m.level == "provincial"


def test_one_line_page():
    text = ("湖北省人民政府 关于印发全省重点工作分工的通知 鄂政发〔2018〕26号 各市、州人民政府:现将分工印发给你们。"
            + "一、加快发展 (一)扩大投资。1.推进项目建设。(省发展改革委负责) 2.优化环境。(省商务厅负责)" * 2)
    m = meta(text)
    assert m.wrapper_title is None or "湖北省人民政府" in m.wrapper_title
    assert m.issuer == "湖北省人民政府"
    assert m.doc_number == "鄂政发〔2018〕26号"
    assert (m.level, m.jurisdiction) == ("provincial", "湖北省")


# ------------------------------------------------------------------------------------------ dates, 文号


@pytest.mark.parametrize(
    ("printed", "iso"),
    [("2023年3月28日", "2023-03-28"), ("2023-03-28", "2023-03-28"), ("2023/3/28", "2023-03-28"),
     ("二〇二三年三月二十八日", "2023-03-28"), ("二〇二〇年十二月三十一日", "2020-12-31")],
)
def test_dates_in_every_printed_form(printed, iso):
    assert parse_date(printed) == iso


def test_signed_date_in_chinese_numerals_under_the_signature():
    m = meta("某县2023年工作要点\n" + BODY + "南陵县人民政府\n二〇二三年三月二十八日\n")
    assert (m.issuer, m.issued_on) == ("南陵县人民政府", "2023-03-28")


def test_issue_date_label_wins_and_repost_dates_are_ignored():
    text = ("发布机构: 某街道办事处 主题分类: 综合政务\n名称: 某区2022年食品安全工作安排 文号:\n成文日期: 发布日期: 2022-06-04\n"
            "某区2022年食品安全工作安排\n" + BODY)
    m = meta(text)
    assert m.issued_on is None and m.issuer is None and m.doc_number is None
    labelled = meta("索 引 号 001/2023-01 发文日期 2023-01-03\n发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号\n" + BODY)
    assert (labelled.issued_on, labelled.doc_number) == ("2023-01-03", "蔡政办〔2023〕1号")


@pytest.mark.parametrize(
    ("line", "number"),
    [("湘政办发[2007]71号", "湘政办发[2007]71号"), ("京兴政办发〔2023〕1 号", "京兴政办发〔2023〕1号"),
     ("(苏政办发(2022)50号)", "苏政办发(2022)50号"), ("国发 〔2021〕 37号", "国发〔2021〕37号")],
)
def test_doc_numbers_of_every_shape(line, number):
    assert meta("某省关于加强计量工作的意见\n" + line + "\n" + BODY).doc_number == number


def test_doc_number_in_brackets_after_the_notice_title_and_in_a_publish_label():
    m = meta("广东省人民政府关于印发2021年重点任务分工方案的通知 (粤府〔2021〕22号)\n各地级以上市人民政府:\n"
             "现将《方案》印发给你们。\n广东省人民政府\n2021年3月21日\n2021年重点任务分工方案\n" + BODY)
    assert (m.doc_number, m.issuer) == ("粤府〔2021〕22号", "广东省人民政府")
    assert meta("发布文号 | 某府〔2021〕23号 |\n某省重点任务分工方案\n" + BODY).doc_number == "某府〔2021〕23号"
    assert meta("政策文号:某政办〔2022〕8号\n某市养老服务实施方案\n" + BODY).doc_number == "某政办〔2022〕8号"


def test_issuer_from_a_labelled_notice_title():
    text = ("文 号: | 六盘水府办发〔2022〕10号 | 是否有效: | |\n名 称: | 市人民政府办公室关于印发某某行动方案的通知 |\n"
            "某某行动方案\n" + BODY)
    assert meta(text).issuer == "市人民政府办公室"


def test_label_on_its_own_line_with_the_value_below():
    m = meta("发文字号\n郧政发〔2023〕5号\n发布日期\n2023年02月13日 10:53:20\n" + BODY)
    assert m.doc_number == "郧政发〔2023〕5号" and m.issued_on is None


# ------------------------------------------------------------------------------------- level, jurisdiction


@pytest.mark.parametrize(
    ("head", "level", "jurisdiction"),
    [
        ("国务院关于加强计量工作的意见\n", "national", "全国"),
        ("市场监管总局关于加强计量工作的意见\n", "national", "全国"),
        ("江西省人民政府关于激发消费潜力的实施意见\n", "provincial", "江西省"),
        ("浙江省质量技术监督局关于加强计量工作的实施意见\n", "provincial-department", "浙江省"),
        ("南京市人民政府关于深化计量工作的实施意见\n", "municipal", "南京市"),
        ("南京市市场监督管理局关于计量监督的工作方案\n", "municipal-department", "南京市"),
        ("枞阳县人民政府关于推进乡村振兴的实施方案\n", "county", "枞阳县"),
        ("中共枞阳县委 枞阳县人民政府关于推进乡村振兴的实施意见\n", "county", "枞阳县"),
        ("北京市大兴区人民政府办公室关于印发重点工作分工方案的通知\n", "county", "大兴区"),
        ("谯城区教育局2025年重点工作任务分解表\n", "county-department", "谯城区"),
        ("铜陵经济技术开发区管委会关于推进招商工作的实施方案\n", "development-zone", "铜陵经济技术开发区"),
    ],
)
def test_level_and_jurisdiction_for_every_level(head, level, jurisdiction):
    m = meta(head + BODY)
    assert (m.level, m.jurisdiction) == (level, jurisdiction)


def test_addressees_and_place_mentions_when_nothing_else_is_printed():
    m = meta("各省辖市发展改革委、工业和信息化局,省有关单位:\n为落实《河南省促进工业发展条例》,制定本通知。\n" + BODY)
    assert (m.level, m.jurisdiction) == ("provincial-department", "河南省")
    city = meta("各县(市)、区人民政府,市政府各部门:\n根据《山东省道路交通安全条例》,现就我市工作通知如下。\n" + BODY)
    assert (city.level, city.jurisdiction) == ("municipal", None)   # a province named is not the city


def test_joint_issuers_and_a_title_in_book_marks_after_its_number():
    joint = meta("成都市发展和改革委员会 成都市住房和城乡建设局 关于印发成都市社区服务设施建设实施方案的通知\n" + BODY)
    assert joint.title == "成都市社区服务设施建设实施方案"
    assert (joint.level, joint.jurisdiction) == ("municipal-department", "成都市")
    numbered = meta("京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n" + BODY)
    assert numbered.title == "北京市2016年政务公开工作要点"
    assert (numbered.doc_number, numbered.level, numbered.jurisdiction) == ("京政办发〔2016〕26号", "provincial", "北京市")


def test_a_headline_wrapper_with_the_plan_in_book_marks():
    m = meta("中共中央办公厅 国务院办公厅印发《关于加强基层治理的意见》\n" + BODY)
    assert m.title == "关于加强基层治理的意见"
    assert (m.issuer, m.level, m.jurisdiction) == ("中共中央办公厅、国务院办公厅", "national", "全国")   # joint: 、


def test_a_page_with_only_a_web_headline_names_the_plan_from_it():
    m = meta("当前位置: 首页 > 要闻\n市政府印发2024年民生实事工作方案通知\n近日,市政府印发方案。\n" + BODY)
    assert m.title == "2024年民生实事工作方案"
    assert m.level == "municipal"


def test_title_named_by_the_notice_when_the_plan_follows_without_one():
    text = ("X政办字〔2023〕1号\n各县区人民政府,市政府各部门:\n经市政府同意,现将《X市深化改革推动绿色发展分工落实方案》"
            "(以下简称《方案》)印发给你们,请认真贯彻实施。\n1.推动绿色发展先行区建设。(牵头单位:市发展改革委)\n")
    assert meta(text).title == "X市深化改革推动绿色发展分工落实方案"


def test_a_list_of_key_tasks_is_a_title_but_a_bare_header_word_is_not():
    m = meta("2021年县政府重点工作任务(华政发〔2021〕2号)\n各乡镇人民政府:\n一、强化责任落实。各单位要切实履行职责。\n")
    assert (m.title, m.doc_number) == ("2021年县政府重点工作任务", "华政发〔2021〕2号")
    m = meta("某区教育局2025年重点工作任务分解表\n序号\n重点工作任务\n主要责任单位\n1\n建设学校。\n区教育局\n")
    assert m.title == "某区教育局2025年重点工作任务分解表"


def test_a_division_of_responsibilities_is_a_title_but_a_bare_heading_is_not():
    m = meta("某县人民政府\n2024年3月1日\n2024年某县政府重点工作事项责任分工\n一、主要目标\n"
             "1.地区生产总值增长6%。(牵头单位:县发展改革局)\n")
    assert m.title == "2024年某县政府重点工作事项责任分工"
    m = meta("责任分工\n一、主要目标\n1.地区生产总值增长6%。(牵头单位:县发展改革局)\n")
    assert m.title != "责任分工"


# ------------------------------------------------------------------------------ titles over several lines


def test_title_over_three_lines_joined_by_its_continuation():
    m = meta("某省新闻:省政府发文,推动公交发展\n关于深入落实\n公共交通优先发展战略 推动公交高质量发展\n的实施意见\n"
             "某政办〔2023〕4号\n" + BODY)
    assert m.title == "关于深入落实公共交通优先发展战略推动公交高质量发展的实施意见"


def test_a_line_broken_off_at_de_joins_only_a_line_that_cannot_stand_alone():
    assert meta("某区人民政府办公室\n关于印发2020年重点工作责任分解的\n通 知\n" + BODY).wrapper_title == (
        "某区人民政府办公室关于印发2020年重点工作责任分解的通知")
    assert meta("今年我区推动的\n2023年重点工作实施方案\n" + BODY).title == "2023年重点工作实施方案"


def test_title_whose_book_marks_close_on_a_later_line():
    plan = "某市贯彻落实《关于稳住经济大盘\n\n推动消费恢复的若干政策\n\n措施》实施方案\n\n"
    m = meta(plan + "为推动落实,制定本方案。\n" + BODY)
    assert m.title == "某市贯彻落实《关于稳住经济大盘推动消费恢复的若干政策措施》实施方案"
    notice = "某市人民政府办公室关于印发《某市促进消费实施方案》的通知\n"
    cut = meta(notice + "某市人民政府办公室\n2023年3月15日\n但在\n措施》实施方案\n" + BODY)
    assert cut.title == "某市促进消费实施方案"   # no fragment: the notice's title names the plan
    assert cut.issued_on == "2023-03-15"


def test_two_line_heading_cited_whole_is_the_title_and_implements_nothing():
    text = ("各区人民政府,市人民政府各部门:\n《2022年市〈政府工作报告〉目标任务责任分解方案》已经市人民政府同意,现印发给你们,"
            "请一并贯彻执行。\n一、加强统筹,制订方案。各责任单位要对承办事项逐项研究,制订具体方案,明确时间节点、分管负责同志和责任部门。\n"
            "某市人民政府办公厅\n"
            "2022年1月22日\n2022年市《政府工作报告》目标任务\n责任分解方案\n")
    m = extract_metadata(text + BODY, len(text), len(text + BODY))
    assert m.title == "2022年市《政府工作报告》目标任务责任分解方案"
    assert m.implements == [] and m.period == [2022, 2022]


def test_plan_after_an_annex_line_and_annex_list_items_are_not_titles():
    text = ("各乡镇人民政府,县直各单位:\n现将《2025年县政府工作报告任务清单》印发给你们。\n附件:1.2025年县政府工作报告任务清单\n"
            "2.2025年十件民生实事任务分解\n某县人民政府办公室\n2025年5月18日\n附件1\n2025年县政府工作报告任务清单\n")
    assert extract_metadata(text + BODY, len(text), len(text + BODY)).title == "2025年县政府工作报告任务清单"
    annex = meta("附件:1.2025年县政府工作报告任务清单\n2.2025年十件民生实事任务分解\n" + BODY)
    assert annex.title is None


def test_a_file_name_printed_as_the_title_loses_its_extension():
    assert meta("2021年重大民生实事项目目标任务责任分解表.docx\n" + BODY).title == "2021年重大民生实事项目目标任务责任分解表"


def test_a_heading_ending_in_a_strategy_is_no_title():
    assert meta("大力实施乡村振兴战略\n" + BODY).title is None


def test_title_named_unquoted_in_a_news_lead():
    text = "某网 > 热点\n近日,国务院发布关于落实《政府工作报告》重点工作部门分工的意见,明确牵头部门。\n"
    m = extract_metadata(text + BODY, len(text), len(text + BODY))
    assert m.title == "国务院关于落实《政府工作报告》重点工作部门分工的意见"
    assert (m.issuer, m.level, m.jurisdiction) == ("国务院", "national", "全国")
    bare = "某网\n日前省政府办公厅印发关于促进消费的实施意见,明确任务。\n"
    assert extract_metadata(bare + BODY, len(bare), len(bare + BODY)).title == "省政府办公厅关于促进消费的实施意见"


# ------------------------------------------------------------------------------ period, date, issuer


def test_period_printed_before_the_title():
    assert meta("2024—2025年节能降碳行动方案\n" + BODY).period == [2024, 2025]
    assert meta("某省2023-2025年数字经济行动计划\n" + BODY).period == [2023, 2025]


@pytest.mark.parametrize("signed", ["二○一二年四月五日", "二〇一二年四月五日", "二零一二年四月五日", "二Ｏ一二年四月五日"])
def test_signature_date_with_every_printed_zero(signed):
    m = meta("某市缓解交通拥堵行动方案\n" + BODY + "某市人民政府办公厅\n" + signed + "\n")
    assert (m.issuer, m.issued_on) == ("某市人民政府办公厅", "2012-04-05")


def test_issuer_without_its_place_takes_the_place_from_a_page_label():
    text = ("索 引 号: 001/2020-1 发布日期: 2020-06-28 发布机构: 下陆区政府办公室\n区人民政府办公室\n"
            "关于印发2020年区政府重点工作责任分解的\n通 知\n各部门:现印发给你们。\n2020年区政府重点工作责任分解\n")
    assert meta(text + BODY).issuer == "下陆区政府办公室"
    other = text.replace("下陆区政府办公室", "下陆区财政局")
    assert meta(other + BODY).issuer == "区人民政府办公室"   # another agency: the printed name stays


# ------------------------------------------------------------------------------ development zones, implements


def test_zone_named_by_the_title_and_approved_by_its_administration():
    text = ("某开〔2020〕28号\n各部门,驻区各单位:\n《新乡高新区深化改革工作方案》已经区管委会研究同意,现印发给你们。\n"
            "2020年3月31日\n新乡高新区深化改革工作方案\n")
    m = extract_metadata(text + BODY, len(text), len(text + BODY))
    assert (m.level, m.jurisdiction) == ("development-zone", "新乡高新区")
    assert m.implements == []
    plain = text.replace("区管委会", "区人民政府")
    assert extract_metadata(plain + BODY, len(plain), len(plain + BODY)).level != "development-zone"


def test_an_unnamed_zone_title_takes_the_short_name_the_text_defines():
    m = meta("开发区高质量发展实施方案\n为促进某市东湖新技术开发区(以下称东湖高新区)高质量发展,制定本方案。\n" + BODY)
    assert (m.level, m.jurisdiction) == ("development-zone", "东湖高新区")


def test_implements_skips_what_the_notice_issues_and_unwraps_a_cited_notice():
    text = ("某市人民政府办公室关于印发某市制造业实施方案的通知\n根据《省政府办公厅印发〈关于推动制造业发展若干措施〉的通知》"
            "(某政办发〔2023〕4号,以下简称《措施》)要求,现将《某市制造业实施方案》《某市财政支持措施》印发给你们。\n")
    refs = meta(text + BODY).implements
    assert [(r["title"], r["doc_number"]) for r in refs] == [("关于推动制造业发展若干措施", "某政办发〔2023〕4号")]
    kept = meta("现将《某省推动制造业发展规划》责任分解印发给你们,请认真贯彻落实。\n" + BODY).implements
    assert [r["title"] for r in kept] == ["某省推动制造业发展规划"]   # the plan whose division is issued


def test_a_title_with_its_period_and_a_page_count_in_parentheses():
    title = meta("某市应急保障体系建设行动计划(2021-2022年)(18页).docx\n" + BODY).title
    assert title == "某市应急保障体系建设行动计划(2021-2022年)"


def test_a_doc_number_glued_to_the_title_by_a_dash_and_a_signature_with_the_place():
    text = ("某政办〔2020〕3号—区人民政府办公室关于印发2020年区重点工作责任分解方案的通知\n各部门:\n现将方案印发给你们。\n"
            "黄石市下陆区人民政府办公室\n2020312\n2020年区重点工作责任分解方案\n")
    m = meta(text + BODY)
    assert m.wrapper_title == "区人民政府办公室关于印发2020年区重点工作责任分解方案的通知"
    assert (m.issuer, m.doc_number) == ("黄石市下陆区人民政府办公室", "某政办〔2020〕3号")
    other = text.replace("黄石市下陆区人民政府办公室", "黄石市下陆区财政局")
    assert meta(other + BODY).issuer == "区人民政府办公室"   # another agency: the printed name stays


def test_joint_issuers_spaced_apart_are_joined_and_a_quoted_site_label_is_dropped():
    m = meta("“信息公开” 中共成都市委办公室 成都市人民政府办公室印发《成都市社区服务提升行动计划》的通知\n" + BODY)
    assert m.wrapper_title == "中共成都市委办公室成都市人民政府办公室印发《成都市社区服务提升行动计划》的通知"
    assert (m.issuer, m.level, m.jurisdiction) == ("中共成都市委办公室、成都市人民政府办公室", "municipal", "成都市")
    spaced = meta("成都市人民政府 办公室关于印发成都市社区服务提升行动计划的通知\n" + BODY)
    assert spaced.issuer == "成都市人民政府办公室"   # one name with a space inside


def test_a_notice_title_over_three_lines_with_the_issuer_first():
    m = meta("某旗人民政府办公室\n关于印发2023年《政府工作报告》\n重点任务分工的通知\n各部门:\n现印发给你们。\n" + BODY)
    assert m.wrapper_title == "某旗人民政府办公室关于印发2023年《政府工作报告》重点任务分工的通知"
    assert (m.title, m.period) == ("2023年《政府工作报告》重点任务分工", [2023, 2023])


def test_doc_number_under_a_faxin_wenhao_label():
    m = meta("索引号: 001/2025 主题分类: 督查\n发文机构: 市政府办公室 发文文号: 某政办发〔2025〕1号\n某市重点工作分工方案\n" + BODY)
    assert m.doc_number == "某政办发〔2025〕1号"


def test_implements_skips_a_form_to_fill_in():
    m = meta("各单位要认真落实《某市绿色发展规划》,按月填报《某市绿色发展规划落实推进情况表》。\n" + BODY)
    assert [r["title"] for r in m.implements] == ["某市绿色发展规划"]


# ------------------------------------------------------------------ titles over lines, on a line with text, in tables


def test_a_title_opened_with_guanyu_goes_on_over_lines_to_its_document_type():
    m = meta("某省人民政府办公厅关于落实某某委员会\n关于加快推进农业发展\n若干意见有关措施分工的通知\n某政办函〔2014〕3号\n" + BODY)
    assert m.title == "某省人民政府办公厅关于落实某某委员会关于加快推进农业发展若干意见有关措施分工的通知"
    m = meta("某省人民政府办公厅关于落实某某意见\n有关政策措施分工的通知\n" + BODY)   # a 通知 naming no subject ends it
    assert m.title == "某省人民政府办公厅关于落实某某意见有关政策措施分工的通知"
    m = meta("某区委办公室\n某区人民政府办公室\n关于印发某区发展方案的通知\n" + BODY)   # two issuers: the join stops
    assert m.wrapper_title == "某区人民政府办公室关于印发某区发展方案的通知"


def test_a_guanyu_title_that_ends_in_the_plan_it_cites_goes_on_to_its_own_document_type():
    m = meta("某省人民政府关于落实《某省国民经济\n和社会发展第十一个五年规划纲要》\n主要目标和任务工作分工的通知\n" + BODY)
    assert m.title == "某省人民政府关于落实《某省国民经济和社会发展第十一个五年规划纲要》主要目标和任务工作分工的通知"


@pytest.mark.parametrize("title", ["2024年民生实事任务表", "2024年民生实事项目表", "2024年十件民生实事责任分工表",
                                   "2024年重点工作任务一览表", "2022年度民生实事项目进度表"])
def test_titles_of_table_documents(title):
    assert meta(title + "\n序号\n项目名称\n责任单位\n1\n新建幼儿园2所。\n县教育局\n").title == title


def test_table_cells_are_never_a_title():
    cells = "\n".join(["序号", "项目内容", "牵头单位", "备注", "1", "新增学位1000个。", "县教育局", "县民生实事",
                       "2", "建设农村公路55公里。", "县交通局", "县民生实事"])
    assert meta("2022年民生实事任务分解表\n" + cells + "\n").title == "2022年民生实事任务分解表"
    assert meta("2022年民生实事任务分解表\n" + cells.replace("序号\n", "") + "\n").title == "2022年民生实事任务分解表"
    assert meta("县教育局\n2024年工作要点\n" + BODY).title == "县教育局2024年工作要点"   # a year opens the title's words


def test_a_title_with_the_body_run_on_after_a_space():
    m = meta("芜湖市教育局(中共芜湖市委教育工委)2018年工作要点 2018年,全市教育工作的总体要求是:加快推进教育现代化。\n"
             + BODY)
    assert m.title == "芜湖市教育局(中共芜湖市委教育工委)2018年工作要点"
    assert (m.issuer, m.level, m.period) == ("芜湖市教育局", "municipal-department", [2018, 2018])
    cited = meta("某市人民政府关于加快发展养老服务的实施意见\n为贯彻落实《某省人民政府关于加快发展养老服务的实施意见》 "
                 "(某政〔2014〕3号),提出如下意见。\n" + BODY)
    assert cited.title == "某市人民政府关于加快发展养老服务的实施意见"


# --------------------------------------------------------------------------------------------- labelled fields


@pytest.mark.parametrize("label", ["标题:", "名称:", "标 题:", "- 标题:", "名 称: |"])
def test_a_labelled_title_when_no_title_line_is_printed(label):
    m = meta(f"{label}某县人民政府办公室关于印发2025年重点工作任务分解表的通知 | ||\n各镇人民政府:\n现印发给你们。\n" + BODY)
    assert m.title == "2025年重点工作任务分解表"
    assert m.wrapper_title == "某县人民政府办公室关于印发2025年重点工作任务分解表的通知"
    assert (m.issuer, m.period) == ("某县人民政府办公室", [2025, 2025])


@pytest.mark.parametrize("label", ["备注/文号:", "备注:", "文号:"])
def test_a_doc_number_under_a_remark_label_and_a_document_system_date(label):
    m = meta(f"标题:某市人民政府办公室关于2025年重点工作责任分解的通知\n{label}某政办〔2025〕1号\n公文生成日期:2025-01-24\n"
             "各镇人民政府:\n" + BODY)
    assert m.title == "某市人民政府办公室关于2025年重点工作责任分解的通知"
    assert (m.doc_number, m.issued_on) == ("某政办〔2025〕1号", "2025-01-24")
    assert meta("备注:请各单位按时报送。\n某政办〔2025〕2号\n某市重点工作分工方案\n" + BODY).doc_number == "某政办〔2025〕2号"


def test_period_from_a_five_year_plan_ordinal_in_the_title():
    m = meta("某省人民政府关于落实《某省国民经济和社会发展第十一个五年规划纲要》主要目标和任务工作分工的通知\n" + BODY)
    assert m.period == [2006, 2010]
    assert meta("某省落实《第十四个五年规划纲要》任务分工方案\n" + BODY).period == [2021, 2025]


# ------------------------------------------------------------------------------------------------------ level


def test_a_title_naming_a_higher_governments_programme_keeps_the_level_of_the_text_that_speaks():
    rows = "1 | 新增公办幼儿学位1000个。 | 县教育局 |\n2 | 建设农村公路50公里。 | 县交通局 |\n"
    county = meta("2023年我县共承办省政府民生实事46项。\n2023年省政府民生实事项目实施计划\n序号 | 项目内容 | 牵头单位 |\n" + rows)
    assert (county.title, county.level) == ("2023年省政府民生实事项目实施计划", "county")
    province = meta("2023年我省共办理民生实事10项。\n2023年省政府民生实事项目实施计划\n序号 | 项目内容 | 牵头单位 |\n" + rows)
    assert province.level == "provincial"


def test_a_newspaper_named_after_a_province_gives_no_jurisdiction():
    m = meta("浙江日报 数字报纸\n第14版:今日开发区\n2024年目标任务\n" + BODY)
    assert m.jurisdiction != "浙江省"


def test_joint_signatures_on_one_line_are_joined_with_dun():
    text = ("各市、县人民政府:\n现将《某省农田建设行动方案》印发给你们,请认真组织实施。\n"
            "某省农业农村厅 某省财政厅\n2022年11月22日\n某省农田建设行动方案\n")
    m = extract_metadata(text + BODY, len(text), len(text + BODY))
    assert m.issuer == "某省农业农村厅、某省财政厅"


def test_a_pipe_row_label_gives_the_place_of_an_issuer_printed_without_it():
    text = ("文号 | 江政办〔2022〕1号 |\n发布机构 | 汉阳区人民政府办公室 |\n"
            "区人民政府办公室关于印发2022年区重点工作责任分解方案的通知\n各街道办事处:\n现印发给你们。\n")
    m = extract_metadata(text + BODY, len(text), len(text + BODY))
    assert m.issuer == "汉阳区人民政府办公室"
