"""Find who leads and who helps on a task: explicit 责任单位 lines, responsibility tables, inferred actors.

All functions work on normalised simplified text and return offsets relative to the string given.
Explicit forms: ``(责任单位:A、B、C)`` (first leads), ``(牵头单位:A;配合单位:B、C)``, ``牵头单位:A 责任单位:B``,
``(A牵头,B、C配合)``, ``B(牵头)`` inside a list, deadlines (``完成时限:2025年底前``, ``(2025年底前完成)``,
``长期坚持``). Inferred (only without an explicit line): ``X会同Y``, ``由X牵头、Y参加``, ``X牵头``,
``——X:`` bullets, then ``X要/将/应/负责…`` at a clause start.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from plangraph.ingest.agencies import default_resolver
from plangraph.ingest.units import CLOSE, OPEN, Unit, looks_like_unit, split_units

LEAD_LABELS = ("牵头责任单位", "责任牵头单位", "牵头单位", "牵头部门", "主责单位", "主责部门", "主办单位")
CO_LABELS = ("配合单位", "配合部门", "协办单位", "协办部门", "参与单位", "参与部门", "参加单位", "协同单位",
             "协助单位", "协作单位", "配合")
UNIT_LABELS = ("责任单位", "责任部门", "责任主体", "实施单位", "实施主体", "落实单位", "承办单位", "责任处室")
DEADLINE_LABELS = ("完成时限", "完成时间", "时间节点", "时间进度", "时限要求", "进度安排", "时间安排", "时限")
_ALL_LABELS = sorted(LEAD_LABELS + CO_LABELS + UNIT_LABELS + DEADLINE_LABELS, key=len, reverse=True)
LABEL_RE = re.compile(r"(?P<label>" + "|".join(_ALL_LABELS) + r")\s*[:：]\s*")
# The stated convention "列第一位的为牵头单位,下同" (and variants), stripped from unit lists.
CONVENTION_RE = re.compile(
    r"[。;,]?\s*[^。;,:()]{0,8}(?:第一|首位|首个|排头|第1)[^。;,:()]{0,6}(?:为|是)牵头(?:单位|部门)"
    r"(?:[,;]?\s*(?:下同|以下同|其余为配合单位|其他为配合单位|其他单位为配合单位|余为配合单位))*"
)
DEADLINE_RE = re.compile(
    r"(?:(?:20\d{2}|19\d{2})年(?:底|年底|上半年|下半年|第[一二三四]季度|\d{1,2}月(?:底|份)?)?"
    r"(?:前|以前|之前)?(?:(?:基本)?完成|实现|见效)?(?:并(?:长期坚持|持续推进))?"
    r"|长期坚持|持续推进|持续实施|长期推进|逐年推进|持续开展|长期)"
)
_DEADLINE_FULL_RE = re.compile(r"^(?:完成时限|时限)?[:]?\s*" + DEADLINE_RE.pattern + r"$")
_LEAD_CO_RE = re.compile(
    r"^\s*由?(?P<lead>[^()]+?)牵头(?:负责)?(?:\s*[,;、]\s*(?P<co>[^()]+?)"
    r"(?:配合|参与|参加|协同|协助|按职责分工负责|共同负责|负责))?\s*$"
)
SENTENCE_END = "。;!?\n"
CLAUSE_END = SENTENCE_END + ",:"
MODAL_RE = re.compile(r"(?:都要|也要|还要|均要|要|将|应当|应|必须|须|负责)")
_TRAILING_ADVERB_RE = re.compile(r"(?:都要|也要|还要|均要|要|将|应当|应|须|必须|负责|继续|积极|主动|及时|进一步|共同|牵头)+$")
_NON_ACTOR_START_RE = re.compile(
    r"^(?:鼓励|支持|引导|推动|推进|督促|指导|要求|组织|发挥|加强|依托|充分|积极|按照|根据|围绕|通过|对|在|把|将|以|"
    r"确保|强化|建立|完善|开展|坚持|探索|落实|促进|提升|深化|实施|做好|加快|加大|同时|并|和|与|及)"
)
_NUMBER_PREFIX_RE = re.compile(
    r"^\s*(?:[(（]?[一二三四五六七八九十百\d]+[)）.、．]|第[一二三四五六七八九十]+[条项]|[—\-]{1,2})\s*"
)
_BULLET_RE = re.compile(r"(?m)^[^\S\n]*(?:——|—|--)[^\S\n]*(?P<x>[^:\n]{2,24}?)[^\S\n]*:")


@dataclass(frozen=True)
class Responsibility:
    """Lead and co-responsible units of a task, with the quote they were read from."""

    source: str  # explicit | inferred | none
    lead: Unit | None = None
    co: list[Unit] = field(default_factory=list)
    quote_start: int | None = None
    quote_end: int | None = None
    deadline: str | None = None
    generic: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TableResponsibility:
    """One row of a responsibility table (offsets of units are relative to their cell)."""

    row: int
    number: str | None
    title: str
    lead: Unit | None
    co: list[Unit]
    deadline: str | None


NONE = Responsibility("none")


# ---------------------------------------------------------------------------- helpers
def is_actor(name: str) -> bool:
    """True when ``name`` can be who acts: a body by its ending, a vocabulary name or a generic reference."""
    if not name or len(name) > 30 or _NON_ACTOR_START_RE.match(name) or "的" in name:
        return False
    return looks_like_unit(name) or default_resolver().knows(name)


def is_generic(name: str) -> bool:
    """True for 各地 / 有关部门 / 各级人民政府-style references."""
    return default_resolver().is_generic(name)


def detect_lead_first_convention(doc_text: str) -> bool:
    """True when the document states that the first listed unit leads (``列第一位的为牵头单位``)."""
    return bool(CONVENTION_RE.search(doc_text))


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _matching_close(text: str, open_pos: int) -> int:
    """Index of the bracket closing ``text[open_pos]`` (or the end of the line when unclosed)."""
    depth = 0
    for i in range(open_pos, len(text)):
        ch = text[i]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth -= 1
            if depth == 0:
                return i
        elif ch == "\n":
            return i
    return len(text)


def _order(units: list[Unit], lead_units: list[Unit], lead_first: bool) -> tuple[Unit | None, list[Unit]]:
    """Choose the lead: a 牵头 marker / lead label, else the first unit (when ``lead_first``)."""
    marked = [u for u in units if u.lead_marker]
    if lead_units:
        lead = lead_units[0]
    elif marked:
        lead = marked[0]
    elif lead_first and units:
        lead = units[0]
    else:
        lead = None
    co: list[Unit] = []
    seen = {lead.name} if lead else set()
    for u in [*lead_units[1:], *units]:
        if u.name not in seen:
            seen.add(u.name)
            co.append(u)
    return lead, co


def _segment_units(text: str, s: int, e: int) -> tuple[list[Unit], list[Unit], str | None]:
    """Units of one labelled segment ``text[s:e]``: (units, lead-marked units, deadline)."""
    seg = text[s:e]
    deadline = None
    stop = seg.find("。")
    if stop >= 0:
        rest = seg[stop + 1 :]
        m = DEADLINE_RE.search(rest)
        if m and m.group(0):
            deadline = m.group(0)
        seg = seg[:stop]
    m = _LEAD_CO_RE.match(seg)
    if m and "牵头" in seg and not seg.rstrip().endswith(")"):
        lead = split_units(m.group("lead"), s + m.start("lead"))
        co = split_units(m.group("co"), s + m.start("co")) if m.group("co") else []
        return lead + co, lead[:1], deadline
    spans = []
    for piece in re.finditer(r"[^、,;]+", seg):
        if _DEADLINE_FULL_RE.match(piece.group(0).strip()):
            deadline = deadline or piece.group(0).strip()
            spans.append(piece.span())
    return split_units(_blank(seg, spans), s), [], deadline


# ---------------------------------------------------------------------------- explicit
@dataclass
class _Block:
    start: int  # quote start (bracket or label)
    end: int  # quote end
    inner_start: int
    inner_end: int


def _explicit_blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    for m in LABEL_RE.finditer(text):
        if any(b.inner_start <= m.start() < b.inner_end for b in blocks):
            continue
        j = m.start() - 1
        while j >= 0 and text[j] in " \t\xa0\u3000":
            j -= 1
        if j >= 0 and text[j] in OPEN:
            close = _matching_close(text, j)
            end = close + 1 if close < len(text) and text[close] in CLOSE else close
            blocks.append(_Block(j, end, j + 1, close))
        else:
            line_end = text.find("\n", m.start())
            line_end = len(text) if line_end < 0 else line_end
            e = line_end
            while e > m.start() and (text[e - 1].isspace() or text[e - 1] in "。;"):
                e -= 1
            blocks.append(_Block(m.start(), e, m.start(), e))
    # label-less "(A牵头,B、C配合)" parentheticals
    for m in re.finditer(r"[(（]", text):
        if any(b.start <= m.start() < b.end for b in blocks):
            continue
        close = _matching_close(text, m.start())
        inner = text[m.start() + 1 : close]
        lc = _LEAD_CO_RE.match(inner)
        if lc and all(is_actor(u.name) for u in split_units(lc.group("lead"))):
            co = split_units(lc.group("co")) if lc.group("co") else []
            if all(is_actor(u.name) for u in co):
                blocks.append(_Block(m.start(), close + 1, m.start() + 1, close))
    blocks.sort(key=lambda b: b.start)
    return blocks


def _parse_block(text: str, block: _Block, lead_first: bool) -> tuple[Unit | None, list[Unit], str | None, bool]:
    """(lead, co, deadline, has_units) of one explicit block."""
    s, e = block.inner_start, block.inner_end
    work = text[:s] + _blank(text[s:e], [(m.start(), m.end()) for m in CONVENTION_RE.finditer(text[s:e])]) + text[e:]
    labels = [m for m in LABEL_RE.finditer(work, s, e)]
    segments: list[tuple[str | None, int, int]] = []
    if not labels or labels[0].start() > s:
        first = labels[0].start() if labels else e
        if work[s:first].strip():
            segments.append((None, s, first))
    for i, m in enumerate(labels):
        seg_end = labels[i + 1].start() if i + 1 < len(labels) else e
        segments.append((m.group("label"), m.end(), seg_end))
    units: list[Unit] = []
    lead_units: list[Unit] = []
    deadline = None
    for label, ss, se in segments:
        if label in DEADLINE_LABELS:
            value = work[ss:se].strip(" ,;。、")
            deadline = deadline or (value.split("。")[0] or None)
            continue
        found, marked, dl = _segment_units(work, ss, se)
        deadline = deadline or dl
        found = [u for u in found if u.name.strip()]
        if label in LEAD_LABELS:
            lead_units.extend(found[:1])
            units.extend(found)
        elif label in CO_LABELS:
            units.extend(found)
        else:
            lead_units.extend(marked)
            units.extend(found)
    if lead_units:
        units = [u for u in units if u not in lead_units[:1]]
    lead, co = _order(units, lead_units, lead_first)
    return lead, co, deadline, bool(units or lead_units)


def _deadline_parenthetical(text: str) -> str | None:
    for m in re.finditer(r"\(([^()]{2,24})\)", text):
        inner = m.group(1).strip()
        if _DEADLINE_FULL_RE.match(inner) or re.fullmatch(r"(?:20\d{2})年(?:底|年底)?(?:前|以前)?完成", inner):
            return inner
    return None


def find_explicit(task_text: str, *, lead_first: bool = True) -> Responsibility | None:
    """The explicit responsibility of a task, or None when it has no 责任单位-style line."""
    lead: Unit | None = None
    co: list[Unit] = []
    deadline = None
    qs = qe = None
    for block in _explicit_blocks(task_text):
        b_lead, b_co, b_deadline, has_units = _parse_block(task_text, block, lead_first)
        deadline = deadline or b_deadline
        if not has_units:
            continue
        qs = block.start if qs is None else qs
        qe = block.end
        if lead is None:
            lead = b_lead
        for u in ([b_lead] if b_lead and b_lead.name != lead.name else []) + b_co:
            if u.name != (lead.name if lead else None) and u.name not in {c.name for c in co}:
                co.append(u)
    if qs is None:
        return None
    deadline = deadline or _deadline_parenthetical(task_text)
    names = ([lead.name] if lead else []) + [u.name for u in co]
    return Responsibility("explicit", lead, co, qs, qe, deadline, [n for n in names if is_generic(n)])


# ---------------------------------------------------------------------------- inferred
def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in SENTENCE_END:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _clause_start(text: str, pos: int, floor: int) -> int:
    i = pos
    while i > floor and text[i - 1] not in CLAUSE_END:
        i -= 1
    return i


def _clause_end(text: str, pos: int) -> int:
    i = pos
    depth = 0
    while i < len(text):
        ch = text[i]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif ch in CLAUSE_END and depth == 0:
            break
        i += 1
    return i


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    m = _NUMBER_PREFIX_RE.match(text[s:e])
    if m:
        s += m.end()
    while s < e and text[s].isspace():
        s += 1
    tail = _TRAILING_ADVERB_RE.search(text[s:e])
    if tail:
        e = s + tail.start()
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _actors(text: str, s: int, e: int) -> list[Unit] | None:
    """Units of ``text[s:e]`` if it names actors (the first unit must be one), else None."""
    if e - s < 2:
        return None
    units = split_units(text[s:e], s)
    if not units or not is_actor(units[0].name):
        return None
    return [u for u in units if is_actor(u.name)]


def _actor_list_after(text: str, pos: int) -> tuple[list[Unit], int]:
    """Parse the actor list that starts at ``pos`` (after 会同 / 、): returns (units, end)."""
    end = _clause_end(text, pos)
    seg = text[pos:end]
    group = re.match(r"(?:[^、,。;]{1,15}、)*[^、,。;]{1,15}?等(?:有关|相关)?(?:部门|单位|机构)", seg)
    if group:
        units = split_units(seg[: group.end()], pos)
        if units and all(is_actor(u.name) for u in units):
            return units, pos + group.end()
    units: list[Unit] = []
    i = 0
    while i < len(seg):
        known = suffixed = None
        for j in range(i + 2, min(len(seg), i + 25) + 1):
            if seg[j - 1] in "、和及与":
                break
            cand = seg[i:j]
            if not is_actor(cand):
                continue
            if default_resolver().knows(cand):
                known = j  # the longest vocabulary name wins (财政部门 over 财政部)
            elif suffixed is None and looks_like_unit(cand):
                suffixed = j
        found = known or suffixed
        if found is None:
            break
        units.extend(split_units(seg[i:found], pos + i))
        i = found
        sep = re.match(r"、|和|及|以及", seg[i:])
        if not sep:
            break
        i += sep.end()
    return units, pos + i if units else pos


def _subject_of_sentence(text: str, sent_start: int, upto: int) -> list[Unit] | None:
    """The actors of a sentence's first clause when it reads ``X要/将…`` (used for ``…,会同Y``)."""
    first_end = _clause_end(text, sent_start)
    if first_end >= upto:
        return None
    m = MODAL_RE.search(text, sent_start, first_end)
    if not m:
        return None
    s, e = _strip_span(text, sent_start, m.start())
    return _actors(text, s, e)


