"""Every target form of the extraction contract, one short text written for the test each: comparators both
ways, compound units and mixed figures, 分别 lists, shared verbs, shares of a population, what is not a target
and where a target's year comes from."""

import pytest
from plangraph.ingest.targets import TargetContext, extract_targets, find_targets
from plangraph.ingest.years import five_year_plan_end, heading_year, label_years, milestone_years, plan_year


def one(text):
    found = find_targets(text)
    assert len(found) == 1, [(m.metric, m.value, m.unit) for m in found]
    return found[0]


# ------------------------------------------------------------------------------------------ 1. comparators


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("示范园区数量达到12个以上。", ">="),
        ("森林覆盖率不低于45%。", ">="),
        ("新增就业岗位不少于800个。", ">="),
        ("外贸进出口总额超过300亿元。", ">="),
        ("数字经济规模突破1万亿元。", ">="),
        ("外贸进出口总额超50亿元。", ">="),
        ("就读公办学校比例>85%。", ">="),
        ("就读公办学校比例≥85%。", ">="),
        ("城镇调查失业率<5.5%。", "<="),
        ("农村自来水普及率达到90%以上。", ">="),
        ("空置率降低到5%以下。", "<="),
        ("平均通行时间控制在30分钟以内。", "<="),
        ("企业开办时间缩短至2个工作日以内。", "<="),
        ("亏损企业占比不超过8%。", "<="),
        ("单位产品能耗不高于0.3吨标准煤。", "<="),
        ("居民用户办电时间不超3个工作日。", "<="),   # 不超: a short 不超过, not 不 + 超
        ("城镇登记失业率4.5%左右。", "~"),
        ("新增就业约1.2万人。", "~"),
        ("建成社区食堂50个。", "="),
    ],
)
def test_comparators_both_ways(text, comparator):
    assert one(text).comparator == comparator


def test_a_printed_symbol_is_no_part_of_the_metric():
    assert one("就读公办学校比例达>85%。").metric == "就读公办学校比例"


def test_a_short_upper_bound_keeps_its_negation_out_of_the_metric():
    m = one("低压用户办电时间不超5个工作日。")
    assert (m.metric, m.comparator, m.value) == ("低压用户办电时间", "<=", 5)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("建设示范基地20~30个。", 20, 30, "个"),
        ("培育龙头企业2—3个。", 2, 3, "个"),
        ("研发经费投入年增长20%-30%。", 20, 30, "%"),
    ],
)
def test_ranges_give_low_and_high(text, low, high, unit):
    m = one(text)
    assert (m.comparator, m.value, m.low, m.high, m.unit) == ("range", None, low, high, unit)


def test_per_year_and_cumulative_cues():
    per_year = one("每年新增城镇就业5万人。")
    assert per_year.per_year and per_year.unit == "万人"
    assert one("地区生产总值年均增长6%左右。").per_year
    cumulative = one("累计建成5G基站1.5万个。")
    assert cumulative.cumulative and not cumulative.per_year


# --------------------------------------------------------------------------------------- 2. units, metrics


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("火电供电煤耗不高于300克二氧化碳/千瓦时。", 300, "克二氧化碳/千瓦时"),
        ("PM2.5平均浓度控制在35微克/立方米以下。", 35, "微克/立方米"),
        ("新增绿色电力30亿千瓦时。", 30, "亿千瓦时"),
        ("社会消费品零售总额达到800亿元。", 800, "亿元"),
        ("接待游客2000万人次。", 2000, "万人次"),
        ("农村居民收入占比提高2个百分点。", 2, "个百分点"),
        ("孕产妇死亡率控制在12/10万以内。", 12, "/10万"),
        ("高标准农田建设面积达到60万亩。", 60, "万亩"),
        ("数字经济规模达到1.2万亿元。", 1.2, "万亿元"),
        ("铁路网密度达到507公里/万平方公里。", 507, "公里/万平方公里"),
    ],
)
def test_compound_units_keep_their_scale(text, value, unit):
    m = one(text)
    assert (m.value, m.unit) == (value, unit)


