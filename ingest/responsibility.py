"""Find who leads and who helps on a task: a responsibility grammar, table cells, inferred actors.

All functions work on normalised simplified text and return offsets relative to the string given.
Explicit clauses (:func:`find_clauses`, grammar data in ``data/responsibility.yaml``) are read as segments
``[label:] [由|会同] unit list [role word]`` in every placement: a tail in ( ) 〔 〕 【 】 [ ], labelled lines of
their own (consecutive label lines merge; person labels give ``officials``), role sentences (``由A牵头,B配合``),
shared lines after several items (``以上工作由A牵头,会同B``), unlabelled brackets whose items are all units, and
table cells (:func:`from_cells`). A task's own clause is its first; later ones are ``further``. Inferred (only
without an explicit clause): ``X会同Y``, ``由X牵头、Y参加``, ``X牵头``, ``——X:`` bullets, then ``X要/将/应/负责…``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache

from plangraph.ingest.agencies import default_resolver
from plangraph.ingest.memo import remember
from plangraph.ingest.units import (
    CLOSE,
    LEVEL_PREFIX_RE,
    OPEN,
    STRIP,
    Unit,
    bracket_depth,
    grammar,
    is_unit,
    looks_like_unit,
    may_be_name,
    role_words,
    shared_each,
    split_units,
    strip_role,
    top_level,
    wrapped_name,
)
from plangraph.ingest.years import MONTH, QUARTER

# The stated convention "列第一位的为牵头单位,下同" (and variants), stripped from unit lists.
# A bracket holding the convention goes whole, with any remark in it ("(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)").
CONVENTION_RE = re.compile(
    r"[(（][^()（）\n]{0,24}?(?:第一|首位|首个|排头|第1)[^()（）\n]{0,8}?(?:为|是)(?:工作|责任)?牵头[^()（）\n]{0,24}?[)）]"
    r"|[。;,]?\s*(?:(?:若|如|凡)[^。;,:()]{1,20}?,\s*)?"   # 若工作涉及多个处室的,列第一的为牵头责任处室
    r"[^。;,:()]{0,8}(?:第一|首位|首个|排头|第1)[^。;,:()]{0,6}(?:为|是)(?:工作|责任)?牵头(?:或[^。;,:()]{1,4}?)?"
    r"(?:责任)?(?:单位|部门|处室|科室)"
    r"(?:[,;]?\s*(?:下同|以下同|其余为配合单位|其他为配合单位|其他单位为配合单位|余为配合单位))*"
)
DEADLINE_RE = re.compile(
    rf"(?:(?:(?:20\d{{2}}|19\d{{2}})年(?:底|年底|{QUARTER}|{MONTH})?|{MONTH}|{QUARTER})"
    r"(?:前|以前|之前)?(?:(?:基本)?完成|实现|见效)?(?:并(?:长期坚持|持续推进))?"
    r"|(?:年内|年底前|年底|当年|全年)?(?:持续推进|持续实施|完成|见效)|长期坚持|长期推进|逐年推进|持续开展|长期)"
)
_DEADLINE_FULL_RE = re.compile(r"^(?:完成时限|时限)?[:]?\s*" + DEADLINE_RE.pattern + r"$")
SENTENCE_END = "。;!?\n"
CLAUSE_END = SENTENCE_END + ",:"
_CLAUSE_END_SCAN_RE = re.compile("[" + re.escape(OPEN + CLOSE + CLAUSE_END) + "]")
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


_NOT_ACTOR_ENDINGS = ("企业", "单位")


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
    co_leads: list[Unit] = field(default_factory=list)
    officials: list[str] = field(default_factory=list)
    truncated: bool = False
    form: str | None = None
    further: list = field(default_factory=list)  # later clauses of the same task (list[Clause])


NONE = Responsibility("none")


# ---------------------------------------------------------------------------- helpers
def is_actor(name: str) -> bool:
    """True when ``name`` can be who acts: a body by its ending, a vocabulary name or a generic reference."""
    if not name or len(name) > 30 or _NON_ACTOR_START_RE.match(name) or "的" in name:
        return False
    if default_resolver().knows(name):
        return True
    # in running text, 企业 and 单位 are mostly objects (有关企业) or measures (量和单位), not actors
    return looks_like_unit(name) and not name.endswith(_NOT_ACTOR_ENDINGS)


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


# ---------------------------------------------------------------------------- explicit (grammar)
@dataclass(frozen=True)
class Clause:
    """One printed responsibility clause: where it is, how it is printed and whom it names.

    ``form``: ``tail`` (a bracket after the task text), ``line`` (labelled line(s) of its own), ``sentence``
    (``由A牵头,B配合``), ``shared`` (``以上工作由A牵头,会同B`` covering the items printed above it), ``bare``
    (an unlabelled bracket whose items are units) or ``table`` (a table row's unit cells).
    """

    start: int
    end: int
    form: str
    lead: Unit | None
    co: list[Unit]
    co_leads: list[Unit] = field(default_factory=list)
    officials: list[str] = field(default_factory=list)
    deadline: str | None = None
    truncated: bool = False

    @property
    def shared(self) -> bool:
        """True when the clause covers the items printed above it (``以上工作由…``)."""
        return self.form == "shared"

    @property
    def units(self) -> list[Unit]:
        return ([self.lead] if self.lead else []) + self.co


@cache
def _labels() -> list[tuple[str, str]]:
    return sorted(((e["word"], e["role"]) for e in grammar()["labels"]), key=lambda p: -len(p[0]))


@cache
def _label_re() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w, _ in _labels())
    sp = r"[ \t\xa0\u3000]*"
    # the lookahead (a first character of a match) lets a scan skip most positions at C speed
    first = "".join(sorted({re.escape(w[0]) for w, _ in _labels()}))
    # a label ends with a colon, or with the bar of a table cell (牵头单位: | A |, 牵头单位 | A |)
    return re.compile(r"(?=[【\[〔" + first + r"])(?:[【\[〔](?P<boxed>" + words + r")[】\]〕]" + sp + r"[:：]?|(?P<label>" + words + r")" + sp
                      + r"(?:[:：](?:" + sp + r"\|)?|\|))" + sp)


@cache
def _label_roles() -> dict[str, str]:
    return dict(_labels())


def _label_role(m: re.Match[str]) -> str:
    """The role of a label match (``责任单位:`` or ``【责任单位】``)."""
    return _label_roles()[m.group("label") or m.group("boxed")]


@cache
def _opener_re() -> re.Pattern[str]:
    shared = "|".join(re.escape(w) for w in grammar()["shared_openers"])
    return re.compile(r"(?P<shared>" + shared + r")?[,，]?\s*(?:均|都|统一|全部|分别|具体|主要)?(?P<you>由)?")


@cache
def _co_opener_re() -> re.Pattern[str]:
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in grammar()["co_openers"]) + r")")


@cache
def _brackets() -> dict[str, str]:
    return {o: c for o, c in grammar()["brackets"]}


@cache
def _bracket_open_re() -> re.Pattern[str]:
    """Any opening bracket that can hold a clause (a scan jumps from one to the next)."""
    return re.compile("[" + "".join(re.escape(o) for o in _brackets()) + "]")


# Words a clause never holds as units; a segment made of them ends a sentence clause.
_SEGMENT_SPLIT = ",;，；"
_LINE_START_RE = re.compile(
    r"(?:^|(?<=\n))[^\S\n]*(?:[•·●■◆▪*\-][^\S\n]*)?"
)
_NUMBER_AT_RE = re.compile(
    r"[^\S\n]*(?:[(（]?[一二三四五六七八九十百\d]{1,3}[)）.、．]|第[一二三四五六七八九十]+[条项])[^\S\n]*"
)
_SENTENCE_BREAK = "。!?！？\n"
_SEGMENT_SCAN_RE = re.compile("[" + re.escape(OPEN + CLOSE + _SEGMENT_SPLIT + "。") + "]")
_CLOSE_SCAN_RE = re.compile("[" + re.escape(OPEN + CLOSE + "\n。") + "]")
_SENTENCE_BREAK_RE = re.compile("[" + re.escape(_SENTENCE_BREAK) + "]")
# what moves the scan for a sentence's first segment: brackets (depth) and the segment separators
_FIRST_SEGMENT_RE = re.compile("[" + re.escape(OPEN + CLOSE + _SEGMENT_SPLIT) + "]")
_CLAUSE_START_RE = re.compile(r"[。;；!?！？]\s*")
_BOUNDARY = ",，;；。!?！？\n)）〕]】"


def _segments(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Top-level segments of ``text[s:e]`` split at , ; and before every label."""
    cuts = [s]
    for m in top_level(_SEGMENT_SCAN_RE, text, s, e):
        i = m.start()
        cuts.append(i)
        cuts.append(i + 1)
    for m in _label_re().finditer(text, s, e):
        if m.start() > s and bracket_depth(text, s, m.start()) == 0:
            cuts.extend([m.start(), m.start()])
    cuts.append(e)
    cuts = sorted(cuts)
    out = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        while a < b and text[a] in " \t\n\xa0\u3000":
            a += 1
        while b > a and text[b - 1] in " \t\n\xa0\u3000。":
            b -= 1
        if b > a:
            out.append((a, b))
    return out


@dataclass
class _Parsed:
    units: list[Unit] = field(default_factory=list)
    officials: list[str] = field(default_factory=list)
    deadline: str | None = None
    labelled: bool = False
    roled: bool = False
    shared: bool = False
    end: int = 0
    junk: int = 0  # segments that are neither units, deadlines nor officials


_PARSED: dict[tuple[bool, bool], dict[str, _Parsed | None]] = {(t, s): {} for t in (False, True) for s in (False, True)}


def _parse_segments(text: str, s: int, e: int, *, truncated: bool, strict_stop: bool) -> _Parsed | None:
    """Read ``text[s:e]`` as clause segments. ``strict_stop``: the first segment that is not part of a clause
    ends the clause (sentences); otherwise such segments are skipped (brackets, lines).

    Only ``text[s:e]`` decides the reading (offsets move with ``s``), and the same unit lists recur in a
    plan and across plans, so readings are memoised by that text; each call gets its own copy."""
    found = remember(_PARSED[truncated, strict_stop], text[s:e],
                     lambda t: _read_segments(t, 0, len(t), truncated=truncated, strict_stop=strict_stop))
    if found is None:
        return None
    return _Parsed([u.moved(s) for u in found.units], list(found.officials),
                   found.deadline, found.labelled, found.roled, found.shared, found.end + s, found.junk)


def _read_segments(text: str, s: int, e: int, *, truncated: bool, strict_stop: bool) -> _Parsed | None:
    out = _Parsed(end=s)
    vouched: list[Unit] = []   # role-marked names of segments with no unit by its name, kept if the clause has one
    label_role: str | None = None
    segs = _segments(text, s, e)
    noted = False
    for k, (a, b) in enumerate(segs):
        last = truncated and k == len(segs) - 1
        seg_role: str | None = None
        m = _label_re().match(text, a, b)
        noted = noted or bool(k and "。" in text[segs[k - 1][1] : a])
        if noted and not m and _DEADLINE_FULL_RE.match(text[a:b].strip()):
            out.deadline = out.deadline or text[a:b].strip()
            continue
        if noted and not m:
            if strict_stop:
                break
            continue  # after a full stop inside a clause comes a note (具体任务…不再分工), not units
        noted = False
        if m:
            label_role = _label_role(m)
            out.labelled = True
            a = m.end()
        if a >= b:
            continue
        piece = text[a:b]
        if label_role == "deadline":
            out.deadline = out.deadline or piece.strip(" ,;。、") or None
            out.end = b
            continue
        if label_role == "person":
            out.officials.append(re.sub(r"\s+", "", piece).strip(STRIP))
            out.end = b
            continue
        if not m and _DEADLINE_FULL_RE.match(piece.strip()):
            out.deadline = out.deadline or piece.strip()
            out.end = b
            continue
        op = _opener_re().match(text, a, b)
        if op and op.end() > a:
            if op.group("shared") and k == 0:
                out.shared = True
            a = op.end()
        co = _co_opener_re().match(text, a, b)
        if co:
            seg_role = "co"
            a = co.end()
        body, role = strip_role(text[a:b].rstrip(STRIP))
        if role:
            seg_role = seg_role or role
            out.roled = True
        body_end = a + len(body)
        trusted = label_role is not None
        infix = _co_infix(text, a, body_end)
        if infix:  # "A会同B负责": A leads, B helps
            left = split_units(text[a : infix.start()], a)
            right = split_units(text[infix.end() : body_end], infix.end(), truncated=last)
            lead_role = seg_role if seg_role in ("lead", "co") else "lead"
            units = [replace(u, role=u.role or lead_role) for u in left] + [
                replace(u, role=u.role or "co") for u in right]
        else:
            units = split_units(text[a:body_end], a, truncated=last)
        units = [u for u in units if u.name]
        role_of = seg_role or label_role
        if seg_role == "co" and co is None and label_role == "lead":
            role_of = "co"
        named = [replace(u, role=u.role or role_of, lead_marker=u.lead_marker or role_of == "lead") for u in units]
        if units and not trusted and role and not strict_stop and not out.junk and \
                all(may_be_name(u.name) for u in units):
            # in a bracket or a line, a role word vouches for names whose ending says nothing (中国移动、
            # 中国电信等按职责分工负责; 中国邮政配合) when a unit of the clause is one by its name
            (out.units if any(is_unit(u.name) for u in units) else vouched).extend(named)
            out.end = b
            continue
        if not units or not (trusted or all(is_unit(u.name) for u in units)):
            if strict_stop:
                break
            out.junk += 1
            continue
        out.units.extend(named)
        out.end = b
    if out.units and vouched:
        out.units = sorted(out.units + vouched, key=lambda u: u.start)
    return out if out.units else None


def _co_infix(text: str, a: int, b: int) -> re.Match[str] | None:
    """A 会同/协同 between two unit lists inside one segment (``A会同B``), outside brackets."""
    for m in _co_opener_re().finditer(text, a, b):
        if m.start() > a and m.end() < b and bracket_depth(text, a, m.start()) == 0:
            return m
    return None


def _resolve(units: list[Unit], lead_first: bool) -> tuple[Unit | None, list[Unit], list[Unit]]:
    """(lead, co, co_leads): lead-marked units lead (several: the first leads, the others are co_leads);
    otherwise the first printed unit not labelled as helping leads (when ``lead_first``). Co units follow in
    printed order."""
    seen: set[str] = set()
    uniq = []
    for u in units:
        if u.name not in seen:
            seen.add(u.name)
            uniq.append(u)
    leads = [u for u in uniq if u.role == "lead"]
    if not leads and any(u.role == "co" for u in uniq):  # "A、B负责,C配合": the 负责 units lead
        leads = [u for u in uniq if u.role == "joint"]
    if leads:
        lead = leads[0]
    elif lead_first and uniq:  # the first printed unit that is not labelled as helping (配合单位:B;责任单位:A)
        lead = next((u for u in uniq if u.role != "co"), uniq[0])
    else:
        lead = None
    co = [u for u in uniq if u is not lead]
    return lead, co, leads[1:]


def _clause(form: str, start: int, end: int, p: _Parsed, truncated: bool, lead_first: bool) -> Clause:
    lead, co, co_leads = _resolve(p.units, lead_first)
    return Clause(start, end, "shared" if p.shared else form, lead, co, co_leads, p.officials, p.deadline,
                  truncated)


_WRAP_LIMIT = 160  # a bracket closed within this many characters may be wrapped over lines (PDF text)


def _matching_close(text: str, open_pos: int) -> tuple[int, bool]:
    """(index of the bracket closing ``text[open_pos]``, closed?). A bracket wrapped over a few lines is closed
    where its partner is (within ``_WRAP_LIMIT``); an unclosed bracket runs to the end of its line."""
    depth = 0
    first_nl = None
    for m in _CLOSE_SCAN_RE.finditer(text, open_pos, min(len(text), open_pos + _WRAP_LIMIT)):
        ch, i = m.group(), m.start()
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth -= 1
            if depth == 0:
                return i, True
        elif ch == "\n":
            first_nl = i if first_nl is None else first_nl
        elif ch == "。" and first_nl is not None:
            break
    if first_nl is not None:
        return first_nl, False
    return (len(text), False) if open_pos + _WRAP_LIMIT >= len(text) else (_line_end(text, open_pos), False)


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _unwrap(text: str, s: int, e: int) -> str:
    """``text`` with the line breaks inside ``[s, e)`` turned into spaces (a name broken over two lines)."""
    if "\n" not in text[s:e]:
        return text
    return text[:s] + text[s:e].replace("\n", " ") + text[e:]


def _before(text: str, pos: int) -> str:
    """The last non-space character before ``pos`` ('' at the start of the text)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\xa0\u3000":
        i -= 1
    return text[i] if i >= 0 else ""


def _after(text: str, pos: int) -> str:
    i = pos
    while i < len(text) and text[i] in " \t\xa0\u3000":
        i += 1
    return text[i] if i < len(text) else ""


def _bracket_clauses(text: str, lead_first: bool) -> list[Clause]:
    return list(_iter_bracket_clauses(text, lead_first))


def _iter_bracket_clauses(text: str, lead_first: bool) -> Iterator[Clause]:
    """Bracketed clauses in printed order (a generator: :func:`has_explicit` stops at the first)."""
    opener = _bracket_open_re()
    i = 0
    while True:
        found = opener.search(text, i)
        if found is None:
            break
        i = found.start()
        close, closed = _matching_close(text, i)
        truncated = not closed and not text[close:].strip()
        s, e = i + 1, close
        p = _parse_segments(_unwrap(_without_convention(text, s, e), s, e), s, e, truncated=truncated,
                            strict_stop=False)
        end = close + 1 if closed else close
        if p is not None:
            form = "tail" if (p.labelled or p.roled) else "bare"
            if form == "tail" or (not p.junk and _bare_position_ok(text, i, end) and _bare_units_ok(p.units)):
                yield _clause(form, i, end, p, truncated, lead_first)
                i = end
                continue
        i += 1


def _without_convention(text: str, s: int, e: int) -> str:
    """``text`` with the stated convention (``列第一位的为牵头单位,下同``) inside ``[s, e)`` blanked out."""
    if text.find("牵头", s, e) < 0:  # every convention ends in 为/是牵头…: none here (a cheap test first)
        return text
    spans = [(m.start(), m.end()) for m in CONVENTION_RE.finditer(text, s, e)]
    return _blank(text, spans) if spans else text


# a unit named from its level: units.LEVEL_PREFIX_RE, or below the county, a 各-group, the Party, the state
_LEVEL_PREFIX = re.compile(LEVEL_PREFIX_RE.pattern + r"|^(?:各|乡|镇|街道|中共|国家|国务院)")


def _bare_units_ok(units: list[Unit]) -> bool:
    """An unlabelled bracket names who is responsible only when a unit in it is an agency the vocabulary knows
    or one named from its level (市住建局, 区融媒体中心, 各乡镇); a gloss such as ``综合体(社区服务中心)`` names a
    facility."""
    resolver = default_resolver()
    return any(resolver.knows(u.name) or _LEVEL_PREFIX.match(u.name) for u in units)


def _bare_position_ok(text: str, start: int, end: int) -> bool:
    """An unlabelled list of units is a responsibility only where a tail stands: after a sentence or line end,
    or closing the sentence (followed by 。/;/line end) after text that is not itself a name."""
    before = _before(text, start)
    if before in ("", "\n", "。", ";", "；", "!", "?", "！", "？"):
        return True
    after = _after(text, end)
    return after in ("", "\n", "。", ";", "；") and not looks_like_unit(text[max(0, start - 12) : start].strip())


def _line_clauses(text: str, taken: list[tuple[int, int]], lead_first: bool) -> list[Clause]:
    """Labelled lines (``责任单位:A、B``; ``牵头单位:A`` + ``责任单位:B`` on the next line merge)."""
    out: list[Clause] = []
    spans: list[tuple[int, int]] = []
    for m in _label_re().finditer(text):
        if any(a <= m.start() < b for a, b in taken + spans):
            continue
        before = _before(text, m.start())
        if before not in ("", "\n", "。", ";", "；", "!", "?", "！", "？", "•", "·", "●", "■", "◆", "▪", "*", ":"):
            continue
        start = m.start()
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end
        while True:  # merge the following labelled lines and lines continuing a list broken after 、 or ,
            nxt = end + 1
            while nxt < len(text) and text[nxt] in " \t\xa0\u3000\n":
                nxt += 1
            if nxt >= len(text):
                break
            broken = text[start:end].rstrip()[-1:] in ("、", ",", "，") or _wrapped_at(text, start, end, nxt)
            if not (_label_re().match(text, nxt) or (broken and not _NUMBER_AT_RE.match(text, nxt))):
                break
            end = _line_end(text, nxt)
        truncated = not text[end:].strip()
        e = end
        while e > start and text[e - 1] in " \t\xa0\u3000。;；|":
            e -= 1
        p = _parse_segments(_without_convention(text, start, e), start, e, truncated=truncated, strict_stop=False)
        spans.append((start, end))
        if p is not None:
            out.append(_clause("line", start, e, p, truncated, lead_first))
    return out


def _wrapped_at(text: str, start: int, end: int, nxt: int) -> bool:
    """A labelled line cut by a hard wrap inside a unit name (``协办单位:区委编办、园区党工`` / ``委、各街道党工委``)."""
    last = re.split(r"[、,，;；:：]", text[start:end].rstrip())[-1]
    first = re.split(r"[、,，;；。\n]", text[nxt:_line_end(text, nxt)])[0]
    return bool(last and first) and wrapped_name(last, "\n", first)


def _clause_starts(text: str) -> list[int]:
    """Offsets where a sentence may start: line starts (after a number marker) and after 。;!?"""
    starts = []
    for m in _LINE_START_RE.finditer(text):
        pos = m.end()
        num = _NUMBER_AT_RE.match(text, pos)
        starts.append(num.end() if num else pos)
    for m in _CLAUSE_START_RE.finditer(text):
        starts.append(m.end())
    return sorted(set(s for s in starts if s < len(text)))


def _first_segment_end(text: str, s: int, stop: int) -> int:
    """Where the first top-level segment of ``text[s:stop]`` ends (its , or ; outside brackets, else ``stop``)."""
    depth = 0
    for m in _FIRST_SEGMENT_RE.finditer(text, s, stop):
        ch = m.group()
        if ch in _SEGMENT_SPLIT:
            if depth == 0:
                return m.start()
        elif ch in OPEN:
            depth += 1
        else:
            depth -= 1
    return stop


@cache
def _lead_word_re() -> re.Pattern[str]:
    """Any word that can make a sentence's first segment lead or share (``strip_role`` gives lead/joint only
    for a role word of theirs or a 牵头/主责 marker): without one a text has no sentence clause."""
    words = {w for w, role in role_words() if role in ("lead", "joint")} | {"牵头", "主责"}
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _sentence_clauses(text: str, taken: list[tuple[int, int]], lead_first: bool) -> list[Clause]:
    """``由A牵头,B、C配合。`` / ``A负责,B配合,<task>`` / ``以上工作由A、B牵头,会同C…``."""
    out: list[Clause] = []
    if not _lead_word_re().search(text):
        return out
    for s in _clause_starts(text):
        if any(a <= s < b for a, b in taken) or (out and s < out[-1].end):
            continue
        brk = _SENTENCE_BREAK_RE.search(text, s)
        stop = brk.start() if brk else len(text)
        first_end = _first_segment_end(text, s, stop)
        op = _opener_re().match(text, s, first_end)
        a = op.end() if op else s
        body, role = strip_role(text[a:first_end].rstrip(" \t"))
        if role is None and op and op.group("you"):   # 由A、B,C、D负责: the list goes on over a comma
            body, role, first_end = _list_over_commas(text, a, first_end, stop, body)
        if role not in ("lead", "joint") or not body:
            continue
        if role == "joint" and not (op and (op.group("you") or op.group("shared"))) and "负责" not in text[
                a + len(body) : first_end]:
            continue
        if first_end < len(text) and text[first_end] not in _BOUNDARY:
            continue
        units = split_units(body, a)
        if not units or not all(is_unit(u.name) for u in units):
            continue
        truncated = stop >= len(text)
        p = _parse_segments(text, s, stop, truncated=truncated, strict_stop=True)
        if p is None:
            continue
        end = p.end
        whole = not text[end:stop].strip(" \t,，;；。")
        helpers = any(u.role == "co" for u in p.units)
        if not (whole or helpers):  # "由A牵头,制定…": an action told to A (inferred), not an assignment
            continue
        out.append(_clause("sentence", s, end, p, truncated and end >= len(text) - 1, lead_first))
    return out


def _list_over_commas(text: str, a: int, first_end: int, stop: int, body: str) -> tuple[str, str | None, int]:
    """``由市财政局、农业局,各县(市)、区人民政府负责``: the first segment that carries a role word closes a list
    of units broken by commas; (its body, role, end), or the first segment's when the list breaks first."""
    k = first_end
    while k < stop and text[k] in ",，" and all(is_unit(u.name) for u in split_units(text[a:k])):
        nxt = _first_segment_end(text, k + 1, stop)
        whole, role = strip_role(text[a:nxt].rstrip(" \t"))
        if role is not None:
            return whole, role, nxt
        k = nxt
    return body, None, first_end