def _construction(text: str) -> Responsibility | None:
    """First 会同 / 牵头 construction naming who acts."""
    found: list[tuple[int, Responsibility]] = []
    for ss, se in _sentences(text):
        for m in re.finditer(r"会同", text[ss:se]):
            pos = ss + m.start()
            cs = _clause_start(text, pos, ss)
            xs, xe = _strip_span(text, cs, pos)
            lead_units = _actors(text, xs, xe) if xe > xs else None
            qs = xs
            if lead_units is None and xe <= xs and cs > ss:
                lead_units = _subject_of_sentence(text, ss, pos)
                qs = _strip_span(text, ss, ss)[0] if lead_units else qs
            if not lead_units:
                continue
            co, _ = _actor_list_after(text, pos + 2)
            found.append((pos, _inferred(lead_units, co, qs, _clause_end(text, pos))))
        for m in re.finditer(r"牵头", text[ss:se]):
            pos = ss + m.start()
            if re.match(r"(?:单位|部门)\s*:", text[pos + 2 :]):
                continue
            cs = _clause_start(text, pos, ss)
            you = text.rfind("由", cs, pos)
            xs, xe = (you + 1, pos) if you >= 0 else _strip_span(text, cs, pos)
            xs, xe = _strip_span(text, xs, xe)
            lead_units = _actors(text, xs, xe)
            if not lead_units:
                continue
            co: list[Unit] = []
            after = pos + 2
            sep = re.match(r"\s*[、,]\s*", text[after:])
            if sep:
                tail = re.match(r"([^,。;]{2,40}?)(?:参加|参与|配合|协同|协助|共同)", text[after + sep.end() :])
                if tail:
                    ys = after + sep.end()
                    co = _actors(text, ys, ys + len(tail.group(1))) or []
            end = _clause_end(text, pos)
            found.append((pos, _inferred(lead_units, co, you if you >= 0 else xs, end)))
    return min(found, key=lambda f: f[0])[1] if found else None