def test_chinese_numerals_and_mixed_figures():
    assert (one("空气质量优良率达到百分之九十五。").value, one("空气质量优良率达到百分之九十五。").unit) == (95, "%")
    two = one("建成省级示范区两个以上。")
    assert (two.value, two.unit, two.comparator) == (2, "个", ">=")
    mixed = one("新增就业1.2万人以上。")
    assert (mixed.value, mixed.unit) == (1.2, "万人")


def test_respectively_lists_give_one_target_per_metric_in_order():
    found = find_targets("城市、县城和乡镇污水处理率分别达到95%、90%和70%以上。")
    assert [(m.metric, m.value, m.comparator) for m in found] == [
        ("城市污水处理率", 95, ">="), ("县城污水处理率", 90, ">="), ("乡镇污水处理率", 70, ">=")]


def test_several_figures_share_one_verb():
    found = find_targets("节约用地5万亩、用能120万吨标准煤。")
    assert [(m.metric, m.value, m.unit) for m in found] == [("节约用地", 5, "万亩"), ("用能", 120, "万吨标准煤")]


def test_share_of_a_population_is_a_rate_target():
    m = one("全市80%以上的学校达到标准化建设要求。")
    assert (m.value, m.unit, m.comparator) == (80, "%", ">=")
    assert "学校" in m.metric and m.metric.endswith("比例")


def test_share_without_de_and_its_goal_figure_is_no_second_target():
    m = one("到2025年,90%以上乡镇实现15分钟上高速。")
    assert (m.value, m.unit, m.comparator) == (90, "%", ">=") and "乡镇" in m.metric and m.metric.endswith("比例")
    assert one("80%以上的县建成3个示范中心。").value == 80


def test_a_growth_rate_before_a_noun_is_no_share():
    assert not any(m.metric.endswith("比例") for m in find_targets("营业收入增长10%以上企业达到标准。"))


def test_at_least_before_the_verb_is_a_lower_bound():
    for text, metric in (("至少新增学位1000个。", "新增学位数量"), ("每个街道至少建成1个社区食堂。", "社区食堂数量")):
        m = one(text)
        assert (m.metric, m.comparator) == (metric, ">="), text


def test_scores_person_years_and_marks():
    assert (one("知晓度评分91分以上。").unit, one("知晓度评分91分以上。").comparator) == ("分", ">=")
    assert (one("研发人员达到209人年以上。").metric, one("研发人员达到209人年以上。").unit) == ("研发人员", "人年")
    assert one("▲增加值可比增长14%左右。").metric == "增加值可比"
    assert one("响应时间缩短至15分钟以内。").unit == "分钟"


def test_a_deadline_month_is_no_part_of_the_metric_and_dates_its_year():
    m = one("2024年6月底前完成改造项目50个。")
    assert (m.metric, m.year) == ("改造项目数量", 2024)
    assert one("继续推进既有住宅增设电梯,12月底前开工建设200部。").metric == "开工建设数量"
    assert one("2023年3月15日召开会议,建成示范点10个。").year is None   # a date, not a deadline


def test_a_peeled_verb_never_splits_a_word():
    assert one("建成共享单车站点100个。").metric == "共享单车站点数量"
    assert one("共建成示范点10个。").metric == "示范点数量"


def test_metric_names_drop_the_verb_frame():
    assert one("审批时限缩短至5个工作日以内。").metric == "审批时限"
    assert one("全市新建口袋公园10个。").metric == "口袋公园数量"
    assert one("研发投入强度达到3%以上。").metric == "研发投入强度"
    assert one("城镇新增就业900万人以上。").metric.startswith("城镇新增就业")


def test_a_compound_counter_is_one_unit():
    m = one("举办文化惠民演出80场次。")
    assert (m.metric, m.value, m.unit, m.quote) == ("文化惠民演出数量", 80, "场次", "文化惠民演出80场次")
    assert one("新开通货运航班120架次。").unit == "架次"


