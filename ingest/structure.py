"""Parse the normalised text of a plan into sections, tasks, tables and zones.

The outline is built from one numbering grammar (``一、`` ``(一)`` ``1.`` ``1、`` ``(1)`` ``1)`` ``①`` ``第X条/项/
部分/章`` and ``——`` bullets; characters and words in ``data/structure.yaml``). Nesting comes from the order in
which marker kinds first appear, so a plan may use any subset in any order; a page that opens mid-plan (at
``(三)``) puts a later section kind (``四、``) above it. A page flattened onto one line is cut before each marker.
Press summaries without numbering are handled by pseudo-section lines (``在…方面,《…》提出:``) and paragraphs that
open with a heading sentence or line, or carry their own responsibility clause.

Every section gets a *zone* from its title (background, principles, goals, tasks, safeguards); leaves in task
and safeguard zones become tasks, and so do items in any zone whose siblings carry their own responsibility.
A section whose own text assigns responsibility is also a task. Responsibility tables (``ingest.tables``) give
one task per row. A wrapper notice (印发通知) ends at its signature date or annex line when the plan follows;
otherwise text after a commentary marker (``解读``) or a closing signature is outside the body. A line such as
``以上工作由A牵头`` after several items is recorded on each of them (``TaskSpan.shared``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from plangraph.ingest.tables import Row, figures_header, find_tables
from plangraph.ingest.yamldata import load_yaml

DATA = Path(__file__).parent / "data" / "structure.yaml"


@lru_cache(maxsize=1)
def _config() -> dict:
    return load_yaml(DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _grammar() -> list[tuple[str, re.Pattern[str]]]:
    """The numbering grammar: (kind, pattern) with the item number in group 1 (and the ordinal suffix in 2)."""
    cfg = _config()
    cn = re.escape(cfg["numerals"]["chinese"])
    circled = re.escape(cfg["numerals"]["circled"])
    d_cn = re.escape(cfg["delimiters"]["chinese"])
    d_ar = re.escape(cfg["delimiters"]["arabic"].replace(".", ""))
    close = re.escape(cfg["delimiters"]["close_only"])
    suffixes = "|".join(re.escape(x["suffix"]) for x in cfg["ordinal_suffixes"])
    bullets = "|".join(re.escape(b) for b in sorted(cfg["bullets"], key=len, reverse=True))
    labels = "|".join(re.escape(w) for w in sorted(cfg["ordinal_labels"], key=len, reverse=True))
    return [
        ("ordinal", re.compile(rf"^第([{cn}\d]+)({suffixes})(?:\s+|[:、.,]\s*|(?=[\u4e00-\u9fff(]))")),
        ("label", re.compile(rf"^(?:{labels})([{cn}]+)\s*[:、]\s*")),
        ("cn", re.compile(rf"^([{cn}]+)\s*[{d_cn}]\s*")),
        ("cn", re.compile(rf"^([{cn}]{{1,3}})[ \t]+(?=[\u4e00-\u9fff][^。;]{{3,30}}$)")),   # 一 打造…新标杆: a heading
        ("pcn", re.compile(rf"^\(([{cn}]+)\)\s*[{d_cn}]?\s*")),
        ("pcn", re.compile(rf"^([{cn}]+){close}\s*")),
        ("num", re.compile(rf"^(\d+)\s*(?:[{d_ar}]|\.(?!\d))\s*")),
        ("pnum", re.compile(rf"^\((\d+)\)\s*[{d_ar}.]?\s*")),
        ("pnum", re.compile(rf"^(\d+){close}\s*")),
        ("circled", re.compile(rf"^([{circled}])\s*[{d_ar}.]?\s*")),
        ("pnum", re.compile(r"^([\u2474-\u2487])\s*")),   # ⑴ … ⒇: one character for (1) … (20)
        ("num", re.compile(r"^([\u2488-\u249b])\s*")),    # ⒈ … ⒛: one character for 1. … 20.
        ("bullet", re.compile(rf"^({bullets})\s*")),
    ]


@lru_cache(maxsize=1)
def _inline_markers() -> tuple[str, str, str]:
    """Regex sources of the markers an item can start with inside a line: a section heading's (``(一)``,
    ``一、``), a strong one (those and ``第一条``) and a weak one (``1.``, ``(1)``)."""
    cfg = _config()
    cn = re.escape(cfg["numerals"]["chinese"])
    d_cn = re.escape(cfg["delimiters"]["chinese"])
    d_ar = re.escape(cfg["delimiters"]["arabic"].replace(".", ""))
    heading = rf"\([{cn}]+\)|[{cn}]+[{d_cn}](?!\d)"
    return heading, rf"(?:{heading}|第[{cn}\d]+[条章])", rf"(?:\(\d+\)|\d+(?:[{d_ar}]|\.(?!\d)))"


@lru_cache(maxsize=1)
def _inline_split() -> re.Pattern[str]:
    """Where a line holding several items (a page flattened onto one line) is cut into item lines: blanks
    before a bracketed or Chinese-numeral marker, or a sentence end and blanks before any numbered marker."""
    _, strong, weak = _inline_markers()
    # every cut starts at a blank: the leading lookahead lets a scan skip other positions at C speed
    return re.compile(rf"(?=[ \t\u3000])(?:(?<=[。;!?)])[ \t\u3000]+(?={strong}|{weak})|[ \t\u3000]+(?={strong}))")


@lru_cache(maxsize=1)
def _heading_then_item() -> re.Pattern[str]:
    """A flattened section heading followed by its first item (``一、深入实施就业优先战略 1.坚持…``): the heading
    ends at the blanks before the item's marker (no sentence end there to cut at)."""
    heading, _, weak = _inline_markers()
    return re.compile(rf"(?:{heading})[^。;!?,:\s]{{2,40}}?(?P<blank>[ \t\u3000]+)(?={weak})")


def _ordinal_kind(suffix: str) -> str:
    return next(x["kind"] for x in _config()["ordinal_suffixes"] if x["suffix"] == suffix)


def _rank(kind: str) -> int:
    return _config()["ranks"].get(kind, 99)


def _item_number(number: str) -> int:
    """The value of an item number (二 → 2, 6 → 6); 0 when it is not one."""
    from plangraph.ingest.numbers import parse_number

    try:
        return int(parse_number(number)) if number else 0
    except ValueError:
        return 0