def _bullets(text: str) -> Responsibility | None:
    units: list[Unit] = []
    first = None
    for m in _BULLET_RE.finditer(text):
        xs, xe = m.span("x")
        actors = _actors(text, xs, xe)
        if actors:
            units.extend(actors)
            first = first or m
    if not units or first is None:
        return None
    return _inferred(units[:1], units[1:], first.start() + len(first.group(0)) - len(first.group(0).lstrip()),
                     first.end())


def _modal_actors(text: str) -> Responsibility | None:
    """``X要/将/应/负责…`` at a clause start: prefer a specific agency over a generic reference."""
    hits: list[tuple[list[Unit], int, int]] = []
    for ss, se in _sentences(text):
        cs = ss
        while cs < se:
            ce = _clause_end(text, cs)
            m = MODAL_RE.search(text, cs, ce)
            if m:
                xs, xe = _strip_span(text, cs, m.start())
                actors = _actors(text, xs, xe)
                if actors:
                    hits.append((actors, xs, ce))
            cs = ce + 1
    if not hits:
        return None
    ordered = [(u, qs, qe) for units, qs, qe in hits for u in units]
    specific = [h for h in ordered if not is_generic(h[0].name)]
    lead, qs, qe = (specific or ordered)[0]
    co = [u for u, _, _ in ordered if u.name != lead.name]
    return _inferred([lead], co, qs, qe)


