"""Responsibility tables in every form, on short tables written for the tests: pipe rows, TAB rows, DOCX
tables (through the reader), tables flattened one cell per line, and persons kept apart from units."""

from __future__ import annotations

from pathlib import Path

from plangraph.ingest.locate import locate
from plangraph.ingest.normalize import NormText
from plangraph.ingest.pipeline import extract_file
from plangraph.ingest.structure import parse_outline
from plangraph.ingest.tables import header_role


def rows(text: str) -> list[tuple[str | None, str | None, list[str], str | None, str | None]]:
    """(number, lead, co, deadline, lead_official) of every task."""
    norm = NormText(text).text
    out = []
    for t in parse_outline(norm).tasks:
        found = locate(norm, t)
        r = found.responsibility
        out.append((t.number, r.lead.name if r.lead else None, [u.name for u in r.co], r.deadline,
                    found.lead_official))
    return out


def test_header_words_come_from_data() -> None:
    assert header_role("牵头单位") == "lead"
    assert header_role("主要责任单位") == "lead"
    assert header_role("协同配合单位") == "co"
    assert header_role("责任单位") == "units"
    assert header_role("目  标  任  务") == "task"
    assert header_role("分 管 县领导") == "official"
    assert header_role("完成时限") == "deadline"
    assert header_role("加快推进项目建设") is None


def test_pipe_table_rows_are_tasks() -> None:
    text = """附件
序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 | 责任领导 |
1 | 新建充电桩200个。 | 市发改委 | 市住建局、市供电公司 | 2024年底前 | 张三 |
2 | 改造老旧小区10个。 | 市住建局 | 市财政局 | 2024年10月 | 李四 |
"""
    assert rows(text) == [
        ("1", "市发改委", ["市住建局", "市供电公司"], "2024年底前", "张三"),
        ("2", "市住建局", ["市财政局"], "2024年10月", "李四"),
    ]


def test_tab_table_rows_are_tasks() -> None:
    text = "序号\t工作任务\t责任单位\t完成时限\n1\t建成智慧平台。\t县数据局、县财政局\t6月底前\n"
    assert rows(text) == [("1", "县数据局", ["县财政局"], "6月底前", None)]


def test_pipe_table_broken_one_cell_per_line() -> None:
    text = """序号 |
目标与任务 |
分管县领导 |
牵头责任单位 |
责任单位 |
7 |
新增托位300个以上。 |
王 五 |
县卫健委 |
县各有关单位 |
8 |
建设社区食堂5个。 |
赵六 |
县民政局 |
县财政局 |
"""
    assert rows(text) == [
        ("7", "县卫健委", ["县各有关单位"], None, "王五"),
        ("8", "县民政局", ["县财政局"], None, "赵六"),
    ]


def test_flattened_table_with_a_number_column_and_section_rows() -> None:
    text = """分解表
序号

重点工作任务

主要责任单位

协同配合单位

一、扩大有效投资

12

完成投资50亿元。

区发改委

区住建局、区交通局

二、提升公共服务

30

新建学校2所。

区教育局

区财政局。
"""
    o = parse_outline(NormText(text).text)
    assert [s.title for s in o.sections] == ["扩大有效投资", "提升公共服务"]
    assert rows(text) == [("12", "区发改委", ["区住建局", "区交通局"], None, None),
                          ("30", "区教育局", ["区财政局"], None, None)]


def test_flattened_table_without_cell_boundaries_first_unit_leads() -> None:
    text = """主要目标

主要责任单位

责任单位

1.提高居民健康水平。

——人均预期寿命提高。

市卫健委

市体育局

市财政局

——孕产妇死亡率降低。

市卫健委

市妇联

2.提高教育水平。

市教育局

市人社局
"""
    assert rows(text) == [
        ("1.", "市卫健委", ["市体育局", "市财政局"], None, None),
        ("——", "市卫健委", ["市妇联"], None, None),
        ("2.", "市教育局", ["市人社局"], None, None),
    ]


def test_flattened_table_with_responsibility_inside_the_task_cell() -> None:
    text = """责任事项

工作措施

完成时限

总责任人

5.新建幼儿园10所。(牵头单位:市教育局;责任单位:市财政局)

1.分解任务。2.督促建设。

6月

王某

12月

6.改造学校食堂。(责任单位:市教育局)

1.制定方案。
"""
    assert rows(text) == [("5.", "市教育局", ["市财政局"], None, "王某"), ("6.", "市教育局", [], None, None)]