PSEUDO_SECTION = re.compile(r"^在(.{4,50}?)方面[,，]?.{0,30}?(提出|要求|明确|部署)(了)?[:：]\s*$")
COMMENTARY = re.compile(r"^(【[^】]{0,10}解读[^】]{0,10}】.*|(政策|文件|文字|图文|图片|视频|专家)?解读([:：].*)?)$")
_CN_DIGITS = "〇○零一二三四五六七八九十"
DATE_LINE = re.compile(rf"^\(?(?:\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|[{_CN_DIGITS}]{{4}}年[{_CN_DIGITS}]{{1,3}}月"
                       rf"[{_CN_DIGITS}]{{1,3}}日)\)?$")
ISSUER_LINE = re.compile(r"^[\u4e00-\u9fff()]{2,30}(人民政府|政府|办公厅|办公室|局|厅|委员会|委|院|部|署|中心)$")
TABLE_LINE = re.compile(r"(\s\|\s|\t|\|\s*$)")
CELL_LINE = re.compile(r"^[^。;；:：]{1,40}$")
HEADING_SENTENCE = re.compile(r"^([^,，;；:：。!?！？]{3,32}?)[。!！]")
RESPONSIBILITY_END = re.compile(r"[(（]\s*(责任|牵头|配合|主责|承办)(单位|部门)\s*[:：][^()（）]*[)）]\s*$")

ZONE_RULES: list[tuple[str, re.Pattern[str]]] = [
    # background also takes a report of past work (2023年工作总结, 亮点工作完成情况) and a heading on why the plan
    # matters (一、重要意义, (一)充分认识…的重要意义): their items are no work to do
    ("background", re.compile(r"背景|现状|形势|发展基础|基础条件|基本情况|发展成效|工作成效|成就|回顾|重要意义|工作总结|"
                              r"\d{4}年.{0,12}总结$|(?:完成|进展)情况$")),
    ("principles", re.compile(r"指导思想|基本原则|总体思路|工作原则|总体要求|编制原则|指导原则|编制依据|^总则$|^附则$")),
    ("goals", re.compile(r"(发展|主要|总体|工作|预期|规划|具体|基本)目标|目标(与|和)?(愿景|要求)$|^目标$")),
    ("safeguards", re.compile(r"保障措施|保障机制|保证措施|组织实施|实施保障|组织保障")),
]
TASK_WORDS = re.compile(r"任务|措施|举措|行动|内容")   # 目标任务, 工作目标及主要内容: goals and the work itself
ITEM_KINDS = ("num", "pnum", "circled", "article")  # kinds that number items, not sections, even at the top


@dataclass
class Node:
    """A numbered (or pseudo) outline node and the lines it owns."""

    kind: str
    number: str
    marker: str
    title: str
    start: int                      # offset of the marker in the normalised text
    head_end: int                   # end of the heading line
    depth: int
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    lines: list[tuple[int, int]] = field(default_factory=list)  # content lines (start, end) incl. the heading
    zone: str = "tasks"
    body_on_head: bool = False      # the heading line carries text after its title
    shared: tuple[int, int] | None = None   # a shared responsibility line (以上工作由…) that covers this item
    own_lines: int | None = None    # lines of a section before its first child (its own text)


@dataclass
class Section:
    id: str
    number: str | None
    title: str
    parent: str | None
    depth: int
    zone: str
    start: int
    end: int


@dataclass
class TaskSpan:
    id: str
    number: str | None
    title: str
    start: int
    end: int
    section_id: str | None
    zone: str
    row: Row | None = None                  # the responsibility-table row the task was read from
    shared: tuple[int, int] | None = None   # span of a shared responsibility line after several items


@dataclass
class Table:
    start: int
    end: int
    rows: list[list[tuple[str, int, int]]]


@dataclass
class Block:
    """A paragraph of the body with its zone and enclosing task (targets and years read these)."""

    start: int
    end: int
    zone: str
    task_id: str | None


@dataclass
class Outline:
    sections: list[Section]
    tasks: list[TaskSpan]
    tables: list[Table]
    blocks: list[Block]
    body_start: int
    body_end: int
    commentary_start: int | None


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, with surrounding whitespace trimmed."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        pos += len(raw) + 1
    return out