def test_a_count_before_a_noun_ending_in_an_action_noun_is_a_target():
    m = one("加快8个物流园区项目建设,带动就业增长。")
    assert (m.metric, m.value, m.unit, m.quote) == ("物流园区项目建设数量", 8, "个", "8个物流园区项目建设")
    assert find_targets("全区8个重点项目建设进展顺利。") == []   # the noun phrase goes on: a report, no target


def test_a_span_of_years_after_a_lifetime_metric_is_a_target():
    m = one("到2030年,小微企业平均生存周期达到6年。")
    assert (m.metric, m.value, m.unit, m.comparator) == ("小微企业平均生存周期", 6, "年", "=")
    assert one("新建道路设计使用寿命不低于30年。").comparator == ">="
    assert find_targets("用3年时间基本建成示范区。") == []          # a span of the plan, no metric
    assert find_targets("厂房租赁期限延长至3年。") == []            # a term is a policy parameter


def test_a_small_full_stop_item_marker_is_no_part_of_the_metric():
    m = one("2﹒全市地区生产总值增长7%。")
    assert (m.metric, m.scope, m.quote) == ("地区生产总值", "全市", "全市地区生产总值增长7%")


def test_a_responsibility_bracket_after_the_metric_is_dropped():
    m = one("完成2个乡镇卫生院标准化建设(区卫健局牵头)。")
    assert (m.metric, m.quote) == ("乡镇卫生院标准化建设数量", "2个乡镇卫生院标准化建设")


def test_the_next_stage_of_the_same_things_is_its_own_target():
    text = "保障性住房项目开工600套,建成600套,交付300套。\n"
    recs = extract_targets(TargetContext(text, [(0, len(text) - 1, "tasks", "T01")], [], "全县"))
    assert [(r.metric, r.value) for r in recs] == [
        ("保障性住房项目开工数量", 600), ("保障性住房项目建成数量", 600), ("保障性住房项目交付数量", 300)]


def test_a_figure_repeated_by_a_heading_and_its_body_is_one_target():
    text = "3.“码上办”平台注册用户突破20万。平台功能持续完善,注册用户数突破20万。\n"
    recs = extract_targets(TargetContext(text, [(0, len(text) - 1, "tasks", "T03")], [], "全县"))
    assert [(r.metric, r.value, r.unit, len(r.extra_spans)) for r in recs] == [("码上办平台注册用户", 20, "万", 1)]


# ---------------------------------------------------------------------------------------- 3. not targets


@pytest.mark.parametrize(
    "text",
    [
        "对新认定的专精特新企业,给予最高50万元奖励。",            # a reward and its cap
        "对新认定的国家级、省级孵化器分别给予100万元、50万元奖励。",  # rewards listed with 分别
        "组织16-24岁失业青年参加就业见习。",                      # an age group
        "主要工作任务分解为7大方面、80项。",                       # the plan describing its own layout
        "按设备投资的10%给予一次性补助。",                       # a subsidy rate
        "设立规模10亿元的产业投资基金。",                        # a fund size
        "对投资额1000万元以上的项目给予贷款贴息。",              # an eligibility threshold
        "重点巡查年吞吐量5万吨以上码头。",                        # a threshold on a noun
        "巩固提升30个现有产粮大县。",                            # existing stock
        "2022年已建成充电桩3000个。",                            # a historical figure
        "截至2022年底,全市累计建成5G基站8000个。",               # a status at a past date
        "目前,我市事故死亡人数占比为60.5%。",                    # the present state
        "在2010年提高标准100元的基础上继续推进。",                # a comparison base
    ],
)
def test_not_targets(text):
    assert find_targets(text) == []


def test_a_conditional_sentence_with_a_reward_holds_no_target():
    text = "实现年节能量1000吨标准煤以上、或减少碳排放2500吨以上的,给予100万元奖励。"
    assert find_targets(text) == []