def find_clauses(text: str, *, lead_first: bool = True) -> list[Clause]:
    """Every explicit responsibility clause in ``text`` (a task, a line, a page), in printed order.

    Forms: brackets (labelled, role-worded or a bare list of units), labelled lines, role sentences and
    shared lines. Offsets are relative to ``text``.
    """
    clauses = _bracket_clauses(text, lead_first)
    taken = [(c.start, c.end) for c in clauses]
    clauses += _line_clauses(text, taken, lead_first)
    taken = [(c.start, c.end) for c in clauses]
    clauses += _sentence_clauses(text, taken, lead_first)
    clauses.sort(key=lambda c: c.start)
    return [c for c in clauses if c.lead is not None or c.co]


def names_official(text: str) -> bool:
    """A labelled line naming the official answerable for the item (``牵头领导:张三``): an assignment to a person,
    not to a unit."""
    return any(_label_role(m) == "person" for m in _label_re().finditer(text)
               if m.start() == 0 or text[m.start() - 1] == "\n")


def has_explicit(text: str) -> bool:
    """``find_explicit(text) is not None``, stopping at the first clause found (every clause names a unit, so
    with the first listed unit leading each one counts)."""
    if next(_iter_bracket_clauses(text, True), None) is not None:
        return True
    return bool(_line_clauses(text, [], True) or _sentence_clauses(text, [], True))


