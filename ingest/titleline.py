"""Where the plan's own title line ends: the last line that prints only the title.

A line matches when it reads ``[ \\t\\u3000《]*`` + the title key's characters, with any of ``SEPARATORS``
(whitespace, 《》<>〈〉“”() and full-width parentheses) between them, then ``[》\\s]*``, an optional short
parenthesis (``(共计121项)``, a 文号 aside) and spaces to the end of a line. That is the multiline regex

    ^[ \\t\\u3000《]*k0 S* k1 S* … k(n-1) [》\\s]* (?:[(（][^()（）\\n]{0,30}[)）])? [ \\t\\u3000]*$

scanned with ``finditer``, but matched by hand: a per-title regex costs ≈3 ms to compile (one character class
per title character), more than the rest of a small plan's metadata. The key never holds a separator or a
prefix character (``title_key`` drops them), so the title part matches without backtracking; only the tail
backtracks, and it is short.
"""

from __future__ import annotations

from plangraph.ingest.model import title_key

_PREFIX = " \t\u3000《"
_SEPARATORS = "《》<>〈〉“”()（）"
_OPEN = "(（"
_CLOSE = ")）"
_NOT_INSIDE = "()（）\n"
_TRAILING = " \t\u3000"
_ASIDE_MAX = 30


def title_line_end(text: str, title: str | None) -> int | None:
    """End offset of the last line of ``text`` that prints only ``title`` (spaces, 《》 and a trailing
    parenthesis such as ``(共计121项)`` or a 文号 aside), or None."""
    if not title:
        return None
    key = title_key(title)
    if len(key) < 4:
        return None
    last = None
    scanned = 0  # matches do not overlap: the next one starts where the last ended
    i = text.find(key[0])
    while i >= 0:
        line_start = text.rfind("\n", 0, i) + 1
        if line_start >= scanned and not text[line_start:i].strip(_PREFIX):
            end = _match_from(text, i, key)
            if end is not None:
                last = scanned = end
        i = text.find(key[0], max(i + 1, scanned))
    return last


def _is_separator(ch: str) -> bool:
    return ch.isspace() or ch in _SEPARATORS


def _match_from(text: str, i: int, key: str) -> int | None:
    """End of the match whose title starts at ``text[i] == key[0]``, or None."""
    n = len(text)
    for k, ch in enumerate(key):
        if k:
            while i < n and _is_separator(text[i]):
                i += 1
        if i >= n or text[i] != ch:
            return None
        i += 1
    rest = i
    while rest < n and (text[rest] == "》" or text[rest].isspace()):
        rest += 1
    for j in range(rest, i - 1, -1):  # the regex backtracks over [》\s]* from its longest run
        if j < n and text[j] in _OPEN:
            k = j + 1
            while k < n and k <= j + _ASIDE_MAX + 1 and text[k] not in _NOT_INSIDE:
                k += 1
            if k < n and k <= j + _ASIDE_MAX + 1 and text[k] in _CLOSE:
                end = _line_end_after(text, k + 1)
                if end is not None:
                    return end
        end = _line_end_after(text, j)
        if end is not None:
            return end
    return None


def _line_end_after(text: str, pos: int) -> int | None:
    """``[ \\t\\u3000]*$`` at ``pos``: the offset after the spaces when a line (or the text) ends there."""
    n = len(text)
    while pos < n and text[pos] in _TRAILING:
        pos += 1
    return pos if pos == n or text[pos] == "\n" else None
