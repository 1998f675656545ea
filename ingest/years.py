"""Milestone years: years that carry a dated goal or deadline (``到2025年``, ``2025年底前``, ``展望到2035年``,
``力争在2014年``, ``2016年,省局将…``, table headers ``2026年达到指标``, ``2023年开展中期评估``).

Not milestones: full dates (``2021年12月31日``), plan periods (``2021—2035年``), years inside cited titles
(``《…2035年远景目标纲要》``), ``截至2022年底`` statements and history in the background zone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_CN_DIGIT = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7",
             "八": "8", "九": "9"}
YEAR = r"(?:19|20)\d{2}|[〇零一二][〇零一二三四五六七八九]{3}"
_YEAR_RE = re.compile(rf"(?P<y>{YEAR})年")
_RANGE_SEP = "—–~至到\\-"
# the parts of a deadline shorter than a year (6月底, 十二月中旬; 三季度, 上半年), shared by the target and
# responsibility grammars
MONTH = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:底|份|末|中旬|上旬|下旬)?"
QUARTER = r"第?[一二三四]季度|上半年|下半年"
_MONTH_AFTER = re.compile(r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})月")
# a month that closes a deadline (2024年6月底前完成): the year is the goal's, unlike a date (2024年6月15日)
_MONTH_DEADLINE_AFTER = re.compile(rf"\s*{MONTH}(?:前|以前|之前)")
# a month a goal is dated to after 到/力争到 (到2019年6月底,…压缩至90个工作日以内): no day after it
_MONTH_GOAL_AFTER = re.compile(rf"\s*{MONTH}(?!\s*(?:\d|[一二三四五六七八九十])+\s*[日号])")
_PERIOD_BEFORE = re.compile(rf"(?:{YEAR})年?\s*[{_RANGE_SEP}]\s*$")
_PERIOD_AFTER = re.compile(rf"\s*[{_RANGE_SEP}]\s*(?:{YEAR})")
_CUTOFF_BEFORE = re.compile(r"(?:截至|截止)(?:到|至)?\s*$")
#: 到/力争… before a year; or a goal heading (主要目标是:2025年,…): the year is a goal's
_STRONG_BEFORE = re.compile(r"(?:展望|力争|争取|确保|预计)(?:到|至|在|于)?\s*$|(?<![\d年])(?:到|至)\s*$"
                            r"|目标(?:是|为)?\s*[:：]\s*(?:在|于)?\s*$")
_DEADLINE_AFTER = re.compile(r"(?:底|末|前|以前|之前|年内|内)")
# a column header naming a goal year (2026年达到指标, 2022年度任务目标), not a report on one (…目标完成情况)
_HEADER_AFTER = re.compile(r"度?(?:工作|任务)?(?:目标值?|达到指标|预期值?|规划值|指标值|目标指标)"
                           r"(?![^|。;,\n]{0,8}?(?:完成|情况|考核))")
_REVIEW_AFTER = re.compile(r"[^。;,]{0,12}?(?:中期|终期|全面|总结)评估")
_GOAL_VERB_AFTER = re.compile(r"(?:要|将|力争|争取|基本|全面|初步)?(?:建成|实现|达到|完成|形成)")
_CLAUSE_START_BEFORE = re.compile(r"(?:^|[。;!?:\n]|[。;!?:,]\s+|^\s+|\n\s*|[)、.]\s*)$")
_FUTURE = re.compile(r"将|要|力争|争取|确保|计划|预计|拟|基本|全面|实现|达到|完成|建成|形成")
_PAST = re.compile(r"已|(?<![为除])了|截至|截止")
_SENTENCE_END = re.compile(r"[。;!?\n]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_BLANK = re.compile(r"\s*")


@dataclass(frozen=True)
class YearMention:
    """A year carrying a dated goal: its value, offsets of the ``YYYY年`` token and how it was recognised."""

    year: int
    start: int
    end: int
    kind: str  # "to" | "deadline" | "header" | "review" | "clause" | "verb"


def year_value(token: str) -> int:
    """``'2025'`` or ``'二〇二五'`` → 2025."""
    return int("".join(_CN_DIGIT.get(ch, ch) for ch in token))


_DEADLINE_YEAR_RE = re.compile(rf"(?<![0-9])(?P<y>{YEAR})\s*年")


def deadline_years(deadline: str | int | None) -> list[int]:
    """The years a task's printed deadline names: "2025年底前" → [2025], "2024年6月底前、2025年底前" → [2024, 2025],
    "二〇二五年底前" → [2025], "长期坚持" → []; a deadline given as a year is that year."""
    if isinstance(deadline, int):
        return [deadline]
    return sorted({year_value(m.group("y")) for m in _DEADLINE_YEAR_RE.finditer(deadline or "")})


def _inside_title(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    before = text[line_start:pos]
    return before.count("《") > before.count("》")


def _sentence_after(text: str, pos: int) -> str:
    m = _SENTENCE_END.search(text, pos)
    return text[pos : m.start() if m else len(text)]


def goal_year_mentions(text: str) -> list[YearMention]:
    """Every ``YYYY年`` in ``text`` that carries a dated goal or deadline (offsets relative to ``text``)."""
    out: list[YearMention] = []
    steps: list[YearMention] = []   # 2026年,重点开展…: a clause opening at a year, with no future word of its own
    for m in _YEAR_RE.finditer(text):
        s, e = m.start(), m.end()
        before, after = text[max(0, s - 12) : s], text[e : e + 24]
        month_deadline = bool(_MONTH_DEADLINE_AFTER.match(after)) or bool(
            _MONTH_GOAL_AFTER.match(after) and _STRONG_BEFORE.search(before) and not _CUTOFF_BEFORE.search(before))
        if (_MONTH_AFTER.match(after) and not month_deadline) or _PERIOD_BEFORE.search(before) or \
                _PERIOD_AFTER.match(after):
            continue
        if _CUTOFF_BEFORE.search(before) or after.startswith("远景") or _inside_title(text, s):
            continue
        kind = None
        if _STRONG_BEFORE.search(before):
            kind = "to"
        elif _DEADLINE_AFTER.match(after) or month_deadline:
            kind = "deadline"
        elif _HEADER_AFTER.match(after):
            kind = "header"
        elif _REVIEW_AFTER.match(after):
            kind = "review"
        elif after.startswith(",") and _CLAUSE_START_BEFORE.search(before):
            rest = _sentence_after(text, e)
            if _FUTURE.search(rest) and not _PAST.search(rest):
                kind = "clause"
            elif not _PAST.search(rest):
                steps.append(YearMention(year_value(m.group("y")), s, e, "clause"))
        elif _GOAL_VERB_AFTER.match(after) and not _PAST.search(_sentence_after(text, e)[:12]):
            kind = "verb"
        if kind:
            out.append(YearMention(year_value(m.group("y")), s, e, kind))
    # a step of a dated schedule (2024年,…;2025年,…;2026年,…) is a goal when another step of it is one
    clauses = [x for x in out if x.kind == "clause"]
    if steps and clauses:
        near = [x for x in steps if any(abs(x.start - c.start) < _STEP_REACH and x.year != c.year for c in clauses)]
        out = sorted(out + near, key=lambda x: x.start)
    return out


_STEP_REACH = 400   # characters between two steps of one schedule


def _continues(text: str, prev: list, start: int) -> bool:
    """A block that starts mid-phrase (``…社会公用计量\n标准3900项…``) continues the long paragraph before it."""
    if prev[1] - prev[0] < 30 or start >= len(text) or start <= prev[1]:
        return False
    # the gap is blank and holds one line break (matched in place: the gap may be long)
    if _BLANK.match(text, prev[1], start).end() != start or text.count("\n", prev[1], start) != 1:
        return False
    return bool(_CJK.match(text[prev[1] - 1])) and bool(_CJK.match(text[start]))


def zone_segments(
    blocks: Sequence[tuple[int, int, str, str | None]], text: str | None = None,
) -> list[tuple[int, int, str, str | None]]:
    """Merge consecutive blocks that share zone and task into segments ``(start, end, zone, task_id)``.

    With ``text``, a block that continues a paragraph broken mid-phrase joins that paragraph's segment.
    """
    segs: list[list] = []
    for start, end, zone, task in sorted(blocks, key=lambda b: (b[0], b[1])):
        if segs and start >= segs[-1][0] and (
            (segs[-1][2] == zone and segs[-1][3] == task) or (text is not None and _continues(text, segs[-1], start))
        ):
            segs[-1][1] = max(segs[-1][1], end)
        else:
            segs.append([start, end, zone, task])
    return [tuple(s) for s in segs]


def _background_ok(text: str, mention: YearMention) -> bool:
    """In the background zone only clearly future goals count (``到2025年,将…``)."""
    if mention.kind != "to":
        return False
    start = max(text.rfind(ch, 0, mention.start) for ch in "。;\n") + 1
    sentence = text[start : mention.end] + _sentence_after(text, mention.end)
    return bool(re.search(r"将|要|力争|争取|确保|预计", sentence)) and not _PAST.search(sentence)


def milestone_years(
    text: str,
    blocks: Iterable[tuple[int, int, str, str | None]] | None = None,
    body_start: int = 0,
) -> list[int]:
    """Sorted distinct milestone years of a document.

    ``blocks`` are ``(start, end, zone, task_id)`` paragraphs of the normalised ``text`` (as for
    :class:`ingest.targets.TargetContext`); without them the whole text is read as body.
    Years in the ``background`` zone count only when they are clearly future goals; ``tail`` is skipped, and
    so is the text before ``body_start`` (a news lead or cover note before the plan's own title).
    ``2019年任务:`` labels count.
    """
    segments = zone_segments(list(blocks), text) if blocks else [(0, len(text), "body", None)]
    years: set[int] = set()
    for start, end, zone, _task in segments:
        if (zone == "tail" and not body_start) or end <= body_start:
            continue
        start = max(start, body_start)
        chunk = text[start:end]
        years.update(y for y, _s, _e in label_years(chunk))
        for mention in goal_year_mentions(chunk):
            if zone == "background" and not _background_ok(chunk, mention):
                continue
            years.add(mention.year)
    return sorted(years)


# ------------------------------------------------------------------------------ years a target inherits

_FIVE_YEAR = re.compile(r"[“\"]?(十[一二三四五六七八九]五)[”\"]?(?:规划)?(?:期)?(?P<end>末|期末|时期末|结束)?")
_FIVE_YEAR_END = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030, "十六五": 2035}
# 2019年任务: / 2017年全市经济社会发展主要预期目标是: — a lead clause naming a year and its goals, closed by a
# colon: the list after it is that year's (no clause break inside; none of it a report: 已, 完成, 以来, 截至)
_LABEL = re.compile(rf"(?P<y>{YEAR})年度?(?:(?!已|完成|以来|截至|截止)[^。;；,，:：!?\n|]){{0,20}}?"
                    r"(?:任务|目标|指标)(?:任务)?(?:是|为|如下)?\s*[:：]")
_HEADING_MARKER = [
    re.compile(r"^\s*第[一二三四五六七八九十百]+[章部篇]"),
    re.compile(r"^\s*[一二三四五六七八九十]+\s*、"),
    re.compile(r"^\s*[(（][一二三四五六七八九十]+[)）]"),
    re.compile(r"^\s*\d{1,3}\s*[、.](?!\d)"),
]


def five_year_plan_end(text: str) -> int | None:
    """``到“十四五”末`` / ``十四五期间`` → 2025 (the end year of the five-year plan named)."""
    m = _FIVE_YEAR.search(text)
    return _FIVE_YEAR_END.get(m.group(1)) if m else None


def label_years(text: str) -> list[tuple[int, int, int]]:
    """``2019年任务:`` / ``2017年全市主要预期目标是:`` labels: ``(year, start, end)`` — the year governs what
    follows (the list after the colon)."""
    return [(year_value(m.group("y")), m.start(), m.end()) for m in _LABEL.finditer(text)]


def _plain_years(line: str) -> list[int]:
    """Years in a heading or title that are neither dates, periods nor inside a cited title."""
    out = []
    for m in _YEAR_RE.finditer(line):
        s, e = m.start(), m.end()
        if _MONTH_AFTER.match(line[e : e + 4]) or _PERIOD_BEFORE.search(line[max(0, s - 12) : s]):
            continue
        if _PERIOD_AFTER.match(line[e : e + 8]) or line[e:].startswith("远景"):
            continue
        out.append(year_value(m.group("y")))
    return out


def heading_year(text: str, pos: int) -> int | None:
    """The year printed in the nearest enclosing numbered heading of ``pos`` (``一、落实2020年发展主要目标``);
    for many positions in one text build :class:`HeadingYears` once."""
    return HeadingYears(text).at(pos)


class HeadingYears:
    """The numbered heading lines of a text, indexed so the enclosing headings of any position are found in
    a few steps (walking back line by line from every target would be quadratic in the text)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        ends = [p - 1 for p in self.line_starts[1:]] + [len(text)]
        self.ranks = [_rank(text[a:b]) for a, b in zip(self.line_starts, ends, strict=True)]
        self.ends = ends
        # below[k]: indices of the lines whose rank is below k (k = 1 … 4; 4 = any numbered heading)
        self.below = {k: [i for i, r in enumerate(self.ranks) if r is not None and r < k] for k in range(1, 5)}

    def at(self, pos: int) -> int | None:
        """The year of the nearest enclosing heading of ``pos`` that prints exactly one year."""
        line = max(0, bisect_right(self.line_starts, pos) - 1)
        rank = self.ranks[line]
        rank = 99 if rank is None else rank
        while rank > 0:
            candidates = self.below[min(rank, 4)]
            k = bisect_left(candidates, line) - 1
            if k < 0:
                return None
            line = candidates[k]
            rank = self.ranks[line]
            years = _plain_years(self.text[self.line_starts[line] : self.ends[line]])
            if len(set(years)) == 1:
                return years[0]
        return None


def _rank(line: str) -> int | None:
    for i, pattern in enumerate(_HEADING_MARKER):
        if pattern.match(line):
            return i
    return None


_DEADLINE_AFTER = re.compile(r"(?:前|底|末|以前|之前)")


def title_year(title: str | None) -> int | None:
    """The one year a plan's title names as its own (``2023年卫生健康工作要点`` → 2023): not a period, a date,
    a deadline (``2030年前``, ``到2025年``) or a year inside a cited title; None when it names none or several."""
    if not title:
        return None
    own = re.sub(r"《[^《》]*》", "", title)
    for m in _YEAR_RE.finditer(own):
        if _DEADLINE_AFTER.match(own, m.end()) or re.search(r"(?:到|至|截至)\s*$", own[: m.start()]):
            return None
    years = set(_plain_years(own))
    return years.pop() if len(years) == 1 else None


def plan_year(title: str | None, period: Sequence[int] | None = None) -> int | None:
    """The year a plan runs to: the end of its printed period (``(2021—2025年)`` → 2025, ``2018—2021年`` →
    2021), the single year of its title (``2023年工作要点`` → 2023) or ``十四五`` → 2025; else None."""
    if period:
        return int(period[-1])
    if not title:
        return None
    m = re.search(rf"({YEAR})\s*年?\s*[{_RANGE_SEP}]\s*({YEAR})\s*年", title)
    if m:
        return year_value(m.group(2))
    years = set(_plain_years(re.sub(r"《[^《》]*》", "", title))) or set(_plain_years(title))
    if len(years) == 1:
        return years.pop()
    return five_year_plan_end(title)