def _inferred(lead_units: list[Unit], co: list[Unit], qs: int, qe: int) -> Responsibility:
    lead = lead_units[0]
    seen = {lead.name}
    out: list[Unit] = []
    for u in [*lead_units[1:], *co]:
        if u.name not in seen:
            seen.add(u.name)
            out.append(u)
    names = [lead.name] + [u.name for u in out]
    return Responsibility("inferred", lead, out, qs, qe, None, [n for n in names if is_generic(n)])


def find_inferred(task_text: str) -> Responsibility | None:
    """Responsibility inferred from who the text tells to act, or None."""
    return _construction(task_text) or _bullets(task_text) or _modal_actors(task_text)


def find_responsibility(task_text: str, *, lead_first: bool = True) -> Responsibility:
    """Explicit responsibility when the task has a 责任单位-style line, else inferred, else ``none``.

    ``lead_first``: the first listed unit leads (the house convention); with False only a 牵头 marker
    or a 牵头单位 label names a lead.
    """
    explicit = find_explicit(task_text, lead_first=lead_first)
    if explicit is not None:
        return explicit
    inferred = find_inferred(task_text)
    if inferred is not None:
        return replace_deadline(inferred, _deadline_parenthetical(task_text))
    deadline = _deadline_parenthetical(task_text)
    return Responsibility("none", deadline=deadline) if deadline else NONE


