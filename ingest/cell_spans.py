"""What the readers (HTML, DOCX, Excel, PDF) share about merged table cells."""

from __future__ import annotations


def is_upper_header(spans: list[tuple[bool, bool]]) -> bool:
    """Whether a table row is the upper level of a two-level header (序号 and 重点任务 spanning both header rows,
    责任单位 spanning the 牵头单位 and 配合单位 columns below it), given for each of its own cells whether it
    spans rows and whether it spans columns: every cell does one, some do each. The row below repeats the
    row-spanning cells and names every column, so a reader prints that one only (printed, the upper row would
    read as the table's first row)."""
    return (len(spans) >= 2 and any(r for r, _ in spans) and any(c for _, c in spans)
            and all(r or c for r, c in spans))
