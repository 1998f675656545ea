"""Bounds on raw Cypher before the engine sees it, and on what comes back.

The FalkorDB parser takes time exponential in the nesting of brackets and of prefix operators (``NOT NOT …``,
``- - …``): a short text can pin the engine for minutes, and ``range()`` materialises its whole list before
any timeout applies. So a query is refused (400) when it is longer than ``MAX_QUERY_CHARS``, nests deeper
than ``MAX_NESTING`` (each open bracket and each prefix operator in a row count one level), calls ``range``
over more than ``MAX_RANGE`` values or with bounds that are not integer literals/parameters, or names a
parameter that is not a plain identifier. The row cap goes into the query (a ``LIMIT`` the engine honours)
and the answer is cut to a byte budget.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_QUERY_CHARS = 8000
MAX_NESTING = 12
MAX_RANGE = 100_000
MAX_PARAMS = 100
PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")

_TOKENS = re.compile(
    r"(?P<str>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")|(?P<ident>`[^`]*`)|(?P<comment>//[^\n]*|/\*.*?\*/)"
    r"|(?P<open>[(\[{])|(?P<close>[)\]}])|(?P<word>[A-Za-z_][A-Za-z0-9_]*)|(?P<num>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)"
    r"|(?P<param>\$`?[A-Za-z_0-9]*`?)|(?P<op>[-+*/%^<>=!,.:|;]+)|(?P<space>\s+)|(?P<other>.)",
    re.S,
)
_PREFIX = {"NOT", "-", "+"}
_LIMIT_TAIL = re.compile(r"\bLIMIT\s+(\d+|\$\w+)\s*;?\s*$", re.I)
_UNION = re.compile(r"\bUNION\b", re.I)
_RETURN = re.compile(r"\bRETURN\b", re.I)


class CypherRefused(ValueError):
    """The query or its parameters are outside the bounds; the message says which."""


def _tokens(query: str) -> list[tuple[str, str]]:
    return [(m.lastgroup or "other", m.group()) for m in _TOKENS.finditer(query)
            if m.lastgroup not in ("space", "comment")]


def nesting(query: str) -> int:
    """The deepest nesting of brackets and runs of prefix operators (``NOT``, unary ``-``/``+``)."""
    levels = [0]  # per open bracket: the run of prefix operators inside it
    deepest = 0
    previous = "op"
    for kind, text in _tokens(query):
        upper = text.upper()
        prefix = (kind == "word" and upper == "NOT") or (kind == "op" and text in ("-", "+") and
                                                         previous in ("op", "open", "prefix", "kw"))
        if prefix:
            levels[-1] += 1
            previous = "prefix"
        elif kind == "open":
            levels.append(0)
            previous = "open"
        elif kind == "close":
            if len(levels) > 1:
                levels.pop()
            levels[-1] = 0
            previous = "close"
        else:
            if kind in ("op", "word") and (kind == "op" or upper in ("AND", "OR", "XOR", "WHERE", "RETURN",
                                                                      "WITH", "IN", "IS")):
                levels[-1] = 0
            previous = "kw" if kind == "word" and upper in ("AND", "OR", "XOR", "WHERE", "RETURN", "WITH",
                                                            "IN") else kind
        deepest = max(deepest, len(levels) - 1 + sum(levels))
    return deepest


def _int_value(arg: str, params: dict[str, Any]) -> int | None:
    arg = arg.strip()
    if re.fullmatch(r"-?\d+", arg):
        return int(arg)
    m = re.fullmatch(r"\$`?(\w+)`?", arg)
    if m and isinstance(params.get(m.group(1)), int) and not isinstance(params.get(m.group(1)), bool):
        return params[m.group(1)]
    return None


def check_query(query: str, params: dict[str, Any] | None) -> None:
    """Raise :class:`CypherRefused` if the text or parameters are outside the bounds (see the module)."""
    params = params or {}
    if len(query) > MAX_QUERY_CHARS:
        raise CypherRefused(f"the query is {len(query)} characters long, above {MAX_QUERY_CHARS}")
    if "\x00" in query:
        raise CypherRefused("the query contains a NUL character")
    if len(params) > MAX_PARAMS:
        raise CypherRefused(f"{len(params)} parameters, above {MAX_PARAMS}")
    for name in params:
        if not isinstance(name, str) or not PARAM_NAME.fullmatch(name):
            raise CypherRefused(f"parameter name {str(name)[:40]!r} is not a plain identifier ([A-Za-z_][A-Za-z0-9_]*)")
    depth = nesting(query)
    if depth > MAX_NESTING:
        raise CypherRefused(f"the query nests {depth} levels deep (brackets and NOT/-/+ runs), above {MAX_NESTING}")
    for args in _range_calls(_tokens(query)):
        values = [_int_value("".join(t for _, t in arg), params) for arg in args]
        if len(args) not in (2, 3) or None in values:
            raise CypherRefused("range() needs integer literal or integer parameter bounds here")
        step = values[2] if len(values) == 3 else 1
        if step == 0 or (values[1] - values[0]) // step + 1 > MAX_RANGE:
            raise CypherRefused(f"range() over more than {MAX_RANGE} values")


def _range_calls(tokens: list[tuple[str, str]]) -> list[list[list[tuple[str, str]]]]:
    """The argument token lists of every ``range(...)`` call."""
    calls = []
    for i, (kind, text) in enumerate(tokens):
        if kind != "word" or text.lower() != "range" or i + 1 >= len(tokens) or tokens[i + 1][0] != "open":
            continue
        depth, args, current = 0, [], []
        for tok in tokens[i + 1:]:
            if tok[0] == "open":
                depth += 1
                if depth == 1:
                    continue
            elif tok[0] == "close":
                depth -= 1
                if depth == 0:
                    break
            if depth == 1 and tok == ("op", ","):
                args.append(current)
                current = []
            else:
                current.append(tok)
        args.append(current)
        calls.append(args)
    return calls


def _code_only(query: str) -> str:
    """The query with string literals and comments blanked (same length not needed)."""
    return "".join(" " if kind == "str" else text + " " for kind, text in _tokens(query))


def with_row_cap(query: str, cap: int) -> str:
    """The query with a final ``LIMIT`` of at most ``cap`` rows on its (last) RETURN, so the engine stops
    early; UNION branches each get one. Queries without RETURN are left as they are."""
    parts = _split_union(query)
    return "".join(part if sep is None else _cap_part(part, cap) + sep for part, sep in parts)


def _split_union(query: str) -> list[tuple[str, str | None]]:
    """``[(branch, separator)]``; separator None marks text that is not a branch (never here)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _TOKENS.finditer(query):
        if m.lastgroup == "word" and m.group().upper() == "UNION":
            after = query[m.end():]
            all_kw = re.match(r"\s+ALL\b", after, re.I)
            end = m.end() + (all_kw.end() if all_kw else 0)
            spans.append((m.start(), end))
    out: list[tuple[str, str | None]] = []
    for start, end in spans:
        out.append((query[pos:start], " " + query[start:end] + " "))
        pos = end
    out.append((query[pos:], ""))
    return out


def _cap_part(part: str, cap: int) -> str:
    code = _code_only(part)
    if not _RETURN.search(code):
        return part
    stripped = part.rstrip().rstrip(";").rstrip()
    m = _LIMIT_TAIL.search(stripped)
    if m and m.group(1).isdigit():
        return stripped[: m.start(1)] + str(min(int(m.group(1)), cap))
    if m:  # LIMIT $param: keep it and cap again around it is not possible; the byte/row cap still applies
        return stripped
    return f"{stripped} LIMIT {cap}"


def fit_bytes(rows: list[dict], max_bytes: int) -> tuple[list[dict], bool]:
    """The longest prefix of ``rows`` whose JSON stays within ``max_bytes``; True if rows were cut."""
    total = 2
    for i, row in enumerate(rows):
        total += len(json.dumps(row, ensure_ascii=False, default=str).encode("utf-8")) + 1
        if total > max_bytes:
            return rows[:i], True
    return rows, False
