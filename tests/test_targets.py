"""Targets in prose and tables, and the document-level merge (texts written for the tests)."""

import pytest
from plangraph.ingest.targets import TargetContext, extract_targets, find_targets, table_targets


def one(text):
    found = find_targets(text)
    assert len(found) == 1, [m.quote for m in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "comparator"),
    [
        ("全市检测机构达到50家。", 50, "家", "="),
        ("培育示范企业120家以上。", 120, "家", ">="),
        ("检定合格率不低于98%。", 98, "%", ">="),
        ("每年培训人员不少于300人。", 300, "人", ">="),
        ("数据共享率≥90%。", 90, "%", ">="),
        ("新增标准物质3万余种。", 3, "万种", ">="),  # the scale stays in the unit, as printed
        ("投诉办结率超过95%。", 95, "%", ">="),
        ("失准率不超过2%。", 2, "%", "<="),
        ("失准率控制在3%以下。", 3, "%", "<="),
        ("建设专业中心4个左右。", 4, "个", "~"),
        ("共享率约80%。", 80, "%", "~"),
        ("覆盖率达到百分之九十五。", 95, "%", "="),
        ("新建两个以上产业计量测试中心。", 2, "个", ">="),
        ("注册计量师执业人数达到1,100名以上。", 1100, "名", ">="),
        ("检测能力提升至6.2万项。", 6.2, "万项", "="),
        ("服务企业1万家以上。", 1, "万家", ">="),
    ],
)
def test_values_units_comparators(text, value, unit, comparator):
    m = one(text)
    assert (m.value, m.unit, m.comparator, m.low, m.high) == (value, unit, comparator, None, None)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("建设国家级中心1~2个。", 1, 2, "个"),
        ("建设国家级中心2—3个。", 2, 3, "个"),
        ("参与制定规范40~50项。", 40, 50, "项"),
        ("委员人数达到30-35人。", 30, 35, "人"),
        ("建设省级中心两到三个。", 2, 3, "个"),
    ],
)
def test_ranges(text, low, high, unit):
    m = one(text)
    assert (m.value, m.low, m.high, m.unit, m.comparator) == (None, low, high, unit, "range")


def test_metric_before_the_number_and_exact_quote():
    text = "到2025年,全市社会公用计量标准数量达到155项。"
    m = one(text)
    assert m.metric == "社会公用计量标准数量"
    assert m.quote == text[m.start : m.end] == "全市社会公用计量标准数量达到155项"
    assert (m.year, m.scope) == (2025, "全市")


def test_phrase_split_by_a_newline():
    text = "到2025年,建成社会公用计量\n标准3900项以上,注册计量师执业人数达到1100名以上。"
    first, second = find_targets(text)
    assert first.quote == "社会公用计量\n标准3900项以上"
    assert first.metric == "社会公用计量标准数量"
    assert second.metric == "注册计量师执业人数"
    assert first.year == second.year == 2025


def test_metric_after_the_number():
    m = one("持续开展每年不少于15家重点用能单位能源计量审查。")
    assert (m.metric, m.value, m.comparator, m.per_year, m.year) == ("重点用能单位能源计量审查数量", 15, ">=", True, None)
    assert m.quote.startswith("每年不少于15家")
    m = one("建设3个左右区域计量中心。")
    assert (m.metric, m.comparator) == ("区域计量中心数量", "~")


def test_list_sharing_a_verb_gives_one_target_each():
    found = find_targets("到2027年,建设省级质检中心12个以上,国家级计量测试中心1—2个,市级计量测试中心8个。")
    assert [(m.metric, m.value, m.low, m.high, m.comparator) for m in found] == [
        ("省级质检中心数量", 12, None, None, ">="),
        ("国家级计量测试中心数量", None, 1, 2, "range"),
        ("市级计量测试中心数量", 8, None, None, "="),
    ]
    assert {m.year for m in found} == {2027}


def test_item_without_noun_inherits_the_metric():
    first, second = find_targets("力争建设“计量创新实验室”2个、参与共建3~4个。")
    assert first.metric == "计量创新实验室数量"
    assert second.metric.startswith("计量创新实验室数量") and "参与共建" in second.metric
    assert (second.low, second.high) == (3, 4)