def test_a_news_lead_before_the_plan_title_is_skipped():
    text = "地区生产总值增长6%左右\n近日,区政府印发方案。\n2024年区重点工作分解\n1.地区生产总值增长6%左右。\n"
    start = text.index("2024年区重点工作分解") + len("2024年区重点工作分解")
    targets = extract_targets(TargetContext(text, plan_year=2024, body_start=start))
    assert len(targets) == 1 and targets[0].start > start and targets[0].year == 2024


def test_a_count_beside_a_subsidy_word_is_a_target_but_the_subsidy_is_not():
    found = find_targets("开展补贴性技能培训1500人次,其中农民工培训900人次。")
    assert [(m.metric, m.value) for m in found] == [("补贴性技能培训人数", 1500), ("农民工培训人数", 900)]
    assert find_targets("每吸纳1人给予1000元补贴。") == []       # a money figure in the clause: a parameter
    assert find_targets("每户补贴农机具不超过2台。") == []        # a cap
    assert find_targets("按每人每年3次给予培训补贴。") == []      # a count per unit


# --------------------------------------------------------------------------------------------- 4. years


def test_year_from_the_targets_own_clause():
    assert one("到2025年,高新技术企业达到500家以上。").year == 2025
    assert one("2026年再提高标准100元。").year == 2026
    ranged = one("2021—2025年,累计新增就业10万人。")
    assert (ranged.year, ranged.cumulative) == (2025, True)   # a period gives its end year


def test_a_goal_dated_to_a_month_of_a_year_has_that_year():
    assert one("到2019年6月底,审批时间压缩至60个工作日以内。").year == 2019


def test_year_from_the_enclosing_heading_or_label():
    text = "一、落实2024年主要目标\n(一)总体要求。\n1.城镇新增就业12万人以上。\n"
    targets = extract_targets(TargetContext(text))
    assert [t.year for t in targets] == [2024]
    assert heading_year(text, text.index("城镇")) == 2024
    labelled = "2025年任务:一是评估率达到60%;二是完成规划编制30个。"
    assert [t.year for t in extract_targets(TargetContext(labelled, plan_year=2027))] == [2025, 2025]
    assert label_years(labelled)[0][0] == 2025


def test_a_year_in_a_lead_clause_before_a_colon_holds_for_the_list_after_it():
    text = "2019年全县主要预期目标是:粮食产量增长2%左右;农民收入增长7%以上,城镇新增就业3000人。\n"
    targets = extract_targets(TargetContext(text, plan_year=2020))
    assert [(t.value, t.year) for t in targets] == [(2, 2019), (7, 2019), (3000, 2019)]
    assert label_years("2018年全市主要目标完成情况:") == [] and label_years("2018年已完成目标:") == []


def test_a_goal_year_in_a_column_header_of_a_pipe_table_holds_for_its_rows():
    text = ("事项 | 2021年度任务目标 | 责任单位 | 1-6月完成情况 |\n"
            "1.改扩建学校 | 建成3所学校。 | 区教育局 | 已完成 |\n"
            "2.建设公园 | 新建口袋公园5个。 | 区城管局 | 推进中 |\n\n"
            "另:新建绿道10公里。\n")
    targets = extract_targets(TargetContext(text, plan_year=2022))
    assert [(t.value, t.year) for t in targets] == [(3, 2021), (5, 2021), (10, 2022)]
    assert milestone_years(text) == [2021]
    assert milestone_years("2020年度目标任务完成情况:良好。") == []


def test_plan_year_from_title_or_period():
    assert plan_year("2023年工作要点") == 2023
    assert plan_year("某市十四五规划(2021—2025年)") == 2025
    assert plan_year("行动方案", [2018, 2021]) == 2021
    assert plan_year("某市2018—2021年行动方案") == 2021
    assert plan_year("某省“十四五”数字经济发展规划") == 2025
    assert plan_year("关于加强计量工作的意见") is None
    assert five_year_plan_end("到“十四五”末") == 2025


def test_plan_year_fills_targets_without_a_year_but_not_per_year_ones():
    text = "1.建成社区食堂50个。\n2.每年新增托位200个。\n"
    targets = extract_targets(TargetContext(text, plan_year=2023))
    assert [(t.value, t.year) for t in targets] == [(50, 2023), (200, None)]


