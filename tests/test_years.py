"""Milestone years: dated goals and deadlines, not dates, periods, cited titles or history."""

from plangraph.ingest.years import goal_year_mentions, milestone_years, year_value, zone_segments


def test_goal_forms():
    text = (
        "到2025年,建成一批中心。2026年底前完成改造。展望到2035年,全面建成体系。"
        "力争在2014年取得突破。2016年,省局将开展检查。2023年开展中期评估。"
    )
    assert milestone_years(text) == [2014, 2016, 2023, 2025, 2026, 2035]


def test_table_header_year():
    assert milestone_years("指标 | 2027年达到指标 | 2028年目标值 |") == [2027, 2028]


def test_not_milestones():
    text = (
        "2021年12月31日,国务院印发《计量发展规划(2021—2035年)》。结合《某省国民经济和社会发展"
        "第十四个五年规划和2035年远景目标纲要》。2018年国际单位制全面采用物理常数定义。"
        "截至2022年底,全市已建成标准120项。2019年,全省已建成中心5个。规划期为2021-2025年。"
    )
    assert milestone_years(text) == []


def test_chinese_numeral_year():
    assert year_value("二〇三五") == 2035
    assert milestone_years("到二〇三〇年,基本建成现代体系。") == [2030]


def test_background_zone_history_is_skipped():
    text = "到2020年,全省已建成标准3000项。\n到2025年,全省建成标准3900项。"
    cut = text.index("\n")
    blocks = [(0, cut, "background", None), (cut + 1, len(text), "goals", None)]
    assert milestone_years(text, blocks) == [2025]


def test_mentions_have_offsets():
    text = "目标:到2027年,建成实验室。"
    (m,) = goal_year_mentions(text)
    assert (m.year, text[m.start : m.end], m.kind) == (2027, "2027年", "to")


def test_zone_segments_join_a_phrase_broken_by_a_newline():
    text = "到2025年,计量能力取得突破,计量服务效能持续增强,体系逐步完善。建成社会公用计量\n标准3900项以上。"
    cut = text.index("\n")
    blocks = [(0, cut, "goals", None), (cut + 1, len(text), "front", None)]
    assert zone_segments(blocks, text) == [(0, len(text), "goals", None)]
    assert len(zone_segments(blocks)) == 2


def _heading_year_walk(text: str, pos: int) -> int | None:
    """The line-by-line walk back that HeadingYears indexes (the reference it must agree with)."""
    from plangraph.ingest.years import _plain_years, _rank

    line_start = text.rfind("\n", 0, pos) + 1
    nl = text.find("\n", line_start)
    rank = _rank(text[line_start : nl if nl != -1 else len(text)])
    rank = 99 if rank is None else rank
    end = line_start - 1
    while end > 0 and rank > 0:
        start = text.rfind("\n", 0, end) + 1
        r = _rank(text[start:end])
        if r is not None and r < rank:
            rank = r
            years = _plain_years(text[start:end])
            if len(set(years)) == 1:
                return years[0]
        end = start - 1
    return None


def test_heading_years_index_agrees_with_walking_back_every_line() -> None:
    from plangraph.ingest.years import HeadingYears

    text = ("第一章 2030年远景\n一、落实2024年目标\n(一)2025年重点\n1.建成10个。\n2.完成2026年、2027年任务\n"
            "说明文字\n(二)其他工作\n1.推进。\n二、保障\n1.到2028年完成。\n")
    index = HeadingYears(text)
    found = [index.at(pos) for pos in range(len(text) + 1)]
    assert found == [_heading_year_walk(text, pos) for pos in range(len(text) + 1)]
    assert {2024, 2025} <= set(found)


def test_a_goal_dated_to_a_month_has_that_year():
    assert milestone_years("到2019年6月底,审批时间压缩至90个工作日以内。") == [2019]
    assert milestone_years("力争到2020年12月,建成平台。") == [2020]
    # a full date, or a status at a month, is no goal
    assert milestone_years("到2019年6月30日印发。截至到2019年6月底,已建成平台。") == []


def test_every_step_of_a_dated_schedule_is_a_milestone_when_one_is():
    text = "2024年,全面开展负责人培训;2025年,重点开展从业人员培训;2026年,重点开展综合体培训。"
    assert [m.year for m in goal_year_mentions(text)] == [2024, 2025, 2026]
    assert goal_year_mentions("2019年,全市开展了检查。2020年,全市推进工作。") == []   # a report, no goal


def test_a_year_after_a_goal_heading_is_a_goal_year():
    from plangraph.ingest.years import goal_year_mentions

    assert [m.year for m in goal_year_mentions("主要目标是:2026年,全县生态质量明显改善。")] == [2026]
