"""Parse the normalised text of a plan into sections, tasks, tables and zones.

The outline is built from numbering markers (``一、`` ``(一)`` ``1.`` ``1、`` ``(1)`` ``①`` ``第一条``
``第一章`` and ``——`` bullets); the nesting comes from the order in which marker kinds first appear, so a
document may use any subset in any order. Press summaries without numbering are handled by pseudo-section
lines (``在…方面,《…》提出:``) and unnumbered paragraphs that open with a short heading sentence.

Every section gets a *zone* from its title (background, principles, goals, tasks, safeguards); only leaves in
task and safeguard zones become tasks. Text after a commentary marker (``解读``) or a closing signature
(issuer line + date) is outside the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CN_NUM = "一二三四五六七八九十百零〇"
MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("chapter", re.compile(rf"^第([{CN_NUM}\d]+)[章部篇]分?\s*")),
    ("article", re.compile(rf"^第([{CN_NUM}\d]+)条\s*")),
    ("cn", re.compile(rf"^([{CN_NUM}]+)\s*[、.]\s*")),
    ("pcn", re.compile(rf"^\(([{CN_NUM}]+)\)\s*")),
    ("num", re.compile(r"^(\d{1,3})\s*(?:[、]|\.(?!\d))\s*")),
    ("pnum", re.compile(r"^\((\d{1,3})\)\s*")),
    ("circled", re.compile(r"^([\u2460-\u2473])\s*")),
    ("bullet", re.compile(r"^(——|—|■|●|◆|▲|★)\s*")),
]
PSEUDO_SECTION = re.compile(r"^在(.{4,50}?)方面[,，]?.{0,30}?(提出|要求|明确|部署)(了)?[:：]\s*$")
COMMENTARY = re.compile(r"^(【[^】]{0,10}解读[^】]{0,10}】.*|(政策|文件|文字|图文|图片|视频|专家)?解读([:：].*)?)$")
DATE_LINE = re.compile(r"^\(?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\)?$")
ISSUER_LINE = re.compile(r"^[\u4e00-\u9fff()]{2,30}(人民政府|政府|办公厅|办公室|局|厅|委员会|委|院|部|署|中心)$")
TABLE_LINE = re.compile(r"(\s\|\s|\t|\|\s*$)")
HEADING_SENTENCE = re.compile(r"^([^,，;；:：。!?！？]{3,32}?)[。!！]")
RESPONSIBILITY_END = re.compile(r"[(（]\s*(责任|牵头|配合|主责|承办)(单位|部门)\s*[:：][^()（）]*[)）]\s*$")

ZONE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("background", re.compile(r"背景|现状|形势|发展基础|基础条件|发展成效|工作成效|成就|回顾")),
    ("principles", re.compile(r"指导思想|基本原则|总体思路|工作原则|总体要求|编制原则|指导原则|编制依据|^总则$|^附则$")),
    ("goals", re.compile(r"(发展|主要|总体|工作|预期|规划|具体|基本)目标|目标(与|和)?(愿景|要求)$|^目标$")),
    ("safeguards", re.compile(r"保障措施|保障机制|保证措施|组织实施|实施保障|组织保障")),
]
TASK_WORDS = re.compile(r"任务|措施|举措|行动")


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


def _marker(line: str) -> tuple[str, str, int] | None:
    for kind, pattern in MARKERS:
        m = pattern.match(line)
        if m:
            return kind, m.group(1), m.end()
    return None


def _zone_of(title: str, inherited: str) -> str:
    """The zone a title names (goals, safeguards, …), else the parent's."""
    for zone, pattern in ZONE_RULES:
        if pattern.search(title) and not (zone != "safeguards" and TASK_WORDS.search(title)):
            return zone
    return inherited


def _split_title(rest: str) -> tuple[str, bool]:
    """Title of a heading line and whether body text follows it on the same line."""
    m = re.match(r"^(.{1,60}?)[。!！]", rest)
    if m and len(rest) > m.end():
        return m.group(1), True
    m2 = re.match(r"^(.{1,60}?)[:：]\s*(.*)$", rest)
    if m2 and len(m2.group(1)) <= 30:
        return m2.group(1), bool(m2.group(2))
    return rest.rstrip("。!！:："), False


def _body_limits(text: str, lines: list[tuple[int, int]], first_heading: int | None) -> tuple[int | None, int]:
    """Offsets where commentary starts and where the body ends (signature or commentary)."""
    commentary = None
    end = len(text)
    if first_heading is None:
        return None, end
    for i, (s, e) in enumerate(lines):
        if s <= first_heading:
            continue
        line = text[s:e]
        if COMMENTARY.match(line):
            commentary = s
            end = min(end, s)
            break
        if ISSUER_LINE.match(line) and any(DATE_LINE.match(text[a:b]) for a, b in lines[i + 1 : i + 3]):
            end = min(end, s)
    return commentary, end