def test_fourteenth_five_year_plan_end_gives_2025():
    text = "一、总体目标\n到“十四五”末,民营企业数量达到25万户。\n"
    assert [t.year for t in extract_targets(TargetContext(text))] == [2025]


def test_blocks_with_and_without_a_task_at_the_same_offsets():
    text = "1.建成社区食堂50个。\n"
    blocks = [(0, len(text) - 1, "tasks", "T1"), (0, len(text) - 1, "tasks", None)]
    assert [t.value for t in extract_targets(TargetContext(text, blocks))] == [50]


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("第二条 压缩企业开办时间至1个工作日以内。", "企业开办时间"),
        ("提高城镇化率至60%以上。", "城镇化率"),
        ("缩短项目审批时间到30个工作日以内。", "项目审批时间"),
    ],
)
def test_a_verb_split_from_its_result_word_and_an_article_marker_stay_out_of_the_metric(text, metric):
    assert one(text).metric == metric


def test_a_bounded_figure_qualifies_the_noun_a_later_figure_counts():
    # 3岁以下 / 1000平方米以上 name which nouns are counted; the count is the figure after the noun
    from plangraph.ingest.normalize import NormText
    from plangraph.ingest.targets import find_targets

    for text, metric, value in (("每千人口拥有3岁以下婴幼儿托位数达到4.5个。", "每千人口拥有3岁以下婴幼儿托位数", 4.5),
                                ("建成1000平方米以上综合服务中心5个。", "1000平方米以上综合服务中心数量", 5)):
        found = find_targets(NormText(text).text)
        assert [(t.metric, t.value) for t in found] == [(metric, value)]
    # with no later figure the bounded figure is the target itself
    assert [t.value for t in find_targets(NormText("新建10个以上“千兆城市”。").text)] == [10]


def test_a_row_number_cell_is_no_metric_label(tmp_path):
    # a responsibility table flattened one cell per line: the 序号 cell before a task cell names nothing (the
    # task cells are read as prose, the other cells of a responsibility row hold no targets)
    from plangraph.ingest.pipeline import extract_file

    path = tmp_path / "plan.txt"
    path.write_text("某区2023年重点工作任务分解表\n序号 |\n重点任务 |\n牵头单位 |\n1 |\n新建城市公园5个。 |\n区城管局 |\n"
                    "2 |\n改造老旧小区20个。 |\n区住建局 |\n", encoding="utf-8")
    targets = extract_file(path).targets
    assert [(t.metric, t.value, t.quote) for t in targets] == [
        ("城市公园数量", 5, "城市公园5个"), ("改造老旧小区数量", 20, "改造老旧小区20个")]


def test_a_share_reached_after_shixian_is_a_target():
    from plangraph.ingest.normalize import NormText
    from plangraph.ingest.targets import find_targets

    found = find_targets(NormText("实现95%以上涉税事项网上办理。").text)
    assert [(t.value, t.unit, t.comparator) for t in found] == [(95, "%", ">=")]
    assert find_targets(NormText("对投资额1000万元以上项目给予奖励。").text) == []   # a condition stays one


@pytest.mark.parametrize("text, value, unit", [
    ("新增公共充电设施260根以上。", 260, "根"),
    ("改造老旧路灯1200盏。", 1200, "盏"),
    ("新打机电井30眼。", 30, "眼"),
])
def test_counted_things_in_their_own_measure_words(text, value, unit):
    (m,) = find_targets(text)
    assert (m.value, m.unit) == (value, unit)


def test_a_measure_word_that_opens_another_word_is_no_unit():
    assert all(m.unit != "口" for m in find_targets("推动3口岸联动发展,建成联检中心2个。"))


def test_a_bracketed_measure_word_after_the_unit_keeps_the_target():
    (m,) = find_targets("筹集保障性租赁住房3000套(间)。")
    assert (m.metric, m.value, m.unit, m.quote) == ("保障性租赁住房数量", 3000, "套", "保障性租赁住房3000套")


