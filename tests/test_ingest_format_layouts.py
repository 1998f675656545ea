"""Layouts a reader must keep: Word's automatic list numbers, merged table cells (DOCX, HTML) and ruled PDF tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from plangraph.ingest.docx_text import FORMATS, _chinese
from plangraph.ingest.html_text import html_to_text
from plangraph.ingest.pipeline import extract_file
from plangraph.ingest.readers import read_document

# one list definition: 一、 / （一） / 1. / ①
LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."),
          ("decimalEnclosedCircle", "%4"))


def _numbered_document(abstract_id: int = 90, num_id: int = 90) -> Document:
    doc = Document()
    numbering = doc.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:suff w:val="nothing"/></w:lvl>' for i, (fmt, text) in enumerate(LEVELS))
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{levels}'
                                  f'</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId '
                               f'w:val="{abstract_id}"/></w:num>'))
    return doc


def _numbered(doc: Document, text: str, level: int, num_id: int = 90) -> None:
    paragraph = doc.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


@pytest.mark.parametrize(("n", "expected"), [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"),
                                             (100, "一百"), (105, "一百零五"), (110, "一百一十")])
def test_chinese_counting(n: int, expected: str) -> None:
    assert _chinese(n) == expected


def test_other_list_formats() -> None:
    assert FORMATS["decimalEnclosedCircle"](3) == "③"
    assert FORMATS["lowerLetter"](28) == "bb"
    assert FORMATS["upperRoman"](14) == "XIV"
    assert FORMATS["ideographTraditional"](2) == "乙"
    assert FORMATS["chineseLegalSimplified"](12) == "壹拾贰"


def test_automatic_list_numbers_are_written_out(tmp_path: Path) -> None:
    doc = _numbered_document()
    doc.add_paragraph("某市数字政府建设工作方案")
    _numbered(doc, "主要任务", 0)
    _numbered(doc, "夯实基础设施", 1)
    _numbered(doc, "建设政务云平台。(责任单位:市大数据局、市财政局)", 2)
    _numbered(doc, "整合机房资源。(责任单位:市大数据局)", 2)
    _numbered(doc, "提升服务能力", 1)  # a higher level advancing restarts the deeper one
    _numbered(doc, "推进一网通办。(责任单位:市政务服务中心、市大数据局)", 2)
    _numbered(doc, "保障措施", 0)
    doc.add_paragraph("各单位要加强协作。")
    doc.save(tmp_path / "plan.docx")

    lines = read_document(tmp_path / "plan.docx").text.splitlines()
    assert lines[1:7] == ["一、主要任务", "（一）夯实基础设施", "1.建设政务云平台。(责任单位:市大数据局、市财政局)",
                          "2.整合机房资源。(责任单位:市大数据局)", "（二）提升服务能力",
                          "1.推进一网通办。(责任单位:市政务服务中心、市大数据局)"]
    assert lines[7] == "二、保障措施"

    tasks = extract_file(tmp_path / "plan.docx").tasks
    assert [(t.number, t.lead, t.co) for t in tasks] == [
        ("1.", "市大数据局", ["市财政局"]), ("2.", "市大数据局", []), ("1.", "市政务服务中心", ["市大数据局"])]


def test_a_start_override_restarts_a_list_sharing_the_definition(tmp_path: Path) -> None:
    doc = _numbered_document()
    doc.part.numbering_part.element.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="90"/><w:lvlOverride w:ilvl="2">'
        f'<w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    _numbered(doc, "甲项", 2)
    _numbered(doc, "乙项", 2)
    _numbered(doc, "丙项", 2, num_id=91)
    doc.save(tmp_path / "lists.docx")
    assert read_document(tmp_path / "lists.docx").text.splitlines() == ["1.甲项", "2.乙项", "1.丙项"]


def test_bullets_and_unnumbered_paragraphs_get_no_marker(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("加强组织领导", style="List Bullet")
    doc.add_paragraph("一般段落")
    doc.save(tmp_path / "bullets.docx")
    assert read_document(tmp_path / "bullets.docx").text.splitlines() == ["加强组织领导", "一般段落"]


def _task_table_document() -> Document:
    doc = Document()
    doc.add_paragraph("某县民生实事任务分工")
    table = doc.add_table(rows=4, cols=4)
    rows = [("序号", "重点任务", "牵头单位", "责任单位"),
            ("1", "新建养老服务设施10处。", "县民政局", "县财政局"),
            ("2", "开展老年助餐服务。", "", "县卫健委"),
            ("3", "改造农村公路50公里。", "县交通运输局", "县财政局")]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 2).merge(table.cell(2, 2))  # one lead cell over two tasks
    heading = doc.add_table(rows=1, cols=3)
    heading.cell(0, 0).merge(heading.cell(0, 2)).text = "二、其他事项"
    return doc


def test_docx_merged_cells(tmp_path: Path) -> None:
    _task_table_document().save(tmp_path / "table.docx")
    lines = read_document(tmp_path / "table.docx").text.splitlines()
    assert lines[3] == "2 | 开展老年助餐服务。 | 县民政局 | 县卫健委 |"  # a vertical merge repeats
    assert lines[5] == "二、其他事项 |"  # a horizontal merge is printed once

    tasks = extract_file(tmp_path / "table.docx").tasks
    assert [(t.lead, t.co) for t in tasks] == [("县民政局", ["县财政局"]), ("县民政局", ["县卫健委"]),
                                               ("县交通运输局", ["县财政局"])]


TABLE_HTML = """<html><body><p>某县民生实事任务分工</p><table>
<tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>责任单位</th></tr>
<tr><td>1</td><td>新建养老服务设施10处。</td><td rowspan="2">县民政局</td><td>县财政局</td></tr>
<tr><td>2</td><td>开展老年助餐服务。</td><td>县卫健委</td></tr>
<tr><td>3</td><td>改造农村公路50公里。</td><td>县交通运输局</td><td rowspan="9">县财政局</td></tr>
</table></body></html>"""


def test_html_row_spans_repeat_in_every_row_they_cover(tmp_path: Path) -> None:
    lines = html_to_text(TABLE_HTML).splitlines()
    assert lines[3] == "2 | 开展老年助餐服务。 | 县民政局 | 县卫健委 |"
    assert lines[4] == "3 | 改造农村公路50公里。 | 县交通运输局 | 县财政局 |"  # a span past the last row ends there
    (tmp_path / "table.html").write_text(TABLE_HTML, encoding="utf-8")
    tasks = extract_file(tmp_path / "table.html").tasks
    assert [(t.lead, t.co) for t in tasks] == [("县民政局", ["县财政局"]), ("县民政局", ["县卫健委"]),
                                               ("县交通运输局", ["县财政局"])]


def test_html_spans_in_the_first_column_and_column_spans() -> None:
    html = """<table><tr><td rowspan="2">一、养老</td><td>1</td><td>任务甲</td></tr><tr><td>2</td><td>任务乙</td></tr>
    <tr><td colspan="3">二、交通</td></tr><tr><td>交通</td><td colspan="2" rowspan="2">任务丙</td></tr>
    <tr><td>公路</td></tr></table>"""
    assert html_to_text(html).splitlines() == ["一、养老 | 1 | 任务甲 |", "一、养老 | 2 | 任务乙 |", "二、交通 |",
                                               "交通 | 任务丙 |", "公路 | 任务丙 |"]


def test_hostile_spans_are_bounded() -> None:
    html = '<table><tr><td rowspan="99999999" colspan="x">甲</td><td>乙</td></tr><tr><td>丙</td></tr></table>'
    assert html_to_text(html).splitlines() == ["甲 | 乙 |", "甲 | 丙 |"]


def test_a_layout_table_holding_a_table_is_not_repeated() -> None:
    html = """<table><tr><td rowspan="2"><table><tr><td>内层</td></tr></table></td><td>右上</td></tr>
    <tr><td>右下</td></tr></table>"""
    assert html_to_text(html).count("内层") == 1


def _cjk_pdf(cls: type | None = None) -> Any:
    """An fpdf2 document (of ``cls``, an FPDF subclass) on its first page with a CJK font set."""
    from fpdf import FPDF
    from helpers_formats import PDF_FONT

    if not PDF_FONT.exists():
        pytest.skip(f"{PDF_FONT} missing: run scripts/system-deps.sh")
    pdf = (cls or FPDF)()
    pdf.add_page()
    pdf.add_font("cjk", fname=str(PDF_FONT))
    pdf.set_font("cjk", size=10)
    return pdf


def _table_pdf(path: Path) -> Path:
    from fpdf.fonts import FontFace

    pdf = _cjk_pdf()
    pdf.multi_cell(0, 6, text="某县民生实事任务分工", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, text="一、养老服务", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(10, 60, 25, 40), headings_style=FontFace(emphasis="")) as table:
        for cells in (("序号", "重点任务", "牵头单位", "责任单位"),
                      ("1", "新建养老服务设施10处，完善社区嵌入式养老服务网络，提升服务水平。", ("县民政局", 2), "县财政局"),
                      ("2", "开展老年助餐服务。", "县卫健委"),
                      ("3", "改造农村公路50公里。", "县交通运输局", "县财政局")):
            row = table.row()
            for cell in cells:
                text, rows = cell if isinstance(cell, tuple) else (cell, 1)
                row.cell(text, rowspan=rows)
    pdf.multi_cell(0, 6, text="各单位要加强协作。", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_pdf_ruled_tables_are_rows(tmp_path: Path) -> None:
    path = _table_pdf(tmp_path / "table.pdf")
    lines = read_document(path).text.splitlines()
    assert lines == ["某县民生实事任务分工", "一、养老服务", "序号 | 重点任务 | 牵头单位 | 责任单位 |",
                     "1 | 新建养老服务设施10处，完善社区嵌入式养老服务网络，提升服务水平。 | 县民政局 | 县财政局 |",
                     "2 | 开展老年助餐服务。 | 县民政局 | 县卫健委 |", "3 | 改造农村公路50公里。 | 县交通运输局 | 县财政局 |",
                     "各单位要加强协作。"]  # a wrapped cell joined, the merged lead cell in both its rows
    tasks = extract_file(path).tasks
    assert [(t.lead, t.co) for t in tasks] == [("县民政局", ["县财政局"]), ("县民政局", ["县卫健委"]),
                                               ("县交通运输局", ["县财政局"])]


def test_xlsx_task_lists_are_rows(tmp_path: Path) -> None:
    import datetime as dt

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["某县2025年重点工作任务分解表"])
    sheet.merge_cells("A1:E1")  # a title over the whole width: printed once
    sheet.append(["序号", "重点任务", "牵头单位", "责任单位", "完成时限"])
    sheet.append([1.0, "新建养老服务设施10处。", "县民政局", "县财政局", dt.datetime(2025, 12, 31)])
    sheet.append([2, "开展老年助餐\n服务。", None, "县卫健委", "2025年底"])
    sheet.append([])
    sheet.append([3, "改造农村公路50公里。", "县交通运输局", "县财政局"])
    sheet.merge_cells("C3:C4")  # one lead over two tasks
    hidden = book.create_sheet("说明")
    hidden.append(["不应读取"])
    hidden.sheet_state = "hidden"
    book.save(tmp_path / "tasks.xlsx")

    assert read_document(tmp_path / "tasks.xlsx").text.splitlines() == [
        "某县2025年重点工作任务分解表 |", "序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限 |",
        "1 | 新建养老服务设施10处。 | 县民政局 | 县财政局 | 2025-12-31 |",
        "2 | 开展老年助餐 服务。 | 县民政局 | 县卫健委 | 2025年底 |", "3 | 改造农村公路50公里。 | 县交通运输局 | 县财政局 |"]
    result = extract_file(tmp_path / "tasks.xlsx")
    assert [(t.lead, t.co) for t in result.tasks] == [("县民政局", ["县财政局"]), ("县民政局", ["县卫健委"]),
                                                      ("县交通运输局", ["县财政局"])]


def test_a_broken_xlsx_is_refused_with_the_reason(tmp_path: Path) -> None:
    from plangraph.ingest.errors import UnreadableFile

    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(UnreadableFile, match=r"not a readable \.xlsx file"):
        read_document(tmp_path / "broken.xlsx")


def test_pdf_paragraphs_continue_over_a_page_break_without_page_numbers(tmp_path: Path) -> None:
    from fpdf import FPDF

    class Paged(FPDF):
        def footer(self) -> None:
            self.set_y(-15)
            self.cell(0, 10, f"— {self.page_no()} —", align="C")

    pdf = _cjk_pdf(Paged)
    filler = "各地要结合实际认真组织实施。" * 8
    for _ in range(14):
        pdf.multi_cell(0, 6, text=filler, new_x="LMARGIN", new_y="NEXT")
    assert pdf.page_no() == 1
    long_item = "1.完善养老服务网络，" + "推进社区嵌入式养老服务设施建设，" * 12 + "全面提升服务水平。(责任单位:市民政局、市财政局)"
    pdf.multi_cell(0, 6, text=long_item, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "paged.pdf"))
    assert pdf.page_no() == 2

    lines = read_document(tmp_path / "paged.pdf").text.splitlines()
    assert long_item in lines  # one paragraph, though it runs onto the next page
    assert not any("—" in line for line in lines)


def test_malformed_or_hostile_list_definitions_are_bounded(tmp_path: Path) -> None:
    doc = Document()
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="95"><w:lvl w:ilvl="0"><w:start w:val="999999999"/>'
        f'<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="x"/>'
        f'<w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="95"><w:abstractNumId w:val="95"/></w:num>'))
    _numbered(doc, "甲项", 0, num_id=95)
    _numbered(doc, "乙项", 1, num_id=95)
    _numbered(doc, "丙项", 0, num_id=404)  # a list that is not defined
    doc.save(tmp_path / "odd.docx")
    lines = read_document(tmp_path / "odd.docx").text.splitlines()
    assert len(lines[0]) < 500 and lines[0].endswith(")甲项")
    assert lines[1:] == ["1.乙项", "丙项"]


TWO_LEVEL_HEADER_HTML = """<html><body><p>某县2025年重点工作任务分解表</p><table>
<tr><th rowspan="2">序号</th><th rowspan="2">重点任务</th><th colspan="2">责任单位</th><th rowspan="2">完成时限</th></tr>
<tr><th>牵头单位</th><th>配合单位</th></tr>
<tr><td>1</td><td>新建养老服务设施10处。</td><td>县民政局</td><td>县财政局</td><td>2025年底</td></tr>
<tr><td>2</td><td>开展老年助餐服务。</td><td>县卫健委</td><td>县民政局、县市场监管局</td><td>2025年6月</td></tr>
</table></body></html>"""
HEADER_LINE = "序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |"


def _two_level_header_docx(path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("某县2025年重点工作任务分解表")
    table = doc.add_table(rows=4, cols=5)
    rows = [("序号", "重点任务", "责任单位", "", "完成时限"), ("", "", "牵头单位", "配合单位", ""),
            ("1", "新建养老服务设施10处。", "县民政局", "县财政局", "2025年底"),
            ("2", "开展老年助餐服务。", "县卫健委", "县民政局、县市场监管局", "2025年6月")]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for col in (0, 1, 4):
        table.cell(0, col).merge(table.cell(1, col))
    table.cell(0, 2).merge(table.cell(0, 3))
    doc.save(path)
    return path


def _two_level_header_xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in (("某县2025年重点工作任务分解表",), ("序号", "重点任务", "责任单位", None, "完成时限"),
                (None, None, "牵头单位", "配合单位"), (1, "新建养老服务设施10处。", "县民政局", "县财政局", "2025年底"),
                (2, "开展老年助餐服务。", "县卫健委", "县民政局、县市场监管局", "2025年6月")):
        sheet.append(list(row))
    for cells in ("A2:A3", "B2:B3", "E2:E3", "C2:D2"):
        sheet.merge_cells(cells)
    book.save(path)
    return path


def _two_level_header_pdf(path: Path) -> Path:
    from fpdf.fonts import FontFace

    pdf = _cjk_pdf()
    pdf.multi_cell(0, 6, text="某县2025年重点工作任务分解表", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(10, 60, 25, 40, 25), headings_style=FontFace(emphasis=""), num_heading_rows=2) as table:
        row = table.row()
        for text, rows, cols in (("序号", 2, 1), ("重点任务", 2, 1), ("责任单位", 1, 2), ("完成时限", 2, 1)):
            row.cell(text, rowspan=rows, colspan=cols)
        row = table.row()
        row.cell("牵头单位")
        row.cell("配合单位")
        for cells in (("1", "新建养老服务设施10处。", "县民政局", "县财政局", "2025年底"),
                      ("2", "开展老年助餐服务。", "县卫健委", "县民政局、县市场监管局", "2025年6月")):
            row = table.row()
            for text in cells:
                row.cell(text)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("kind", ["html", "docx", "xlsx", "pdf"])
def test_a_two_level_header_prints_its_lower_row_only(kind: str, tmp_path: Path) -> None:
    if kind == "pdf":
        path = _two_level_header_pdf(tmp_path / "tasks.pdf")
    elif kind == "html":
        path = tmp_path / "tasks.html"
        path.write_text(TWO_LEVEL_HEADER_HTML, encoding="utf-8")
    elif kind == "docx":
        path = _two_level_header_docx(tmp_path / "tasks.docx")
    else:
        path = _two_level_header_xlsx(tmp_path / "tasks.xlsx")
    lines = read_document(path).text.splitlines()
    assert lines[1] == HEADER_LINE and lines.count(HEADER_LINE) == 1 and "责任单位" not in lines[1]
    tasks = extract_file(path).tasks
    assert [(t.title, t.lead, t.co) for t in tasks] == [
        ("新建养老服务设施10处", "县民政局", ["县财政局"]), ("开展老年助餐服务", "县卫健委", ["县民政局", "县市场监管局"])]
