"""The last check before the loader writes: no graph key FalkorDB cannot hold.

FalkorDB's unique-constraint check crashes the server on keys holding control characters (``\\x01``, a leading
tab, a trailing CR) or longer than a few thousand bytes. Extraction already cleans and bounds keys
(``ingest.limits``); this guard refuses a document whose statements would still send such a key, so one bad
file is reported and skipped instead of taking the server down.
"""

from __future__ import annotations

import re
from typing import Any

MAX_KEY_BYTES = 1024
_BAD = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_KEY_NAMES = {"key", "name", "child", "parent", "jurisdiction", "function", "covers", "issued_by", "year"}


class KeyRefused(ValueError):
    """A statement would send a graph key the store cannot hold."""


def _is_key(name: str) -> bool:
    return name in _KEY_NAMES or name.endswith(("_id", "_ids"))


def key_problem(value: str) -> str | None:
    """Why ``value`` cannot be a graph key, or None."""
    if _BAD.search(value):
        return f"control character U+{ord(_BAD.search(value).group()):04X}"
    size = len(value.encode("utf-8"))
    if size > MAX_KEY_BYTES:
        return f"{size} bytes, above {MAX_KEY_BYTES}"
    return None


def _check(name: str, value: Any) -> None:
    values = value if isinstance(value, list) else [value]
    for v in values:
        if isinstance(v, str) and (problem := key_problem(v)):
            raise KeyRefused(f"refused to write key {name}={v[:40]!r}…: {problem}")


_NESTED = (dict, list)  # a tuple: ``isinstance`` with an inline ``dict | list`` builds the union on every call
_KEYNESS: dict[str, bool] = {}  # parameter names seen, and whether each names a key (a few dozen)
_SHORT = MAX_KEY_BYTES // 4  # a string of at most this many characters is within MAX_KEY_BYTES in UTF-8
_SUSPECT = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")  # what the full check must see (it cannot encode a surrogate)


def _keyness(name: Any) -> bool:
    is_key = _KEYNESS.get(name) if type(name) is str else None
    if is_key is None:
        is_key = _is_key(str(name))
        if type(name) is str and len(_KEYNESS) < 4096:
            _KEYNESS[name] = is_key
    return is_key


def _suspect(value: Any) -> bool:
    """Whether some key-named string in ``value`` is long or holds a control character (or a surrogate): the
    maps of a list are read a column at a time, so the rows of a document cost a few C-level passes. False
    means :func:`_walk_in_order` would pass ``value``."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            maps = [node]
        elif isinstance(node, list):
            maps = [x for x in node if isinstance(x, dict)]
            stack.extend(x for x in node if isinstance(x, list))
        else:
            continue
        if not maps:
            continue
        for name in set().union(*maps):
            if not _keyness(name):
                continue
            column = [m.get(name) for m in maps]
            strings = [x for x in column if isinstance(x, str)]
            for x in column:
                if isinstance(x, list):
                    strings.extend(y for y in x if isinstance(y, str))
            if strings and (max(map(len, strings)) > _SHORT or _SUSPECT.search("\ue000".join(strings))):
                return True
        stack.extend([x for m in maps for x in m.values() if isinstance(x, _NESTED)])
    return False


def _walk(value: Any) -> None:
    """Check every key-named entry of every map in ``value`` (nested in maps and lists) with :func:`_check`,
    in printed order (the first bad key is the one reported) — only when :func:`_suspect` finds a candidate."""
    if _suspect(value):
        _walk_in_order(value)


def _walk_in_order(value: Any) -> None:
    """The walk itself: a short string without a control character (almost every key) is passed without the
    full check."""
    if isinstance(value, dict):
        for name, item in value.items():
            if _keyness(name):
                if type(item) is str:
                    if len(item) > _SHORT or _SUSPECT.search(item):
                        _check(str(name), item)
                elif item is not None:
                    _check(str(name), item)
            if isinstance(item, _NESTED):
                _walk_in_order(item)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, _NESTED):
                _walk_in_order(item)


def check_statements(statements: list[tuple[str, dict]]) -> None:
    """Raise :class:`KeyRefused` if any statement's parameters hold a key the store cannot hold."""
    for _, params in statements:
        _walk(params or {})
