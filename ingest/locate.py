"""Which responsibility clause belongs to each task: its table row's unit cells, the first clause after its
own text, or a shared line after several items (``以上工作由A牵头,会同B``). The clause text itself is read by
:mod:`ingest.responsibility`; persons and posts (牵头领导, 责任人) are kept apart as ``lead_official``.

Offsets of the returned :class:`Responsibility` are relative to the task's start, like those of
``find_responsibility(task_text)``, so callers add the task's start whatever the clause's place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from plangraph.ingest.responsibility import (
    NONE,
    Responsibility,
    find_explicit,
    find_implicit,
    find_responsibility,
    parse_clause,
)
from plangraph.ingest.structure import TaskSpan
from plangraph.ingest.tables import Row, _config
from plangraph.ingest.units import CLOSE, Unit, is_unit, split_units

_NON_SPACE = re.compile(r"\S")


@dataclass(frozen=True)
class Located:
    """A task's responsibility and where it was found (``text`` | ``table`` | ``shared``)."""

    responsibility: Responsibility
    found_in: str = "text"
    lead_official: str | None = None


def _shift(resp: Responsibility, delta: int) -> Responsibility:
    if not delta:
        return resp

    def move(u: Unit | None) -> Unit | None:
        return None if u is None else u.moved(delta)

    return replace(resp, lead=move(resp.lead), co=[move(u) for u in resp.co],
                   quote_start=None if resp.quote_start is None else resp.quote_start + delta,
                   quote_end=None if resp.quote_end is None else resp.quote_end + delta)


def first_clause(task_text: str) -> Responsibility | None:
    """The first explicit responsibility after the task's own text (the grammar of :mod:`ingest.responsibility`
    reads clauses in printed order; consecutive labelled lines such as ``牵头单位:A`` / ``责任单位:B`` are one
    clause). Later clauses of the same task stay in ``further``, they are not merged into it."""
    return find_explicit(task_text)


def _line_closed(text: str, pos: int) -> bool:
    """A clause ending at ``pos`` whose line the page closes (a line break follows, no list separator before)."""
    rest = text[pos:]
    return rest.lstrip(" \t").startswith("\n") and text[:pos].rstrip()[-1:] not in ("、", ",", "，")


def _blank_from(text: str, pos: int) -> bool:
    """Nothing but whitespace from ``pos`` to the end (``not text[pos:].strip()`` without copying the rest)."""
    return _NON_SPACE.search(text, pos) is None


def _complete_units(resp: Responsibility, clause_text: str, at_end: bool) -> Responsibility:
    """A clause cut at the end of the page keeps its complete units: when nothing follows the clause
    (``at_end``) and it is not closed, its last unit is kept only if it reads as a whole unit name (``区商``
    at the cut is not)."""
    if not at_end or resp.quote_end is None or clause_text[resp.quote_end:].strip():
        return resp
    quote = clause_text[resp.quote_start:resp.quote_end]
    if not quote or quote.rstrip()[-1] in CLOSE + "。;、,":
        return resp
    units = [u for u in [resp.lead, *resp.co] if u is not None]
    last = units[-1] if units else None
    if last is None or is_unit(last.name):  # a vocabulary name (各县区) or a body by its ending
        return resp
    keep = [u for u in units if u.end <= last.start or u.start != last.start]
    keep = [u for u in keep if u is not last and u.start < last.start]
    if not keep:
        return replace(NONE, deadline=resp.deadline)
    return replace(resp, lead=keep[0], co=keep[1:])


@cache
def _officials_re() -> re.Pattern[str]:
    words = sorted(_config()["roles"]["official"], key=len, reverse=True)
    suffixes = "|".join(_config()["official_suffixes"])
    label = rf"(?:{'|'.join(words)}|[\u4e00-\u9fff]{{0,6}}(?:{suffixes}))"
    return re.compile(rf"{label}\s*:\s*([^\n;。)]+)")


def officials_in(text: str) -> str | None:
    """Persons or posts named by a label such as ``牵头领导:常务副区长`` (never units)."""
    if ":" not in text:  # every label ends in a colon
        return None
    found = [m.group(1).strip() for m in _officials_re().finditer(text)]
    return "、".join(found) or None


def _cell_units(cell: str, offset: int) -> list[Unit]:
    """Units of one table cell: a clause when the cell holds one (``牵头:A;配合:B``, ``A牵头,B配合``), else a
    plain unit list; offsets moved by ``offset``."""
    units = split_units(cell)
    clause = None if any(u.lead_marker for u in units) else parse_clause(cell)  # 市商务局(牵头) marks one unit
    if clause is not None and clause.form != "bare":
        lead = [replace(clause.lead, lead_marker=True)] if clause.lead else []
        units = lead + list(clause.co)
    return [u.moved(offset) for u in units if len(u.name.strip()) > 1]   # 区 alone: a name cut in the cell