def test_a_span_of_years_is_no_part_of_the_metric_and_the_past_ones_set_no_target():
    (m,) = find_targets("三年内认定市级众创空间60家以上。")
    assert (m.metric, m.value, m.comparator) == ("市级众创空间数量", 60, ">=")
    assert find_targets("近三年来累计建成示范园区100个。") == []
    assert find_targets("五年来,全市新增就业10万人。") == []


def test_each_before_the_figure_is_no_part_of_the_metric():
    (m,) = find_targets("建设马铃薯示范基地各10万亩。")
    assert (m.metric, m.value, m.unit) == ("马铃薯示范基地", 10, "万亩")


def test_a_rate_named_after_a_policy_word_is_still_a_target():
    (m,) = find_targets("公共交通出行分担率达到40%以上。")
    assert (m.metric, m.value, m.comparator) == ("公共交通出行分担率", 40, ">=")
    assert find_targets("市县两级按比例分担30%。") == []   # cost sharing stays a policy parameter


def test_annual_average_before_a_measure_is_part_of_the_metric_not_per_year():
    m = one("细颗粒物年均浓度较2015年下降10%。")
    assert (m.metric, m.per_year) == ("细颗粒物年均浓度", False)
    m = one("年均因灾直接经济损失占比控制在1.5%以内。")
    assert (m.metric, m.comparator, m.per_year) == ("年均因灾直接经济损失占比", "<=", False)
    assert one("工业增加值年均增长7%。").per_year


def test_the_figures_own_tail_word_wins_over_the_frame_before_it():
    assert one("城镇登记失业率控制在4%左右。").comparator == "~"
    assert one("城镇登记失业率控制在4%以内。").comparator == "<="


def test_a_size_word_after_the_counter_belongs_to_the_noun():
    found = find_targets("培育5家百亿级龙头企业、3家千亿级“领航”企业,建设8个千亩级示范园。")
    assert [(m.metric, m.value, m.unit) for m in found] == [
        ("百亿级龙头企业数量", 5, "家"), ("千亿级领航企业数量", 3, "家"), ("千亩级示范园数量", 8, "个")]


def test_a_plain_ratio_after_a_level_word_is_a_target_without_unit():
    m = one("万车死亡率控制在1.8以内。")
    assert (m.metric, m.value, m.unit, m.comparator) == ("万车死亡率", 1.8, None, "<=")
    assert one("农田灌溉水有效利用系数提高到0.6。").unit is None
    assert find_targets("事故死亡率0.5。") == []   # no level word: a mention


def test_an_index_or_level_in_points_is_a_target_without_unit():
    found = find_targets("区域发展指数达90,物价指数控制在102.5以内,素养水平达到28。")
    assert [(m.metric, m.value, m.unit, m.comparator) for m in found] == [
        ("区域发展指数", 90, None, "="), ("物价指数", 102.5, None, "<="), ("素养水平", 28, None, "=")]
    assert find_targets("事故死亡率控制在3以内。") == []   # a whole number after a rate has lost its %
    assert find_targets("发展指数保持在2022年水平。") == []


def test_a_per_year_lead_holds_for_the_like_figures_listed_after_it():
    found = find_targets("平均每年新增就业6万人,帮助困难人员就业2万人,城镇登记失业率控制在4%以内。")
    assert [(m.value, m.per_year) for m in found] == [(6, True), (2, True), (4, False)]
    found = find_targets("每年新增就业1万人,到2027年累计新增就业5万人。")
    assert [(m.value, m.per_year) for m in found] == [(1, True), (5, False)]


def test_respectively_over_a_list_of_years_gives_one_target_per_year():
    found = find_targets("到2026年底和2035年,全县儿童近视筛查率分别不低于80%和95%。")
    assert [(m.metric, m.value, m.comparator, m.year, m.scope) for m in found] == [
        ("儿童近视筛查率", 80, ">=", 2026, "全县"), ("儿童近视筛查率", 95, ">=", 2035, "全县")]