def test_bare_per_year_clause_takes_the_clause_before():
    m = one("完成一批地方计量技术规范的制修订,每年不少于8个。")
    assert (m.metric, m.value, m.per_year, m.comparator) == ("地方计量技术规范制修订数量", 8, True, ">=")
    assert m.quote == "地方计量技术规范的制修订,每年不少于8个"


def test_per_year_suffix_and_cumulative():
    m = one("培育诚信示范单位≥800家/年。")
    assert (m.per_year, m.value, m.comparator) == (True, 800, ">=")
    m = one("累计培训计量人员5000人次。")
    assert (m.cumulative, m.unit, m.per_year) == (True, "人次", False)
    m = one("能耗年均下降3%。")
    assert m.per_year


@pytest.mark.parametrize(
    "text",
    [
        "打造“166”先进制造业集群,实施“518X”工程。",
        "加强PM2.5和PM10监测。",
        "贯彻“一三五”要求,实现“四翻番”目标。",
        "构建省、市、县三级计量体系,达到A级标准。",
        "到二〇三五年基本建成。",
        "经研究,2022年12月31日印发(某政办〔2022〕38号)。",
        "提出三项保障措施和十条具体举措。",
        "在组织领导、政策支持等4个方面提出了要求。",
        "征求了36家单位意见,7家单位反馈意见。",
        "截至2022年底,全市已建成社会公用计量标准120项。",
        "对国家确定的20种计量器具实行重点监管。",
        "位居全国第3位。",
    ],
)
def test_not_targets(text):
    assert find_targets(text) == []


def test_year_from_deadline_in_sentence():
    m = one("2026年底前,全县计量器具检定覆盖率达到95%。")
    assert (m.year, m.scope) == (2026, "全县")


# ------------------------------------------------------------------------------------------------ tables


def table(rows):
    """Rows of cell texts → rows of (text, start, end) laid out in one string."""
    pos, out = 0, []
    for row in rows:
        cells = []
        for cell in row:
            cells.append((cell, pos, pos + len(cell)))
            pos += len(cell) + 3
        out.append(cells)
    return out


def test_two_year_indicator_table():
    rows = table(
        [
            ["序号", "指标", "单位", "2020年基期值", "2025年", "2030年", "属性"],
            ["1", "社会公用计量标准数量", "项", "2100", "2600", "3000", "预期性"],
            ["2", "强检计量器具受检率", "%", "90", "≥95", "≥98", "约束性"],
        ]
    )
    got = [
        (t.match.metric, t.match.value, t.match.unit, t.match.comparator, t.match.year, t.match.attribute)
        for t in table_targets(rows, None, {2025, 2030})
    ]
    assert got == [
        ("社会公用计量标准数量", 2600, "项", "=", 2025, "预期性"),
        ("社会公用计量标准数量", 3000, "项", "=", 2030, "预期性"),
        ("强检计量器具受检率", 95, "%", ">=", 2025, "约束性"),
        ("强检计量器具受检率", 98, "%", ">=", 2030, "约束性"),
    ]


def test_broken_pipe_table_as_flat_cells():
    rows = table(
        [
            ["类别"], ["指标"], ["2027年达到指标"], ["创新能力"], ["区域计量中心"], ["建设2个 参与共建1~3个"],
            ["科研项目数量"], ["国家级2~4项 省级5项"], ["监管效能"], ["示范单位"], ["≥600家/年"],
        ]
    )
    got = [(t.match.metric, t.match.value, t.match.low, t.match.high, t.match.per_year, t.match.year)
           for t in table_targets(rows)]
    assert got == [
        ("区域计量中心数量", 2, None, None, False, 2027),
        ("区域计量中心数量(参与共建)", None, 1, 3, False, 2027),
        ("国家级科研项目数量", None, 2, 4, False, 2027),
        ("省级科研项目数量", 5, None, None, False, 2027),
        ("示范单位数量", 600, None, None, True, 2027),
    ]


# ---------------------------------------------------------------------------------------------- document


def doc_context(paragraphs, tables=(), default_scope="全市"):
    """Join (zone, task_id, text) paragraphs with newlines into a TargetContext."""
    text, blocks, pos = "", [], 0
    for zone, task, para in paragraphs:
        blocks.append((pos, pos + len(para), zone, task))
        text += para + "\n"
        pos = len(text)
    return text, TargetContext(text, blocks, list(tables), default_scope)