def replace_deadline(resp: Responsibility, deadline: str | None) -> Responsibility:
    """``resp`` with ``deadline`` set (when given)."""
    if not deadline:
        return resp
    return Responsibility(resp.source, resp.lead, resp.co, resp.quote_start, resp.quote_end, deadline,
                          resp.generic)


# ---------------------------------------------------------------------------- tables
_HEADER_WORDS = ("牵头单位", "牵头部门", "责任单位", "责任部门", "配合单位", "配合部门", "完成时限", "时间节点",
                 "完成时间", "协办单位", "参与单位")
_CN_NUM = "零一二三四五六七八九"


def _column_roles(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for i, cell in enumerate(header):
        c = re.sub(r"\s+", "", cell)
        if any(w in c for w in ("牵头单位", "牵头部门", "主责单位")):
            roles.setdefault("lead", i)
        elif any(w in c for w in ("配合单位", "配合部门", "协办单位", "参与单位", "协同单位")):
            roles.setdefault("co", i)
        elif any(w in c for w in ("责任单位", "责任部门", "责任主体", "实施单位")):
            roles.setdefault("units", i)
        elif any(w in c for w in ("时限", "时间", "进度")):
            roles.setdefault("deadline", i)
        elif any(w in c for w in ("序号", "编号")):
            roles.setdefault("number", i)
        elif any(w in c for w in ("任务", "措施", "内容", "事项", "工作", "项目", "举措")):
            roles.setdefault("task", i)
    return roles


def parse_responsibility_table(rows: list[list[str]]) -> list[TableResponsibility]:
    """Rows of a table whose header names 牵头单位/责任单位/配合单位/完成时限 columns."""
    header_at = next((i for i, r in enumerate(rows) if any(w in "".join(r) for w in _HEADER_WORDS)), None)
    if header_at is None:
        return []
    roles = _column_roles(rows[header_at])
    if not {"lead", "units", "co"} & roles.keys():
        return []
    out: list[TableResponsibility] = []
    for ri in range(header_at + 1, len(rows)):
        row = rows[ri]

        def cell(role: str, row: list[str] = row) -> str:
            i = roles.get(role)
            return row[i].strip() if i is not None and i < len(row) else ""

        task = cell("task")
        number = cell("number") or None
        m = _NUMBER_PREFIX_RE.match(task)
        if m and not number:
            number = m.group(0).strip()
        title = task[m.end() :].strip() if m else task
        lead_units = split_units(cell("lead"))
        units = split_units(cell("units"))
        co_units = split_units(cell("co"))
        if not (lead_units or units or co_units):
            continue
        if lead_units:
            lead, co = lead_units[0], [*lead_units[1:], *units, *co_units]
        else:
            lead, co = _order(units + co_units, [], True)
        deadline = cell("deadline") or None
        out.append(TableResponsibility(ri, number, title, lead, co, deadline))
    return out


def _number_key(number: str | None) -> int | None:
    if not number:
        return None
    digits = re.search(r"\d+", number)
    if digits:
        return int(digits.group(0))
    cn = re.search(r"[一二三四五六七八九十]+", number)
    if not cn:
        return None
    s = cn.group(0)
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_NUM.index(tens) if tens else 1) * 10 + (_CN_NUM.index(ones) if ones else 0)
    return _CN_NUM.index(s) if len(s) == 1 else None


