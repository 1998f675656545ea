"""The text of a Word (.docx) document in reading order, with Word's automatic list numbers written out.

Word keeps a list's numbers ("一、", "(一)", "1.", "①") out of the paragraph text: they are computed from the
paragraph's numbering reference (``w:numPr``, on the paragraph or its style) and the level definitions of
``numbering.xml``. A plan typed with automatic numbering would lose its whole outline, so the numbers are
rendered as Word shows them: one counter per list, deeper levels restarting when a higher one advances, each
level's format (decimal, Chinese counting, circled, letters, Roman) and its text pattern (``%1、``, ``(%1)``,
``%1.%2``). Bullets are left out. Tables are ``cell | cell |`` rows; a merged cell is printed once per row
(a vertical merge repeats in every row it covers, as in the HTML reader), and of a two-level header only the
lower row is printed.
"""

from __future__ import annotations

import re
from typing import Any

from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from plangraph.ingest.cell_spans import is_upper_header

_DIGITS = "零一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
MAX_NUMBER = 10_000
_CJK_END = re.compile(r"[\u3000-\u303f\uff00-\uffef\u4e00-\u9fff)）.、]$")


def _chinese(n: int, digits: str = _DIGITS, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (below 10,000; larger numbers in Arabic digits)."""
    if not 0 < n < 10_000:
        return str(n)
    parts: list[str] = []
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d:
            if zero and parts:
                parts.append(digits[0])
            parts.append(digits[d] + unit)
            zero = False
        elif parts:
            zero = True
    text = "".join(parts)
    return text[1:] if text.startswith(digits[1] + units[0]) and digits is _DIGITS else text


def _letters(n: int, base: str) -> str:
    """1 → a, 26 → z, 27 → aa (Word repeats the letter)."""
    return base[(n - 1) % 26] * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += numeral
            n -= value
    return out


def _enclosed(n: int, first: int, last: int) -> str:
    return chr(first + n - 1) if 1 <= n <= last else str(n)


FORMATS: dict[str, Any] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate({i: 0xFF10 + i - 0x30 for i in range(0x30, 0x3A)}),
    "decimalHalfWidth": str,
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "ideographDigital": lambda n: "".join(_DIGITS[int(d)] for d in str(n)).replace("零", "〇"),
    "japaneseCounting": _chinese,
    "taiwaneseCounting": _chinese,
    "taiwaneseCountingThousand": _chinese,
    "chineseLegalSimplified": lambda n: _chinese(n, _LEGAL_DIGITS, "拾佰仟"),
    "ideographLegalTraditional": lambda n: _chinese(n, _LEGAL_DIGITS, "拾佰仟"),
    "ideographTraditional": lambda n: _STEMS[(n - 1) % 10],
    "ideographZodiac": lambda n: _BRANCHES[(n - 1) % 12],
    "decimalEnclosedCircle": lambda n: _enclosed(n, 0x2460, 20),
    "decimalEnclosedCircleChinese": lambda n: _enclosed(n, 0x2460, 20),
    "ideographEnclosedCircle": lambda n: _enclosed(n, 0x3280, 10),
    "decimalEnclosedParen": lambda n: _enclosed(n, 0x2474, 20),
    "decimalEnclosedFullstop": lambda n: _enclosed(n, 0x2488, 20),
    "lowerLetter": lambda n: _letters(n, "abcdefghijklmnopqrstuvwxyz"),
    "upperLetter": lambda n: _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": _roman,
}


def _int(value: str | None, default: int) -> int:
    """A numeric attribute within 0–MAX_NUMBER, or ``default`` when it is missing or malformed (a hand-edited
    or hostile file: a start of 10⁹ in letters would print millions of characters)."""
    try:
        return min(max(int(value), 0), MAX_NUMBER) if value is not None else default
    except ValueError:
        return default


def _val(element: Any, tag: str, default: str | None = None) -> str | None:
    child = element.find(qn(tag)) if element is not None else None
    return child.get(qn("w:val"), default) if child is not None else default


class _Level:
    """One level of a list definition (``w:lvl``)."""

    def __init__(self, lvl: Any) -> None:
        self.start = _int(_val(lvl, "w:start"), 1)
        self.fmt = _val(lvl, "w:numFmt", "decimal") or "decimal"
        self.text = _val(lvl, "w:lvlText", "") or ""
        self.legal = lvl.find(qn("w:isLgl")) is not None
        self.suffix = _val(lvl, "w:suff", "tab")


class Numbering:
    """The list definitions of a document and the counters of its lists, advanced paragraph by paragraph."""

    def __init__(self, document: Document) -> None:
        self.levels: dict[str, dict[int, _Level]] = {}   # abstractNumId → ilvl → level
        self.lists: dict[str, str] = {}                   # numId → abstractNumId
        self.overrides: dict[str, dict[int, int]] = {}    # numId → ilvl → start override
        self.counters: dict[str, dict[int, int]] = {}     # abstractNumId → ilvl → current number
        self._started: set[str] = set()                   # numIds whose start overrides have applied
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for abstract in root.findall(qn("w:abstractNum")):
            key = abstract.get(qn("w:abstractNumId"))
            self.levels[key] = {_int(lvl.get(qn("w:ilvl")), 0): _Level(lvl) for lvl in abstract.findall(qn("w:lvl"))}
        for num in root.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            self.lists[num_id] = _val(num, "w:abstractNumId") or ""
            for override in num.findall(qn("w:lvlOverride")):
                start = _val(override, "w:startOverride")
                if start is not None:
                    self.overrides.setdefault(num_id, {})[_int(override.get(qn("w:ilvl")), 0)] = _int(start, 1)

    def marker(self, num_id: str, ilvl: int) -> str:
        """Advance list ``num_id`` at level ``ilvl`` and return its rendered number ("" for bullets, unknown
        lists and levels)."""
        abstract = self.lists.get(num_id)
        levels = self.levels.get(abstract or "", {})
        level = levels.get(ilvl)
        if level is None or num_id == "0":
            return ""
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self._started and num_id in self.overrides:  # a list restarted with new start values
            self._started.add(num_id)
            for lvl, start in self.overrides[num_id].items():
                counters[lvl] = start - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt in ("bullet", "none"):
            return ""

        def number(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            lvl = levels.get(k)
            n = counters.get(k, lvl.start if lvl else 1)
            fmt = "decimal" if level.legal or lvl is None else lvl.fmt
            return FORMATS.get(fmt, str)(n)

        text = re.sub(r"%([1-9])", number, level.text)
        if text and level.suffix != "nothing" and not _CJK_END.search(text):
            text += " "
        return text


def _num_pr(paragraph: Paragraph) -> tuple[str, int] | None:
    """The (numId, ilvl) a paragraph is numbered with: its own ``w:numPr``, else its style's (or a base style's);
    None for a malformed reference."""
    try:
        return _declared_num_pr(paragraph)
    except (ValueError, TypeError, KeyError):  # python-docx validates the attribute values it reads
        return None


def _declared_num_pr(paragraph: Paragraph) -> tuple[str, int] | None:
    p_pr = paragraph._p.pPr
    num_pr = p_pr.numPr if p_pr is not None else None
    style = paragraph.style if num_pr is None else None
    while num_pr is None and style is not None:
        s_pr = style.element.pPr
        num_pr = s_pr.numPr if s_pr is not None else None
        style = style.base_style
    if num_pr is None or num_pr.numId is None:
        return None
    ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
    return str(num_pr.numId.val), min(int(ilvl or 0), 9)


def _paragraph_text(paragraph: Paragraph, numbering: Numbering) -> str:
    ref = _num_pr(paragraph)
    marker = numbering.marker(*ref) if ref else ""  # an empty numbered paragraph still advances its list
    return marker + paragraph.text if paragraph.text.strip() else paragraph.text


def _upper_header_row(row: list[Any], below: list[Any]) -> bool:
    """Whether a row (its grid of cell elements) is the upper level of a two-level header (``cell_spans``)."""
    distinct = list(dict.fromkeys(row))
    return is_upper_header([(any(tc is other for other in below), row.count(tc) > 1) for tc in distinct])


def _table_lines(table: Table, numbering: Numbering) -> list[str]:
    seen: dict[Any, str] = {}  # cell element → its text (a merged cell is rendered and numbered once)
    lines = []
    rows = list(table.rows)
    grid = [[cell._tc for cell in row.cells] for row in rows]
    for i, row in enumerate(rows):
        if i + 1 < len(grid) and _upper_header_row(grid[i], grid[i + 1]):
            continue   # the row below names every column
        cells, last = [], None
        for cell in row.cells:
            tc = cell._tc
            if tc is last:  # a horizontally merged cell covers several grid columns
                continue
            last = tc
            if tc not in seen:
                seen[tc] = " ".join(" ".join(_paragraph_text(p, numbering) for p in cell.paragraphs).split())
            cells.append(seen[tc])
        lines.append(" | ".join(cells) + " |")
    return lines


def docx_to_text(document: Document) -> str:
    """The document's paragraphs and table rows in reading order, list numbers written out."""
    numbering = Numbering(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(_paragraph_text(block, numbering))
        elif isinstance(block, Table):
            lines.extend(_table_lines(block, numbering))
    return "\n".join(lines)
