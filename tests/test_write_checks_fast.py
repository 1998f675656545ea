"""The cheaper write-side checks refuse exactly what the plain ones did: the key walk (a short clean string is
passed without encoding it), the NUL check done on the command text FalkorDB gets, and a document's own keys
checked once when it is planned."""

from __future__ import annotations

import random
from typing import Any

import pytest
from plangraph.graph import keys
from plangraph.graph.errors import CypherSyntaxError, QueryError
from plangraph.graph.falkor_store import _has_nul, _with_params, check_text, rendered
from plangraph.graph.keys import KeyRefused, check_statements, key_problem


def plain_walk(value: Any) -> None:
    """The walk of ``graph.keys`` as it was: every key-named entry through ``key_problem``."""
    if isinstance(value, dict):
        for name, item in value.items():
            if keys._is_key(str(name)):
                for v in item if isinstance(item, list) else [item]:
                    if isinstance(v, str) and (problem := key_problem(v)):
                        raise KeyRefused(f"refused to write key {name}={v[:40]!r}…: {problem}")
            if isinstance(item, dict | list):
                plain_walk(item)
    elif isinstance(value, list):
        for item in value:
            plain_walk(item)


STRINGS = ["市科技局", "", "a\x01b", "\t局", "局\r", "x" * 255, "x" * 257, "局" * 341, "局" * 342, "𠀀" * 256,
           "𠀀" * 257, "a\x7f", "\x9f", "é\u00a0", "a\ud800b", "\x00", 'q"uo\\te', "a\nb"]
NAMES = ["agency_id", "co_ids", "name", "key", "year", "title", "quote", "text", "parent", "covers", 7, "x_id"]


def _value(rnd: random.Random, depth: int) -> Any:
    pick = rnd.random()
    if depth > 2 or pick < 0.45:
        return rnd.choice([*STRINGS, None, 3, 2.5, True])
    if pick < 0.7:
        return [_value(rnd, depth + 1) for _ in range(rnd.randint(0, 4))]
    return {rnd.choice(NAMES): _value(rnd, depth + 1) for _ in range(rnd.randint(0, 5))}


def _outcome(walk: Any, value: Any) -> str:
    try:
        walk(value)
    except KeyRefused as exc:
        return f"refused {exc}"
    except UnicodeEncodeError:
        return "cannot encode"
    return "ok"


@pytest.mark.parametrize("seed", range(300))
def test_key_walk_refuses_what_the_plain_walk_refused(seed: int) -> None:
    value = _value(random.Random(seed), 0)
    assert _outcome(keys._walk, value) == _outcome(plain_walk, value)


def test_key_walk_sees_long_and_control_keys_in_rows_and_lists() -> None:
    with pytest.raises(KeyRefused, match="bytes"):
        check_statements([("q", {"rows": [{"title": "x" * 5000, "agency_id": "局" * 400}]})])
    with pytest.raises(KeyRefused, match="U\\+0085"):
        check_statements([("q", {"rows": [{"props": {"co_ids": ["ok", "a\x85"]}}]})])
    check_statements([("q", {"rows": [{"agency_id": "局" * 341, "text": "\x01" * 10}]})])


@pytest.mark.parametrize("seed", range(200))
def test_rendered_refuses_a_nul_where_check_text_did_and_renders_the_same_text(seed: int) -> None:
    rnd = random.Random(seed)
    params = {"p": _value(rnd, 0), "q": _value(rnd, 0)}
    try:
        check_text("RETURN 1", params)
    except QueryError:
        assert _has_nul(params)
        with pytest.raises(QueryError, match="NUL"):
            rendered("RETURN 1", params)
        return
    assert rendered("RETURN 1", params) == _with_params("RETURN 1", params)


def test_rendered_refuses_nul_in_the_query_or_a_map_key() -> None:
    with pytest.raises(CypherSyntaxError):
        rendered("RETURN 1\x00", None)
    with pytest.raises(QueryError):
        rendered("RETURN $p", {"p": [{"a\x00": 1}]})
    with pytest.raises(QueryError):
        rendered("RETURN $p", {"p\x00": 1})