def test_background_is_skipped_and_goal_year_carries_over_paragraphs():
    text, ctx = doc_context(
        [
            ("background", None, "十三五期间,全市建成社会公用计量标准120项,培育示范单位300家。"),
            ("goals", None, "到2025年,计量体系基本完善。"),
            ("goals", None, "——能力提升。全市社会公用计量标准达到150项以上。"),
            ("goals", None, "展望到2035年,建成现代先进测量体系,注册计量师达到500名。"),
            ("tasks", "T01", "1.加强能源计量。每年开展不少于10家重点用能单位能源计量审查。"),
        ]
    )
    recs = extract_targets(ctx)
    got = [(r.metric, r.value, r.year, r.per_year, r.task_id, r.scope) for r in recs]
    assert got == [
        ("社会公用计量标准数量", 150, 2025, False, None, "全市"),
        ("注册计量师人数", 500, 2035, False, None, "全市"),
        ("重点用能单位能源计量审查数量", 10, None, True, "T01", "全市"),
    ]
    for r in recs:
        assert r.start < r.end and text[r.start : r.end]


def test_commentary_repeat_is_merged_into_the_body_target():
    body = "到2025年,全市强检项目建标覆盖率达到80%。"
    text, ctx = doc_context([("goals", None, body), ("commentary", None, "四、工作目标 到2025年,全市强检项目建标覆盖率达到80%。")])
    (rec,) = extract_targets(ctx)
    assert text[rec.start : rec.end] == "全市强检项目建标覆盖率达到80%"
    assert len(rec.extra_spans) == 1 and rec.extra_spans[0][0] > len(body)
    assert rec.year == 2025


def test_prose_target_repeated_in_indicator_table_is_one_target():
    paragraphs = [
        ("goals", None, "到2026年,力争建设省级中心2~3个,强检项目建标覆盖率不低于90%。"),
        ("goals", None, "指标 |"),
        ("goals", None, "2026年达到指标 |"),
        ("goals", None, "省级产业计量测试中心 |"),
        ("goals", None, "2~3个 |"),
        ("goals", None, "强检项目建标覆盖率 |"),
        ("goals", None, "≥90% |"),
        ("goals", None, "新建计量标准 |"),
        ("goals", None, "≥30项 |"),
    ]
    text, ctx = doc_context(paragraphs)
    cells = []
    for _zone, _task, para in paragraphs[1:]:
        start = text.index(para)
        cells.append([(para.rstrip(" |"), start, start + len(para.rstrip(" |")))])
    ctx.tables = [cells]
    recs = extract_targets(ctx)
    got = [(r.metric, r.value, r.low, r.high, r.comparator, r.year, r.source, len(r.extra_spans)) for r in recs]
    assert got == [
        ("省级产业计量测试中心数量", None, 2, 3, "range", 2026, "prose", 1),
        ("强检项目建标覆盖率", 90, None, None, ">=", 2026, "prose", 1),
        ("计量标准数量", 30, None, None, ">=", 2026, "table", 0),
    ]


def test_an_indicator_table_flattened_one_cell_per_line_gives_its_target_column(tmp_path) -> None:
    from plangraph.ingest.pipeline import extract_file

    path = tmp_path / "plan.txt"
    path.write_text("某市“十四五”科技创新发展规划\n二、发展目标\n到2025年,全市科技创新能力显著增强。\n"
                    "专栏1 主要指标\n指标\n2020年\n2025年\n属性\n研发经费投入强度(%)\n2.2\n2.8\n预期性\n"
                    "高新技术企业数(家)\n800\n1500\n预期性\n三、主要任务\n(一)建设创新平台。(责任单位:市科技局)\n",
                    encoding="utf-8")
    ex = extract_file(path)
    got = [(t.metric, t.value, t.unit, t.year, t.attribute) for t in ex.targets]
    assert got == [("研发经费投入强度", 2.8, "%", 2025, "预期性"), ("高新技术企业数", 1500, "家", 2025, "预期性")]
    assert ex.document.period == [2021, 2025]   # “十四五” in the title
    assert [t.number for t in ex.tasks] == ["(一)"]


