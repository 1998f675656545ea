"""Clean and bounded values: control characters out of decoded text, lengths of names, titles and quotes capped.

``clean_text`` runs when a document is decoded, before any offset exists, so every quote stays an exact
substring of the decoded text. ``bound_extraction`` runs on the assembled extraction: unit names and other
graph keys lose control characters and whitespace and are cut to ``MAX_UNIT_CHARS``; titles to
``MAX_TITLE_CHARS``; quotes and task texts to ``MAX_QUOTE_CHARS`` (``end`` moved with the cut, so the quote
is still the original text at ``[start, end)``). Each kind of cut adds one warning naming the file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

from plangraph.ingest.memo import memoised

MAX_UNIT_CHARS = 100
MAX_TITLE_CHARS = 300
MAX_QUOTE_CHARS = 20_000
ELLIPSIS = "…"

# C0 controls except TAB/LF/CR, DEL and C1 controls: never part of a plan's text
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# vertical tab, form feed and a CR not followed by LF end a line
_LINE_BREAK = re.compile(r"[\x0b\x0c]|\r(?!\n)")
# anything that may not appear in a graph key (unit name, id): controls and every kind of whitespace
_KEY_JUNK = re.compile(r"[\x00-\x1f\x7f-\x9f\s]+")

_UNIT_FIELDS = ("agency_id", "name", "lead", "lead_id", "successor_id", "issuer", "issuer_id")
_UNIT_LISTS = ("co", "co_ids", "printed", "aliases", "generic_actors")
_TITLE_FIELDS = ("title", "wrapper_title", "section", "section_title", "path", "metric", "title_key", "scope")
_QUOTE_PAIRS = (("quote", "start", "end"), ("responsibility_quote", "responsibility_start", "responsibility_end"))
_CONTAINERS = (list, dict)


class _Layout(NamedTuple):
    """The fields of one dict layout (its keys in order) that bounding looks at."""

    units: tuple[str, ...]
    unit_lists: tuple[str, ...]
    titles: tuple[str, ...]
    quotes: tuple[tuple[str, str, str], ...]
    text: bool


_LAYOUTS: dict[tuple[str, ...], _Layout] = {}  # extraction dicts come in a few dozen layouts


def _layout(keys: tuple[str, ...]) -> _Layout:
    layout = _LAYOUTS.get(keys)
    if layout is None:
        if len(_LAYOUTS) > 4096:
            _LAYOUTS.clear()
        present = set(keys)
        layout = _LAYOUTS[keys] = _Layout(
            tuple(f for f in _UNIT_FIELDS if f in present and not (f == "name" and "quote" in present)),
            tuple(f for f in _UNIT_LISTS if f in present), tuple(f for f in _TITLE_FIELDS if f in present),
            tuple(q for q in _QUOTE_PAIRS if q[0] in present), "text" in present)
    return layout


def clean_text(text: str) -> str:
    """Decoded text without NULs and other control characters; VT, FF and lone CR become line ends."""
    return _CONTROL.sub("", _LINE_BREAK.sub("\n", text))


@memoised
def clean_key(value: str) -> str:
    """A value fit to be a graph key: no control characters or whitespace, at most ``MAX_UNIT_CHARS``
    (memoised: the same names and ids recur in every task)."""
    value = _KEY_JUNK.sub("", value)
    return value if len(value) <= MAX_UNIT_CHARS else value[: MAX_UNIT_CHARS - 1] + ELLIPSIS


class _Bounder:
    def __init__(self) -> None:
        self.cut: dict[str, int] = {}

    def _count(self, kind: str) -> None:
        self.cut[kind] = self.cut.get(kind, 0) + 1

    def key(self, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        fixed = clean_key(value)
        if fixed != value:
            self._count("unit names or keys with control characters, spaces or over "
                        f"{MAX_UNIT_CHARS} characters cleaned")
        return fixed

    def title(self, value: Any) -> Any:
        if not isinstance(value, str) or len(value) <= MAX_TITLE_CHARS:
            return value
        self._count(f"titles over {MAX_TITLE_CHARS} characters shortened")
        return value[: MAX_TITLE_CHARS - 1] + ELLIPSIS

    def walk(self, node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                if isinstance(item, _CONTAINERS):
                    self.walk(item)
            return
        if not isinstance(node, dict):
            return
        layout = _layout(tuple(node))
        for field in layout.units:
            node[field] = self.key(node[field])
        for field in layout.unit_lists:
            if isinstance(node[field], list):
                node[field] = [self.key(v) for v in node[field]]
        for field in layout.titles:
            node[field] = self.title(node[field])
        for quote, start, end in layout.quotes:
            text = node[quote]
            if isinstance(text, str) and len(text) > MAX_QUOTE_CHARS:
                node[quote] = text[:MAX_QUOTE_CHARS]
                if isinstance(node.get(start), int):
                    node[end] = node[start] + MAX_QUOTE_CHARS
                self._count(f"quotes over {MAX_QUOTE_CHARS} characters shortened")
        if layout.text and isinstance(node["text"], str) and len(node["text"]) > MAX_QUOTE_CHARS:
            node["text"] = node["text"][:MAX_QUOTE_CHARS]
            self._count(f"task texts over {MAX_QUOTE_CHARS} characters shortened")
        for value in node.values():
            if isinstance(value, _CONTAINERS):
                self.walk(value)


def bound_extraction(extraction: dict, path: Path | str) -> dict:
    """Clean graph keys and bound names, titles and quotes of an assembled extraction (in place);
    each kind of change adds one warning naming the file. Returns the extraction."""
    bounder = _Bounder()
    for part in ("document", "sections", "tasks", "targets", "agencies"):
        bounder.walk(extraction.get(part))
    warnings = extraction.setdefault("warnings", [])
    for kind, n in bounder.cut.items():
        warnings.append(f"{Path(path).name}: {n} {kind}")
    return extraction