def test_docx_table_rows_are_tasks(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("重点任务分解表")
    table = doc.add_table(rows=3, cols=4)
    for r, cells in enumerate([("序号", "重点任务", "牵头单位", "配合单位"),
                               ("1", "建成5G基站100个。", "市工信局", "市通信管理办"),
                               ("2", "新增就业2000人。", "市人社局", "市财政局、市教育局")]):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value
    path = tmp_path / "plan.docx"
    doc.save(path)
    result = extract_file(path).to_dict()
    assert [(t["lead"], t["co"], t.get("responsibility_in")) for t in result["tasks"]] == [
        ("市工信局", ["市通信管理办"], "table"), ("市人社局", ["市财政局", "市教育局"], "table")]


def test_markdown_table_rule_is_not_a_row() -> None:
    text = """| 序号 | 重点任务 | 责任单位 |
|---|---|---|
| 1 | 建成口袋公园10个。 | 市园林局、市财政局 |
"""
    assert rows(text) == [("1", "市园林局", ["市财政局"], None, None)]


def test_lead_marker_in_a_plain_unit_column_and_any_leader_label() -> None:
    text = """序号 | 工作任务 | 责任单位 | 包联领导 |
1 | 建成物流园区1个。 | 市交通局、市商务局(牵头) | 刘某 |
"""
    assert rows(text) == [("1", "市商务局", ["市交通局"], None, "刘某")]


def test_a_leader_label_line_is_an_official() -> None:
    from plangraph.ingest.locate import officials_in

    assert officials_in("1.增长8%以上。\n牵头负责领导:金某。\n牵头责任单位:市发改委。") == "金某"


def test_a_unit_cell_holding_a_labelled_clause() -> None:
    text = """序号 | 重点任务 | 责任单位 | 完成时限 |
1 | 建成数据中心1个。 | 牵头单位:市数据局;配合单位:市财政局、市工信局 | 2025年6月 |
"""
    assert rows(text) == [("1", "市数据局", ["市财政局", "市工信局"], "2025年6月", None)]


def test_html_cells_holding_several_paragraphs(tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    cells = [("序号", "工作任务", "牵头单位", "配合单位"),
             ("1", "<p>新建城市书房10个。</p><p>完善阅读服务网络。</p>", "县文旅局", "县财政局"),
             ("2", "<p>改造农贸市场5个。</p>", "县商务局", "县市场监管局、各乡镇人民政府")]
    rows_html = "".join("<tr>" + "".join(f"<td><p>{c}</p></td>" for c in row) + "</tr>" for row in cells)
    page.write_text(f"<html><body><p>重点工作任务分解表</p><table>{rows_html}</table></body></html>", encoding="utf-8")
    result = extract_file(page).to_dict()
    assert [(t["number"], t["lead"], t["co"]) for t in result["tasks"]] == [
        ("1", "县文旅局", ["县财政局"]), ("2", "县商务局", ["县市场监管局", "各乡镇人民政府"])]
    assert "完善阅读服务网络" in result["tasks"][0]["quote"]


def test_a_task_cell_ending_like_a_unit_is_still_the_task() -> None:
    text = """重点任务

牵头单位

配合单位

建设区域医疗中心

市卫健委

市发改委
"""
    assert rows(text) == [(None, "市卫健委", ["市发改委"], None, None)]


def test_flattened_table_with_grouping_cells_and_the_lead_column_last() -> None:
    text = """附件
分类
序号
事项
责任单位
牵头单位
稳定增长
1
全县生产总值增长6%以上。
县财政局、县统计局、县发改局
县发改局
2
粮食播种面积稳定在30万亩。
县农业农村局
县农业农村局
改善民生
3
新建养老服务中心5个。
县民政局、县卫健局
县民政局
"""
    norm = NormText(text).text
    outline = parse_outline(norm)
    assert [s.title for s in outline.sections] == ["稳定增长", "改善民生"]
    assert rows(text) == [("1", "县发改局", ["县财政局", "县统计局"], None, None),
                          ("2", "县农业农村局", [], None, None),
                          ("3", "县民政局", ["县卫健局"], None, None)]
    assert [t.title[:8] for t in outline.tasks] == ["全县生产总值增长", "粮食播种面积稳定", "新建养老服务中心"]


def test_flattened_target_table_whose_figures_are_bare_numbers() -> None:
    text = """附件
序号
指标
2023年目标
责任单位
1
地区生产总值增长(%)
6
县发改局
2
规上工业增加值增长(%)
3
县工信局
3
城镇新增就业(人)
2000
县人社局
"""
    assert rows(text) == [("1", "县发改局", [], None, None), ("2", "县工信局", [], None, None),
                          ("3", "县人社局", [], None, None)]


PROGRESS = """2023年民生实事项目推进情况
序号 |
主要任务 |
牵头 单位 |
责任主体与协同单位 |
1-10月推进情况 |
是否达序 |
说明 |
1 |
新建公园10个。 |
城管局 |
住建局、相关街道 |
已完成4个。 |
是 |
|
2 |
改造老旧小区30个。 |
住建局 |
各街道 |
在12个小区开工建设,建成5个。 |
否 |
手续滞后。 |
"""


def test_progress_columns_are_neither_tasks_nor_units() -> None:
    assert rows(PROGRESS) == [("1", "城管局", ["住建局", "相关街道"], None, None),
                              ("2", "住建局", ["各街道"], None, None)]


def test_progress_cells_hold_no_targets(tmp_path: Path) -> None:
    path = tmp_path / "progress.txt"
    path.write_text(PROGRESS, encoding="utf-8")
    got = [(t.value, t.unit) for t in extract_file(path).targets]
    assert got == [(10, "个"), (30, "个")]


def test_one_rule_names_a_column_of_figures():
    from plangraph.ingest.tables import figures_header

    assert all(figures_header(c) for c in ("2025年", "2023年目标", "2025年预期值", "2020年底", "目标值", "期末值"))
    assert not any(figures_header(c) for c in ("指标", "责任单位", "2025年底前完成", "序号"))


def test_the_longest_header_word_names_the_column() -> None:
    assert header_role("事项分类") == "domain"      # not 事项 (task)
    assert header_role("项目内容") == "task"
    assert header_role("协同单位") == "co"


def test_flattened_table_with_a_merged_grouping_column_and_multi_line_unit_cells() -> None:
    # 事项分类 is printed only in the first row of its group; co-units take a line each; / is an empty cell
    lines = ["某区民生实事任务分解方案", "序号", "事项分类", "事项名称", "项目内容", "牵头单位", "协同单位",
             "1", "教育提升工程", "新建一批中小学校", "新建中小学校5所。", "区教育局", "甲街道", "乙镇", "区发改局",
             "2", "学校食堂改造", "改造食堂28个。", "区教育局", "/",
             "3", "幼儿托育工程", "暑期托管服务", "开设托管班100个。", "团区委", "区妇联",
             "4", "青少年宫", "新建青少年宫1个。", "团区委", "各乡镇(街道)", "区教育局"]
    got = [(n, lead, co) for n, lead, co, _, _ in rows("\n".join(lines) + "\n")]
    assert got == [("1", "区教育局", ["甲街道", "乙镇", "区发改局"]), ("2", "区教育局", []),
                   ("3", "团区委", ["区妇联"]), ("4", "团区委", ["各乡镇(街道)", "区教育局"])]
    titles = [t.title for t in parse_outline(NormText("\n".join(lines) + "\n").text).tasks]
    assert titles[0].startswith("新建一批中小学校") and titles[2].startswith("暑期托管服务")


def test_a_unit_cell_cut_after_a_level_word_drops_the_fragment() -> None:
    text = "序号 | 目标任务 | 牵头单位 | 责任单位\n1 | 服务业增加值增长6% | 区发改局 | 区财政局、区统计局、区\n"
    assert rows(text) == [("1", "区发改局", ["区财政局", "区统计局"], None, None)]


def test_flattened_header_with_unrecognised_cells() -> None:
    # 实施项目 (unknown) right after 序号 is the task column; 本级 / 任务数 is one cell split over two lines
    text = "\n".join(["附件", "序号", "实施项目", "完成时限", "责任单位", "1", "新建公园3个。", "6月底前", "镇政府",
                      "2", "改造供水管网8公里。", "年底前", "县水务局"]) + "\n"
    assert rows(text) == [("1", "镇政府", [], "6月底前", None), ("2", "县水务局", [], "年底前", None)]
    text = "\n".join(["序号", "重点工作", "本级", "任务数", "责任单位", "1", "引进项目20个。", "8个", "县投促中心",
                      "2", "新增就业3000人。", "县人社局"]) + "\n"
    assert rows(text) == [("1", "县投促中心", [], None, None), ("2", "县人社局", [], None, None)]


def test_a_header_needs_its_unit_column_when_cells_are_unrecognised() -> None:
    text = "\n".join(["序号", "重点工作", "本级", "完成时限", "1", "引进项目20个。", "8个", "年底前"]) + "\n"
    assert rows(text) == []


def test_internal_offices_are_units() -> None:
    text = """序号 | 工作任务 | 责任科室 |
1 | 推进预算公开。 | 财务科 |
2 | 更新网站信息。 | 办公室牵头,各科室配合 |
3 | 推进农田建设。 | 农田股 |
"""
    assert rows(text) == [("1", "财务科", [], None, None), ("2", "办公室", ["各科室"], None, None),
                          ("3", "农田股", [], None, None)]


def test_a_numbered_category_in_the_task_column_is_a_section() -> None:
    text = """工作任务 | 具体要求 | 责任部门 |
一、做好信息公开。 | 1.推进预算公开。 | 县财政局 |
2.及时更新网站。 | 各科室 | |
"""
    outline = parse_outline(NormText(text).text)
    assert [s.title for s in outline.sections] == ["做好信息公开"]
    assert [t.title for t in outline.tasks] == ["推进预算公开", "及时更新网站"]
    assert rows(text) == [("1.", "县财政局", [], None, None), ("2.", "各科室", [], None, None)]


def test_a_row_under_a_merged_grouping_cell_keeps_its_columns() -> None:
    text = """类别 | 事项名称 | 责任单位 | 分管领导 | 完成情况 |
一、教育 | 1.新建幼儿园2所 | 县教育局 | 王明 | 已开工 |
2.改造操场3处 | 县教育局 | 李四 | 已完成 |
"""
    assert rows(text) == [("1.", "县教育局", [], None, "王明"), ("2.", "县教育局", [], None, "李四")]


def test_a_person_after_the_units_of_a_flattened_row() -> None:
    text = "\n".join(["序号", "项目名称", "责任单位", "分管县领导", "完成时限", "1", "新建幼儿园2所。", "县教育局",
                      "县财政局", "王明", "12月底前"]) + "\n"
    assert rows(text) == [("1", "县教育局", ["县财政局"], "12月底前", "王明")]


def test_a_sub_row_under_a_merged_unit_cell_is_no_unit() -> None:
    text = "\n".join(["序号", "民生实事", "责任单位", "完成时限", "1", "开工建设敬老院。", "县民政局", "5月底前开工",
                      "开工建设老年大学。", "12月底前", "2", "新建公厕5座。", "县城管局", "12月底前"]) + "\n"
    assert rows(text) == [("1", "县民政局", [], "12月底前", None), ("2", "县城管局", [], "12月底前", None)]


def test_rows_numbered_in_a_column_the_header_does_not_name() -> None:
    cells = ["工作任务", "具体要求", "责任科室", "时限要求",
             "规范文件公开", "1", "清理行政规范性文件。", "办公室", "年底前",
             "深化政策解读", "2", "丰富解读形式。", "各科室", "持续推进",
             "3", "提升解读质量。", "办公室", "持续推进"]
    text = "\n|\n".join(cells) + "\n|\n"
    outline = parse_outline(NormText(text).text)
    assert [s.title for s in outline.sections] == ["规范文件公开", "深化政策解读"]
    assert [t.title for t in outline.tasks] == ["清理行政规范性文件", "丰富解读形式", "提升解读质量"]
    assert rows(text) == [("1", "办公室", [], "年底前", None), ("2", "各科室", [], "持续推进", None),
                          ("3", "办公室", [], "持续推进", None)]


def test_merged_cells_of_a_flattened_figures_table_keep_the_last_columns() -> None:
    # 考核指标 is merged over rows 1–2; 评分部门 scores the item and is no unit of it
    text = "\n".join(["考核项目", "序号", "考核指标", "考核内容", "计量单位", "年度目标", "责任部门", "评分部门",
                      "农业生产", "1", "稳定粮食生产", "粮食播种面积", "万亩", "3", "县农业农村局", "市农业农村局",
                      "2", "粮食总产量", "万吨", "1", "县农业农村局", "市统计局"]) + "\n"
    outline = parse_outline(NormText(text).text)
    assert [s.title for s in outline.sections] == ["农业生产"]
    assert rows(text) == [("1", "县农业农村局", [], None, None), ("2", "县农业农村局", [], None, None)]


def test_a_star_marks_the_lead_unit() -> None:
    text = """序号 | 重点工作 | 责任单位 |
1 | 兑现惠企资金20亿元。 | 区发改局、区财政局* |
2 | 设立产业基金。 | 区财政局*、区科技局、区投促中心 |
"""
    assert rows(text) == [("1", "区财政局", ["区发改局"], None, None),
                          ("2", "区财政局", ["区科技局", "区投促中心"], None, None)]


def test_key_value_records_and_page_data_after_a_table() -> None:
    record = """重点工作: | 5.推进老旧小区改造。 |
牵头单位: | 市住建局 |
年度目标: | 完成改造30个小区。 |
"""
    assert rows(record) == [("5.", "市住建局", [], None, None)]
    table = """序号 | 工作任务 | 责任单位 |
1 | 新建幼儿园2所。 | 县教育局 |
索引号: | 0001/2024-00012 | 成文日期: | 2024-01-08 |
发布机构: | 县政府办公室 |
"""
    assert rows(table) == [("1", "县教育局", [], None, None)]
