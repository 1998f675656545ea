"""The visible text of an HTML page in reading order, one block element per line and a table row per line.

A table cell that spans several rows (``rowspan``) is repeated in each row it covers, so every flattened row
keeps all its columns: a 牵头单位 cell merged over three tasks leads each of them, instead of the next column
sliding into its place. A cell spanning several columns (``colspan``) is printed once. Of a two-level header
(责任单位 over 牵头单位 | 配合单位) only the lower row, which names every column, is printed.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag
from plangraph.ingest.cell_spans import is_upper_header

DROP_HTML_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
                  "button", "select", "template", "svg")
BLOCK_HTML_TAGS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
                   "table", "ul", "ol", "blockquote", "pre", "dd", "dt", "title")
CELL_TAGS = ("td", "th")
MAX_SPAN = 1000  # a span attribute above this is a typo or hostile; the rows it covers are bounded anyway


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page in document order, one block element per line; table rows as
    ``cell | cell |`` lines with row-spanning cells repeated."""
    soup = BeautifulSoup(markup, "lxml")
    for tag in soup.find_all(DROP_HTML_TAGS):
        tag.decompose()
    for table in soup.find_all("table"):
        repeat_row_spans(soup, table)
    for cell in soup.find_all(CELL_TAGS):
        cell.append(" | ")
    for tag in soup.find_all(BLOCK_HTML_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    root = soup.body or soup
    lines = (" ".join(line.split()) for line in root.get_text().splitlines())
    return "\n".join(line for line in lines if line)


def _span(cell: Tag, name: str) -> int:
    try:
        return min(max(int(str(cell.get(name, 1)).strip() or 1), 1), MAX_SPAN)
    except ValueError:
        return 1


def _own_rows(table: Tag) -> list[Tag]:
    """The rows of ``table`` itself (not of a table nested in one of its cells)."""
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


_Carried = dict[int, tuple[str, int, int]]  # grid column → (text, rows still covered, columns wide)


def _fill_carried(soup: BeautifulSoup, tr: Tag, before: Tag | None, carried: _Carried, col: int,
                  placed: set[int]) -> int:
    """Insert copies of the spans carried into ``col`` onwards (before ``before``, or at the row's end);
    returns the next free column."""
    while col in carried:
        text, left, width = carried[col]
        copy = soup.new_tag("td")
        copy.string = text
        if before is None:
            tr.append(copy)
        else:
            before.insert_before(copy)
        placed.add(col)
        if left <= 1:
            del carried[col]
        else:
            carried[col] = (text, left - 1, width)
        col += width
    return col


def repeat_row_spans(soup: BeautifulSoup, table: Tag) -> None:
    """Insert, in every row a ``rowspan`` cell covers, a copy of its text at the cell's column (in place).
    A spanning cell that holds a nested table is left alone (a layout table, not a data cell)."""
    carried: _Carried = {}
    for tr in _own_rows(table):
        col = 0
        placed: set[int] = set()  # carried columns filled in this row, and spans that start in it
        own = tr.find_all(CELL_TAGS, recursive=False)
        upper_header = _upper_header_row(own)
        for cell in own:
            col = _fill_carried(soup, tr, cell, carried, col, placed)
            width = _span(cell, "colspan")
            rows = _span(cell, "rowspan")
            if rows > 1 and cell.find("table") is None:
                carried[col] = (" ".join(cell.get_text(" ").split()), rows - 1, width)
                placed.add(col)
            col += width
        for start in sorted(k for k in carried if k >= col):  # spans past the row's last own cell
            _fill_carried(soup, tr, None, carried, start, placed)
        for start in [k for k in carried if k not in placed]:  # overlapped by a cell of this malformed row
            text, left, width = carried.pop(start)
            if left > 1:
                carried[start] = (text, left - 1, width)
        if upper_header:
            tr.decompose()


def _upper_header_row(cells: list[Tag]) -> bool:
    return is_upper_header([(_span(c, "rowspan") > 1, _span(c, "colspan") > 1) for c in cells])
