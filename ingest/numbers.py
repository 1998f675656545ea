"""Numbers as plans print them: Arabic digits (``1,100``, ``6.2``), Chinese numerals (``两``, ``一百二十``),
mixed forms (``1万``, ``6.2万``, ``3万余``) and percentages (``百分之九十五``).

Chinese numerals are read with ``cn2an``; this module only finds them in text and folds the Arabic forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

CN_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: One number: Arabic (optionally scaled by 万/亿) or a run of Chinese numerals, optionally after 百分之.
NUMBER = rf"(?:百分之)?(?:(?:{ARABIC})(?:[万亿](?![元人吨千]))?|[{CN_NUMERALS}]+)"
_NUMBER_RE = re.compile(NUMBER)
_SCALE = {"万": 10_000, "亿": 100_000_000}
_TRAILING = re.compile(r"(?:余|多|左右)$")


@dataclass(frozen=True)
class NumberSpan:
    """A number found in a string: its value, offsets and whether it was written as a percentage."""

    value: int | float
    start: int
    end: int
    percent: bool = False
    chinese: bool = False


def tidy(value: float) -> int | float:
    """An int when the value is whole, else the float rounded to 6 places."""
    return int(value) if float(value).is_integer() else round(float(value), 6)


def parse_number(text: str) -> int | float:
    """Read one number (``'1,100'``, ``'6.2万'``, ``'两'``, ``'一百二十'``, ``'百分之九十五'`` → 95).

    A trailing 余/多/左右 is ignored (it is a comparator, see :mod:`ingest.targets`).
    Raises ``ValueError`` when the text is not a number.
    """
    s = _TRAILING.sub("", text.strip())
    if s.startswith("百分之"):
        s = s[3:]
    if not s:
        raise ValueError(f"not a number: {text!r}")
    m = re.fullmatch(rf"({ARABIC})([万亿]?)", s)
    if m:
        return tidy(float(m.group(1).replace(",", "")) * _SCALE.get(m.group(2), 1))
    if all(ch in CN_NUMERALS for ch in s):
        try:
            return tidy(float(cn2an.cn2an(s, "normal")))
        except ValueError as exc:
            raise ValueError(f"not a number: {text!r}") from exc
    raise ValueError(f"not a number: {text!r}")


def find_numbers(text: str) -> list[NumberSpan]:
    """Every readable number in ``text`` with offsets relative to ``text`` (unreadable runs are skipped)."""
    out = []
    for m in _NUMBER_RE.finditer(text):
        try:
            value = parse_number(m.group())
        except ValueError:
            continue
        body = m.group().removeprefix("百分之")
        out.append(NumberSpan(value, m.start(), m.end(), m.group().startswith("百分之"), body[0] in CN_NUMERALS))
    return out
