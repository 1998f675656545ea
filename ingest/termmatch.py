"""Longest-match of a term table in a text, with character offsets (术语匹配).

The matches are those a phrase matcher over character tokens would find, reduced like spaCy's
``filter_spans``: the longest first (the earlier on a tie), never overlapping, returned in text order.
A dictionary lookup per (position, term length) does it without an NLP pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

V = TypeVar("V")


@dataclass(frozen=True)
class TermMatch(Generic[V]):
    """One term found at ``text[start:end]`` and the value the table gives it."""

    term: str
    start: int
    end: int
    value: V


class TermMatcher(Generic[V]):
    """Find the terms of ``table`` (term → value) in texts."""

    def __init__(self, table: Mapping[str, V] | Iterable[tuple[str, V]]) -> None:
        items = table.items() if isinstance(table, Mapping) else table
        self.table: dict[str, V] = {}
        for term, value in items:
            if term:
                self.table.setdefault(term, value)
        self.lengths = sorted({len(t) for t in self.table}, reverse=True)

    def __len__(self) -> int:
        return len(self.table)

    def candidates(self, text: str) -> list[TermMatch[V]]:
        """Every occurrence of every term, overlapping ones included."""
        out: list[TermMatch[V]] = []
        table = self.table
        for i in range(len(text)):
            for n in self.lengths:
                piece = text[i:i + n]
                if len(piece) == n and piece in table:
                    out.append(TermMatch(piece, i, i + n, table[piece]))
        return out

    def find(self, text: str) -> list[TermMatch[V]]:
        """Longest non-overlapping matches, in text order."""
        taken: list[TermMatch[V]] = []
        used = [False] * len(text)
        for m in sorted(self.candidates(text), key=lambda m: (m.start - m.end, m.start)):
            if not any(used[m.start:m.end]):
                taken.append(m)
                for k in range(m.start, m.end):
                    used[k] = True
        return sorted(taken, key=lambda m: m.start)