def _split_inline(text: str, lines: list[tuple[int, int]], keep: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut lines that hold several numbered items (a page flattened onto one line) before each marker."""
    out: list[tuple[int, int]] = []
    pattern = _inline_split()
    last: dict[str, int] = {}   # the last item number seen of each marker kind (for cuts printed without blanks)

    def add(a: int, b: int) -> None:
        for piece in _after_heading(text, a, b):
            for p in _in_sequence(text, *piece):
                out.extend(_squashed(text, *p, last))

    for s, e in lines:
        if (s, e) in keep:
            out.append((s, e))
            continue
        cut = s
        for m in pattern.finditer(text, s, e):
            if m.start() > cut:
                add(cut, m.start())
            cut = m.end()
        add(cut, e)
    return out


@lru_cache(maxsize=1)
def _squashed_marker() -> re.Pattern[str]:
    """An item marker printed right after a sentence end, a closing bracket or a colon, with no blank between
    (``…工作。1、建设…(A负责)2、推进…``, ``…。(二)…``, ``。二、…``): the character before it in group ``end``, the
    number in ``pcn``/``cn``/``article``/``pnum``/``num``. Never a list of numbers (``2、3月``, ``一、二期``) nor a
    decimal (``1.5倍``)."""
    cn = re.escape(_config()["numerals"]["chinese"])
    return re.compile(rf"(?P<end>[。;!?):])(?:\((?P<pcn>[{cn}]{{1,3}})\)|(?P<cn>[{cn}]{{1,3}})、(?![{cn}\d])|"
                      rf"第(?P<article>[{cn}\d]{{1,4}})条|\((?P<pnum>\d{{1,2}})\)|"
                      rf"(?P<num>\d{{1,2}})[ \t]?(?:、|\.)(?![\d.%])(?=\S))")   # 2 .全面落实 (docx text)


@lru_cache(maxsize=1)
def _first_under_heading() -> re.Pattern[str]:
    """A short heading title (no punctuation) with the first item below it squashed onto it: ``总体思路`` before
    ``(一)``, ``基本原则`` before ``1.`` (never ``1.5`` nor ``1、2``)."""
    return re.compile(r"(?P<title>[\u4e00-\u9fff“”\"]{2,20}?)(?<!第)(?=\(一\)|\(1\)|1(?:、|\.)(?![\d.%、]))")


_SQUASHED_KINDS = ("cn", "pcn", "article", "num", "pnum")   # marker kinds, also the groups of _squashed_marker


def _squashed(text: str, s: int, e: int, last: dict[str, int]) -> list[tuple[int, int]]:
    """The piece ``[s, e)`` cut before each item marker squashed onto it without a blank (see ``_squashed_marker``),
    when its number goes on from the last one of that kind (``last``, updated here) or opens a list at 1 after a
    sentence end. After a closing bracket only the next number cuts (``(A负责)2、推进``); after a colon only a 1
    that a 2 of the same kind follows in the piece (``如下:1.…。2.…``). A heading's short title with its first
    item squashed onto it (``一、总体思路(一)指导思想``) is cut too."""
    cuts = [s]
    _opened(text, s, e, last, cuts)
    if any(c in text[s:e] for c in "。;!?):"):
        found = [(m, k, _item_number(m.group(k))) for m in _squashed_marker().finditer(text, s, e)
                 for k in _SQUASHED_KINDS if m.group(k)]
        for i, (m, kind, number) in enumerate(found):
            end, at = m.group("end"), m.start("end") + 1
            follows = number == last.get(kind, 0) + 1 and (end != ")" or kind in last)
            opens = number == 1 and (end in "。;!?" or (end == ":" and any(
                k == kind and n == 2 and x.group("end") != ":" for x, k, n in found[i + 1 :])))
            if number == 0 or not (follows or opens) or at - cuts[-1] < 2:
                continue
            cuts.append(at)
            _opened(text, at, e, last, cuts)
    return [(a, b) for a, b in zip(cuts, [*cuts[1:], e], strict=True) if b > a]


def _opened(text: str, s: int, e: int, last: dict[str, int], cuts: list[int]) -> None:
    """Note the marker the piece at ``s`` opens with in ``last``; when it is a heading whose short title has the
    first item below it squashed onto it (``一、总体思路(一)…``), cut before that item (added to ``cuts``)."""
    mk = _marker(text[s:e])
    if mk is None or mk[0] not in _SQUASHED_KINDS or not _item_number(mk[1]):
        return
    last[mk[0]] = _item_number(mk[1])
    first = _first_under_heading().match(text, s + mk[2], e) if mk[0] in ("cn", "pcn") else None
    if first is not None:
        cuts.append(first.end("title"))
        _opened(text, first.end("title"), e, last, cuts)


@lru_cache(maxsize=1)
def _next_in_line() -> re.Pattern[str]:
    """Blanks before an arabic item marker inside a line, with its number: ``(2)`` in group 1, ``2.`` in 2."""
    d_ar = re.escape(_config()["delimiters"]["arabic"].replace(".", ""))
    return re.compile(rf"[ \t\u3000]+(?=\((\d{{1,3}})\)|(\d{{1,3}})(?:[{d_ar}]|\.)(?!\d))")   # never 2、3月 or 2.5


def _in_sequence(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The piece ``[s, e)`` cut before each next number of the item it opens with, printed after blanks with no
    sentence end between (a flattened outline: ``1.优化设施布局 2.新建场地设施 3.扩大场地开放``). Only the
    number that follows in the same style cuts, so ``1.完成 2个`` or a figure after a blank is no item."""
    if not _next_in_line().search(text, s, e):
        return [(s, e)]
    mk = _marker(text[s:e])
    if mk is None or mk[0] not in ("num", "pnum") or not mk[1].isdigit():
        return [(s, e)]
    paren = text[s] == "("
    expected = int(mk[1]) + 1
    out: list[tuple[int, int]] = []
    cut = s
    for m in _next_in_line().finditer(text, s, e):
        number = m.group(1) if paren else m.group(2)
        if number is None or int(number) != expected:
            continue
        out.append((cut, m.start()))
        cut = m.end()
        expected += 1
    out.append((cut, e))
    return out


def _after_heading(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The piece ``[s, e)``, cut after a heading that runs into its first item on one line."""
    m = _heading_then_item().match(text, s, e)
    if m is None:
        return [(s, e)]
    return [(s, m.start("blank")), (m.end("blank"), e)]


def _marker(line: str) -> tuple[str, str, int] | None:
    """(kind, number, end of the marker) of a line that opens with a numbering marker."""
    for kind, pattern in _grammar():
        m = pattern.match(line)
        if not m:
            continue
        if kind == "ordinal":
            kind = _ordinal_kind(m.group(2))
        if kind == "num" and re.match(r"\s*\d", line[m.end():]) and \
                ("、" in line[len(m.group(1)):m.end()] or (len(m.group(1)) == 4 and m.group(1)[:2] in ("19", "20"))):
            return None  # 2023、2024年 or 110、120 is a list of numbers, not an item
        if m.end() >= len(line) and kind not in ("num", "pnum"):
            return None  # a lone numeral is not a heading
        return kind, m.group(1), m.end()
    return None


_DECIMAL_ITEM = re.compile(r"^(\d{1,2})\.(?=\d+[\u4e00-\u9fff])")


def _decimal_item(line: str, stack: list[Node]) -> tuple[str, str, int] | None:
    """``2.50个小区…`` right after item ``1.``: item 2 whose text opens with a figure, not the decimal 2.50."""
    m = _DECIMAL_ITEM.match(line)
    if m is None:
        return None
    prev = next((n for n in reversed(stack) if n.kind == "num"), None)
    if prev is None or not prev.number.isdigit() or int(prev.number) + 1 != int(m.group(1)):
        return None
    return "num", m.group(1), m.end()


def _zone_of(title: str, inherited: str) -> str:
    """The zone a title names (goals, safeguards, …), else the parent's."""
    for zone, pattern in ZONE_RULES:
        if pattern.search(title) and not (zone != "safeguards" and TASK_WORDS.search(title)):
            return zone
    return inherited


def _split_title(rest: str) -> tuple[str, bool]:
    """Title of a heading line and whether body text follows it on the same line."""
    word = _heading_word(rest)
    if word:   # 指导思想以习近平…: a standard heading word run on into its body
        return word, True
    m = re.match(r"^(.{1,60}?)[。!！]", rest)
    if m and len(rest) > m.end():
        return m.group(1), True
    m2 = re.match(r"^(.{1,60}?)[:：]\s*(.*)$", rest)
    if m2 and len(m2.group(1)) <= 30:
        return m2.group(1), bool(m2.group(2))
    return rest.rstrip("。!！:："), False


def _heading_word(rest: str) -> str | None:
    """The standard heading word (``data/structure.yaml``) a title runs on from into its body without any
    punctuation (``工作目标本方案适用范围为城市建成区。``), or None."""
    cfg = _config()
    word = next((w for w in cfg["heading_words"] if rest.startswith(w)), None)
    if word is None or len(rest) < len(word) + 8 or rest[len(word)] in cfg["heading_word_joins"]:
        return None
    run = re.match(r"[^,，;；:：。!！?？()（）]*", rest[len(word):]).group()
    return word if len(run) >= 8 else None


@lru_cache(maxsize=1)
def _annex_re() -> re.Pattern[str]:
    """An annex line (附件 / 附件1: …)."""
    return re.compile(rf"(?:{'|'.join(map(re.escape, _config()['attachment_lines']))})\s*\d*[:：]?")


def _annex_item(line: str, in_list: bool) -> bool:
    """Whether ``line`` lists an attached document: ``附件:1.…分解表`` opens the list, and while it lasts each
    ``N.…`` line naming a document (no sentence, ending in a document word) goes on with it."""
    m = _annex_re().match(line)
    if m and re.match(r"\s*\d+\s*[.、]", line[m.end():]):
        return True
    if not in_list:
        return False
    item = re.match(r"\s*\d+\s*[.、]\s*", line)   # 2.2018年…表 too (no decimal here)
    title = line[item.end():].strip() if item else ""
    return bool(title) and not re.search(r"[。;,:]", title) and bool(_ANNEX_TITLE.search(title))


_ANNEX_TITLE = re.compile(r"(?:表|方案|清单|意见|办法|计划|目录|名单|细则|要点|规划)(?:\([^()]*\))?$")


def _body_limits(text: str, lines: list[tuple[int, int]], first_heading: int | None,
                 table_start: int | None) -> tuple[int | None, int, int | None]:
    """Offsets where commentary starts, where the body ends, and where a plan after a wrapper notice starts.

    A signature (issuer line and date, or a lone date line) ends the body unless numbered headings or a
    table follow it: then the text before it is the wrapper notice (印发通知) and the plan starts after it."""
    commentary = None
    end = len(text)
    restart = None
    if first_heading is None:
        return None, end, None
    notice = bool(_issuing_re().search(text, 0, first_heading))
    for i, (s, e) in enumerate(lines):
        if s <= first_heading:
            continue
        line = text[s:e]
        if notice and restart is None and end == len(text) and _first_item(line) and \
                _notice_points(text, [ln for ln in lines[:i] if ln[0] >= first_heading]) and \
                _assigns(text[s:lines[min(i + 3, len(lines) - 1)][1]]):
            restart = s   # 现将《方案》印发给你们 + the notice's own points 一、二、三, then the plan's items from 1.
            continue
        if COMMENTARY.match(line):
            commentary = s
            end = min(end, s)
            break
        signed = ISSUER_LINE.match(line) and any(DATE_LINE.match(text[a:b]) for a, b in lines[i + 1 : i + 3])
        dated = DATE_LINE.match(line) and not ISSUER_LINE.match(text[lines[i - 1][0]:lines[i - 1][1]])
        annex = _annex_re().fullmatch(line)
        if (signed or dated or annex) and not _assigns(text[first_heading:s]):
            later = None
            if annex and not any(_is_heading(text[a:b]) for a, b in lines[i + 1 :]):
                continue   # an annex line with nothing numbered after it ends nothing
            for a, b in lines[i + 1 :]:
                if COMMENTARY.match(text[a:b]):
                    break
                if _is_heading(text[a:b]):
                    later = a
                    break
            if later is not None or (table_start is not None and table_start > s):
                if end == len(text):
                    restart = later if later is not None else table_start
                continue
            end = min(end, s)
    return commentary, end, restart


@lru_cache(maxsize=1)
def _issuing_re() -> re.Pattern[str]:
    """A notice issuing the plan (``现将《方案》印发给你们``)."""
    return re.compile("|".join(map(re.escape, _config()["issuing_phrases"])))


def _notice_only(text: str, lines: list[tuple[int, int]], table_start: int | None) -> int | None:
    """Where the body ends on a page that prints only a notice issuing the plan, with points of its own: the first
    point after an issuing line that announces them (``现将《方案》印发给你们,并就…通知如下:``), when a signature
    (a date line) follows the points and nothing numbered (nor a table) follows the signature. None otherwise."""
    endings = tuple(_config()["notice_points_endings"])
    for i, (s, e) in enumerate(lines):
        line = text[s:e].rstrip(" :：")
        if not (line.endswith(endings) and _issuing_re().search(line)):
            continue
        points = next((k for k in range(i + 1, len(lines)) if _marker(text[lines[k][0]:lines[k][1]])), None)
        signed = next((k for k in range(i + 1, len(lines)) if DATE_LINE.match(text[lines[k][0]:lines[k][1]])), None)
        if points is None or signed is None or points > signed or (table_start is not None and table_start > s):
            return None
        after = lines[signed + 1 :]
        if any(_marker(text[a:b]) or _annex_re().fullmatch(text[a:b]) for a, b in after):
            return None
        return lines[points][0]
    return None


def _notice_points(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether ``lines`` are a notice's own points: two or more headed paragraphs (一、高度重视,认真研究。各县区要…)
    and nothing else, none assigning responsibility."""
    points = [(s, e) for s, e in lines if _is_heading(text[s:e])]
    return len(points) >= 2 and len(points) == len(lines) and \
        all(len(text[s:e]) > 40 and "。" in text[s:e] for s, e in points) and not _assigns(text[lines[0][0]:lines[-1][1]])


def _after_contents(text: str, lines: list[tuple[int, int]], first_heading: int | None) -> int | None:
    """Where the body starts when the page prints a table of contents first: the first heading line printed again
    later (``一、加强党的建设`` … ``县教育局2024年工作要点`` … ``一、加强党的建设``), every line before the repeat
    being a short title (a marker and a few words, no sentence) but for a title line or two."""
    if first_heading is None:
        return first_heading
    at = next(i for i, (s, _) in enumerate(lines) if s == first_heading)
    head = text[lines[at][0]:lines[at][1]]
    again = next((i for i in range(at + 2, len(lines)) if text[lines[i][0]:lines[i][1]] == head), None)
    if again is None:
        return first_heading
    between = [text[s:e] for s, e in lines[at:again]]
    titles = sum(1 for ln in between if len(ln) <= 40 and _marker(ln) and not re.search(r"[。;!?]", ln))
    return lines[again][0] if titles >= 3 and titles >= len(between) - 2 else first_heading


def _first_item(line: str) -> bool:
    """A line opening the first item of a list (``1.``, ``(1)``, ``①``)."""
    mk = _marker(line)
    if mk is None or mk[0] not in ITEM_KINDS:
        return False
    return mk[1] == "①" or _item_number(mk[1]) == 1


def _assigned_items_before(text: str, lines: list[tuple[int, int]], skip: set, first_heading: int | None) -> int | None:
    """A page that opens in the middle of a numbered list (7. 8. before the next 二、): the first numbered
    item before the first heading starts the body when the items before that heading carry responsibility."""
    from plangraph.ingest.responsibility import has_explicit

    limit = len(text) if first_heading is None else first_heading
    for s, e in lines:
        if s >= limit:
            break
        mk = _marker(text[s:e]) if (s, e) not in skip else None
        if mk and mk[0] in ITEM_KINDS:
            return s if has_explicit(text[s:limit]) else first_heading
    return first_heading


def _assigns(text: str) -> bool:
    """The text assigns responsibility (then its numbered paragraphs are the plan, not a wrapper notice)."""
    from plangraph.ingest.responsibility import has_explicit

    return has_explicit(text)


def _promote(order: list[str], kind: str, parent_kind: str | None = None, number: str = "") -> None:
    """Add a marker kind to the nesting order: by first appearance, except that a section kind appearing
    after lower kinds only (a page that opens mid-plan, at (三), then meets 四、) goes above them, as does any
    kind of a higher rank whose first item is not its first (a page opening at 6. that meets (二): (一) was
    cut off above), and a kind
    first met right under a heading of a higher rank goes at its conventional rank, above the lower kinds seen
    so far (一、 1. 2. then 二、 (一) 3.: the first section skipped the (一) level, the second has it)."""
    if kind in order:
        return
    if order and all(_rank(kind) < _rank(k) for k in order) and \
            (kind in _config()["section_kinds"] or _item_number(number) > 1):
        order.insert(0, kind)
        return
    if parent_kind in order and _rank(parent_kind) < _rank(kind):
        below = order[order.index(parent_kind) + 1 :]
        lower = next((k for k in below if _rank(k) > _rank(kind)), None)
        if lower is not None and all(_rank(k) > _rank(kind) for k in below):
            order.insert(order.index(lower), kind)
            return
    order.append(kind)


def _shared_line(line: str) -> bool:
    """``以上工作由A牵头,会同B`` — a line handing one responsibility to the items above it."""
    from plangraph.ingest.responsibility import find_responsibility

    if not any(line.startswith(w) for w in _config()["shared_openers"]):
        return False
    return find_responsibility(line).lead is not None


def _bracket_line(line: str) -> bool:
    """A line that is nothing but one bracketed responsibility clause: ``(责任单位:A、B)``."""
    from plangraph.ingest.responsibility import has_explicit

    line = line.strip()
    return len(line) > 2 and line[0] == "(" and line[-1] == ")" and has_explicit(line)


def _unassigned_run(text: str, item: Node) -> list[Node]:
    """``item`` and the sibling items right before it, while none of them (nor anything below them) names a
    responsible unit: the items a bracketed responsibility line printed on its own after them covers."""
    if item.parent is None or item.kind == "pseudo":
        return []
    run: list[Node] = []
    for node in reversed(item.parent.children[: item.parent.children.index(item) + 1]):
        if node.kind != item.kind or node.shared is not None or node.children or \
                _has_explicit(text, node.lines):
            break
        run.append(node)
    return run[::-1]


def parse_outline(text: str) -> Outline:
    """Parse the normalised ``text`` of a plan into its outline."""
    raw_lines = _lines(text)
    tables, table_lines = _tables(text, raw_lines)
    resp_tables = find_tables(text, raw_lines)
    resp_lines = {ln for t in resp_tables for ln in t.lines}
    lines = _split_inline(text, raw_lines, table_lines | resp_lines)
    skip = table_lines | resp_lines
    first_heading = next((s for s, e in lines if (s, e) not in skip and _is_heading(text[s:e])), None)
    first_heading = _assigned_items_before(text, lines, skip, first_heading)
    first_heading = _after_contents(text, lines, first_heading)
    table_start = min((t.start for t in resp_tables), default=None)
    commentary, body_end, restart = _body_limits(text, lines, first_heading, table_start)
    notice_end = _notice_only(text, lines, table_start)
    if notice_end is not None:   # the notice's own points: the plan is not on the page
        body_end = min(body_end, notice_end)
    body_start = restart if restart is not None else (first_heading if first_heading is not None else 0)
    if table_start is not None and first_heading is None:
        body_start = table_start

    root = Node("root", "", "", "", 0, 0, -1, zone="front")
    order: list[str] = []   # marker kinds in nesting order (first appearance, see _promote)
    stack: list[Node] = [root]
    front_lines: list[tuple[int, int]] = []
    covered: list[Node] = []  # items since the last shared responsibility line
    annex_list = False   # inside 附件:1.… / 2.… / 3.…: the titles of attached documents, not items
    for s, e in lines:
        if s >= body_end:
            break
        annex_list = _annex_item(text[s:e], annex_list)
        if annex_list:
            (stack[-1].lines if s >= body_start else front_lines).append((s, e))
            continue
        if (s, e) in resp_lines:
            continue
        if (s, e) in table_lines:
            stack[-1].lines.append((s, e))
            continue
        line = text[s:e]
        pseudo = PSEUDO_SECTION.match(line)
        mk = (_marker(line) or _decimal_item(line, stack)) if s >= body_start else None
        if pseudo and s >= body_start:
            kind, number, title, body = "pseudo", "", pseudo.group(1), False
        elif mk and mk[0] != "bullet":
            kind, number, title_start = mk
            title, body = _split_title(line[title_start:])
        else:
            if s >= body_start and len(stack) > 1 and _shared_line(line):
                item = stack[-1]
                group = [n for n in covered if n.parent is item.parent] or [item]
                for n in group:
                    n.shared = (s, e)
                covered = []
                (item.parent or root).lines.append((s, e))
                continue
            group = _unassigned_run(text, stack[-1]) if s >= body_start and _bracket_line(line) else []
            if len(group) > 1:   # (责任单位:…) on its own line after several items that name no one
                for n in group:
                    n.shared = (s, e)
                (stack[-1].parent or root).lines.append((s, e))
                continue
            (stack[-1].lines if s >= body_start else front_lines).append((s, e))
            continue
        _promote(order, kind, stack[-1].kind if len(stack) > 1 else None, number)
        level = order.index(kind)
        while len(stack) > 1 and order.index(stack[-1].kind) >= level:
            stack.pop()
        parent = stack[-1]
        if parent.own_lines is None:
            parent.own_lines = len(parent.lines)
        node = Node(kind, number, line[: mk[2]].strip() if mk else "", title, s, e, len(stack) - 1,
                    parent=parent, body_on_head=body)
        node.zone = _zone_of(title, parent.zone if parent is not root else "tasks")
        node.lines.append((s, e))
        parent.children.append(node)
        stack.append(node)
        covered.append(node)

    sections: list[Section] = []
    tasks: list[TaskSpan] = []
    blocks: list[Block] = []
    for s, e in front_lines:  # a line continuing a broken paragraph keeps that paragraph's zone
        continues = blocks and not re.search(r"[。;；!！?？:：)）]$", text[blocks[-1].start:blocks[-1].end])
        blocks.append(Block(s, e, blocks[-1].zone if continues else _front_zone(text[s:e]), None))
    _drop_cut_heading(text, root, body_end)
    _collect(text, root, None, sections, tasks, blocks, order[0] if order else "")
    if not root.children and root.lines:   # no numbering at all: only paragraphs that carry a responsibility
        before = len(tasks)
        _unnumbered_tasks(text, root, None, tasks, blocks)
        dropped = {t.id for t in tasks[before:] if not _has_explicit(text, [(t.start, t.end)])}
        tasks[before:] = [t for t in tasks[before:] if t.id not in dropped]
        for b in blocks:
            if b.task_id in dropped:
                b.task_id = None
    _table_tasks(text, resp_tables, sections, tasks, blocks)
    tasks.sort(key=lambda t: t.start)   # table rows and text items in reading order, numbered T01, T02 …
    renamed = {t.id: f"T{i:02d}" for i, t in enumerate(tasks, start=1)}
    for t in tasks:
        t.id = renamed[t.id]
    for b in blocks:
        b.task_id = renamed.get(b.task_id, b.task_id) if b.task_id else None
    for s, e in lines:
        if s >= body_end:
            blocks.append(Block(s, e, "commentary" if commentary is not None and s >= commentary else "tail", None))
    blocks.sort(key=lambda b: b.start)
    return Outline(sections, tasks, tables, blocks, body_start, body_end, commentary)


def _table_tasks(text: str, resp_tables: list, sections: list[Section], tasks: list[TaskSpan],
                 blocks: list[Block]) -> None:
    """Every row of a responsibility table is a task; section rows (一、…) are sections."""
    for table in resp_tables:
        enclosing = [s for s in sections if s.start <= table.start]
        outer = enclosing[-1].id if enclosing else None
        ids: dict[int, str] = {}
        for cell in table.sections:
            sid = f"S{len(sections) + 1}"
            mk = _marker(cell.text)
            title, _ = _split_title(cell.text[mk[2]:] if mk else cell.text)
            sections.append(Section(sid, mk[1] if mk else None, title, outer, 0 if outer is None else 1,
                                    "tasks", cell.start, cell.end))
            ids[cell.start] = sid
        for row in table.rows:
            sid = ids.get(row.section.start) if row.section else outer
            task_text = row.task.text if row.task else ""
            mk = _marker(task_text)
            number = row.number or (task_text[: mk[2]].strip() if mk else None)
            body = task_text[mk[2]:] if mk else task_text
            title, _ = _split_title(body)
            tid = f"R{len(tasks) + 1:03d}"
            tasks.append(TaskSpan(tid, number, title, row.start, row.end, sid, "tasks", row=row))
            blocks.append(Block(row.start, row.end, "tasks", tid))


def _is_heading(line: str) -> bool:
    mk = _marker(line)
    return bool(PSEUDO_SECTION.match(line)) or (mk is not None and mk[0] in ("chapter", "cn", "article", "pcn",
                                                                              "part"))


def _front_zone(line: str) -> str:
    return "goals" if re.search(r"目标|到\d{4}年", line) else "front"


def _node_end(node: Node) -> int:
    ends = [e for _, e in node.lines] + [_node_end(c) for c in node.children]
    return max(ends) if ends else node.head_end


def _has_explicit(text: str, lines: list[tuple[int, int]], shared: tuple[int, int] | None = None) -> bool:
    from plangraph.ingest.responsibility import has_explicit

    return shared is not None or (bool(lines) and has_explicit(_text_of(text, lines)))


def _names_official(text: str, lines: list[tuple[int, int]]) -> bool:
    from plangraph.ingest.responsibility import names_official

    return bool(lines) and names_official(_text_of(text, lines))


def _text_of(text: str, lines: list[tuple[int, int]]) -> str:
    return text[lines[0][0]:lines[-1][1]] if lines else ""


def _walk(node: Node) -> Iterator[Node]:
    """Every node below ``node``, in printed order."""
    for child in node.children:
        yield child
        yield from _walk(child)


def _whole_first_clause(title: str) -> bool:
    """A heading whose first clause is printed whole before a comma (``坚持过紧日子,全面实施…``)."""
    first = re.match(r"[^,]*,", title)
    return first is not None and len(re.findall(r"[\u4e00-\u9fff]", first.group())) >= 4


def _drop_cut_heading(text: str, root: Node, body_end: int) -> None:
    """Drop the last item of a page cut in its heading (``5.鼓励新能源`` at the very end, no body, while the
    item before it has one): its heading is incomplete, so it is no task. An item with a whole first clause
    before the cut (``8.实施…行动,加快…项目。(牵头单``, ``3.坚持过紧日子,全面实施``) is kept."""
    node = root
    while node.children:
        node = node.children[-1]
    parent = node.parent
    if parent is None or node.children or len(node.lines) != 1 or node.body_on_head or node.kind == "pseudo":
        return
    line = text[node.lines[0][0]:node.lines[0][1]]
    if text[node.lines[0][1]:body_end].strip() or line.endswith(")") or re.search(r"[。;!?]", line) or \
            _whole_first_clause(node.title):
        return   # a whole first clause printed before the cut: the heading is complete (only its tail is cut)
    siblings = [c for c in _walk(root) if c is not node and c.kind == node.kind]   # in printed order
    closed = siblings and re.search(r"[。;!?)]$", text[siblings[-1].lines[-1][0]:siblings[-1].lines[-1][1]].rstrip())
    if siblings and (siblings[-1].body_on_head or len(siblings[-1].lines) > 1 or closed):
        parent.children.remove(node)
        parent.lines.append(node.lines[0])
        grand = parent.parent
        if grand is not None and not parent.children and not parent.body_on_head and len(parent.lines) == 2:
            grand.children.remove(parent)   # (二)全面恢复… then only the cut item: a heading of nothing printed
            grand.lines.extend(parent.lines)


def _collect(text: str, node: Node, section_id: str | None, sections: list[Section], tasks: list[TaskSpan],
             blocks: list[Block], top_kind: str = "") -> None:
    top = node.kind == "root"
    leaves = [c for c in node.children if not c.children and c.kind != "pseudo"]
    # items that carry their own responsibility (or name the official answerable for them) are tasks in any zone,
    # and so are their sibling items
    assigned = any(_has_explicit(text, c.lines, c.shared) or _names_official(text, c.lines) for c in leaves)
    # top-level (一) items that mostly open with a heading sentence and go on (稳定产量。严格落实…) are work items
    pcn = [c for c in leaves if c.kind == "pcn"]
    headed = top and 2 * sum(c.body_on_head for c in pcn) > len(pcn)
    for child in node.children:
        is_task_zone = child.zone in ("tasks", "safeguards") or assigned
        if not child.children and child.kind != "pseudo" and is_task_zone and \
                (not top or child.kind in ITEM_KINDS or child.kind != top_kind or (child.kind == "pcn" and headed)):
            _add_task(text, child, child.lines, section_id, tasks, blocks)
            continue
        has_items = any(c.kind != "pseudo" for c in child.children)
        heading = _heading_clause(text, child) if has_items else None
        if heading is not None:   # the heading assigns the items below it: a section, not a work item
            _hand_down(child, heading)
        if child.children or top or not child.body_on_head:
            sid = f"S{len(sections) + 1}"
            number = child.number if child.kind in ("cn", "chapter", "article", "part") else child.marker
            if child.kind == "label":   # 任务一: → 任务一
                number = child.marker.rstrip(":、 ")
            title = child.title if heading is None else _title_before(text, child, heading)
            sections.append(Section(sid, number or None, title, section_id, child.depth,
                                    child.zone, child.start, _node_end(child)))
        else:
            sid = section_id
        own = child.lines[: child.own_lines] if child.own_lines is not None else child.lines
        if child.children and heading is None and _has_explicit(text, own):
            _add_task(text, child, own, section_id, tasks, blocks)  # a section that is itself a work item
            blocks.extend(Block(s, e, child.zone, None) for s, e in child.lines[len(own):])
        elif is_task_zone and not has_items:
            before = len(tasks)
            _unnumbered_tasks(text, child, sid, tasks, blocks)
            cut_last = assigned and child is node.children[-1] and not text[_node_end(child):].strip() and \
                (child.body_on_head or _whole_first_clause(child.title))   # cut before its bracket
            if len(tasks) == before and not child.children and \
                    (_has_explicit(text, child.lines, child.shared) or cut_last):
                _add_task(text, child, child.lines, section_id, tasks, blocks)  # a top item that is one task
        else:
            blocks.extend(Block(s, e, child.zone, None) for s, e in child.lines)
        _collect(text, child, sid, sections, tasks, blocks, top_kind)


# a heading naming who leads the items below it: 县示范区管委会牵头工作(8项), 市发改委负责的重点任务
_LEADS_HEADING = re.compile(r"(?P<role>.{2,60}?(?:牵头|负责))的?(?:重点|主要|具体)?(?:工作|任务|事项)")


def _closes_with_tail(line: str) -> bool:
    """A paragraph that closes with a responsibility bracket after its own text (``…。(A牵头,B负责)``)."""
    from plangraph.ingest.responsibility import find_clauses

    line = line.rstrip("。;； \t")
    if not line.endswith((")", "）", "〕", "】")):
        return False
    clauses = find_clauses(line)
    return bool(clauses) and clauses[-1].form in ("tail", "bare") and clauses[-1].end == len(line) and \
        clauses[-1].start >= 8


def _heading_clause(text: str, node: Node) -> tuple[int, int] | None:
    """The span of a responsibility bracket that closes a section's heading line (``一、强化科技创新(由市科技局
    牵头)``, no body text on that line), or of the units a heading names as leading its items (``一、县示范区
    管委会牵头工作(8项)``; a person's name there is no unit): it assigns every item printed below the heading."""
    from plangraph.ingest.responsibility import find_clauses, find_responsibility

    if not node.lines or node.body_on_head:
        return None
    s, e = node.lines[0]
    line = text[s:e].rstrip("。;； \t")
    named = _LEADS_HEADING.match(node.title)
    if named and line.find(node.title) >= 0:   # 一、县示范区管委会牵头工作(8项): its units lead the items below
        start = s + line.find(node.title)
        span = (start, start + named.end("role"))
        if find_responsibility(text[span[0]:span[1]]).lead is not None:
            return span
        return None
    unit_span = _unit_heading(line, node)
    if unit_span is not None:   # (一)区体育局, then 1.负责… 2.负责…: the unit the heading names leads its items
        return s + unit_span[0], s + unit_span[1]
    if not line.endswith((")", "）")):
        return None
    clauses = find_clauses(line)
    last = clauses[-1] if clauses else None
    if last is None or last.end != len(line) or last.shared or last.start <= node.start - s:
        return None
    return s + last.start, s + last.end


def _unit_heading(line: str, node: Node) -> tuple[int, int] | None:
    """The span (in ``line``) of a heading that is nothing but a list of units (``(一)区体育局``,
    ``2.市财政局、市税务局:``) over numbered items: a division of duties by unit. Each unit must be one the
    vocabulary knows (a heading ending like a body — 培育科技企业 — is a work item, not a unit). None otherwise."""
    from plangraph.ingest.agencies import default_resolver
    from plangraph.ingest.units import split_units

    name = node.title.rstrip(":： ")
    at = line.find(name) if name else -1
    if at < 0 or len(name) > 30 or not node.children or line[at + len(name):].strip(":： "):
        return None
    units = split_units(name, at)
    if not units or not all(default_resolver().knows(u.name) for u in units):
        return None
    return at, at + len(name)


def _hand_down(node: Node, span: tuple[int, int]) -> None:
    """Record the heading's clause on every item below ``node`` that nothing nearer covers: a shared line
    printed after the item (以上工作由…) or the heading of a section nearer to it (printed later than this one)."""
    for child in node.children:
        if child.shared is None or child.shared[0] < span[0]:
            child.shared = span
        _hand_down(child, span)


def _title_before(text: str, node: Node, span: tuple[int, int]) -> str:
    """A section title without the responsibility bracket that closes its heading line."""
    clause = text[span[0]:span[1]]
    if clause not in node.title or node.title.startswith(clause):   # a heading that names its lead keeps it
        return node.title
    return node.title.split(clause)[0].rstrip()


def _add_task(text: str, node: Node, lines: list[tuple[int, int]], section_id: str | None,
              tasks: list[TaskSpan], blocks: list[Block]) -> None:
    tid = f"T{len(tasks) + 1:03d}"
    tasks.append(TaskSpan(tid, node.marker or None, node.title, lines[0][0], lines[-1][1], section_id, node.zone,
                          shared=node.shared))
    blocks.extend(Block(s, e, node.zone, tid) for s, e in lines)


def _unbulleted(title: str) -> str:
    """A title without the bullet glyph it is printed after (``■ 加快5G网络建设`` → ``加快5G网络建设``)."""
    mk = _marker(title)
    return title[mk[2]:] if mk and mk[0] == "bullet" else title


def _unnumbered_tasks(text: str, node: Node, section_id: str | None, tasks: list[TaskSpan],
                      blocks: list[Block]) -> None:
    """Split the paragraphs of a section without numbered items into tasks opened by heading sentences."""
    current: list[tuple[int, int]] = []
    title = ""
    closed = False

    def flush() -> None:
        if current and title:
            pseudo = Node("para", "", "", title, current[0][0], current[0][1], node.depth + 1, zone=node.zone)
            _add_task(text, pseudo, current, section_id, tasks, blocks)

    body = node.lines[1:] if node.kind != "root" else node.lines
    limit = _config()["heading_sentence_max"]
    for i, (s, e) in enumerate(body):
        line = text[s:e]
        head = HEADING_SENTENCE.match(line)
        # the last line is still open when it ends without a full stop — unless it ends with its own
        # responsibility (■ 推进…。责任单位:A、B has no full stop and closes the item)
        prev_open = current and not re.search(r"[。;；!！?？)）]$", text[current[-1][0]:current[-1][1]]) \
            and not _has_explicit(text, [current[-1]])
        # a heading line without punctuation over a longer body paragraph (加强组织领导 / 建立……。)
        bare = not head and 3 <= len(line) <= limit and not re.search(r"[,，;；:：。!?！？、\d%]", line) and \
            i + 1 < len(body) and body[i + 1][1] - body[i + 1][0] > 2 * len(line) and \
            re.search(r"[。;；)）]$", text[body[i + 1][0]:body[i + 1][1]])
        if ((head and len(line) > head.end()) or bare) and not prev_open:
            flush()
            current, title, closed = [(s, e)], _unbulleted(head.group(1) if head else line), False
        elif not prev_open and (closed or not current) and _has_explicit(text, [(s, e)]):
            flush()   # a paragraph without a heading sentence that carries its own responsibility
            current, title, closed = [(s, e)], re.split(r"[,，;；:：。]", line)[0][:limit], False
        elif current and not closed:
            current.append((s, e))
        else:
            blocks.append(Block(s, e, node.zone, None))
        if current and not closed and (RESPONSIBILITY_END.search(line) or _closes_with_tail(line)):
            closed = True
    flush()
    if node.kind != "root":
        blocks.append(Block(node.lines[0][0], node.lines[0][1], node.zone, None))


def _tables(text: str, lines: list[tuple[int, int]]) -> tuple[list[Table], set[tuple[int, int]]]:
    """Runs of at least three table-like lines (pipe or tab separated, or broken one-cell-per-line pipes)."""
    tables: list[Table] = []
    members: set[tuple[int, int]] = set()
    run: list[tuple[int, int]] = []

    def close() -> None:
        if len(run) >= 3:
            rows = [_cells(text, s, e) for s, e in run]
            tables.append(Table(run[0][0], run[-1][1], [r for r in rows if r]))
            members.update(run)
        run.clear()

    for s, e in lines:
        if TABLE_LINE.search(text[s:e]) or text[s:e] == "|":
            run.append((s, e))
        else:
            close()
    close()
    i = 0
    while i < len(lines):
        n = _flat_indicator_run(text, lines, i) if lines[i] not in members else 0
        if n:
            run = lines[i : i + n]
            tables.append(Table(run[0][0], run[-1][1], [_cells(text, s, e) for s, e in run]))
            members.update(run)
        i += max(n, 1)
    return tables, members


def _flat_indicator_run(text: str, lines: list[tuple[int, int]], i: int) -> int:
    """How many lines from ``lines[i]`` form an indicator table flattened one cell per line (指标 / 2020年 /
    2025年 / 属性, then label / value / attribute cells), or 0: a header run naming the label column and at least
    one year column, then short cell lines up to the first heading or sentence."""
    words = _config()["indicator_table"]
    header = 0
    years = label = False
    while i + header < len(lines):
        cell = text[lines[i + header][0]:lines[i + header][1]].strip()
        if cell in words["label_headers"]:
            label = True
        elif figures_header(cell):
            years = True
        elif not (header and cell in words["other_headers"]):
            break
        header += 1
    if not (label and years and header >= 2):
        return 0
    n = header
    while i + n < len(lines):
        cell = text[lines[i + n][0]:lines[i + n][1]].strip()
        if not CELL_LINE.match(cell) or _marker(cell) is not None:
            break
        n += 1
    return n if n > header else 0


def _cells(text: str, s: int, e: int) -> list[tuple[str, int, int]]:
    cells = []
    for m in re.finditer(r"[^|\t]+", text[s:e]):
        cell = m.group()
        if cell.strip():
            lead = len(cell) - len(cell.lstrip())
            cells.append((cell.strip(), s + m.start() + lead, s + m.start() + lead + len(cell.strip())))
    return cells