def parse_clause(text: str, *, lead_first: bool = True) -> Clause | None:
    """The first responsibility clause of a short text (``(责任单位:A、B)``, ``牵头单位:A``, ``由A牵头,B配合``)."""
    found = find_clauses(text, lead_first=lead_first)
    return found[0] if found else None


def from_cells(lead_cells: list[str], co_cells: list[str], unit_cells: list[str] = (), *,
               lead_first: bool = True) -> Clause | None:
    """A table row's responsibility: 牵头单位 cells lead (several: co_leads), 责任单位 cells follow (first leads
    when there is no lead cell), 配合单位 cells help. Cell text is trusted as units (truncated names kept)."""
    units: list[Unit] = []
    for cells, role in ((lead_cells, "lead"), (unit_cells, None), (co_cells, "co")):
        for cell in cells:
            for u in _cell_units(cell):
                units.append(replace(u, role=u.role or role, lead_marker=u.lead_marker or role == "lead"))
    if not units:
        return None
    lead, co, co_leads = _resolve(units, lead_first)
    return Clause(0, 0, "table", lead, co, co_leads)


def _cell_units(cell: str) -> list[Unit]:
    cell = cell.strip()
    if not cell:
        return []
    p = _parse_segments(cell, 0, len(cell), truncated=False, strict_stop=False)
    if p is not None and p.units:
        return p.units
    return [u for u in split_units(cell) if u.name]