def _table(text: str, row: Row, base: int) -> Responsibility | None:
    lead_units: list[Unit] = []
    co: list[Unit] = []
    has_lead_column = any(role == "lead" for role, _ in row.units)
    for role, cell in row.units:
        units = _cell_units(cell.text, cell.start - base)
        if role == "lead" or (role == "units" and not has_lead_column and not lead_units):
            lead_units.extend(units[:1])
            co.extend(units[1:])
        else:
            co.extend(units)
    marked = [u for u in lead_units + co if u.lead_marker]
    if marked and not has_lead_column:   # 市发改委(牵头)、市财政局 in a plain unit column
        lead_units, co = marked[:1], [u for u in lead_units + co if u is not marked[0]]
    if not lead_units and co:
        lead_units, co = co[:1], co[1:]
    if not lead_units:
        return None
    lead = lead_units[0]
    seen = {lead.name}
    ordered = []
    for u in co:
        if u.name not in seen:
            seen.add(u.name)
            ordered.append(u)
    cells = [c for _, c in row.units]
    deadline = "、".join(c.text for c in row.deadlines) or None
    return Responsibility("explicit", lead, ordered, cells[0].start - base, cells[-1].end - base, deadline)


def locate(text: str, span: TaskSpan) -> Located:
    """The responsibility of the task ``span`` of the normalised ``text``."""
    base = span.start
    task_text = text[span.start:span.end]
    if span.row is not None:
        official = "、".join(re.sub(r"\s+", "", c.text) for c in span.row.officials) or None
        resp = _table(text, span.row, base)
        if resp is None and span.row.task is not None:
            cell = span.row.task
            own = first_clause(text[cell.start:cell.end])
            resp = _shift(own, cell.start - base) if own else None
        if resp is not None:
            return Located(resp, "table", official or officials_in(task_text))
        return Located(NONE, "table", official)
    official = officials_in(task_text)
    own = first_clause(task_text)
    if own is not None:
        at_end = _blank_from(text, span.end)
        if own.truncated and (not at_end or _line_closed(text, span.start + (own.quote_end or 0))):
            own = replace(own, truncated=False)   # cut by the task's end or closed by a line break: whole
        own = _complete_units(own, task_text, at_end)
        helpers_only = own.lead is not None and own.lead.role == "co" and all(u.role == "co" for u in own.co)
        if helpers_only and span.shared is not None:   # 协同单位:B、C under a heading naming who leads (A牵头的工作)
            led = _led_by_heading(text, span.shared, base)
            if led is not None:
                return Located(replace(own, lead=led, co=[own.lead, *own.co]), "text", official)
        return Located(own, "text", official)
    if span.shared is not None:  # a printed assignment of the items above: explicit for each of them
        s, e = span.shared
        shared = _shared_clause(text[s:e])
        if shared.lead is not None:
            shared = _complete_units(replace(shared, source="explicit"), text[s:e], _blank_from(text, e))
            return Located(_shift(shared, s - base), "shared", official)
    named = _named_by_heading(task_text, span.title) or _unit_line(task_text)
    if named is not None:
        return Located(named, "text", official)
    return Located(find_implicit(task_text), "text", official)  # first_clause found no explicit one


def _shared_clause(clause: str) -> Responsibility:
    """The assignment a shared line or a heading prints for the items it covers: its responsibility clause, or,
    for a heading that is only a unit list (一、区体育局), those units."""
    found = find_responsibility(clause)
    return found if found.lead is not None else (_unit_list(clause, 0, "bare") or found)


def _led_by_heading(text: str, shared: tuple[int, int], base: int) -> Unit | None:
    """The unit leading a heading's items (``(二)省审计厅牵头的工作``) for an item that prints only who helps,
    placed in the task's coordinates; None when the heading names no lead."""
    s, e = shared
    lead = _shared_clause(text[s:e]).lead
    if lead is None or lead.role == "co":
        return None
    return replace(lead, start=lead.start + s - base, end=lead.end + s - base)


_UNIT_LINE = re.compile(r"\n[ \t]*([^\n:：。;,，]{2,}、[^\n:：。;,，]+?)[ \t]*(?=\n|$)")


def _unit_line(task_text: str) -> Responsibility | None:
    """A line under the task that is nothing but a list of units (``市应急管理局、市消防救援支队``, a table whose
    header is cut off): the first leads, explicitly. Two units at least, every one a unit by its name."""
    for m in _UNIT_LINE.finditer(task_text):
        found = _unit_list(m.group(1), m.start(1), "line", min_units=2)
        if found is not None:
            return found
    return None


def _unit_list(name: str, at: int, form: str, *, min_units: int = 1) -> Responsibility | None:
    """``name`` (printed at ``at``) when it is nothing but a list of units (every one a unit by its name): the
    first leads, explicitly."""
    units = split_units(name, at)
    if len(units) < max(1, min_units) or not all(is_unit(u.name) for u in units):
        return None
    return Responsibility("explicit", units[0], units[1:], quote_start=at, quote_end=at + len(name), form=form)


_DUTY_OPENER = re.compile(r"[\s:：]*(?:主要)?(?:负责|牵头|承担)(?!人)")


def _named_by_heading(task_text: str, title: str) -> Responsibility | None:
    """A task headed by the unit it assigns, its text its duties (``(一)党政办\n负责策划宣传…``,
    ``1.市发展改革委:负责…``): that unit (list) leads, explicitly."""
    at = task_text.find(title) if title else -1
    name = title.rstrip(":： ")
    if at < 0 or not name or len(name) > 20 or not _DUTY_OPENER.match(task_text, at + len(name)):
        return None
    return _unit_list(name, at, "bare")
