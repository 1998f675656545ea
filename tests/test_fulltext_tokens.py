"""The full-text tokeniser's one-pass form (lower-case the joined tokens, then split) gives exactly the parts of
splitting each token and lower-casing each part, including where lower-casing is not a plain map (İ, final Σ)."""

from __future__ import annotations

import random

import pytest
from plangraph.graph.dialect import _TOKEN, _tokens

ALPHABET = list("计量数据碳ABCdef İßΣςΑΒ 2021-10-26_,。éÉ\u0307")


def per_token(words: list[str]) -> list[str]:
    return [part.lower() for word in words for part in _TOKEN.findall(word)]


@pytest.mark.parametrize("seed", range(20))
def test_tokens_equal_the_per_token_split(seed: int) -> None:
    rnd = random.Random(seed)
    for _ in range(500):
        words = ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 5))) for _ in range(rnd.randint(0, 6))]
        assert _tokens(words) == per_token(words)


def test_examples() -> None:
    assert _tokens(["2021-10-26", "碳计量", "AMR"]) == ["2021", "10", "26", "碳计量", "amr"]
    assert _tokens(["ΟΔΟΣ量"]) == per_token(["ΟΔΟΣ量"])