def parse_outline(text: str) -> Outline:
    """Parse the normalised ``text`` of a plan into its outline."""
    lines = _lines(text)
    tables, table_lines = _tables(text, lines)
    first_heading = next(
        (s for s, e in lines if (s, e) not in table_lines and (_is_heading(text[s:e]))), None
    )
    commentary, body_end = _body_limits(text, lines, first_heading)
    body_start = first_heading if first_heading is not None else 0

    root = Node("root", "", "", "", 0, 0, -1, zone="front")
    order: list[str] = []   # marker kinds in order of first appearance = nesting levels
    stack: list[Node] = [root]
    front_lines: list[tuple[int, int]] = []
    for s, e in lines:
        if s >= body_end:
            break
        if (s, e) in table_lines:
            stack[-1].lines.append((s, e))
            continue
        line = text[s:e]
        pseudo = PSEUDO_SECTION.match(line)
        mk = _marker(line) if s >= body_start else None
        if pseudo and s >= body_start:
            kind, number, title, body = "pseudo", "", pseudo.group(1), False
        elif mk:
            kind, number, title_start = mk
            title, body = _split_title(line[title_start:])
        else:
            (stack[-1].lines if s >= body_start else front_lines).append((s, e))
            continue
        if kind == "bullet":  # bullets are content of the current item unless its section has no items
            stack[-1].lines.append((s, e))
            continue
        if kind not in order:
            order.append(kind)
        level = order.index(kind)
        while len(stack) > 1 and order.index(stack[-1].kind) >= level:
            stack.pop()
        parent = stack[-1]
        node = Node(kind, number, line[: mk[2]].strip() if mk else "", title, s, e, len(stack) - 1,
                    parent=parent, body_on_head=body)
        node.zone = _zone_of(title, parent.zone if parent is not root else "tasks")
        node.lines.append((s, e))
        parent.children.append(node)
        stack.append(node)

    sections: list[Section] = []
    tasks: list[TaskSpan] = []
    blocks: list[Block] = []
    for s, e in front_lines:  # a line continuing a broken paragraph keeps that paragraph's zone
        continues = blocks and not re.search(r"[。;；!！?？:：)）]$", text[blocks[-1].start:blocks[-1].end])
        blocks.append(Block(s, e, blocks[-1].zone if continues else _front_zone(text[s:e]), None))
    _collect(text, root, None, sections, tasks, blocks)
    for s, e in lines:
        if s >= body_end:
            blocks.append(Block(s, e, "commentary" if commentary is not None and s >= commentary else "tail", None))
    blocks.sort(key=lambda b: b.start)
    return Outline(sections, tasks, tables, blocks, body_start, body_end, commentary)


def _is_heading(line: str) -> bool:
    mk = _marker(line)
    return bool(PSEUDO_SECTION.match(line)) or (mk is not None and mk[0] in ("chapter", "cn", "article", "pcn"))


def _front_zone(line: str) -> str:
    return "goals" if re.search(r"目标|到\d{4}年", line) else "front"


def _node_end(node: Node) -> int:
    ends = [e for _, e in node.lines] + [_node_end(c) for c in node.children]
    return max(ends) if ends else node.head_end


def _collect(text: str, node: Node, section_id: str | None, sections: list[Section], tasks: list[TaskSpan],
             blocks: list[Block]) -> None:
    for child in node.children:
        has_items = any(c.kind != "pseudo" for c in child.children)
        is_task_zone = child.zone in ("tasks", "safeguards")
        top = child.parent is not None and child.parent.kind == "root"
        if child.children or top or not is_task_zone:
            if child.children or top or not child.body_on_head:
                sid = f"S{len(sections) + 1}"
                number = child.number if child.kind in ("cn", "chapter", "article") else child.marker
                sections.append(Section(sid, number or None, child.title, section_id, child.depth,
                                        child.zone, child.start, _node_end(child)))
            else:
                sid = section_id
            if is_task_zone and not has_items:
                _unnumbered_tasks(text, child, sid, tasks, blocks)
            else:
                blocks.extend(Block(s, e, child.zone, None) for s, e in child.lines)
            _collect(text, child, sid, sections, tasks, blocks)
        else:
            _add_task(text, child, child.lines, section_id, tasks, blocks)


def _add_task(text: str, node: Node, lines: list[tuple[int, int]], section_id: str | None,
              tasks: list[TaskSpan], blocks: list[Block]) -> None:
    tid = f"T{len(tasks) + 1:02d}"
    tasks.append(TaskSpan(tid, node.marker or None, node.title, lines[0][0], lines[-1][1], section_id, node.zone))
    blocks.extend(Block(s, e, node.zone, tid) for s, e in lines)


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

    for s, e in node.lines[1:] if node.kind != "root" else node.lines:
        line = text[s:e]
        head = HEADING_SENTENCE.match(line)
        prev_open = current and not re.search(r"[。;；!！?？)）]$", text[current[-1][0]:current[-1][1]])
        if head and len(line) > head.end() and not prev_open:
            flush()
            current, title, closed = [(s, e)], head.group(1), False
        elif current and not closed:
            current.append((s, e))
        else:
            blocks.append(Block(s, e, node.zone, None))
        if current and not closed and RESPONSIBILITY_END.search(line):
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
    return tables, members


def _cells(text: str, s: int, e: int) -> list[tuple[str, int, int]]:
    cells = []
    for m in re.finditer(r"[^|\t]+", text[s:e]):
        cell = m.group()
        if cell.strip():
            lead = len(cell) - len(cell.lstrip())
            cells.append((cell.strip(), s + m.start() + lead, s + m.start() + lead + len(cell.strip())))
    return cells
