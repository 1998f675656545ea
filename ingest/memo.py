"""Bounded memos for pure functions of short strings (names, clause texts).

Extraction meets the same unit names and clause texts in every plan, so remembering their readings pays; a
long-running process (an ingest of thousands of plans, the API) must not keep them without bound, and a
hostile document must not make it keep megabytes: only keys up to ``MAX_KEY`` characters are kept, and a
memo holding ``MAX_ITEMS`` entries is emptied before it takes another.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

T = TypeVar("T")
MAX_KEY = 256
MAX_ITEMS = 65536


def remember(memo: dict[str, T], key: str, compute: Callable[[str], T]) -> T:
    """``memo[key]``, computed and kept when missing (one lookup: another thread may empty ``memo``)."""
    value = memo.get(key, memo)
    if value is memo:
        value = compute(key)
        if len(key) <= MAX_KEY:
            if len(memo) >= MAX_ITEMS:
                memo.clear()
            memo[key] = value
    return value


def memoised(fn: Callable[[str], T]) -> Callable[[str], T]:
    """``fn`` with a bounded memo of its results (``fn`` must be a pure function of one string)."""
    memo: dict[str, T] = {}

    @wraps(fn)
    def call(key: str) -> T:
        return remember(memo, key, fn)

    call.memo = memo  # type: ignore[attr-defined]
    return call
