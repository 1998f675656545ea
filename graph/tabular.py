"""Flat tables from nested result rows, for CSV and spreadsheets (no JSON inside a cell).

Rules (the same for the API, the CLI and ``plangraph export``):

- a map becomes one column per key, named ``<column>_<key>`` (``lead`` → ``lead_agency_id``, ``lead_name``…);
- a list of plain values becomes one cell, the values joined with ``、``;
- a list of maps becomes one column per key, each item's value joined with ``、`` in item order
  (``co`` → ``co_name`` = ``市财政局、市科技局``); a list inside such an item is joined with ``/``;
- ``None`` is an empty cell.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

LIST_SEP = "、"
INNER_SEP = "/"


def _scalar(value: Any, sep: str = INNER_SEP) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return sep.join(_scalar(v) for v in value if v is not None)
    if isinstance(value, dict):
        return sep.join(f"{k}={_scalar(v)}" for k, v in value.items() if v is not None)
    return str(value)


def flatten_row(row: dict[str, Any]) -> dict[str, str]:
    """One nested row as ``{column: text}`` following the module rules (column order kept)."""
    out: dict[str, str] = {}
    for key, value in row.items():
        _flatten_into(out, key, value)
    return out


def _flatten_into(out: dict[str, str], key: str, value: Any) -> None:
    if isinstance(value, dict):
        if not value:
            out[key] = ""
        for k, v in value.items():
            _flatten_into(out, f"{key}_{k}", v)
    elif isinstance(value, (list, tuple)):
        items = [v for v in value if v is not None]
        if items and all(isinstance(v, dict) for v in items):
            keys: list[str] = []
            for item in items:
                keys.extend(k for k in item if k not in keys)
            for k in keys:
                out[f"{key}_{k}"] = LIST_SEP.join(_scalar(item.get(k)) for item in items)
        else:
            out[key] = LIST_SEP.join(_scalar(v) for v in items)
    else:
        out[key] = _scalar(value)


def flat_rows(rows: Iterable[dict[str, Any]]) -> tuple[list[str], list[dict[str, str]]]:
    """The column names (first-seen order over all rows) and the flattened rows."""
    flat = [flatten_row(r) for r in rows]
    columns: list[str] = []
    seen: set[str] = set()
    for row in flat:
        for k in row:
            if k not in seen:
                seen.add(k)
                columns.append(k)
    return columns, flat


def rows_to_csv(rows: Iterable[dict[str, Any]], columns: list[str] | None = None) -> str:
    """Rows as CSV text with flat columns (header from the union of flattened keys)."""
    found, flat = flat_rows(rows)
    columns = columns or found
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in flat:
        writer.writerow([row.get(c, "") for c in columns])
    return buf.getvalue()


def rows_to_xlsx(sheets: dict[str, list[dict[str, Any]]]) -> bytes:
    """An Excel workbook with one sheet per entry (flat columns, header row frozen and bold)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title=title[:31])
        columns, flat = flat_rows(rows)
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in flat:
            sheet.append([row.get(c, "") for c in columns])
        sheet.freeze_panes = "A2"
        for i, col in enumerate(columns, start=1):
            width = max([len(col)] + [len(r.get(col, "")) for r in flat[:200]])
            sheet.column_dimensions[sheet.cell(row=1, column=i).column_letter].width = min(60, max(8, width * 1.6))
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
