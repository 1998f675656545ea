"""Number forms: Arabic, thousands separators, decimals, Chinese numerals, 万 scaling, percentages."""

import pytest
from plangraph.ingest.numbers import find_numbers, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("155", 155),
        ("1,100", 1100),
        ("12,345.5", 12345.5),
        ("6.2", 6.2),
        ("三", 3),
        ("两", 2),
        ("十五", 15),
        ("一百二十", 120),
        ("三千九百", 3900),
        ("百分之九十五", 95),
        ("1万", 10000),
        ("6.2万", 62000),
        ("3万余", 30000),
        ("2亿", 200_000_000),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_whole_values_are_ints():
    assert isinstance(parse_number("1,100"), int)
    assert isinstance(parse_number("6.2万"), int)
    assert isinstance(parse_number("2.5"), float)


@pytest.mark.parametrize("text", ["", "十四五", "万", "abc", "12a"])
def test_not_numbers(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_find_numbers_offsets_and_flags():
    text = "建成两个以上中心,覆盖率达到百分之九十五,新增1,100名"
    found = find_numbers(text)
    assert [(n.value, text[n.start : n.end]) for n in found] == [(2, "两"), (95, "百分之九十五"), (1100, "1,100")]
    assert [n.percent for n in found] == [False, True, False]
    assert [n.chinese for n in found] == [True, True, False]