def test_respectively_keeps_a_ratio_head_printed_on_the_first_name():
    found = find_targets("单位地区生产总值用水量和能耗分别下降10%左右、12%左右。")
    assert [(m.metric, m.comparator) for m in found] == [
        ("单位地区生产总值用水量", "~"), ("单位地区生产总值能耗", "~")]


def test_a_list_of_places_before_the_figure_is_its_scope():
    found = find_targets("其中,苏州市、无锡市、常州市生活垃圾回收利用率较2020年提高8%。")
    assert [(m.metric, m.value, m.scope) for m in found] == [
        ("生活垃圾回收利用率", 8, "苏州市、无锡市、常州市")]
    found = find_targets("西安市绿色出行比例不低于70%,宝鸡市、咸阳市不低于60%。")
    assert [(m.metric, m.value, m.scope) for m in found][1] == ("绿色出行比例", 60, "宝鸡市、咸阳市")


def test_a_level_a_policy_may_be_raised_to_is_no_target():
    assert find_targets("困难企业稳岗补贴上限可提高至70%。") == []
    assert find_targets("个人创业担保贷款额度可提高到30万元。") == []
    assert one("森林覆盖率提高至45%。").value == 45


def test_a_list_inside_brackets_stays_in_the_metric():
    found = find_targets("实施新(改、扩)建中小学校5家。禽类(鸡、鸭)药物残留抽检超标率控制在1%以内。")
    assert [m.metric for m in found] == ["实施新(改、扩)建中小学校数量", "禽类(鸡、鸭)药物残留抽检超标率"]


def test_a_bracket_right_after_the_figure_is_no_metric():
    found = find_targets("高等教育毛入学率达69%(市教育局负责)。新增幼儿园学位4800个(市教育局负责)。")
    assert [(m.metric, m.value, m.quote) for m in found] == [
        ("高等教育毛入学率", 69, "高等教育毛入学率达69%"), ("新增幼儿园学位数量", 4800, "新增幼儿园学位4800个")]
    assert [m.value for m in find_targets("地区生产总值增长5.5%(市下达指标)")] == [5.5]
    assert find_targets("工作方案-45篇(第11/58页)") == []   # a page count
    assert find_targets("新建3000套(间)保障性住房。")[0].quote == "新建3000套(间)保障性住房"


def test_fish_fry_are_counted_in_wei():
    assert [(m.value, m.unit) for m in find_targets("新增水产苗种繁育量2亿尾。")] == [(2, "亿尾")]
    assert all(m.unit != "尾" for m in find_targets("淘汰柴油车1000辆,完成尾气治理。"))


def test_a_keep_verb_before_the_figure_is_no_part_of_the_metric():
    found = find_targets("全县幼儿园毛入园率保持98%,小学辍学率维持在1%以下。")
    assert [(m.metric, m.value) for m in found] == [("幼儿园毛入园率", 98), ("小学辍学率", 1)]


def test_a_noun_opening_with_a_preposition_character_is_still_a_metric():
    found = find_targets("加快社区学院建设,从业人员技能培训参与率达60%。")
    assert [(m.metric, m.quote) for m in found] == [("从业人员技能培训参与率", "从业人员技能培训参与率达60%")]
    assert one("在校学生体质健康达标率达到92%。").metric == "在校学生体质健康达标率"


def test_the_share_of_a_cost_a_policy_means_covers_is_no_target():
    assert find_targets("医院减少的收入,通过调整服务价格补偿70%,其余由财政弥补30%。") == []
    assert one("生态补偿机制覆盖率达到85%。").metric == "生态补偿机制覆盖率"


def test_subjects_listed_before_a_shared_rate_each_get_the_figure():
    found = find_targets("城市、县城污水处理率稳定在95%。")
    assert [(m.metric, m.value, m.quote) for m in found] == [
        ("城市污水处理率", 95, "城市、县城污水处理率稳定在95%"), ("县城污水处理率", 95, "县城污水处理率稳定在95%")]
    # 均: one figure for the list as a whole; a count of a list is its sum; places and levels are a scope
    assert len(find_targets("鸡、鸭免疫接种率均达90%以上。")) == 1
    assert len(find_targets("小学、初中新建校舍数达到12所。")) == 1
    assert len(find_targets("市、县两级财政投入增长率达到10%。")) == 1
    assert len(find_targets("宝鸡市、咸阳市空气优良率达到80%。")) == 1


