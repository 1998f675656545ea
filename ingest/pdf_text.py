"""The text of a PDF in reading order: wrapped lines joined back into paragraphs, ruled tables as rows.

PDF has no paragraphs or tables, only positioned glyphs and lines. pdfplumber finds the tables drawn with
ruling lines; each becomes ``cell | cell |`` rows (a cell's wrapped lines joined, a cell merged over several
rows repeated in each, as the HTML and DOCX readers do; of a two-level header only the lower row), placed where
the table stands on the page. The text
outside the tables is read line by line: a line that reaches the right edge of the text column (and is at
least half the page wide) continues on the next line, also across a page break; any other line ends its
paragraph, and a line opening with a heading or item marker after a sentence end starts a new one. Page
numbers printed in the top or bottom margin (— 3 —, 第3页) are dropped.
"""

from __future__ import annotations

import io
import re
from typing import Any

from plangraph.ingest.cell_spans import is_upper_header

SENTENCE_ENDS = ("。", "；", ";", "：", ":", "!", "！", "?", "？", ")", "）")
# a printed page number (— 3 —, -3-, 第3页, 3/12) in the top or bottom MARGIN_SHARE of a page: not text
PAGE_NUMBER = re.compile(r"^[—\-–－\s]*\d{1,4}[—\-–－\s]*$|^第\s*\d{1,4}\s*页(\s*[,，]?\s*共\s*\d{1,4}\s*页)?$|"
                         r"^\d{1,4}\s*/\s*\d{1,4}$")
MARGIN_SHARE = 0.12
PARAGRAPH_OPENER = re.compile(r"^\s*(第[一二三四五六七八九十百\d]+[章条节部]|[一二三四五六七八九十]+[、．.]|"
                              r"[(（][一二三四五六七八九十\d]+[)）]|\d{1,3}[.、．](?!\d)|——)")


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines: no space between CJK characters, one space between Latin words."""
    out = ""
    for line in (x.strip() for x in lines):
        if not line:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and line[0].isascii() and line[0].isalnum():
            out += " "
        out += line
    return out


def _inside(obj: dict, box: tuple[float, float, float, float]) -> bool:
    mid_x = (obj["x0"] + obj["x1"]) / 2
    mid_y = (obj["top"] + obj["bottom"]) / 2
    return box[0] <= mid_x <= box[2] and box[1] <= mid_y <= box[3]


def table_rows(table: Any) -> list[str]:
    """A pdfplumber table as ``cell | cell |`` lines: a cell spanning rows is repeated in each row it covers, a
    cell spanning columns printed once."""
    texts = table.extract()
    above: dict[int, tuple[tuple[float, float, float, float], str]] = {}  # column → (cell box, text) of the last cell
    edges = {round(box[0], 1) for row in table.rows for box in row.cells if box is not None}
    lines = []
    for i, (row, cells_text) in enumerate(zip(table.rows, texts, strict=False)):
        row_top = row.bbox[1]
        if i + 1 < len(table.rows) and _upper_header_row(row.cells, table.rows[i + 1].bbox[1], edges):
            for col, box in enumerate(row.cells):   # its row-spanning cells still repeat in the row below
                if box is not None:
                    above[col] = (box, join_lines((cells_text[col] or "").splitlines()))
            continue
        cells = []
        for col, (box, text) in enumerate(zip(row.cells, cells_text, strict=False)):
            if box is not None:
                text = join_lines((text or "").splitlines())
                above[col] = (box, text)
                cells.append(text)
            elif col in above and above[col][0][3] > row_top + 1:  # the cell above reaches into this row
                cells.append(above[col][1])
        if any(cells):
            lines.append(" | ".join(cells) + " |")
    return lines


def _is_page_number(line: dict, height: float) -> bool:
    in_margin = line["bottom"] < height * MARGIN_SHARE or line["top"] > height * (1 - MARGIN_SHARE)
    return in_margin and PAGE_NUMBER.match(line["text"].strip()) is not None


def _upper_header_row(boxes: list[Any], next_top: float, edges: set[float]) -> bool:
    """Whether a table row is the upper level of a two-level header (``cell_spans``): a cell spans rows when it
    reaches into the next row, columns when a column edge lies inside it."""
    return is_upper_header([(b[3] > next_top + 1, any(b[0] + 1 < x < b[2] - 1 for x in edges))
                            for b in boxes if b is not None])


def _page_blocks(page: Any, current: str) -> tuple[list[str], str]:
    """The page's finished paragraphs and table rows, and the paragraph still open at its end (continued by
    the next page); ``current`` is the one the previous page left open."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    text_page = page.filter(lambda obj: not any(_inside(obj, b) for b in boxes)) if boxes else page
    lines = [ln for ln in text_page.extract_text_lines(return_chars=False)
             if ln["text"].strip() and not _is_page_number(ln, page.height)]
    items: list[tuple[float, int, Any]] = [(ln["top"], 1, ln) for ln in lines]
    items += [(t.bbox[1], 0, t) for t in tables]
    items.sort(key=lambda item: (item[0], item[1]))
    # the right edge of the text column (tables span it); a wrapped line reaches it and is at least half the
    # page wide (on a page of short lines only, the longest is no wrapped line)
    right = max([ln["x1"] for ln in lines] + [b[2] for b in boxes], default=0.0)
    min_width = page.width / 2
    paragraphs: list[str] = []
    for _, kind, item in items:
        if kind == 0:  # a table ends the paragraph before it
            if current:
                paragraphs.append(current)
                current = ""
            paragraphs.extend(table_rows(item))
            continue
        text = item["text"]
        if current.endswith(SENTENCE_ENDS) and PARAGRAPH_OPENER.match(text):
            paragraphs.append(current)
            current = ""
        current = join_lines([current, text])
        glyph = (item["bottom"] - item["top"]) or 10.0
        if item["x1"] < right - 1.5 * glyph or item["x1"] - item["x0"] < min_width:
            paragraphs.append(current)
            current = ""
    return paragraphs, current


def pdf_to_text(data: bytes) -> str:
    """Every page's paragraphs and table rows in reading order (pdfplumber's errors propagate)."""
    import pdfplumber

    paragraphs: list[str] = []
    current = ""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            done, current = _page_blocks(page, current)
            paragraphs.extend(done)
            page.close()
    if current:
        paragraphs.append(current)
    return "\n".join(paragraphs)
