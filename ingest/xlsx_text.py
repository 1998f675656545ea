"""The cells of an Excel workbook (.xlsx) as ``cell | cell |`` rows, sheet after sheet.

Task lists (任务清单, 责任分解表) are often kept in Excel. Every visible sheet is read top to bottom: formulas give
their last computed value, a whole number stored as a float loses its ``.0``, dates print as ``YYYY-MM-DD``,
a cell's wrapped lines are joined, empty rows and trailing empty cells are dropped. A merged cell is printed
once in its first row and repeated at its first column in each later row it covers (a 牵头单位 cell merged over
three tasks leads each of them), as the HTML, DOCX and PDF readers do; of a two-level header only the lower
row is printed.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from plangraph.ingest.cell_spans import is_upper_header


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split())


def _sheet_lines(sheet: Any) -> list[str]:
    covered: dict[tuple[int, int], str | None] = {}  # (row, column) under a merge → the text repeated, or None
    spans: dict[tuple[int, int], tuple[bool, bool]] = {}  # a merge's first cell → (spans rows, spans columns)
    for merged in sheet.merged_cells.ranges:
        text = _cell_text(sheet.cell(merged.min_row, merged.min_col).value)
        spans[(merged.min_row, merged.min_col)] = (merged.max_row > merged.min_row, merged.max_col > merged.min_col)
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                if (row, col) != (merged.min_row, merged.min_col):
                    covered[(row, col)] = text if col == merged.min_col else None
    lines = []
    for row in sheet.iter_rows():
        cells, own = [], []
        for cell in row:
            key = (cell.row, cell.column)
            if key in covered:
                if covered[key] is not None:
                    cells.append(covered[key])
                continue
            cells.append(_cell_text(cell.value))
            own.append(spans.get(key, (False, False)) if cells[-1] else None)
        while cells and not cells[-1]:
            cells.pop()
        if cells and not is_upper_header([o for o in own if o is not None]):
            lines.append(" | ".join(cells) + " |")
    return lines


def xlsx_to_text(data: bytes) -> str:
    """Every visible sheet's rows (openpyxl's errors propagate)."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), data_only=True)
    try:
        lines: list[str] = []
        for sheet in workbook.worksheets:
            if sheet.sheet_state == "visible":
                lines.extend(_sheet_lines(sheet))
        return "\n".join(lines)
    finally:
        workbook.close()