def test_two_subjects_sharing_a_long_head_stay_two_targets_in_the_document():
    text = "到2025年,城市、县城生活垃圾无害化处理率达到95%。\n"
    recs = extract_targets(TargetContext(text, [(0, len(text) - 1, "goals", None)], [], "全市"))
    assert [(r.metric, r.value) for r in recs] == [("城市生活垃圾无害化处理率", 95), ("县城生活垃圾无害化处理率", 95)]


def test_a_metric_printed_once_then_a_subject_per_figure():
    found = find_targets("辍学率小学为0.5%、初中在1%以下,高中在2%以下。")
    assert [(m.metric, m.value, m.comparator) for m in found] == [
        ("辍学率(小学)", 0.5, "="), ("辍学率(初中)", 1, "<="), ("辍学率(高中)", 2, "<=")]


def test_a_rank_is_at_most_its_place():
    found = find_targets("到2025年,营商环境评价进入全国前40位,综合实力稳居全省前3位。")
    assert [(m.metric, m.comparator, m.value, m.unit) for m in found] == [
        ("营商环境评价排名", "<=", 40, "位"), ("综合实力排名", "<=", 3, "位")]
    assert [m.metric for m in find_targets("培养院士5位。")] == ["院士人数"]   # 位 counts people


def test_a_unit_character_opening_the_noun_after_a_count_is_no_unit():
    assert [(m.metric, m.value, m.unit) for m in find_targets("新建3座人行天桥。")] == [("人行天桥数量", 3, "座")]
    assert [(m.metric, m.unit) for m in find_targets("人行天桥3座。")] == [("人行天桥数量", "座")]


def test_a_population_before_a_share_and_its_verb_after_it():
    m = one("全县中小学100%配备心理健康教师。")
    assert (m.metric, m.value, m.unit, m.quote) == ("中小学配备心理健康教师比例", 100, "%", "中小学100%配备心理健康教师")
    assert one("随迁子女100%保障入学。").metric == "随迁子女保障入学比例"
    assert one("覆盖率达到100%。").metric == "覆盖率"


def test_money_a_plan_wins_or_a_fund_spends_is_a_target_but_a_funds_size_is_not():
    found = find_targets("争取上级财政专项资金8亿元以上、专项债额度6亿元。")
    assert [(m.metric, m.value, m.comparator) for m in found] == [("上级财政专项资金", 8, ">="), ("专项债额度", 6, "=")]
    assert [(m.metric, m.value) for m in find_targets("力争产业基金投资超5亿元。")] == [("产业基金投资", 5)]
    assert find_targets("设立规模5亿元的产业基金。") == []
    assert find_targets("争取设立产业基金5亿元。") == []
    assert find_targets("安排专项资金3000万元。") == []


def test_the_dated_steps_of_one_schedule_are_no_targets():
    assert find_targets("专项资金须于6月底前拨付50%以上、10月底前拨付90%以上、年底前全部拨付。") == []
    assert find_targets("2024年3月底前完成方案;第三季度末前完成改造40%,12月底前完成100%。") == []
    # one dated goal is a target, and so are year-end milestones
    assert [m.value for m in find_targets("2024年6月底前完成改造30个。")] == [30]
    assert [m.value for m in find_targets("到2025年底建成10个站点,到2027年底覆盖率达到90%。")] == [10, 90]


def test_an_increment_keeps_its_xinzeng():
    """新增 says the figure is an increment, not a stock: it stays in the metric (as the dev gold writes it)."""
    assert one("新增托位数300个以上。").metric == "新增托位数"
    assert one("全县新增城镇就业2000人。").metric == "新增城镇就业人数"