def test_a_row_target_quotes_its_figure_cell_without_the_masked_separators():
    rows = ["1 | 城市绿地面积 | 增长12% | 区建设局 | 区财政局", "2 | 农村公路里程 | 增长8% | 区交通局 | 区"]
    text = "\n".join(rows)
    blocks, hidden, pos = [], [], 0
    for row in rows:
        cells = row.split(" | ")
        task = pos + row.index(cells[1])
        detail = pos + row.index(cells[2])
        blocks.append((task, detail + len(cells[2]), "tasks", f"T0{len(blocks) + 1}"))
        hidden += [(pos, task), (task + len(cells[1]), detail), (detail + len(cells[2]), pos + len(row))]
        pos += len(row) + 1
    recs = extract_targets(TargetContext(text, blocks, [], "全区", hidden=hidden))
    # the last row is cut after its figure's cell, not at the figure: its target is kept
    assert [(r.metric, r.value, text[r.start : r.end]) for r in recs] == [
        ("城市绿地面积", 12, "增长12%"), ("农村公路里程", 8, "增长8%")]


@pytest.mark.parametrize(
    ("text", "metric", "year", "scope"),
    [
        # an enumerator opening a point (四是, 其次) is no part of the metric
        ("四是农村公路改造里程达到120公里。", "农村公路改造里程", None, None),
        ("其次,全县粮食产量稳定在50万吨以上。", "粮食产量", None, "全县"),
        # a place and a date opening the phrase: the place is the scope, the date the year
        ("宜昌市2026年二氧化氮年均浓度较2020年下降8%以上。", "二氧化氮年均浓度", 2026, "宜昌市"),
        # a scope then a date opening the clause gives the year
        ("全市2027年地区生产总值达到600亿元。", "地区生产总值", 2027, "全市"),
        # a date inside the phrase is the year, not part of the name
        ("二是物流园项目2026年三期计划投资12亿元。", "物流园项目三期计划投资", 2026, None),
    ],
)
def test_metric_drops_enumerators_places_and_dates(text, metric, year, scope):
    m = one(text)
    assert (m.metric, m.year, m.scope) == (metric, year, scope)


def test_respectively_over_a_pair_word_names_each_group():
    got = [(m.metric, m.value) for m in find_targets("城乡居民人均可支配收入分别增长5%、7%。")]
    assert got == [("城镇居民人均可支配收入", 5), ("农村居民人均可支配收入", 7)]


def test_the_same_figure_for_two_scopes_is_two_targets():
    text, ctx = doc_context([
        ("goals", None, "襄阳市、孝感市可吸入颗粒物年均浓度较2020年下降10%。"),
        ("goals", None, "荆州市2026年细颗粒物年均浓度较2020年下降10%。"),
    ])
    assert len(extract_targets(ctx)) == 2


def test_a_figure_in_a_document_name_is_no_target():
    assert find_targets("名称: 某某县关于2026年实施12项民生实事的通知\n") == []
    assert [m.value for m in find_targets("关于落实工作的安排:全县新建公园3个。")] == [3]


def test_where_the_action_takes_place_is_no_part_of_the_metric():
    found = find_targets("在东坪镇新建农村公路12公里、在西河乡新建农村公路8公里。")
    assert [(m.metric, m.value) for m in found] == [("农村公路", 12), ("农村公路", 8)]


def test_a_lead_word_before_a_bare_measure_word_stays():
    assert one("建设率达到90%。").metric == "建设率"


def test_a_heading_line_is_no_part_of_the_metric_below_it():
    found = find_targets("一、道路提升工程\n在12个乡镇硬化道路5万平方米。")
    assert [(m.metric, m.value) for m in found] == [("硬化道路", 5)]


def test_a_decimal_is_no_item_marker():
    found = find_targets("改造10千伏线路12公里、0.4千伏线路90公里。")
    assert [m.metric for m in found] == ["改造10千伏线路", "0.4千伏线路"]
    assert one("1.2026年新建公园3个。").year == 2026


def test_a_base_year_phrase_is_no_part_of_the_metric():
    m = one("到2030年,人均预期寿命在2025年基础上继续提高1岁左右。")
    assert (m.metric, m.value, m.comparator, m.year) == ("人均预期寿命", 1, "~", 2030)


def test_a_ratio_of_two_groups_and_the_year_word_quanian():
    m = one("城乡居民收入倍差缩小到1.9以内。")
    assert (m.metric, m.value, m.unit, m.comparator) == ("城乡居民收入倍差", 1.9, None, "<=")
    assert one("全年新增规模以上工业企业超过300家。").metric.startswith("新增规模以上工业企业")
