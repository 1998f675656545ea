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


def _walk(value: Any) -> None:
    if isinstance(value, dict):
        for name, item in value.items():
            if _is_key(str(name)):
                _check(str(name), item)
            if isinstance(item, dict | list):
                _walk(item)
    elif isinstance(value, list):
        for item in value:
            _walk(item)


def check_statements(statements: list[tuple[str, dict]]) -> None:
    """Raise :class:`KeyRefused` if any statement's parameters hold a key the store cannot hold."""
    for _, params in statements:
        _walk(params or {})
