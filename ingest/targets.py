"""Quantitative targets of a plan: metric, value or range, unit, comparator, per-year / cumulative flags,
scope, due year and the exact quote — from prose (:func:`find_targets`) and from indicator tables, merged
document-wide by :func:`extract_targets`.

Everything works on the normalised simplified text (see :mod:`ingest.normalize`); offsets are relative to
the string given.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from plangraph.ingest.memo import memoised
from plangraph.ingest.numbers import ARABIC, CN_NUMERALS, NUMBER, parse_number
from plangraph.ingest.yamldata import load_yaml
from plangraph.ingest.years import (
    MONTH,
    QUARTER,
    YEAR,
    HeadingYears,
    five_year_plan_end,
    goal_year_mentions,
    label_years,
    year_value,
    zone_segments,
)

# ---------------------------------------------------------------------------------------------- vocabulary

@lru_cache(maxsize=1)
def vocabulary() -> dict:
    """The reviewed vocabulary of ``ingest/data/targets.yaml`` (units, comparators, cues; loaded once)."""
    text = resources.files(__package__).joinpath("data/targets.yaml").read_text(encoding="utf-8")
    return load_yaml(text)


_V = vocabulary()
_KIND = {e["unit"]: kind for kind, entries in _V["units"].items() for e in entries}
#: Base units of counted or measured things (compound units first); a scale word before one stays in it.
UNITS = sorted(_KIND, key=len, reverse=True)
SCALES = sorted(_V["scales"], key=len, reverse=True)
COUNT_UNITS = {u for u, k in _KIND.items() if k == "count"}
PERSON_UNITS = {u for u, k in _KIND.items() if k == "person"}
RATE_UNITS = {u for u, k in _KIND.items() if k == "rate"}
MEASURE_UNITS = {u for u, k in _KIND.items() if k == "measure"}
_BLOCKERS: dict[str, list[str]] = _V["unit_blockers"]

_GE_PRE = _V["comparators"][">="]["prefix"]
_LE_PRE = _V["comparators"]["<="]["prefix"]
_APPROX_PRE = _V["comparators"]["~"]["prefix"]
_GE_SUF = [w for w in _V["comparators"][">="]["suffix"] if w not in ("余", "多")]
_LE_SUF = _V["comparators"]["<="]["suffix"]
_APPROX_SUF = _V["comparators"]["~"]["suffix"]


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def unit_kind(unit: str | None) -> str | None:
    """``count`` | ``person`` | ``rate`` | ``measure`` for a unit, its scale word set aside (万家 → count)."""
    if unit is None:
        return None
    for scale in ("",) + tuple(SCALES):
        if unit.startswith(scale) and unit[len(scale):] in _KIND:
            return _KIND[unit[len(scale):]]
    return "measure" if unit in SCALES else None


_UNIT = _alt(UNITS)
_SCALE = _alt(SCALES)
# a bare '>' / '<' is a comparator only touching its figure (达>85%), never before a space (a breadcrumb '> 2023年')
_PRE = "|".join(re.escape(w) + ("(?=\\d)" if w in ("<", ">") else "")
                for w in sorted(_GE_PRE + _LE_PRE + _APPROX_PRE, key=len, reverse=True))
_SUF = _alt(_GE_SUF + _LE_SUF + _APPROX_SUF)
_SEP = r"[~～—–至到\-]"
_CORE = rf"(?:百分之)?(?:{ARABIC}|[{CN_NUMERALS}]+)"
# A quantity starts with a comparator word, a space or a numeral: the lookahead lets a scan skip other positions.
_PRE_FIRST = "".join(sorted({re.escape(w[0]) for w in _GE_PRE + _LE_PRE + _APPROX_PRE}))
_QTY = re.compile(
    rf"(?=[\d\s{CN_NUMERALS}{_PRE_FIRST}])(?P<pre>{_PRE})?\s*(?P<n1>{_CORE})(?P<s1>{_SCALE})?(?P<u1>{_UNIT})?"
    rf"(?:\s*(?P<sep>{_SEP})\s*(?P<n2>{_CORE}))?(?P<mid>余|多)?\s?(?P<scale>{_SCALE})?(?P<unit>(?!/)(?:{_UNIT}))?"
    rf"(?P<denom>/(?:万|百|千|亿)?(?:{_UNIT}))?(?P<per>/年度?)?\s?(?P<suf>{_SUF})?"
)
_NOT_TARGET = re.compile(rf"(?:{_alt([e['word'] for k in ('subsidy', 'allowance', 'fund') for e in _V['not_target'][k]])})"
                         rf"(?!{_alt(_V['not_target_metric_tails'])})")   # 分担率 is a metric, 分担 a policy
_SUBSIDY_VERB = re.compile(_alt([e["word"] for e in _V["not_target"]["subsidy"]]))
_FACT = [e["word"] for k in ("existing", "history") for e in _V["not_target"][k]]
_NOT_AFTER = re.compile(_alt(_V["not_target_after"]))
_COST_SHARE = re.compile(rf"(?:{_alt(_V['cost_share_verbs'])})\s*$")
_CONDITION = re.compile(rf"^\s*(?:{_alt(_V['condition_openers'])})(?!接|标|口|外|象|照|话|比|称|应)")
_TARGET_VERB = re.compile(rf"(?:{_alt(_V['target_verbs'])})\s*$")
_TARGET_VERB_IN = re.compile(_alt(_V["target_verbs"]))
# a figure later in the clause (not a year): the noun after a 以上/以下 figure is then counted by that figure
_LATER_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?![年\d.])\S")
_FIVE_YEAR = _V["five_year_plans"]

#: an item marker opening a line (1、 (2) 3. 1﹒): ﹒ (U+FE52) is an item mark, as the numbering grammar reads it
_ITEM_MARKER = r"[(（]?[一二三四五六七八九十\d]{1,3}[)）、.﹒]"
#: an item marker that is not the head of a decimal (0.4千伏线路: 0. is no marker; 1.2025年 is one)
_ITEM_MARKER_NOT_DECIMAL = r"[(（]?[一二三四五六七八九十\d]{1,3}(?:[)）、﹒]|\.(?!\d{1,3}(?![\d年])))"
# Words peeled off the front of a metric phrase: list markers, dates, scope, modals, generic verbs.
_LEAD_WORDS: list[str] = _V["metric_lead_words"]
_LEAD_WORDS_AT: dict[str, list[str]] = {}  # by first character, in the order of _LEAD_WORDS
for _w in _LEAD_WORDS:
    _LEAD_WORDS_AT.setdefault(_w[:1], []).append(_w)
_LEAD_PATTERNS = [
    re.compile(p)
    for p in (
        r"\s+",
        _ITEM_MARKER_NOT_DECIMAL,
        r"第[一二三四五六七八九十百零〇\d]{1,4}[条项部分章节]",
        r"——|—|•|·|-",
        r"[“”\"'《》〈〉]",
        rf"(?:展望)?(?:到|至|在|于)?(?:{YEAR})\s*年(?:底|末)?(?:前|以前|之前)?",
        r"(?:今后|未来)?[一二三四五六七八九十两\d]{1,2}年(?:内|间|来)",   # 三年内: a span, no part of the metric
        rf"(?:到|至|在|于)?{MONTH}(?:前|以前|之前)?|(?:{QUARTER}|年内|年底)(?:末|底)?(?:前|以前|之前)?",   # 12月底前
        r"[\u4e00-\u9fff]{2,6}?[省市县区](?=力争|争取|确保|要|将|计划|共|累计|新增|每年|年均)",
        r"[^,。;、]{0,12}?等(?:重点)?(?:领域|方面|行业|产业)",
        rf"[一二三四五六七八九十]是|{_alt(_V['metric_enumerators'])}",   # 四是…, 其次…: a point of a list
        # 在龙亭镇实施…: where the action takes place, before its verb (the scope, no part of the metric)
        rf"在[\u4e00-\u9fff\d]{{1,8}}?(?:{_alt(_V['place_suffixes'] + _V['local_place_suffixes'])})"
        rf"(?:[(（][^()（）]{{1,8}}[)）])?(?=(?:{_alt(_V['target_verbs'])}))",   # 在17个乡镇(街道办)硬化…
    )
]
#: a date printed inside a metric phrase (项目2021年二期投资); a base year (较2020年, 2020年基础上) is none
_INNER_YEAR = re.compile(rf"(?<=[\u4e00-\u9fff])(?<![较比与同])(?:到|至|在|于)?(?P<y>{YEAR})\s*年(?:底|末)?(?![度基水同的以前内间])")
#: what is no metric alone: a bare measure word (率, 数量, 比例) left after peeling
_BARE_MEASURE = re.compile(rf"(?:{_alt(_V['bare_measures'])})")
#: a date right after a place opening a metric phrase (武汉市2017年细颗粒物…): the place is the figure's scope
_DATE_AFTER_PLACE = re.compile(rf"\s*(?:到|至|在|于)?(?:{YEAR})年")
# Words peeled off the end of a metric phrase that precedes its number (``…覆盖率力争达到``).
_TRAIL = re.compile(
    rf"(?:\s+|[“”\"'《》]|{_alt(_V['metric_trail_words'])}|(?:较|比)(?:{YEAR})年(?:底|末)?"
    rf"|(?:在|于)?(?:{YEAR})年(?:底|末)?(?:的)?基础上)$"   # 人均预期寿命在2020年基础上继续提高: the base, no metric
)
#: Verbs (and comparators) that, ending the text before a number, make the noun after it the metric.
_VERB_END = _TARGET_VERB
#: a noun phrase after a count ending in an action noun (10个商贸项目建设): the count is what the action makes
_ACTION_TAIL = re.compile(rf"(?:{_alt(_V['action_noun_tails'])})$")
_HEADING_NOUN = re.compile(r"^(?:方面|措施|任务|原则|目标|部分|环节|阶段|举措|要求|意见|建议|问题|方向|大类|层次|维度|板块|步)")
_PAST = re.compile(rf"{_alt(_FACT)}|(?<![为除])了")
_STATUS = re.compile(_alt([e["word"] for e in _V["not_target"]["status"]]))
_LIST_LEAD = re.compile(r"(?:等|提出|包括|分为|涉及|(?:分解|细化|归纳)为[^,，。;；]{0,12})\s*$")
_SCOPE = re.compile(r"全省|全市|全县|全区|全国|全州")
_PER_YEAR = re.compile(_alt(_V["per_year"]))
#: 年均 before a measured noun: the annual average (年均浓度), part of the metric, not "every year"
_ANNUAL_AVERAGE = re.compile(rf"年均(?={_alt([e['word'] for e in _V['annual_average_nouns']])})")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE_PUNCT = set(",;。!?:、|")
_SENTENCE_PUNCT = set("。;!?")
_MAX_METRIC = 40


# ------------------------------------------------------------------------------------------------- shapes


@dataclass
class TargetMatch:
    """One target found in a string; offsets relative to that string."""

    metric: str
    value: int | float | None
    low: int | float | None
    high: int | float | None
    unit: str | None  # null for a plain ratio (死亡率控制在0.011以内)
    comparator: str  # ">=" | "<=" | "=" | "~" | "range"
    per_year: bool
    cumulative: bool
    year: int | None
    scope: str | None
    start: int
    end: int
    quote: str
    attribute: str | None = None  # 预期性 | 约束性 (tables)


@dataclass
class TargetContext:
    """Input of :func:`extract_targets`: the normalised text and what the structure parser found in it.

    ``plan_year`` is given to targets that print no year (per-year targets excepted); text before
    ``body_start`` (a news lead, the page chrome) holds no targets. ``blocks``: ``(start, end, zone, task_id)`` paragraphs, zone in front/background/principles/goals/tasks/
    safeguards/commentary/tail. ``tables``: each a list of rows of ``(cell_text, start, end)`` (a broken pipe
    table may arrive as one cell per row). ``default_scope``: 全省/全市/… used when no scope is printed.
    """

    text: str
    blocks: list[tuple[int, int, str, str | None]] = field(default_factory=list)
    tables: list[list[list[tuple[str, int, int]]]] = field(default_factory=list)
    default_scope: str | None = None
    plan_year: int | None = None   # the plan's end year from its title or period (targets without a year)
    body_start: int = 0            # end of the plan's own title line: a news lead before it is skipped
    hidden: list[tuple[int, int]] = field(default_factory=list)  # spans that hold no targets (progress cells)


@dataclass
class TargetRecord:
    """A document-level target; ``start``/``end`` is the main quote, ``extra_spans`` the repeats."""

    metric: str
    value: int | float | None
    low: int | float | None
    high: int | float | None
    unit: str | None
    comparator: str
    per_year: bool
    cumulative: bool
    year: int | None
    scope: str | None
    attribute: str | None
    task_id: str | None
    start: int
    end: int
    extra_spans: list[tuple[int, int]] = field(default_factory=list)
    source: str = "prose"  # prose | table | commentary (where the main quote comes from)


@dataclass
class _Qty:
    value: int | float | None
    low: int | float | None
    high: int | float | None
    unit: str | None
    comparator: str
    per_year: bool
    start: int
    end: int
    chinese: bool
    has_pre: bool
    suffix: str | None = None


# -------------------------------------------------------------------------------------------- quantities


def _comparator(pre: str | None, mid: str | None, suf: str | None) -> str:
    if suf:  # the figure's own tail wins over the verb frame before it (控制在5.5%左右 → ~)
        return "<=" if suf in _LE_SUF else ">=" if suf in _GE_SUF else "~"
    if pre in _LE_PRE:
        return "<="
    if pre in _GE_PRE or mid:
        return ">="
    if pre in _APPROX_PRE:
        return "~"
    return "="


def _per_year_cue(s: str) -> bool:
    """A per-year word (每年, 年均…) in ``s`` that is not the annual average of a measure (年均浓度)."""
    return any(not _ANNUAL_AVERAGE.match(s, m.start()) for m in _PER_YEAR.finditer(s))


_QUOTED_RE = re.compile(r"“[^“”\n]{1,20}”|\"[^\"\n]{1,20}\"")
_GLUED_BEFORE_RE = re.compile(r"[A-Za-z0-9.第/]")
_LATIN_RE = re.compile(r"[A-Za-z]")
_NEXT_QUANTITY_RE = re.compile(r"\d|[一二两三四五六七八九十]+(?:" + _UNIT + ")")
_TRAILING_AND_RE = re.compile(r"(?:和|及|与|、|或|以及)?\s*$")
_UNIT_ASIDE_RE = re.compile(r"^\([\u4e00-\u9fff]{1,2}\)")   # a bracketed measure word right after a unit
_LEADING_AND_RE = re.compile(r"\s*(?:和|及|与|、|或|以及|并)")


#: what a unitless figure follows: a rate, coefficient, index or level and a level word (死亡率控制在0.011以内)
_UNITLESS_BEFORE = re.compile(
    rf"(?P<ending>{_alt([e['word'] for e in _V['unitless_metric_endings']])})\s*"
    rf"(?P<verb>{_alt(_V['unitless_level_verbs'])})?\s*$"
)
_UNITLESS_WHOLE = {e["word"] for e in _V["unitless_metric_endings"] if e.get("whole")}


def _unitless(text: str, m: re.Match[str]) -> bool:
    """A plain number (no unit) after a rate, coefficient, index or level and a level word: a target with a
    null unit; after a rate only a decimal (死亡率0.011), after the others a whole number too (发展指数达85)."""
    if m.group("n2") or m.group("s1") or m.group("scale") or not re.match(r"[\d.]+$", m.group("n1")):
        return False
    before = _UNITLESS_BEFORE.search(text, max(0, m.start() - 12), m.start())
    if not before or not (m.group("pre") or before.group("verb")):
        return False   # 死亡率0.011 with no level word is a mention
    if "." not in m.group("n1") and before.group("ending") not in _UNITLESS_WHOLE:
        return False
    return not re.match(r"\s*[\u4e00-\u9fffA-Za-z\d%‰]", text[m.end() : m.end() + 4])   # no unit after it


#: what a span of years follows: a lifetime or term metric and a level word (平均生存周期达到5年)
_DURATION_BEFORE = re.compile(
    rf"(?:{_alt([e['word'] for e in _V['duration_metric_endings']])})\s*"
    rf"(?P<verb>{_alt(_V['unitless_level_verbs'] + _V['duration_level_verbs'])})?\s*$"
)
_DURATION_AFTER = re.compile(rf"年(?P<suf>{_SUF})?(?![\u4e00-\u9fff\d])")
_SMALL_NUMBER = re.compile(r"\d{1,2}(?:\.\d)?|[一二两三四五六七八九十]{1,3}")


def _duration(text: str, m: re.Match[str]) -> re.Match[str] | None:
    """A small plain number + 年 after a lifetime metric and a level word (平均生存周期达到5年): the 年 and its
    comparator tail; None for every other figure before 年 (a date, a span of a plan)."""
    if m.group("n2") or m.group("s1") or m.group("scale") or m.group("u1") or m.group("unit") or m.group("mid"):
        return None
    if not _SMALL_NUMBER.fullmatch(m.group("n1")):
        return None
    after = _DURATION_AFTER.match(text, m.end("n1"))
    before = _DURATION_BEFORE.search(text, max(0, m.start() - 16), m.start())
    if not after or not before or not (m.group("pre") or before.group("verb")):
        return None
    return after


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """Short quoted labels (``“133”``, ``"415X"``): numbers inside them are names, not quantities."""
    return [(m.start(), m.end()) for m in _QUOTED_RE.finditer(text)]


def _inside_a_word(text: str, start: int, end: int) -> bool:
    """The unit word at ``start:end`` opens a longer word (人 of 人行天桥, 家 of 家庭): no unit there."""
    return bool(_CJK.match(text, end)) and (end - start) not in _word_bounds(text[start : start + 8])


def _quantities(text: str) -> list[_Qty]:
    """Numbers with a unit (or written as a percentage) in ``text``, with comparator and range.

    A scale word stays in the unit as printed (``5万家`` → 5 ``万家``); ``百分之九十五`` is 95 ``%``.
    """
    out = []
    quoted = _quote_regions(text)
    for m in _QTY.finditer(text):
        if m.group("u1") and not m.group("n2") and m.group("scale"):
            m = _QTY.match(text, m.start(), m.end("u1")) or m  # 12家千亿级企业: 千亿级 sizes the noun, no scale
        n1 = m.group("n1")
        ns = m.start("n1")
        if m.group("u1") and m.group("unit") and m.group("u1") != m.group("unit"):
            if not _inside_a_word(text, m.start("unit"), m.end("unit")):
                continue   # 100家次: two units, no figure read
            m = _QTY.match(text, m.start(), m.end("u1")) or m   # 2座人行天桥: 人 opens the noun, 座 is the unit
        if m.group("u1") and m.group("n2") and not m.group("unit"):
            continue
        base = m.group("unit") or m.group("u1")
        scale = m.group("scale") or m.group("s1") or ""
        unit = scale + base if base else (scale or ("%" if n1.startswith("百分之") else None))
        if unit and m.group("denom") and not unit.endswith(m.group("denom")):
            unit += m.group("denom")   # 507公里/万平方公里: a density
        years = None if unit else _duration(text, m)
        if not unit and not years and not _unitless(text, m):
            continue
        prev = text[ns - 1] if ns else ""
        if _GLUED_BEFORE_RE.match(prev) or _LATIN_RE.match(text, m.end()):
            continue
        if any(a < ns < b for a, b in quoted):
            continue
        if years:   # 平均生存周期达到5年: the unit is 年, the comparator its tail
            cmp_ = _comparator(m.group("pre"), None, years.group("suf"))
            out.append(_Qty(parse_number(n1), None, None, "年", cmp_, False, m.start(), years.end(),
                            not re.search(r"\d", n1), bool(m.group("pre")), years.group("suf")))
            continue
        unit_end = m.end("denom") if m.group("denom") else (
            m.end("unit") if m.group("unit") else (m.end("u1") if m.group("u1") else m.end()))
        after = text[unit_end : unit_end + 3]
        if base and any(after.startswith(w) for w in _BLOCKERS.get(base, [])):
            continue
        if not m.group("unit") and not m.group("u1") and not m.group("suf") and scale and re.match(r"[\u4e00-\u9fff]", after):
            continue  # 万 opening a word (1万人助万企 has no figure of 万)
        try:
            v1 = parse_number(n1)
            v2 = parse_number(m.group("n2")) if m.group("n2") else None
        except ValueError:
            continue
        chinese = not re.search(r"\d", n1)
        if v2 is not None:
            if v2 <= v1:
                continue
            qty = _Qty(None, v1, v2, unit, "range", False, m.start(), m.end(), chinese, bool(m.group("pre")))
        else:
            cmp_ = _comparator(m.group("pre"), m.group("mid"), m.group("suf"))
            qty = _Qty(v1, None, None, unit, cmp_, False, m.start(), m.end(), chinese, bool(m.group("pre")))
        qty.per_year = bool(m.group("per"))
        qty.suffix = m.group("suf")
        out.append(qty)
    return out


# ------------------------------------------------------------------------------------------ text helpers


def _is_clause_break(text: str, i: int) -> bool:
    ch = text[i]
    if ch in _CLAUSE_PUNCT:
        return True
    if ch == "\n":  # a newline inside a phrase (``计量\n标准``) is not a break
        j, k = i - 1, i + 1
        while j >= 0 and text[j] in " \t\r\u3000":
            j -= 1
        while k < len(text) and text[k] in " \t\r\u3000":
            k += 1
        if j < 0 or k >= len(text):
            return True
        return not (_CJK.match(text[j]) and _CJK.match(text[k])) or _heading_line_before(text, i)
    return False


#: a heading line: an outline marker, then a short title with no punctuation (一、2025年村内道路提升工程)
_HEADING_LINE = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|"
                           r"第[一二三四五六七八九十]{1,3}[章节篇部分])[^\n,，。;；:：!?！？]{1,30}$")


def _heading_line_before(text: str, nl: int) -> bool:
    """The line ending at the newline ``nl`` is a heading: its title is no part of the clause below it."""
    return bool(_HEADING_LINE.match(text, text.rfind("\n", 0, nl) + 1, nl))


def _clause_edge(text: str, pos: int, step: int, limit: int) -> int:
    """Walk from ``pos`` by ``step`` (-1 back, 1 on) to the clause break, ``limit`` included backwards and
    excluded forwards; a 、 inside brackets is no break (新(改、扩)建学校5所)."""
    opens, closes = ("(（", ")）") if step > 0 else (")）", "(（")
    i, depth = pos, 0
    while (i >= limit) if step < 0 else (i < limit):
        ch = text[i]
        if ch in opens:
            depth += 1
        elif ch in closes and depth:
            depth -= 1
        elif (not depth or ch in _SENTENCE_PUNCT) and _is_clause_break(text, i):
            break
        i += step
    return i


def _clause_start(text: str, pos: int, floor: int = 0) -> int:
    """Where the clause holding ``pos`` starts."""
    return _clause_edge(text, pos - 1, -1, floor) + 1


def _clause_end(text: str, pos: int) -> int:
    return _clause_edge(text, pos, 1, len(text))


def _sentence_start(text: str, pos: int) -> int:
    i = pos - 1
    while i >= 0 and text[i] not in _SENTENCE_PUNCT and not (text[i] == "\n" and _is_clause_break(text, i)):
        i -= 1
    return i + 1


@memoised
def _word_bounds(s: str) -> frozenset[int]:
    """Offsets in ``s`` where a jieba word (``rjieba``) ends, and the start; non-word characters end there too."""
    import rjieba

    bounds, pos = {0, len(s)}, 0
    for word in rjieba.cut(s, hmm=False):
        pos += len(word)
        bounds.add(pos)
    return frozenset(bounds)


def _peel_lead(s: str) -> tuple[str, int]:
    """Strip generic leading words; return the rest and how many characters were removed.

    Of the ways to peel, the one removing most wins (``共建立`` is 共 + 建立, not 共建 + 立).
    """
    best: dict[int, int] = {}
    bounds = _word_bounds(s)

    def reach(pos: int, depth: int = 0) -> int:
        if pos in best:
            return best[pos]
        best[pos] = pos
        steps = [len(w) for w in _LEAD_WORDS_AT.get(s[pos:pos + 1], ()) if s.startswith(w, pos)
                 and not (w == "年均" and _ANNUAL_AVERAGE.match(s, pos))]   # 年均浓度 keeps its 年均
        steps += [m.end() - pos for p in _LEAD_PATTERNS if (m := p.match(s, pos)) and m.end() > pos]
        if (n := _leading_place(s[pos:])) and _DATE_AFTER_PLACE.match(s, pos + n):
            steps.append(n)
        steps = [n for n in steps if pos + n in bounds   # never inside a word: 建成共享单车 is not 建成共 + 享单车
                 and not ((b := _BARE_MEASURE.match(s, pos + n)) and b.end() in bounds)]   # 实施率: the metric's own word
        if depth < 40:
            best[pos] = max([reach(pos + n, depth + 1) for n in steps], default=pos)
        return best[pos]

    end = reach(0)
    return s[end:], end


_PLACE = re.compile(rf"[\u4e00-\u9fff]{{2,}}(?:{_alt(_V['place_suffixes'])})")
_PLACE_TAGS = set(_V["place_tags"])
_PLACE_JOIN = re.compile(r"\s*(?:、|以及|和|及|与)\s*")
_LIST_OPENING = re.compile(r"[,，;；:：。!?]|\n(?!\s*、)")   # where a list can open (a line wrap before 、 is inside it)


@memoised
def _leading_place(s: str) -> int:
    """Length of the place name opening ``s``: a proper noun (as the segmenter tags it) ending in a place
    suffix (郑州市, 神农架林区), or one followed by the suffix alone (襄阳 + 市); else 0 (棚户区, 示范区)."""
    import rjieba

    words = rjieba.tag(s[:12], hmm=False)[:2]
    if not words or words[0][1] not in _PLACE_TAGS:
        return 0
    n = len(words[0][0])
    if _PLACE.fullmatch(s[:n]):
        return n
    return n + 1 if len(words) > 1 and len(words[1][0]) == 1 and _PLACE.fullmatch(s[: n + 1]) else 0


def _place_list(text: str, start: int, limit: int) -> tuple[int, int] | None:
    """``其中,武汉市、襄阳市、孝感市可吸入…``: a list of two or more places that runs into the clause at
    ``start``: where it starts and ends (the figure's scope, no part of its metric)."""
    seg = start
    while seg > 0 and not _LIST_OPENING.match(text, seg - 1) and start - seg < 200:
        seg -= 1
    pos = seg + _peel_lead(text[seg:limit])[1]
    first, count = pos, 0
    while n := _leading_place(text[pos:limit]):
        count, pos = count + 1, pos + n
        join = _PLACE_JOIN.match(text, pos, limit)
        if not join or not _leading_place(text[join.end() : limit]):
            break
        pos = join.end()
    return (first, pos) if count >= 2 and pos > start else None


def _dated_place(s: str) -> str | None:
    """The place opening a phrase before a date (``武汉市2017年细颗粒物…`` → 武汉市): the figure's scope."""
    for m in _DATE_AFTER_PLACE.finditer(s):
        head = s[: m.start()].rstrip()
        for i in range(max(0, len(head) - 8), len(head) - 1):
            if _leading_place(head[i:]) == len(head) - i:
                return head[i:]
    return None


#: tags of a first word that opens a prepositional or adverbial phrase (对于, 从严, 以上), not a noun
_OPENER_TAGS = {"p", "c", "d", "f"}


def _preposition_first(s: str, chars: str) -> bool:
    """``s`` opens with a preposition of ``chars`` (在全市…, 比上年…, 对于…): the character is a word of its
    own or opens a prepositional word; a noun that merely starts with it (从业人员, 在校学生, 比重) does not."""
    if not s or s[0] not in chars:
        return False
    import rjieba

    word, tag = rjieba.tag(s[:12], hmm=False)[0]
    return len(word) == 1 or tag in _OPENER_TAGS


def _peel_trail(s: str) -> str:
    while True:
        m = _TRAIL.search(s)
        if not m or not m.group():
            return s
        s = s[: m.start()]


def _clean(s: str) -> str:
    s = re.sub(r"[\s“”\"'《》〈〉的▲△■□●○◆◇★☆▶►•]", "", s)   # bullet and mark glyphs are no part of a metric
    return s.strip(",、:;-—").removesuffix("等")


_AT_LEAST = re.compile(r"(?:至少|最少)[\u4e00-\u9fff]{0,8}$")  # 至少新增学位1000个, 每个街道至少建成1个


_MEASURE_END = re.compile(rf"(?:{_alt(_V['measure_endings'])})$")


def metric_name(core: str, unit: str | None) -> str:
    """A metric noun phrase: counts of things get ``数量`` (people ``人数``) unless the phrase says it."""
    core = _clean(core)
    kind = unit_kind(unit)
    if not core or kind in ("rate", "measure", None) or _MEASURE_END.search(core):
        return core
    return core + _V["metric_suffix"].get(kind, "")


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _norm(s: str) -> str:
    return re.sub(r"[\s()（）\[\]【】、,.:;“”\"'《》—–\-~]", "", s)


def dice(a: str, b: str) -> float:
    """Character-bigram Dice similarity of two metric names (1.0 when one contains the other)."""
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    ga = {a[i : i + 2] for i in range(len(a) - 1)} or {a}
    gb = {b[i : i + 2] for i in range(len(b) - 1)} or {b}
    return 2 * len(ga & gb) / (len(ga) + len(gb))


# ------------------------------------------------------------------------------------------------ prose


def find_targets(text: str) -> list[TargetMatch]:
    """Quantitative targets printed in a piece of prose (offsets relative to ``text``).

    A target is a number with a unit whose metric is the noun phrase before it (``覆盖率达到95%以上``,
    ``建成社会公用计量标准3900项以上``), after it (``每年不少于10家重点用能单位能源计量审查``), or — for
    list items sharing a verb (``建设1个、参与共建1~2个``) or a bare ``每年不少于20个`` — the metric of the
    item or clause before. Labels and codes in quotes, dates, ordinals, past facts (``已``/``了``), counts of
    list headings (``三项保障措施``, ``等4个方面``) and Chinese numerals without a comparator are skipped.
    """
    qtys = _quantities(text)
    out, covered = _respectively(text, qtys)
    last: dict | None = None  # previous target of the current sentence
    for q in qtys:
        if q.start in covered:
            continue
        sent_start = _sentence_start(text, q.start)
        if _schedule_step(text, q.start) or _in_document_title(text, q.start, q.end):
            continue
        share = _share(text, q, sent_start)
        if share:
            out.append(share)
            covered.update(x.start for x in qtys if share.start < x.start < share.end)  # its goal's own figure
            continue
        if last and last["sentence"] != sent_start:
            last = None
        clause_start = _clause_start(text, q.start)
        floor = max(clause_start, last["end"]) if last and last["end"] > clause_start else clause_start
        pre_raw = text[floor : q.start]
        post_end = _clause_end(text, q.end)
        post_raw = text[q.end : post_end]
        nxt = _NEXT_QUANTITY_RE.search(post_raw)
        post_raw = post_raw[: nxt.start()] if nxt else post_raw
        duty = _RESPONSIBILITY_NOTE.search(post_raw)   # …标准化建设(县卫健局牵头): who acts, not the metric
        post_raw = post_raw[: duty.start()] if duty else post_raw
        post_raw = _TRAILING_AND_RE.sub("", post_raw)
        aside = _UNIT_ASIDE_RE.match(post_raw)   # 3000套(间): another word for the unit
        skip = aside.end() if aside else 0
        post_raw = post_raw[skip:]
        noted = _BRACKET_AFTER.match(post_raw)   # 69%(市教育局负责): a note or a responsibility after the figure,
        if noted and _PAGE_NOTE.match(text, q.end + skip + noted.end()):   # not its metric; 45篇(第11/58页) is a page count
            continue
        post_raw = "" if noted else post_raw
        if _LEADING_AND_RE.match(post_raw):
            post_raw = ""  # the next item of a list, not this figure's metric
        post = _clean(post_raw)
        if _PAST.search(text[clause_start : q.start]) or _STATUS.search(text[sent_start : q.start]):
            continue
        if _LIST_LEAD.search(pre_raw) or (post and _HEADING_NOUN.match(post)):
            continue
        if _policy_parameter(text, q, clause_start, sent_start, pre_raw, post_raw):
            continue
        if q.comparator == "range" and q.unit == "岁":
            continue  # 组织16-24岁失业青年…: an age group, not a goal
        has_cmp = q.has_pre or q.comparator != "=" or q.per_year
        if q.chinese and not (has_cmp or re.search(r"达到|达$", pre_raw.rstrip())):
            continue
        if q.chinese and q.value == 1:
            continue
        places = _place_list(text, clause_start, q.start) if floor == clause_start else None
        if places:   # 武汉市、孝感市可吸入颗粒物年均浓度…: the places are the scope, the metric follows them
            floor, pre_raw = places[1], text[places[1] : q.start]
        lead_text, _ = _peel_lead(_peel_trail(pre_raw))
        pre_metric = _clean(lead_text)
        core, head = None, None   # the metric phrase as printed before the figure; a head shared by subjects
        core_named = None         # a metric phrase made from the one before (the next stage of the same things)
        verb_before = bool(_VERB_END.search(pre_raw)) or q.has_pre or (
            unit_kind(q.unit) == "count" and bool(_ACTION_TAIL.search(post)))
        quote_start = floor + len(pre_raw) - len(pre_raw.lstrip())
        if post and (verb_before or (not pre_metric and last and last["mode"] == "post")):
            if len(post) > _MAX_METRIC // 2 + 10:
                continue
            metric, mode = metric_name(post, q.unit), "post"
            quote_start = _post_quote_start(text, floor, q.start)
            end = q.end + skip + len(post_raw.rstrip())
        elif post:
            continue  # noun-number-noun (``对国家确定的20种计量器具``) is a mention, not a target
        else:
            end, mode = q.end, "pre"
            head = _subject_head(last, pre_metric, q.unit) if last and not places else None
            if head:   # 年度巩固率小学为100%、初中在98%以上: a metric printed once, then a subject per figure
                metric = f"{metric_name(head, q.unit)}({pre_metric})"
            elif last and last["unit"] == q.unit and (
                    stage := _next_stage(last["core"], pre_metric or _clean(_peel_trail(pre_raw)))):
                core_named = stage   # 改造项目开工400套,建成400套 → 改造项目建成数量
                metric = metric_name(stage, q.unit)
                quote_start = floor + len(pre_raw) - len(pre_raw.lstrip())
            elif pre_metric and not _preposition_first(pre_metric, "对在从向把按据以于比较") and len(pre_metric) <= _MAX_METRIC:
                core = pre_metric
                metric = metric_name(pre_metric, q.unit)
                removed = _peel_lead(pre_raw)[1]
                scopes = list(_SCOPE.finditer(pre_raw[:removed]))
                quote_start = floor + (scopes[-1].start() if scopes else removed)
                quote_start = _skip_time(text, quote_start, q.start)
                if quote_start and text[quote_start - 1] == "“" and "”" in text[quote_start : q.start]:
                    quote_start -= 1
            elif last and (total := _TOTAL.match(pre_raw)):
                metric = re.sub(r"(?:数量|人数)$", "", last["metric"]) + total.group(1)  # …15万个以上,总数达到30万个
                quote_start = floor + len(pre_raw) - len(pre_raw.lstrip())
            elif last and places:   # 洛阳市、南阳市不低于45%: the metric before, without its own place
                metric = last["metric"][_leading_place(last["metric"]) :]
            elif last:
                qualifier = _clean(_peel_trail(pre_raw))
                metric = last["metric"] + (f"({qualifier})" if qualifier and len(qualifier) <= 8 else "")
                quote_start = floor + len(pre_raw) - len(pre_raw.lstrip())
            else:
                prev = _previous_clause(text, clause_start, sent_start)
                if not prev or _LIST_LEAD.search(prev[0]):
                    continue
                metric, quote_start = metric_name(prev[0], q.unit), prev[1]
        comparator = q.comparator
        if comparator == "=" and _AT_LEAST.search(pre_raw.rstrip()):
            comparator = ">="
        if q.unit in _RANK_UNITS and pre_raw.rstrip().endswith("前"):   # 进入全国前40位: a rank of at most 40
            core = _RANK_FRAME.sub("", _clean(pre_raw))
            if len(core) < 2:
                continue   # 跃居全省前40位 after a clause: no subject of its own
            metric, comparator = core + "排名", "<="
        metric = re.sub(r"^(?:至少|最少)", "", metric)
        inner = _INNER_YEAR.search(metric)   # 项目2021年二期计划投资: the date is the target's year, not its name
        metric = metric[: inner.start()] + metric[inner.end() :] if inner else metric
        if not metric:
            continue
        window = text[sent_start : q.end]
        mentions = goal_year_mentions(window)
        year = mentions[-1].year if mentions else _opening_year(text, sent_start, clause_start)
        year = year or (year_value(inner.group("y")) if inner else None)
        clause_text = text[clause_start:end]
        scope_m = _SCOPE.search(clause_text) or _SCOPE.search(text[sent_start:_clause_end(text, sent_start)])
        scope = scope_m.group() if scope_m else None
        if places:
            quote_start, scope = places[0], re.sub(r"\s", "", text[places[0] : places[1]])
        elif not scope_m and core and (dated := _dated_place(pre_raw)):
            scope = dated
        per_year_lead = _per_year_cue(text[clause_start : q.start])
        cumulative = bool(re.search("累计", text[clause_start : q.start]))
        # 平均每年新增就业6万人,培训农民2万人: a per-year lead holds for the like figures listed after it
        per_year_lead = per_year_lead or bool(
            last and last["per_year_lead"] and last["unit"] == q.unit and not cumulative
            and not re.search(rf"(?:{YEAR})年", text[clause_start : q.start]))
        per_year = q.per_year or per_year_lead
        match = TargetMatch(
            metric=metric, value=q.value, low=q.low, high=q.high, unit=q.unit, comparator=comparator,
            per_year=per_year, cumulative=cumulative, year=year, scope=scope, start=quote_start, end=end, quote=text[quote_start:end],
        )
        out.append(match)
        if core and floor == clause_start and not places:   # 小学、初中入学率稳定在100%: one target per subject
            out.extend(_listed_subjects(text, match, core, clause_start, sent_start, pre_raw))
        last = {"sentence": sent_start, "end": end, "metric": metric, "mode": mode, "per_year_lead": per_year_lead,
                "unit": q.unit, "core": core or core_named, "head": head, "match": match}
    return sorted(out, key=lambda t: (t.start, t.end))


_TITLE_TAIL = re.compile(rf"[^。;；,，\n]{{0,40}}?的(?:{_alt(_V['title_endings'])})(?![\u4e00-\u9fff])")


def _in_document_title(text: str, start: int, end: int) -> bool:
    """``关于2024年实施47项民生实事的通知``: a figure in a document's name (关于 … 的通知 on one line) is no target."""
    line_start = text.rfind("\n", 0, start) + 1
    opener = text.rfind("关于", line_start, start)
    return opener >= 0 and not any(ch in "。;；,，" for ch in text[opener:start]) and bool(_TITLE_TAIL.match(text, end))


#: a step of a dated schedule: a month or quarter deadline (6月底前, 三季度末前)
_STEP = re.compile(rf"(?:{MONTH}|(?:{QUARTER})(?:末|底)?)\s*(?:前|以前|之前)")


def _schedule_step(text: str, pos: int) -> bool:
    """``资金须于6月底前下达60%以上、9月底前下达80%以上``: a figure whose clause opens at a month deadline, in a
    sentence of two or more such steps, is a step of one action's schedule, no target of its own."""
    clause = _clause_start(text, pos)
    if not _STEP.search(text, clause, pos):
        return False
    start = pos
    while start > 0 and text[start - 1] not in "。!?" and not (text[start - 1] == "\n" and _is_clause_break(text, start - 1)):
        start -= 1
    end = _clause_end(text, pos)
    while end < len(text) and text[end] not in "。!?" and not (text[end] == "\n" and _is_clause_break(text, end)):
        end += 1
    return len(_STEP.findall(text, start, end)) >= 2


_STAGE_END = re.compile(rf"(?:{_alt(_V['stage_verbs'])})$")


def _next_stage(core: str | None, qualifier: str) -> str | None:
    """``改造项目开工`` and ``建成``: the things of the metric before at another stage (改造项目建成; 加装电梯 and
    完工: 加装电梯完工); None when the qualifier is no stage or there is no metric before."""
    if not core or not _STAGE_END.fullmatch(qualifier):
        return None
    stage = _STAGE_END.search(core)
    return core[: stage.start()] + qualifier if stage and stage.start() > 0 else core + qualifier


_SUBJECT_HEAD = re.compile(rf"(?:{_alt(_V['subject_heads'])})$")
_NOT_SUBJECT = re.compile(rf"^(?:{_alt(_V['not_subjects'])})$|(?:{_alt(_V['not_subject_endings'])})$")
_ALL_OF_THEM = re.compile(_alt(_V["all_of_them"]))


def _is_subject(s: str) -> bool:
    """A short noun a shared metric is given for (小学, 初中, 城市): a few characters, no figure, no metric
    word, no scope or lead word, no organisation."""
    return (0 < len(s) <= 6 and all(_CJK.match(ch) for ch in s) and not _MEASURE_END.search(s)
            and not _SUBJECT_HEAD.search(s) and not _NOT_SUBJECT.search(s) and _peel_lead(s)[0] == s
            and not _leading_place(s))


def _head_and_subject(core: str) -> tuple[str, str] | None:
    """``年度巩固率小学`` → (年度巩固率, 小学): a rate or count head with a subject printed after it."""
    bounds = _word_bounds(core)
    for b in sorted(bounds, reverse=True):
        if 0 < b < len(core) and _SUBJECT_HEAD.search(core[:b]) and _is_subject(core[b:]):
            return core[:b], core[b:]
    return None


def _subject_head(last: dict, subject: str, unit: str | None) -> str | None:
    """The metric head a bare subject before a figure takes from the target before it in its sentence
    (年度巩固率小学为100%、初中在98%以上 → 年度巩固率); the earlier target is renamed 年度巩固率(小学) the
    first time, when a second subject confirms the pattern."""
    if last["unit"] != unit or last["mode"] != "pre" or not _is_subject(subject):
        return None
    if last.get("head"):
        return last["head"]
    split = _head_and_subject(last["core"]) if last.get("core") else None
    if split is None:
        return None
    last["match"].metric = f"{metric_name(split[0], unit)}({split[1]})"
    return split[0]


def _listed_subjects(text: str, match: TargetMatch, core: str, clause_start: int, sent_start: int,
                     pre_raw: str) -> list[TargetMatch]:
    """``小学、初中入学率稳定在100%``: short subjects listed with 、 before a rate whose head they share each get
    the figure (小学入学率, 初中入学率); a quote from the subject to the figure. Not for 均 (one metric for the
    list, 猪、牛、羊定点屠宰率均达85%), counts (a sum) or places (a scope)."""
    if clause_start <= sent_start or text[clause_start - 1] != "、" or unit_kind(match.unit) not in ("rate", None):
        return []
    if _ALL_OF_THEM.search(pre_raw[len(_peel_trail(pre_raw)) :]):
        return []
    items: list[tuple[str, int]] = []
    pos = clause_start - 1
    while True:
        start = _clause_start(text, pos, sent_start)
        raw = text[start:pos]
        opens = start <= sent_start or text[start - 1] != "、"
        removed = len(raw) - len(raw.lstrip()) + (_peel_lead(raw.strip())[1] if opens else 0)
        name = _clean(raw[removed:])
        if not _is_subject(name):
            return []
        items.append((name, start + removed))
        if opens:
            break
        pos = start - 1
    # the last subject is the word opening the metric phrase, as long as a listed one: unlike items
    # (小学、初中、普通高中毛入学率) leave the head unknown
    cut = min(b for b in _word_bounds(core) if b > 0)
    head = core[cut:]
    if all(len(name) != cut for name, _ in items) or not _is_subject(core[:cut]) or len(head) < 2:
        return []
    if not _SUBJECT_HEAD.search(head) or head[0] in CN_NUMERALS:
        return []   # 市、县两级财政投入增长率: a numeral after the list counts it as one whole
    return [replace(match, metric=metric_name(name + head, match.unit), start=start, quote=text[start : match.end])
            for name, start in reversed(items)]


_RANK_UNITS = ("位", "名", "强")
# the frame of a rank (稳居全省前, 进入全国前): dropped from the metric, which becomes …排名
_RANK_FRAME = re.compile(r"^(?:力争|争取|确保)?(?:进入|跻身|位居|位列|稳居|跃居|保持)|"
                         r"(?:进入|跻身|位居|位列|稳居|跃居|保持|居|列)?(?:全国|全省|全市|全区|全球|世界|国内|省内)?前$")
_RESPONSIBILITY_NOTE = re.compile(
    rf"\s*[(（〔【][^()（）〔〕【】]*?(?:{_alt(_V['responsibility_cues'])})[^()（）〔〕【】]*[)）〕】]")
_BRACKET_AFTER = re.compile(r"\s*[(（〔\[【]")   # a bracket right after a figure opens a note or a clause
_PAGE_NOTE = re.compile(r"第?\s*\d+\s*(?:/\s*\d+\s*)?页")
_LIST_SPLIT = re.compile(r"\s*(?:、|以及|和|及|与)\s*")
_SHARED_HEAD = re.compile(_alt(_V["shared_heads"]))
_DEADLINE = rf"(?:到|至)?(?:{YEAR})年(?:底|末)?(?:前)?"
#: 到2023年底和2030年: one goal year per figure of a 分别 list that names one metric
_YEAR_LIST = re.compile(rf"{_DEADLINE}(?:\s*(?:和|、|及|与|以及)\s*{_DEADLINE})+")
_SHARE_VERBS = _alt(_V["share_verbs"])


_PAIRS: dict[str, list[str]] = _V["respectively_pairs"]


def _paired_groups(name: str) -> list[str] | None:
    """``城乡居民人均可支配收入`` → 城镇居民…, 农村居民…: a name opening with a word for two groups, one name each."""
    pair = next((w for w in sorted(_PAIRS, key=len, reverse=True) if name.startswith(w)), None)
    return [g + name[len(pair):] for g in _PAIRS[pair]] if pair and len(name) > len(pair) else None


def _respectively(text: str, qtys: list[_Qty]) -> tuple[list[TargetMatch], set[int]]:
    """``A、B和C分别达到15%、10%和26%``: one target per listed metric, in order (a head noun printed only on
    the last name is shared: ``城市、县城和乡镇污水处理率`` → 城市污水处理率, …)."""
    out: list[TargetMatch] = []
    covered: set[int] = set()
    for m in re.finditer("分别", text):
        names_start = max(text.rfind(ch, 0, m.start()) for ch in ",，;；。:：\n") + 1
        lead, removed = _peel_lead(text[names_start : m.start()])
        names = [_clean(n) for n in _LIST_SPLIT.split(_peel_trail(lead)) if _clean(n)]
        run: list[_Qty] = []
        pos = m.end()
        for q in qtys:
            if q.start < pos:
                continue
            gap = text[pos : q.start]
            if not run and re.fullmatch(r"[^\d,，。;；\n]{0,8}", gap) or run and re.fullmatch(r"\s*(?:、|,|，|和|及|与|以及)\s*", gap):
                run.append(q)
                pos = q.end
            else:
                break
        sent_start = _sentence_start(text, m.start())
        years = [None] * len(run)
        listed = _YEAR_LIST.search(text, sent_start, names_start)
        if len(names) == 1 and listed:   # 到2023年底和2030年,…水平分别不低于24%和30%: one metric, a year each
            years = [year_value(y) for y in re.findall(rf"({YEAR})年", listed.group())]
            names = names * len(years)
        elif len(names) == 1 and len(run) == 2:   # 城乡居民人均可支配收入分别增长6%、6.5%: one name, two groups
            names = _paired_groups(names[0]) or names
        if len(run) < 2 or len(run) != len(names) or len(years) != len(run):
            continue
        if _NOT_TARGET.search(text[names_start : _clause_end(text, run[-1].end)]):
            covered.update(q.start for q in run)  # 分别给予100万元、50万元奖励: a policy parameter, no target
            continue
        qlen = len(names[0])
        if _MEASURE_END.search(names[-1]) and len(names[-1]) > qlen:
            head = names[-1][qlen:]
            names = [n if _MEASURE_END.search(n) else n + head for n in names[:-1]] + names[-1:]
        if (shared := _SHARED_HEAD.match(names[0])):
            names = names[:1] + [n if _SHARED_HEAD.match(n) else shared.group() + n for n in names[1:]]
        cmp_ = next((q.comparator for q in reversed(run) if q.comparator != "="), "=")
        mentions = goal_year_mentions(text[sent_start : run[-1].end])
        year = mentions[-1].year if mentions else _opening_year(text, sent_start, names_start)
        per_year = _per_year_cue(text[names_start : m.end()])
        scope = _SCOPE.search(text, names_start, m.start())
        for name, q, listed_year in zip(names, run, years, strict=True):
            out.append(TargetMatch(
                metric=metric_name(name, q.unit), value=q.value, low=q.low, high=q.high, unit=q.unit,
                comparator=q.comparator if q.comparator != "=" else cmp_, per_year=per_year, cumulative=False,
                year=listed_year or year, scope=scope.group() if scope else None, start=q.start, end=q.end, quote=text[q.start : q.end],
            ))
            covered.add(q.start)
    return out, covered


_CHANGED_BY = re.compile(r"(?:增长|增加|提高|提升|下降|降低|减少|达到|达|占|超过|不低于|不少于|为)\s*$")


def _share(text: str, q: _Qty, sent_start: int) -> TargetMatch | None:
    """``全市80%以上的学校达到标准化建设要求``: the share of a population that meets a goal; the population
    may stand before the figure (``随迁子女100%保障入学`` → 随迁子女保障入学比例)."""
    if unit_kind(q.unit) != "rate":
        return None
    clause_start = _clause_start(text, q.start)
    start, subject = q.start, ""
    m = re.match(rf"的(?P<noun>[\u4e00-\u9fff]{{1,12}}?)(?P<pred>(?:{_SHARE_VERBS})[^,，。;；\n]{{1,30}})", text[q.end :])
    if m is None and not _CHANGED_BY.search(text[max(sent_start, q.start - 4) : q.start]):
        # without 的 (90%以上乡镇实现…) only a short noun, and not after a change (增长8%以上企业…)
        m = re.match(rf"(?P<noun>[\u4e00-\u9fff]{{0,6}}?)(?P<pred>(?:{_SHARE_VERBS})[^,，。;；\n]{{1,30}})", text[q.end :])
        if m and not m.group("noun"):   # 随迁子女100%保障入学: the population is the clause before the figure
            raw = text[clause_start : q.start]
            rest, removed = _peel_lead(raw.strip())
            subject = _clean(rest)
            if not subject or _MEASURE_END.search(subject) or _TARGET_VERB.search(raw.rstrip()):
                return None   # 覆盖率100%实现…, 完成100%…: a figure of its own metric, no share
            start = clause_start + len(raw) - len(raw.lstrip()) + removed
    if not m or _STATUS.search(text[sent_start : q.start]) or _PAST.search(text[q.end : q.end + m.end()]):
        return None
    metric = subject + _clean(m.group("pred")) + m.group("noun") + "比例"
    mentions = goal_year_mentions(text[sent_start : q.end])
    year = mentions[-1].year if mentions else _opening_year(text, sent_start, clause_start)
    scope = _SCOPE.search(text[clause_start : q.start])
    end = q.end + m.end()
    return TargetMatch(metric=metric, value=q.value, low=q.low, high=q.high, unit=q.unit, comparator=q.comparator,
                       per_year=False, cumulative=False, year=year, scope=scope.group() if scope else None,
                       start=start, end=end, quote=text[start:end])


_TOTAL = re.compile(r"\s*(总数|总量|总规模|总计|总数量)")
#: what may stand before a year opening a clause: a list marker, an enumerator (四是), a scope or place (全市, 武汉市)
_BEFORE_OPENING_YEAR = (rf"\s*(?:{_ITEM_MARKER})?\s*(?:[一二三四五六七八九十]是|{_alt(_V['metric_enumerators'])})?\s*"
                        rf"(?:(?:全|[\u4e00-\u9fff]{{2,5}})(?:{_alt(_V['place_suffixes'])}))?")
_OPENING_YEAR = re.compile(rf"{_BEFORE_OPENING_YEAR}\s*(?:在|于)?(?:(?:{YEAR})年?\s*[—–\-~至]\s*)?(?P<y>{YEAR})年(?!\s*\d{{1,2}}月|[一二三四五六七八九十]{{1,2}}月|度|以来|底前|前)")


def _opening_year(text: str, sent_start: int, clause_start: int) -> int | None:
    """A year opening the target's own clause or sentence (``2011年再提高标准100元``, ``2008年,粮食…``)."""
    for start in (clause_start, sent_start):
        m = _OPENING_YEAR.match(text, start)
        if m and not _PAST.search(text[m.end() : _clause_end(text, m.end())]):
            return year_value(m.group("y"))
    return None


def _policy_parameter(text: str, q: _Qty, clause_start: int, sent_start: int, pre_raw: str, post_raw: str) -> bool:
    """Figures that are not targets: subsidies, rewards, caps and fund sizes (a cue in the sentence), an
    eligibility condition (``对…``, ``…以上的项目``), an existing stock or a comparison base (``50个现有…``,
    ``…100元的基础上``)."""
    clause = text[clause_start : _clause_end(text, q.end)]
    if _NOT_TARGET.search(clause) and not _counted_beside_a_subsidy(clause, q, clause_start) and not (
            _fund_won_or_spent(clause, q.start - clause_start)):
        return True
    rest = text[q.end : _sentence_end(text, q.end)]
    cond = re.search(r"的\s*[,，]", rest)
    if cond and _SUBSIDY_VERB.match(rest[cond.end() :].lstrip()[:6]) or cond and _SUBSIDY_VERB.search(rest[cond.end() :][:12]):
        return True  # …1000吨标准煤以上…的, 给予100万元奖励: the whole condition is a policy parameter
    if _CONDITION.match(_strip_marker(text[sent_start:q.start])) and _SUBSIDY_VERB.search(rest):
        return True  # 对…超过30GB的新建5G基站,省财政给予…补贴
    if _CONDITION.match(text[clause_start : q.start]):
        return True
    if unit_kind(q.unit) == "rate" and _COST_SHARE.search(pre_raw):
        return True  # 通过调整价格补偿80%: the share of a cost a means covers
    after = text[q.end : q.end + 12].lstrip()
    if _NOT_AFTER.match(after) or _NOT_AFTER.match(post_raw.lstrip()):
        return True
    if q.suffix in _GE_SUF + _LE_SUF and re.match(r"[ \u3000]*的?[\u4e00-\u9fff]", text[q.end : q.end + 12]) and (
            not _TARGET_VERB.search(pre_raw) or _LATER_FIGURE.search(text, q.end, _clause_end(text, q.end))):
        return True  # 年发运量5万吨以上车站, 建成1000平方米以上服务中心5个: a condition on the noun
    return bool(post_raw.strip() and pre_raw.rstrip().endswith("的"))  # 潜力较大的30个…县 describes a noun


_FUND_WORDS = {e["word"] for e in _V["not_target"]["fund"]}
_FUND_WON = re.compile(_alt(_V["fund_won_verbs"]))
_FUND_SPENDS = re.compile(rf"(?:{_alt(sorted(_FUND_WORDS))})[\u4e00-\u9fff]{{0,4}}?(?:{_alt(_V['fund_activity_words'])})$")


def _fund_won_or_spent(clause: str, figure: int) -> bool:
    """A fund word is the only not-target word of the clause, and the figure (at ``figure`` in it) is money the
    plan wins (争取…专项资金13亿元以上: the verb before the fund) or what the fund does (基金投资超10亿元)."""
    hits = list(_NOT_TARGET.finditer(clause))
    if not hits or any(h.group() not in _FUND_WORDS or h.start() > figure for h in hits):
        return False   # 设立规模10亿元的产业基金: the figure sizes a fund named after it
    won = _FUND_WON.search(clause, 0, hits[0].start())
    if won and not _TARGET_VERB_IN.search(clause, won.end(), hits[0].start()):   # 争取设立产业基金10亿元: a size
        return True
    return bool(_FUND_SPENDS.search(_peel_trail(clause[:figure])))


_MONEY = re.compile(rf"(?:{ARABIC}|[{CN_NUMERALS}]+)\s*(?:{_SCALE})?\s*(?:美元|元)")


def _counted_beside_a_subsidy(clause: str, q: _Qty, clause_start: int) -> bool:
    """A count of things or people in a clause that names a subsidy, reward or fund (开展补贴性职业培训2975人次):
    the number of things done, not the policy parameter. The subsidy itself is a money figure or a share, and a
    clause that prints one (每吸纳1人给予2000元补贴), a cap (每户补贴不超过2台) or a count per unit (每…1人)
    stays a parameter."""
    if unit_kind(q.unit) not in ("count", "person") or q.comparator == "<=" or _MONEY.search(clause):
        return False
    return not re.search(r"每[\u4e00-\u9fff]{0,6}$", clause[: q.start - clause_start])


def _strip_marker(s: str) -> str:
    return re.sub(rf"^\s*(?:{_ITEM_MARKER}\s*)?(?:[^。;,]{{0,20}}?[。])?", "", s)


def _sentence_end(text: str, pos: int) -> int:
    i = pos
    while i < len(text) and text[i] not in _SENTENCE_PUNCT and not (text[i] == "\n" and _is_clause_break(text, i)):
        i += 1
    return i


def _skip_time(text: str, start: int, limit: int) -> int:
    """Move a quote start past a leading date phrase (``到2025年,``) kept inside the clause."""
    m = re.match(rf"\s*(?:展望)?(?:到|至|在|于)?(?:{YEAR})年(?:底|末)?(?:前|以前|之前)?\s*", text[start:limit])
    return start + m.end() if m and m.end() < limit - start else start


def _post_quote_start(text: str, floor: int, qstart: int) -> int:
    """Start of the verb/comparator chain that introduces a number followed by its metric."""
    s = text[floor:qstart]
    chain = re.compile(
        r"(?:" + _alt(_GE_PRE + _LE_PRE + _APPROX_PRE) + r"|每年|年均|平均每年|累计|力争|争取|新建|新增|建成|建设|"
        r"培育|引导|创建|建立|认定|打造|培养|引进|设立|研制|研发|组建|共建|筹建|达到)\s*$"
    )
    cut = len(s)
    while True:
        m = chain.search(s[:cut])
        if not m or not m.group():
            break
        cut = m.start()
    return floor + cut if cut < len(s) else qstart


def _previous_clause(text: str, clause_start: int, sent_start: int) -> tuple[str, int] | None:
    """The object of the clause before (``抓好一批地方计量技术法规的制修订,每年不少于20个``)."""
    if clause_start - 1 <= sent_start:
        return None
    prev_start = _clause_start(text, clause_start - 1, sent_start)
    core, removed = _peel_lead(text[prev_start : clause_start - 1])
    core = _clean(_peel_trail(core))
    if not core or len(core) > _MAX_METRIC or _preposition_first(core, "对在从向把按据以于"):
        return None
    return core, prev_start + removed


# ------------------------------------------------------------------------------------------------ tables

_BASELINE = re.compile(r"基期|现状|基数|基准|实际|完成|现有|基础值")
_YEAR_IN_HEADER = re.compile(rf"(?P<y>{YEAR})年?")
_ATTRIBUTE = re.compile(r"预期性|约束性|指导性")
_LABEL_HEADER = re.compile(r"指标|名称|项目|内容")
_LABEL_UNIT = re.compile(r"[(（](" + _UNIT + r")[)）]\s*$")
_BARE = re.compile(rf"^\s*(?P<pre>{_PRE})?\s*(?P<n>{NUMBER})\s*(?P<suf>{_SUF})?\s*$")
_ROW_NUMBER = re.compile(r"[(（]?(?:\d{1,4}|[一二三四五六七八九十]{1,3})[)）.、]?")  # a row's 序号 cell

Cell = tuple[str, int, int]


@dataclass
class _TableTarget:
    match: TargetMatch
    spans: list[tuple[int, int]]


def _header_year(cell: str, known_years: set[int]) -> int | None:
    """The target year of a column header (``2026年达到指标`` → 2026); None for baselines and others."""
    m = _YEAR_IN_HEADER.search(cell)
    if not m or _BASELINE.search(cell):
        return None
    return year_value(m.group("y"))


def _cell_targets(label: Cell, value: Cell, year: int | None, label_unit: str | None) -> list[_TableTarget]:
    """Targets in one value cell of an indicator row."""
    text, vs, ve = value
    if _ROW_NUMBER.fullmatch(label[0].strip()):  # a row's 序号 cell names nothing: the value cell names itself
        label = ("", vs, vs)
    name = _LABEL_UNIT.sub("", label[0]).strip()
    name = _peel_lead(name)[0] or name
    per_year_label = _per_year_cue(name)
    out: list[_TableTarget] = []
    qtys = _quantities(text)
    if not qtys and label_unit:
        m = _BARE.match(text)
        if m:
            qtys = _quantities(text[: m.end("n")] + label_unit + text[m.end("n") :])
            for q in qtys:
                q.end = min(q.end, len(text))
    prev_end = 0
    for q in qtys:
        raw_qual = text[prev_end : q.start].strip()
        qual = _clean(_peel_lead(raw_qual)[0])
        base = metric_name(name, q.unit)
        if qual and not name:  # no label (a row's 序号 cell): the value cell's own words are the metric
            metric = metric_name(qual, q.unit)
        elif qual:
            metric = qual + base
        elif _clean(raw_qual) and _clean(raw_qual) not in ("建设", "达到", "新增"):
            metric = f"{base}({_clean(raw_qual)})"
        else:
            metric = base
        prev_end = q.end
        tm = TargetMatch(
            metric=metric, value=q.value, low=q.low, high=q.high, unit=q.unit, comparator=q.comparator,
            per_year=q.per_year or per_year_label or _per_year_cue(text), cumulative="累计" in name,
            year=year, scope=_SCOPE.search(name).group() if _SCOPE.search(name) else None,
            start=min(label[1], vs), end=ve, quote="",
        )
        out.append(_TableTarget(tm, [(min(label[1], vs), ve)]))
    return out


def _is_value_cell(cell: str) -> bool:
    return bool(_quantities(cell)) or bool(_BARE.match(cell))


def table_targets(
    rows: Sequence[Sequence[Cell]], year_hint: int | None = None, known_years: set[int] | None = None
) -> list[_TableTarget]:
    """Targets of an indicator table: one per (row, target-year column) and per value in a cell.

    ``rows`` are rows of ``(cell_text, start, end)``; a broken table given one cell per row is read as a
    flat run of cells (header cells, then label / value cells). ``year_hint`` is the year in force where the
    table sits, used when no column header names one.
    """
    known_years = known_years or set()
    filled = [[c for c in r if c[0].strip()] for r in rows]
    filled = [r for r in filled if r]
    if not filled:
        return []
    multi = sum(len(r) > 1 for r in filled)
    if multi < max(2, len(filled) // 2):
        return _flat_table([c for r in filled for c in r], year_hint, known_years)
    return _grid_table([list(r) for r in rows if any(c[0].strip() for c in r)], year_hint, known_years)


_HEADER_WORD = re.compile(
    r"(?:序号|领域|类别|分类|指标|指标名称|名称|项目|内容|单位|计量单位|属性|指标属性|备注|目标值|目标|现状值|"
    r"基期值|类型|主要指标|具体指标)"
)


def _flat_table(cells: list[Cell], year_hint: int | None, known_years: set[int]) -> list[_TableTarget]:
    """A table that arrived as a flat run of cells: header words and year headers, then label / value runs."""
    columns: list[int | None] = []  # one per year header; None marks a baseline column
    bare: list[int] = []            # the columns headed by a year alone (2020年)
    out: list[_TableTarget] = []
    label: Cell | None = None
    col = 0
    label_targets: list[_TableTarget] = []
    for cell in cells:
        text = cell[0].strip()
        if _ATTRIBUTE.fullmatch(text):
            for t in label_targets:
                t.match.attribute = text
            continue
        if not _quantities(text) and _YEAR_IN_HEADER.search(text) and label is None:
            if re.fullmatch(rf"(?:{YEAR})年?", text):
                bare.append(len(columns))
            columns.append(_header_year(text, known_years))
            continue
        if label is None and len([c for c in columns if c is not None]) >= 2 and known_years:
            # as in a grid: a bare year column whose year no goal names is the baseline (2020年 | 2025年)
            columns = [None if i in bare and c not in known_years else c for i, c in enumerate(columns)]
        if _HEADER_WORD.fullmatch(text):
            continue
        unit_m = _LABEL_UNIT.search(label[0]) if label else None
        if _quantities(text) or (unit_m and _BARE.match(text)):
            if label is None:
                continue
            if columns:
                year = columns[col] if col < len(columns) else columns[-1]
                skip = col < len(columns) and columns[col] is None
            else:
                year, skip = year_hint, False
            col += 1
            if skip:
                continue
            found = _cell_targets(label, cell, year, unit_m.group(1) if unit_m else None)
            out.extend(found)
            label_targets.extend(found)
        else:
            label, col, label_targets = cell, 0, []
    return out


def _grid_table(rows: list[list[Cell]], year_hint: int | None, known_years: set[int]) -> list[_TableTarget]:
    header_idx = next((i for i, r in enumerate(rows) if not any(_is_value_cell(c[0]) for c in r)), None)
    if header_idx is None or header_idx > 2:
        header, body = [], rows
    else:
        header, body = rows[header_idx], rows[header_idx + 1 :]
    width = max(len(r) for r in rows)
    head = [c[0] for c in header] + [""] * (width - len(header))
    col_year: dict[int, int] = {}
    baseline: set[int] = set()
    for i, h in enumerate(head):
        if _YEAR_IN_HEADER.search(h):
            y = _header_year(h, known_years)
            if y is None:
                baseline.add(i)
            else:
                col_year[i] = y
    bare = [i for i in col_year if re.fullmatch(rf"\s*(?:{YEAR})年?\s*", head[i])]
    if len(col_year) >= 2 and known_years and bare:
        for i in bare:
            if col_year[i] not in known_years:
                baseline.add(i)
                del col_year[i]
    unit_col = next((i for i, h in enumerate(head) if re.search(r"单位", h)), None)
    attr_col = next((i for i, h in enumerate(head) if re.search(r"属性|性质|类型", h)), None)
    label_col = next((i for i, h in enumerate(head) if _LABEL_HEADER.search(h) and i not in col_year), None)
    out: list[_TableTarget] = []
    for row in body:
        shift = width - len(row) if len(row) < width else 0
        cells = {i + shift: c for i, c in enumerate(row)}
        attr = next((c[0].strip() for c in row if _ATTRIBUTE.fullmatch(c[0].strip())), None)
        if attr_col is not None and attr_col in cells and not attr:
            attr = cells[attr_col][0].strip() or None
        label = cells.get(label_col) if label_col is not None else None
        value_cols = [i for i in sorted(cells) if i not in baseline and i != unit_col and i != attr_col
                      and i != label_col and _is_value_cell(cells[i][0])]
        if label is None:
            texts = [i for i in sorted(cells) if i not in value_cols and i not in baseline
                     and not re.fullmatch(r"\s*\d+\s*", cells[i][0]) and not _ATTRIBUTE.fullmatch(cells[i][0].strip())
                     and (not value_cols or i < value_cols[0])]
            label = cells[texts[-1]] if texts else None
        if label is None:
            continue
        unit_m = _LABEL_UNIT.search(label[0])
        label_unit = unit_m.group(1) if unit_m else None
        if unit_col is not None and unit_col in cells and not label_unit:
            label_unit = cells[unit_col][0].strip().strip("()（）") or None
        for i in value_cols:
            if col_year and i not in col_year and (not _quantities(cells[i][0]) or baseline):
                continue
            year = col_year.get(i, year_hint)
            if not _quantities(cells[i][0]) and not label_unit:
                continue
            for t in _cell_targets(label, cells[i], year, label_unit):
                t.match.attribute = attr
                out.append(t)
    return out


# ---------------------------------------------------------------------------------------- the document


class _Segments:
    """The zone segments of a document (sorted by start), indexed to find the segment holding a position."""

    def __init__(self, segments: list[tuple[int, int, str, str | None]]) -> None:
        self.items = segments
        self.starts = [s[0] for s in segments]
        self.reach: list[int] = []   # the largest end among the segments up to each one
        for s in segments:
            self.reach.append(max(s[1], self.reach[-1]) if self.reach else s[1])

    def at(self, pos: int) -> tuple[int, int, str, str | None] | None:
        """The first segment with ``start <= pos <= end``."""
        first = bisect_left(self.reach, pos)   # the first segment that ends at or after pos
        return self.items[first] if first < bisect_right(self.starts, pos) else None


def _year_in_force(text: str, segments: _Segments, pos: int) -> int | None:
    """The goal year in force at ``pos``: the last dated goal in the same paragraph, or — in the goals
    zone — in the goal paragraphs before it (until another year appears)."""
    seg = segments.at(pos)
    if seg is None:
        return None
    lo = seg[0] if seg[2] in ("goals", "commentary", "front", "body") else _paragraph_start(text, pos, seg[0])
    if seg[2] == "commentary":
        lo = _paragraph_start(text, pos, seg[0])
    mentions = [m for m in goal_year_mentions(text[lo:pos]) if m.kind != "header"]
    if mentions:
        return mentions[-1].year
    return None


_GOAL_HEADER = re.compile(r"目标|任务|指标|计划")


class _PipeTableYears:
    """The pipe tables of a text (runs of lines holding ``|``), each with the one goal year its first row names
    in a column header (类别 | 民生事项 | 2022年度任务目标 | 责任单位): the year of the targets in its rows."""

    def __init__(self, text: str) -> None:
        self.spans: list[tuple[int, int, int]] = []   # (start, end, year), in text order
        run: list[tuple[int, int]] = []
        pos = 0
        for line in text.split("\n") + [""]:
            end = pos + len(line)
            if "|" in line:
                run.append((pos, end))
            elif run:
                year = self._header_year(text[run[0][0] : run[0][1]])
                if year is not None:
                    self.spans.append((run[0][0], run[-1][1], year))
                run = []
            pos = end + 1
        self.starts = [s for s, _, _ in self.spans]

    @staticmethod
    def _header_year(line: str) -> int | None:
        cells = [c.strip() for c in line.split("|") if c.strip()]
        if len(cells) < 2 or any(_quantities(c) for c in cells):
            return None   # a row of figures, no header
        years = {_header_year(c, set()) for c in cells if _YEAR_IN_HEADER.search(c) and _GOAL_HEADER.search(c)}
        years.discard(None)
        return years.pop() if len(years) == 1 else None

    def at(self, pos: int) -> int | None:
        i = bisect_right(self.starts, pos) - 1
        return self.spans[i][2] if i >= 0 and pos <= self.spans[i][1] else None


def _inherited_year(text: str, segments: _Segments, headings: HeadingYears, seg_start: int, pos: int,
                    per_year: bool, plan: int | None, tables: _PipeTableYears | None = None) -> int | None:
    """A target's year when its sentence prints none: a ``2019年任务:`` label before it in the paragraph,
    the year in force in its paragraph or goal section, the goal year a column header of its pipe table names,
    its enclosing heading's year, else the plan year (not for per-year targets, which hold every year)."""
    para = _paragraph_start(text, pos, seg_start)
    labels = label_years(text[para:pos])
    if labels:
        return labels[-1][0]
    year = _year_in_force(text, segments, pos) or (tables.at(pos) if tables else None) or headings.at(pos)
    if year is None:
        fyp = re.search(r"[到至在于]?[“\"]?十[一二三四五六七八九]五[”\"]?(?:规划)?(?:期|时期)?末", text[para:pos])
        year = five_year_plan_end(fyp.group()) if fyp else None
    return year if year is not None or per_year else plan


def _fill_gaps(segments: list[tuple[int, int, str, str | None]], length: int) -> list[tuple[int, int, str, str | None]]:
    """Text the outline left out of its blocks (headings, one-line pages) is read as body."""
    out: list[tuple[int, int, str, str | None]] = []
    pos = 0
    for seg in sorted(segments, key=lambda s: (s[0], s[1])):
        if seg[0] > pos:
            out.append((pos, seg[0], "body", None))
        out.append(seg)
        pos = max(pos, seg[1])
    if pos < length:
        out.append((pos, length, "body", None))
    return out


def _paragraph_start(text: str, pos: int, floor: int) -> int:
    i = pos - 1
    while i >= floor:
        if text[i] == "\n" and _is_clause_break(text, i):
            j = i - 1
            while j >= floor and text[j] in " \t\r\u3000":
                j -= 1
            if j < floor or text[j] in "。;!?:)|" or not _CJK.match(text[j]):
                return i + 1
        i -= 1
    return floor


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        for i in range(max(0, s), min(len(chars), e)):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


_FIGURE_CHAR = re.compile(rf"[\d{CN_NUMERALS}]")


def _clear_of(masks: list[tuple[int, int]], masked: str, start: int, end: int) -> tuple[int, int]:
    """A quote span cut back to its piece outside the masked text (a row's cell separators and hidden cells
    between its task cell and the figure: ``地区生产总值 | 增长5.5%`` → ``增长5.5%``): a mask before the
    figure moves the start past it, a mask after it moves the end before it."""
    s, e = start, end
    for ms, me in masks:   # sorted by start
        if ms >= e:
            break
        if me <= s:
            continue
        if _FIGURE_CHAR.search(masked, s, ms):
            e = ms
            break
        s = me
    while s < e and masked[s].isspace():
        s += 1
    while e > s and masked[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else (start, end)


def _years_compatible(a: int | None, b: int | None) -> bool:
    return a is None or b is None or a == b


def extract_targets(doc: TargetContext) -> list[TargetRecord]:
    """All targets of a document, deduplicated, in text order.

    Background and tail zones are skipped (past achievements are facts). The year comes from the phrase,
    else from the paragraph / goal paragraphs it sits in, or from the table column header; per-year task
    targets without a year keep ``None``. A target repeated in an indicator table or in the commentary
    (解读) is merged into the body target (``extra_spans``).
    """
    text = doc.text
    segments = _fill_gaps(zone_segments(doc.blocks, text) if doc.blocks else [], len(text))
    # after the plan's own title a 'tail' (a cover note's signature came first) is the plan body
    segments = [(max(s, doc.body_start), e, "body" if z == "tail" and doc.body_start else z, t)
                for s, e, z, t in segments if e > doc.body_start]
    table_spans = [(min(c[1] for r in t for c in r), max(c[2] for r in t for c in r)) for t in doc.tables
                   if any(r for r in t)]
    masks = sorted(table_spans + doc.hidden)
    masked = _mask(text, masks)
    prose: list[TargetRecord] = []
    content_end = len(text.rstrip())   # only whitespace after this offset (hidden cells are still the page)
    index, headings = _Segments(segments), HeadingYears(masked)
    pipe_years = _PipeTableYears(text)   # the printed text: the masks blank a row's separators
    for start, end, zone, task in segments:
        if zone in ("background", "tail"):
            continue
        for m in find_targets(masked[start:end]):
            if start + m.end >= content_end:
                continue  # a figure at the very end of a cut page may have lost its comparator
            year = m.year or _inherited_year(masked, index, headings, start, start + m.start, m.per_year,
                                             doc.plan_year, pipe_years)
            rec = _record(m, start, year, zone, task, "commentary" if zone == "commentary" else "prose")
            rec.start, rec.end = _clear_of(masks, masked, rec.start, rec.end)
            prose.append(rec)
    known = {m.year for s in segments if s[2] not in ("background", "tail")
             for m in goal_year_mentions(masked[s[0]:s[1]])}
    tables: list[TargetRecord] = []
    for table in doc.tables:
        cells = [c for r in table for c in r]
        if not cells:
            continue
        t_start = min(c[1] for c in cells)
        seg = next((s for s in segments if s[0] <= t_start < s[1]), None)
        if seg and seg[2] in ("background", "tail"):
            continue
        hint = _year_in_force(masked, index, t_start) or headings.at(t_start) or doc.plan_year
        for t in table_targets(table, hint, known):
            rec = _record(t.match, 0, t.match.year, seg[2] if seg else "body", seg[3] if seg else None, "table")
            rec.start, rec.end = t.spans[0]
            tables.append(rec)
    body = [r for r in prose if r.source == "prose"]
    commentary = [r for r in prose if r.source == "commentary"]
    kept = _Kept()
    for rec in body:
        _merge_or_add(kept, rec, 0.7, text=masked)
    for rec in tables:
        _merge_or_add(kept, rec, 0.3, table=True)
    for rec in commentary:
        _merge_or_add(kept, rec, 0.5, text=masked)
    for rec in kept.records:
        if rec.scope is None:
            rec.scope = doc.default_scope
    return sorted(kept.records, key=lambda r: (r.start, r.end))


def _record(m: TargetMatch, base: int, year: int | None, zone: str, task: str | None, source: str) -> TargetRecord:
    return TargetRecord(
        metric=m.metric, value=m.value, low=m.low, high=m.high, unit=m.unit, comparator=m.comparator,
        per_year=m.per_year, cumulative=m.cumulative, year=year, scope=m.scope, attribute=m.attribute,
        task_id=task if zone not in ("commentary",) else None, start=base + m.start, end=base + m.end,
        source=source,
    )


def _numbers_key(r: TargetRecord) -> tuple:
    """The numbers two targets must share to be one target (value, range, unit, per-year), as a key."""
    return r.value, r.low, r.high, r.unit, r.per_year


@dataclass
class _Kept:
    """The kept targets in order, indexed by their numbers, with every span each one already quotes (so a
    merge looks only at the targets with the same numbers: linear in the number of targets)."""

    records: list[TargetRecord] = field(default_factory=list)
    by_numbers: dict[tuple, list[TargetRecord]] = field(default_factory=dict)
    spans: dict[int, set[tuple[int, int]]] = field(default_factory=dict)

    def add(self, rec: TargetRecord) -> None:
        self.records.append(rec)
        self.by_numbers.setdefault(_numbers_key(rec), []).append(rec)
        self.spans[id(rec)] = {(rec.start, rec.end), *rec.extra_spans}


_COUNT_TAIL = re.compile(r"(?:数量|人数|总数|数)$")


def _counted_alike(a: str, b: str) -> float:
    """1.0 when the things counted by one metric are named inside the other's (用户数 and 超级服务端用户: the
    same figure in a heading and its body), the count word set aside; else 0."""
    a, b = _COUNT_TAIL.sub("", _norm(a)), _COUNT_TAIL.sub("", _norm(b))
    return 1.0 if min(len(a), len(b)) >= 2 and (a in b or b in a) else 0.0


def _same_sentence(text: str, a: TargetRecord, b: TargetRecord) -> bool:
    """Two apart quotes of one sentence (开工400套,建成400套): no sentence break between them."""
    lo, hi = min(a.end, b.end), max(a.start, b.start)
    return bool(text) and lo <= hi and not any(ch in _SENTENCE_PUNCT or ch == "\n" for ch in text[lo:hi])


def _merge_or_add(kept: _Kept, rec: TargetRecord, threshold: float, table: bool = False, text: str = "") -> None:
    """Merge ``rec`` into the kept target with the same numbers and the most similar metric, else keep it.

    ``text`` (prose only): two figures of one sentence are two targets, however alike their metrics."""
    best, best_score = None, 0.0
    for k in kept.by_numbers.get(_numbers_key(rec), ()):
        if not _years_compatible(k.year, rec.year):
            continue
        if (rec.start, rec.end) in kept.spans[id(k)]:
            return
        if rec.start < k.end and k.start < rec.end and _norm(rec.metric) != _norm(k.metric):
            continue   # one printed figure read for two listed subjects (小学、初中入学率…): two targets
        if not table and k.source != "table" and _same_sentence(text, k, rec):
            continue
        if not table and k.scope and rec.scope and k.scope != rec.scope:
            continue   # 宜昌市…下降15%; 武汉市…下降15%: the same figure for two scopes is two targets
        score = max(dice(k.metric, rec.metric), _counted_alike(k.metric, rec.metric))
        core = re.sub(r"(?:数量|人数)$", "", k.metric)
        if table and _is_subsequence(_norm(core), _norm(rec.metric)):
            score = max(score, 0.9)
        if score >= threshold and score > best_score:
            best, best_score = k, score
    if best is None:
        kept.add(rec)
        return
    best.extra_spans.append((rec.start, rec.end))
    kept.spans[id(best)].add((rec.start, rec.end))
    if best.year is None:
        best.year = rec.year
    if best.task_id is None:
        best.task_id = rec.task_id
    if table:
        best.attribute = best.attribute or rec.attribute
        core = re.sub(r"(?:数量|人数)$", "", best.metric)
        if dice(best.metric, rec.metric) < 0.6 and _is_subsequence(_norm(core), _norm(rec.metric)):
            best.metric = rec.metric
    return


__all__ = [
    "TargetContext",
    "TargetMatch",
    "TargetRecord",
    "dice",
    "extract_targets",
    "find_targets",
    "metric_name",
    "table_targets",
]