def find_explicit(task_text: str, *, lead_first: bool = True) -> Responsibility | None:
    """The task's own explicit responsibility (its first clause), or None; later clauses go to ``further``."""
    found = find_clauses(task_text, lead_first=lead_first)
    if not found:
        return None
    first = found[0]
    deadline = first.deadline or _deadline_parenthetical(task_text)
    return _from_clause(first, deadline, found[1:])


def _from_clause(c: Clause, deadline: str | None, further: list[Clause] = ()) -> Responsibility:
    names = [u.name for u in c.units]
    return Responsibility("explicit", c.lead, c.co, c.start, c.end, deadline, [n for n in names if is_generic(n)],
                          co_leads=c.co_leads, officials=c.officials, truncated=c.truncated, form=c.form,
                          further=list(further))


def _deadline_parenthetical(text: str) -> str | None:
    for m in re.finditer(r"\(([^()]{2,24})\)", text):
        inner = m.group(1).strip()
        if _DEADLINE_FULL_RE.match(inner) or re.fullmatch(r"(?:20\d{2})年(?:底|年底)?(?:前|以前)?完成", inner):
            return inner
    return None


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
    m = next(top_level(_CLAUSE_END_SCAN_RE, text, pos), None)
    return m.start() if m else max(pos, len(text))


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    m = _NUMBER_PREFIX_RE.match(text[s:e])
    if m:
        s += m.end()
    while s < e and (text[s].isspace() or text[s] in OPEN):  # (市水务局要…): the bracket is no part of a name
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
            shared = shared_each(units, cand)   # 各市州及县市区: the 各 is shared
            if shared != cand and is_actor(shared):
                suffixed = j
                continue
            if not is_actor(cand):
                continue
            if default_resolver().knows(cand):
                known = j  # the longest vocabulary name wins (财政部门 over 财政部)
            elif suffixed is None and looks_like_unit(cand):
                suffixed = j
        found = known or suffixed
        if found is None:
            break
        for u in split_units(seg[i:found], pos + i):
            units.append(replace(u, name=shared_each(units, u.name)))
        i = found
        sep = re.match(r"、|和|及|以及", seg[i:])
        if not sep:
            break
        i += sep.end()
    if len(units) > 1:   # read together, the pieces may share a suffix: 各市州、县市区教育部门 → 各市州教育部门, …
        whole = split_units(text[pos : units[-1].end], pos)
        if len(whole) >= len(units) and all(is_actor(u.name) for u in whole):
            units = whole
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
            you = re.match(r"(?:具体|主要|统一|分别)?由", text[xs:xe])
            if you:   # 由A会同B组织实施 / 具体由A会同B办理: A leads
                xs += you.end()
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