def _title_key(title: str) -> str:
    return re.sub(r"[\s\W_]+", "", _NUMBER_PREFIX_RE.sub("", title or ""))


def match_table_to_tasks(table_rows: list[TableResponsibility],
                         tasks: list[tuple[str | None, str]]) -> list[TableResponsibility | None]:
    """For each (number, title) task, the table row that belongs to it (title first, then number)."""
    used: set[int] = set()
    result: list[TableResponsibility | None] = [None] * len(tasks)
    for ti, (_, title) in enumerate(tasks):
        tk = _title_key(title)
        if len(tk) < 4:
            continue
        best, best_score = None, 0.0
        for ri, row in enumerate(table_rows):
            rk = _title_key(row.title)
            if ri in used or not rk:
                continue
            score = 1.0 if (tk in rk or rk in tk) else difflib.SequenceMatcher(None, tk, rk).ratio()
            if score > best_score:
                best, best_score = ri, score
        if best is not None and best_score >= 0.75:
            used.add(best)
            result[ti] = table_rows[best]
    for ti, (number, _) in enumerate(tasks):
        key = _number_key(number)
        if result[ti] is not None or key is None:
            continue
        for ri, row in enumerate(table_rows):
            if ri not in used and _number_key(row.number) == key:
                used.add(ri)
                result[ti] = row
                break
    return result
