"""Responsibility tables in every form a reader meets, read into rows with their unit and person cells.

Forms: pipe tables (``a | b | c``, also what ``readers`` makes of HTML and DOCX tables), TAB-separated rows,
and tables flattened one cell per line (a header run such as 序号 / 重点任务 / 牵头单位 / 责任单位 / 完成时限,
then the cells in order, with empty cells lost). Header words and their column roles come from
``data/tables.yaml``. A row keeps the span of all its cells; its task cell, its unit cells by role (lead,
units, co), its deadline cells and its person cells (责任领导, 责任人: ``officials``, never units).

All offsets are into the normalised text given to :func:`find_tables`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from plangraph.ingest.yamldata import load_yaml

DATA = Path(__file__).parent / "data" / "tables.yaml"
UNIT_ROLES = ("lead", "units", "co")
_SENTENCE_PUNCT = re.compile(r"[。;!?]")
_BARE_NUMBER = re.compile(r"^\d{1,5}[.、]?$")
_NUM_MARKER = re.compile(r"^(\d{1,5})\s*(?:[、﹒]|\.(?!\d))")
_SECTION_MARKER = re.compile(r"^[一二三四五六七八九十百]+\s*[、.,]")
_BULLET = re.compile(r"^(——|—|■|●|◆|▲|☆|◇|□|▶|•)")
_TIME = re.compile(
    r"^(?:\d{4}年)?(?:\d{1,2}(?:-\d{1,2})?月(?:底|份|中旬|上旬|下旬|末)?(?:前|以前)?|年底前?|年内|全年|长期|"
    r"长期坚持|持续推进|持续实施|\d{4}年(?:底|年底|上半年|下半年)?(?:前|以前)?(?:完成)?|第[一二三四]季度)$"
)
_END_OF_TABLE = re.compile(r"^(?:\(?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\)?|(?:政策|文件|图文)?解读[:：]?.*)$")
# a year heading a column of figures: 2025年, 2023年目标, 2025年预期值, 2020年底 (other such headers: figures_headers)
_YEAR_FIGURES = re.compile(r"(?:19|20)\d{2}年?(?:(?:目标|预期|计划|规划)值?|值|底)?")
_PERSON = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff\s、,]{1,14}$")
_QUANTITY = re.compile(r"一批|一系列|若干")
# an empty cell printed as a mark (/, -, 无): no task, no unit, no grouping label
_EMPTY_CELL = re.compile(r"^(?:[/\\／—–\-]+|无|暂无)$")


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int


@dataclass
class Row:
    """One table row: its number, its cells by role and the span from its first to its last cell."""

    number: str | None
    start: int
    end: int
    task: Cell | None = None
    details: list[Cell] = field(default_factory=list)
    units: list[tuple[str, Cell]] = field(default_factory=list)   # (lead | units | co, cell) in printed order
    deadlines: list[Cell] = field(default_factory=list)
    officials: list[Cell] = field(default_factory=list)
    section: Cell | None = None


@dataclass
class Table:
    start: int
    end: int
    header: list[tuple[str | None, Cell]]
    rows: list[Row]
    sections: list[Cell]
    lines: set[tuple[int, int]]

    @property
    def roles(self) -> list[str | None]:
        return [r for r, _ in self.header]


@lru_cache(maxsize=1)
def _config() -> dict:
    """``tables.yaml``, its column words completed with the label compounds of ``responsibility.yaml``
    (a 参加处室 column is a co column as a 参加处室: line is a co label)."""
    from plangraph.ingest.units import compound_labels

    config = load_yaml(DATA.read_text(encoding="utf-8"))
    for role, words in compound_labels().items():
        listed = config["roles"].setdefault(role, [])
        listed.extend(w for w in words if w not in listed)
    return config


def figures_header(cell: str) -> bool:
    """Whether a header cell heads a column of figures: a year (2023年目标) or a word of ``figures_headers``."""
    return bool(_YEAR_FIGURES.fullmatch(cell)) or cell in _config()["figures_headers"]


def header_role(cell: str) -> str | None:
    """The column role a header cell names (``牵头单位`` → lead), or None."""
    key = re.sub(r"[\s|]+", "", cell)
    if not key or len(key) > 10:   # header cells are short; a title line above the header is not one
        return None
    best: tuple[int, str] | None = None   # the longest word wins (事项分类 is a grouping column, not 事项)
    for role, words in _config()["roles"].items():
        size = max((len(w) for w in words if w in key), default=0)
        if size and (best is None or size > best[0]):
            best = (size, role)
    if best:
        return best[1]
    if key.endswith(tuple(_config()["official_suffixes"])):
        return "official"
    return None


def _cells_of_line(text: str, s: int, e: int) -> list[Cell]:
    out = []
    for m in re.finditer(r"[^|\t]+", text[s:e]):
        raw = m.group()
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            a = s + m.start() + lead
            out.append(Cell(stripped, a, a + len(stripped)))
    return out


def _slots_of_line(text: str, s: int, e: int) -> list[Cell | None]:
    """Cells of a separated row in column order, ``None`` for an empty cell (outer separators dropped)."""
    line = text[s:e]
    parts = list(re.finditer(r"[^|\t]*", line))
    slots: list[Cell | None] = []
    for m in parts:
        if m.start() == m.end() and m.start() > 0 and line[m.start() - 1] not in "|\t":
            continue   # the empty match after a non-empty one
        raw = m.group()
        stripped = raw.strip()
        a = s + m.start() + len(raw) - len(raw.lstrip())
        slots.append(Cell(stripped, a, a + len(stripped)) if stripped else None)
    while slots and slots[-1] is None:
        slots.pop()
    while slots and slots[0] is None and line.lstrip().startswith("|"):
        slots.pop(0)
        break
    return slots


def _is_multi_cell(line: str) -> bool:
    return bool(re.search(r"\s\|\s|\t|\S\|\S", line.strip().rstrip("|")))


def _one_cell(text: str, s: int, e: int) -> str:
    return text[s:e].strip().rstrip("|").strip()


HeaderCells = list[tuple[str | None, Cell, int]]   # (role, cell, lines it takes) of a flattened header


def _header_like(cell: str) -> bool:
    """Whether an unrecognised one-cell line can be a header cell between recognised ones (民生实事, 当前进度,
    区本级): a few Chinese characters that name no unit, time or status."""
    from plangraph.ingest.agencies import default_resolver
    from plangraph.ingest.units import is_unit

    key = re.sub(r"\s+", "", cell)
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,6}", key)) and not is_unit(key) and \
        not default_resolver().knows(key) and not _TIME.match(key) and key not in _config()["status_cells"]


def _header_run(text: str, lines: list[tuple[int, int]], i: int) -> HeaderCells:
    """The header run of one-cell lines starting at ``lines[i]`` (empty when none). A few unrecognised cells
    between recognised ones are kept as columns of no role, a header cell split over two lines (责任 / 单位) is
    joined, and an unrecognised cell right after 序号 with no task column named is the task column."""
    run: HeaderCells = []
    unknown = 0
    j = i
    while j < len(lines):
        body = _one_cell(text, *lines[j])
        roles = [r for r, _, _ in run]
        if role := header_role(body):
            if role in roles and "domain" in roles and j + 1 < len(lines) and \
                    _BARE_NUMBER.match(_one_cell(text, *lines[j + 1])):
                break   # a column named again right before row 1: the first group's label (发展目标), not a header
            run.append((role, Cell(body, *lines[j]), 1))
            j += 1
            continue
        if not run or unknown >= _config()["max_unknown_header_cells"] or not _header_like(body):
            break
        if j + 1 < len(lines) and header_role(nxt := _one_cell(text, *lines[j + 1])) is None and \
                _header_like(nxt) and (joined := header_role(body + nxt)):
            run.append((joined, Cell(body + nxt, lines[j][0], lines[j + 1][1]), 2))
            j += 2
            continue
        run.append((None, Cell(body, *lines[j]), 1))
        unknown += 1
        j += 1
    while run and run[-1][0] is None:
        run.pop()   # the header ends with its last recognised cell
    roles = [r for r, _, _ in run]
    if "task" not in roles:
        run = [(("task" if r is None and k and roles[k - 1] == "number" else r), c, n)
               for k, (r, c, n) in enumerate(run)]
        roles = [r for r, _, _ in run]
    kinds = set(roles)
    if len(roles) - roles.count(None) < _config()["min_header_cells"] or not {"task", *UNIT_ROLES} & kinds or \
            not (set(UNIT_ROLES) | {"official", "deadline"}) & kinds:
        return []
    if None in kinds and not (set(UNIT_ROLES) & kinds and {"number", "task"} & kinds):
        return []   # a run with unknown cells must still name a unit column and a number or task column
    return run


def _header_at(text: str, lines: list[tuple[int, int]], i: int) -> int:
    """Length in lines of the header run of one-cell lines starting at ``lines[i]`` (0 when none)."""
    return sum(n for _, _, n in _header_run(text, lines, i))


def _pipe_cells(text: str, lines: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], dict]:
    """Join the lines of one cell where cells are closed by lone ``|`` lines (HTML cells holding several
    paragraphs): lines between two ``|`` lines become one cell span. Returns the spans and, for each joined
    span, the real lines it covers (the closing ``|`` line included)."""
    bars = [k for k, (s, e) in enumerate(lines) if text[s:e].strip() == "|"]
    if not bars:
        return lines, {}
    out: list[tuple[int, int]] = []
    covers: dict[tuple[int, int], list[tuple[int, int]]] = {}
    is_bar = set(bars)
    k = 0
    while k < len(lines):
        if k in is_bar:
            if out and out[-1] in covers:
                covers[out[-1]].append(lines[k])
            elif out:
                covers[out[-1]] = [out[-1], lines[k]]
            k += 1
            continue
        j = k
        inside = bars[0] < k < bars[-1]
        while inside and j + 1 < len(lines) and j + 1 not in is_bar:
            j += 1
        span = (lines[k][0], lines[j][1])
        out.append(span)
        covers[span] = list(lines[k : j + 1])
        k = j + 1
    return out, covers


def find_tables(text: str, lines: list[tuple[int, int]]) -> list[Table]:
    """Every responsibility table among ``lines`` (non-blank line spans of ``text``)."""
    lines, covers = _pipe_cells(text, lines)
    tables = _find_tables(text, lines)
    for table in tables:
        table.lines = {real for span in table.lines for real in covers.get(span, [span])}
    return tables


def _find_tables(text: str, lines: list[tuple[int, int]]) -> list[Table]:
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        s, e = lines[i]
        line = text[s:e]
        if _is_multi_cell(line) and (record := _record_table(text, lines, i)):
            tables.append(record)
            i += len(record.lines)
            continue
        if _is_multi_cell(line):
            header = _cells_of_line(text, s, e)
            roles = [header_role(c.text) for c in header]
            if sum(r is not None for r in roles) >= _config()["min_header_cells"] - 1 and \
                    set(UNIT_ROLES) & set(roles):
                j = i + 1
                while j < len(lines) and re.search(r"[|\t]", text[lines[j][0]:lines[j][1]]) and \
                        not _key_label(_cells_of_line(text, *lines[j])[0].text):
                    j += 1   # up to the first line of key: value records (索引号: | …, the page's own data)
                tables.append(_grid_table(text, lines[i:j], header, roles))
                i = j
                continue
        header = _header_run(text, lines, i)
        if header:
            table = _flat_table(text, lines[i:], header)
            tables.append(table)
            i += len(table.lines)
            continue
        i += 1
    return tables


def _key_label(cell: str, longest: int = 8) -> bool:
    """A cell naming the field of a key: value record (重点工作:, 牵头单位:, 索引号:), not a table cell."""
    return bool(re.fullmatch(rf"[\u4e00-\u9fff、\s]{{2,{longest}}}[:：]", cell)) and not _SECTION_MARKER.match(cell)


def _key_value(text: str, lines: list[tuple[int, int]], j: int) -> tuple[Cell, Cell, int] | None:
    """The key and value cells of a record line at ``lines[j]`` and the lines they take: ``key: | value |``, or
    a key line alone (进展情况、存在问题 及下一步工作建议: |) with its value on the next line."""
    cells = _cells_of_line(text, *lines[j])
    if len(cells) == 2 and _key_label(cells[0].text, 20):
        return cells[0], cells[1], 1
    if len(cells) == 1 and _key_label(cells[0].text, 20) and j + 1 < len(lines) and \
            len(value := _cells_of_line(text, *lines[j + 1])) == 1 and not _key_label(value[0].text, 20):
        return cells[0], value[0], 2
    return None


def _record_table(text: str, lines: list[tuple[int, int]], i: int) -> Table | None:
    """Key: value records printed as pipe lines (重点工作: | 135.统筹… | / 牵头单位: | 市城管局 |), one row per record
    (a record starts again where its first key comes back): a table when the keys name a task and a unit."""
    keyed: list[tuple[str | None, Cell, Cell]] = []
    j = i
    while j < len(lines) and (kv := _key_value(text, lines, j)):
        keyed.append((header_role(kv[0].text.rstrip(":：")), kv[0], kv[1]))
        j += kv[2]
    kinds = {role for role, _, _ in keyed}
    if "task" not in kinds or not set(UNIT_ROLES) & kinds:
        return None
    first = keyed[0][1].text
    header = [(role, key) for role, key, _ in keyed]
    header = header[: next((k for k in range(1, len(header)) if header[k][1].text == first), len(header))]
    rows: list[Row] = []
    for role, key, value in keyed:
        if key.text == first:
            rows.append(Row(None, key.start, value.end))
        rows[-1].end = value.end
        _assign(rows[-1], role, value)
    rows = [r for r in rows if r.task is not None and r.units]
    return Table(lines[i][0], lines[j - 1][1], header, rows, [], set(lines[i:j])) if rows else None


def _grid_table(text: str, lines: list[tuple[int, int]], header: list[Cell], roles: list[str | None]) -> Table:
    """A table whose rows are lines with pipe or TAB separators."""
    rows: list[Row] = []
    sections: list[Cell] = []
    for s, e in lines[1:]:
        cells = _cells_of_line(text, s, e)
        slots = _slots_of_line(text, s, e)
        if len(slots) == len(roles) and len(cells) < len(roles) and cells:
            row = Row(None, cells[0].start, cells[-1].end)   # empty cells kept in place: align by column
            for role, cell in zip(roles, slots, strict=True):
                if cell is not None:
                    _assign(row, role, cell)
            row.section = sections[-1] if sections else None
            if row.task is not None:
                rows.append(row)
            continue
        if cells and all(re.fullmatch(r"[-:=+\s]+", c.text) for c in cells):
            continue   # the rule under a Markdown table header
        if len(cells) == 1 and _SECTION_MARKER.match(cells[0].text):
            sections.append(cells[0])
            continue
        if not cells:
            continue
        if len(cells) == len(roles):
            row = Row(None, cells[0].start, cells[-1].end)
            for role, cell in zip(roles, cells, strict=True):
                _assign(row, role, cell)
        elif len(cells) < len(roles) and _fits_columns(cells, roles[-len(cells):], shifted=True):
            row = Row(None, cells[0].start, cells[-1].end)   # the first columns merged into the rows above
            for role, cell in zip(roles[-len(cells):], cells, strict=True):
                _assign(row, role, cell)
        else:
            row = _classified_row(cells, roles)
        if row.task is not None and _SECTION_MARKER.match(row.task.text) and row.details and \
                _NUM_MARKER.match(row.details[0].text):
            sections.append(row.task)   # 一、做好信息公开。 | 1.推进预算公开。: a merged category, then the item
            row.task, row.details = row.details[0], row.details[1:]
        row.section = sections[-1] if sections else None
        _marked_lead(row)
        if row.task is not None:
            rows.append(row)
    return Table(lines[0][0], lines[-1][1], list(zip(roles, header, strict=True)), rows, sections, set(lines))


def _marked_lead(row: Row) -> None:
    """A unit cell marking its lead with ``*`` (区发改局、区财政局*): the marked unit leads and the others are co,
    each its own cell without the mark, unless another cell of the row is in a lead column."""
    from plangraph.ingest.units import split_units

    out: list[tuple[str, Cell]] = []
    for role, cell in row.units:
        pieces = [(u.start, u.end) for u in split_units(cell.text)] if "*" in cell.text else []
        marked = [p for p in pieces if "*" in cell.text[p[0]:p[1]]]
        others_lead = any(r == "lead" and c is not cell for r, c in row.units)
        if len(marked) != 1 or (others_lead and role != "lead"):
            out.append((role, cell))
            continue
        for a, b in pieces:
            m = re.fullmatch(r"[*\s]*(.*?)[*\s]*", cell.text[a:b])
            if m and m.group(1):
                start = cell.start + a + m.start(1)
                out.append(("lead" if (a, b) in marked else "co", Cell(m.group(1), start, start + len(m.group(1)))))
    row.units = out


def _assign(row: Row, role: str | None, cell: Cell) -> None:
    if role == "number":
        row.number = cell.text
    elif role == "task":
        if row.task is None:
            row.task = cell
        else:
            row.details.append(cell)
    elif role in UNIT_ROLES:
        row.units.append((role, cell))
    elif role == "deadline":
        row.deadlines.append(cell)
    elif role == "official":
        row.officials.append(cell)
    elif role in ("domain", "note"):
        pass
    elif row.task is None:
        row.task = cell
    else:
        row.details.append(cell)


def _looks_like_units(cell: str) -> bool:
    from plangraph.ingest.agencies import default_resolver
    from plangraph.ingest.units import is_unit, split_units

    body = cell.rstrip("。;,").replace("*", "")   # 区财政局*: a lead mark (see _marked_lead)
    if not body or len(body) > 200 or _SENTENCE_PUNCT.search(body) or _NUM_MARKER.match(body) or \
            _BULLET.match(body) or re.search(r"\d", body):
        return False
    if _QUANTITY.search(body):   # 新建一批中小学校: a task naming what it builds, not a unit
        return False
    units = split_units(body)
    return bool(units) and all(is_unit(u.name) or default_resolver().knows(u.name) or _is_office(u.name)
                               for u in units[:1])


def _is_office(name: str) -> bool:
    """An internal office of a department that ``units.is_unit`` does not take for a body (综合处, 办公室): a
    short name ending in an office word of ``office_endings`` (财务科, 各科室 are bodies to ``is_unit`` already)."""
    from plangraph.ingest.units import may_be_name

    key = name.removeprefix("各")
    return 2 <= len(name) <= 8 and may_be_name(name) and \
        any(key.endswith(w) and (len(key) > len(w) or w in _config()["whole_offices"])
            for w in _config()["office_endings"])


def _official_after_units(roles: list[str | None]) -> bool:
    units = [k for k, r in enumerate(roles) if r in UNIT_ROLES]
    return bool(units) and any(r == "official" and k > units[-1] for k, r in enumerate(roles))


def _kind(cell: str, roles: list[str | None], in_units: bool) -> str:
    """text | unit | time | person, for a cell whose column is unknown."""
    if cell in _config()["status_cells"]:   # a 是否 column's 是 / 否
        return "text"
    if _TIME.match(cell.replace(" ", "")):
        return "time"
    if _looks_like_units(cell):
        return "unit"
    short = len(cell) <= 15 and not _SENTENCE_PUNCT.search(cell) and not re.search(r"[\d%,]", cell) \
        and not _NUM_MARKER.match(cell) and not _BULLET.match(cell)
    if "official" in roles and _PERSON.match(cell) and len(name := cell.replace(" ", "")) <= 8 and \
            (not in_units or (len(name) <= 4 and _official_after_units(roles))):
        return "person"   # after the unit cells only a name (刘福利) when the leader column follows them
    if in_units and short:
        return "unit"   # truncated or unsuffixed names inside the unit cells (省人口计生)
    return "text"


def _classified_row(cells: list[Cell], roles: list[str | None], numbered: bool = False) -> Row:
    """Assign cells whose column is lost (empty cells dropped) by what they look like. With a grouping column
    (``domain``, a merged cell printed only in the first row of its group), a row with one text cell more than
    the other text columns starts with its grouping label, which is dropped. A ``numbered`` row opens with its
    number although the header names no number column."""
    row = Row(None, cells[0].start, cells[-1].end)
    unit_roles = [r for r in roles if r in UNIT_ROLES]
    task_first = "task" in roles and bool(unit_roles) and roles.index("task") < roles.index(unit_roles[0])
    deadline_last = "deadline" in roles and bool(unit_roles) and roles.index("deadline") > roles.index(unit_roles[-1])
    units: list[Cell] = []
    texts: list[Cell] = []
    in_units = units_closed = False
    for cell in cells:
        if row.number is None and not texts and _BARE_NUMBER.match(cell.text) and ("number" in roles or numbered):
            row.number = cell.text
            continue
        if _EMPTY_CELL.match(cell.text):
            continue
        kind = _kind(cell.text, roles, in_units)
        if not texts and (kind == "person" or (kind == "unit" and task_first)):
            kind = "text"   # the task column comes first: 建设区域医疗中心 is a task, not a unit or a person
        if kind == "unit" and units_closed and deadline_last and cell.text.endswith("。"):
            kind = "text"   # a sentence after the unit cells and another cell: a sub-row under a merged unit cell
        units_closed = units_closed or (in_units and kind != "unit")
        if kind == "unit":
            units.append(cell)
            in_units = True
        elif kind == "time":
            row.deadlines.append(cell)
        elif kind == "person":
            row.officials.append(cell)
        else:
            texts.append(cell)
    first_unit = next((i for i, r in enumerate(roles) if r in UNIT_ROLES), len(roles))
    text_columns = sum(r in ("task", None) for r in roles[:first_unit])
    if "domain" in roles[:first_unit] and len(texts) == max(1, text_columns) + 1 and _is_label(texts[0].text):
        texts = texts[1:]
    if texts:
        row.task, row.details = texts[0], texts[1:]
    for k, cell in enumerate(units):
        if k < len(unit_roles) and len(units) <= len(unit_roles):
            row.units.append((unit_roles[k], cell))
        else:  # cell boundaries lost: the first unit takes the first unit column, the rest are co
            row.units.append((unit_roles[0] if k == 0 and unit_roles else "co", cell))
    return row


def _is_label(cell: str) -> bool:
    """A grouping label (打造区域教育高地): short, unnumbered, no figures or sentence punctuation."""
    return len(cell) <= 15 and bool(re.search(r"[\u4e00-\u9fff]", cell)) and not re.search(r"[\d。;,:]", cell) \
        and not _NUM_MARKER.match(cell) and not _BULLET.match(cell)


def _fits_columns(cells: list[Cell], roles: list[str | None], shifted: bool = False) -> bool:
    """Whether cells read in column order make sense: the first unit column holds a unit (or an empty mark) and
    no text column holds one (merged or multi-line cells shift a flattened row). Cells ``shifted`` to the last
    columns (the first ones merged into the rows above) need a whole unit name there, not a short text, and a
    task column left among those columns."""
    if shifted and "task" not in roles:
        return False
    first = True
    for role, cell in zip(roles, cells, strict=True):
        if role in UNIT_ROLES and first:
            first = False
            unit = _looks_like_units(cell.text) if shifted else _kind(cell.text, roles, True) == "unit"
            if not (_EMPTY_CELL.match(cell.text) or unit):
                return False
        elif role == "task" and _looks_like_units(cell.text):
            return False
    return True


def _category_cell(text: str, body: str, roles: list[str | None], lines: list[tuple[int, int]], i: int) -> bool:
    """Whether the cell ``body`` (before ``lines[i]``) is a grouping cell of a flattened table: a short label
    that names no unit, right before a bare row number."""
    return i < len(lines) and bool(_BARE_NUMBER.match(text[lines[i][0]:lines[i][1]].strip().rstrip("|").strip())) \
        and len(body) <= 12 and not _BARE_NUMBER.match(body) and _kind(body, roles, False) == "text" \
        and not re.search(r"[\d。;,:]", body) and bool(re.search(r"[\u4e00-\u9fff]", body)) \
        and not _EMPTY_CELL.match(body)


def _flat_table(text: str, lines: list[tuple[int, int]], run: HeaderCells) -> Table:
    """A table flattened one cell per line: split the cell stream into rows after the header run."""
    n_header = sum(n for _, _, n in run)
    header = [c for _, c, _ in run]
    roles = [r for r, _, _ in run]
    has_number = "number" in roles
    has_units = bool(set(UNIT_ROLES) & set(roles))
    has_domain = has_number and "domain" in roles
    columns = [r for r in roles if r != "domain"]
    groups: list[list[Cell]] = []
    sections: list[Cell] = []
    group_sections: list[Cell | None] = []
    current: list[Cell] | None = None
    prev_number: int | None = None
    prev_row: int | None = None
    has_figures = any(figures_header(c.text) for c in header)
    unnamed_numbers = not has_number and not has_figures   # rows may still carry bare numbers in sequence
    prev_bare = 0
    in_units = False
    used = n_header
    for s, e in lines[n_header:]:
        raw = text[s:e].strip()
        if _END_OF_TABLE.match(raw) or _header_at(text, lines, used):
            break   # a signature date, a commentary, or the header of the next table
        used += 1
        body = re.sub(r"[\s|]+$", "", raw)   # 三、… |\n||| (a cell closed by empty cells)
        if not body:
            continue
        cell = Cell(body, s, s + len(body))
        number = _NUM_MARKER.match(body)
        opens = False
        if _SECTION_MARKER.match(body) and (current is None or len(current) > 1 or has_number):
            sections.append(cell)
            current = None
            in_units = False
            continue
        if has_domain and _category_cell(text, body, roles, lines, used) and (current is None or in_units):
            sections.append(cell)   # a merged 分类 cell, printed once before the rows it groups
            current = None
            in_units = False
            continue
        if unnamed_numbers and (current is None or in_units) and used < len(lines) and _is_label(body) and \
                _one_cell(text, *lines[used]) == str(prev_bare + 1) and _kind(body, roles, False) == "text":
            sections.append(cell)   # a merged category cell before a row numbered in a column the header lacks
            current = None
            in_units = False
            continue
        if unnamed_numbers and body == str(prev_bare + 1):
            opens = True
            prev_bare += 1
        elif has_number and _BARE_NUMBER.match(body):
            # with a column of figures (2023年目标) a bare number is a row number only in sequence
            row = int(re.sub(r"\D", "", body))
            opens = not has_figures or current is None or \
                (len(current) >= 3 and (row == (prev_row or 0) + 1 or (row == 1 and in_units)))
            if opens:
                prev_row = row
        elif not has_number and number:
            value = int(number.group(1))
            opens = current is None or in_units or (prev_number is not None and value == prev_number + 1)
            if opens:
                prev_number = value
        elif not has_number and has_units and in_units and _kind(body, roles, True) == "text" or current is None:
            opens = True
        if opens:
            current = [cell]
            groups.append(current)
            group_sections.append(sections[-1] if sections else None)
            in_units = False
            continue
        current.append(cell)
        if _kind(body, roles, in_units) == "unit":
            in_units = True
    rows = []
    for cells, section in zip(groups, group_sections, strict=True):
        in_order = roles if len(cells) == len(roles) else columns
        shifted = has_number and len(cells) < len(columns) and bool(_BARE_NUMBER.match(cells[0].text))
        if shifted:
            in_order = ["number", *columns[len(columns) - len(cells) + 1:]]   # cells merged into the rows above
        if has_number and len(cells) == len(in_order) and _fits_columns(cells, in_order, shifted):
            row = Row(None, cells[0].start, cells[-1].end)
            for role, cell in zip(in_order, cells, strict=True):
                _assign(row, role, cell)
        else:
            row = _classified_row(cells, roles, numbered=unnamed_numbers and cells[0].text.isdigit())
        row.section = section
        _marked_lead(row)
        if row.task is not None and len(re.sub(r"^\d+\s*[.、]?", "", row.task.text)) >= 2:
            rows.append(row)
    return Table(lines[0][0], lines[used - 1][1], list(zip(roles, header, strict=True)), rows, sections,
                 set(lines[:used]))