_DEADLINE_LEAD_RE = re.compile(r"\s*(?:\d{4}年)?(?:\d{1,2}月(?:\d{1,2}日)?|年)?(?:底|末|中旬|上旬|下旬)?(?:前|以前|之前)\s*[,，]\s*")


@cache
def _deadline_verb_re() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in grammar()["deadline_actor_verbs"]))


def _deadline_actors(text: str) -> Responsibility | None:
    """``2016年2月底前,各市州完成…``: after a leading deadline, the units before an action verb act."""
    for ss, se in _sentences(text):
        number = _NUMBER_PREFIX_RE.match(text, ss)
        start = number.end() if number else ss
        m = _DEADLINE_LEAD_RE.match(text, start)
        if not m or not re.search(r"\d|年底|年末", text[start:m.end()]):
            continue
        verb = _deadline_verb_re().search(text, m.end(), min(se, m.end() + 24))
        if verb is None:
            continue
        xs, xe = _strip_span(text, m.end(), verb.start())
        actors = _actors(text, xs, xe)
        if actors:
            return _inferred(actors[:1], actors[1:], xs, _clause_end(text, xs))
    return None


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
    return _construction(task_text) or _bullets(task_text) or _modal_actors(task_text) or _deadline_actors(task_text)


def find_responsibility(task_text: str, *, lead_first: bool = True) -> Responsibility:
    """Explicit responsibility when the task has a 责任单位-style line, else inferred, else ``none``.

    ``lead_first``: the first listed unit leads (the house convention); with False only a 牵头 marker
    or a 牵头单位 label names a lead.
    """
    explicit = find_explicit(task_text, lead_first=lead_first)
    if explicit is not None:
        return explicit
    return find_implicit(task_text)


def find_implicit(task_text: str) -> Responsibility:
    """What :func:`find_responsibility` gives for a task without an explicit clause: inferred, else ``none``."""
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
