"""Split a printed list of responsible units into unit names with character offsets.

Works on normalised simplified text. Separators are 、 , ; (and ，；), newlines and spaces, never
inside brackets (``市市场监管局(市知识产权局)`` stays whole). Shared-suffix groups are expanded
(``县、区人民政府`` → 县人民政府, 区人民政府; ``发改、财政等部门`` → 发改部门, 财政部门); the expanded
units carry the offsets of the whole printed group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SEPARATORS = "、,;，；\n\t \xa0\u3000"
OPEN = "(（〔[【"
CLOSE = ")）〕]】"
STRIP = " \t\r\n\xa0\u3000。.:：,，;；、"

# Endings that make a string look like a body (an agency, an institution or a collective).
UNIT_SUFFIX_RE = re.compile(
    r"(人民政府|政府|管委会|管理委员会|委员会|办公厅|办公室|总局|总署|部门|机构|机关|厅|局|委|办|"
    r"院|所|校|学院|大学|院所|高校|协会|科协|学会|中心|站|队|总队|支队|集团|公司|海关|银行|分行|支行|"
    r"联合会|工会|妇联|残联|团委|宣传部|组织部|统战部|网信办|编办)$"
)
# Endings a shared-suffix group may share (县、区人民政府; 发改、财政局).
SHARED_SUFFIX_RE = re.compile(r"(人民政府|政府|管委会|委员会|部门|单位|机构|厅|局|委|办)$")
# Administrative level words that can head a shared-suffix group (市、县(区)人民政府).
LEVEL_HEAD_RE = re.compile(r"^各?(?:省|自治区|设区市|市|州|盟|县|区|旗|乡|镇|街道)(?:\([^)]*\))?")
LEAD_MARKER_RE = re.compile(r"(?:\((?:牵头|牵头单位|牵头部门|主责)\)|牵头)$")
_TRAILING_NOTE_RE = re.compile(r"\([^()]*\)$")
_AND_SPLIT_RE = re.compile(r"以及|和|及|与")
_AND_PART_RE = re.compile(r"(人民政府|政府|管委会|委员会|厅|局|委|办公室|办)$")


@dataclass(frozen=True)
class Unit:
    """A unit name as printed (after group expansion) and its offsets in the given string."""

    name: str
    start: int
    end: int
    lead_marker: bool = False


def looks_like_unit(name: str) -> bool:
    """True when ``name`` ends like the name of a body (局, 厅, 人民政府, 学院, 部门 …)."""
    return bool(UNIT_SUFFIX_RE.search(_TRAILING_NOTE_RE.sub("", name)))


def _pieces(text: str) -> list[tuple[int, int]]:
    """Top-level pieces between separators, as (start, end) spans; brackets protect their content."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif ch in SEPARATORS and depth == 0:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s] in STRIP:
            s += 1
        while e > s and text[e - 1] in STRIP:
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _split_and(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split ``A局和B局`` when every part is itself a department name; keep 人力资源和社会保障局 whole."""
    piece = text[s:e]
    if "(" in piece or not _AND_SPLIT_RE.search(piece):
        return [(s, e)]
    parts, pos = [], 0
    for m in _AND_SPLIT_RE.finditer(piece):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(piece)))
    if all(pe - ps >= 3 and _AND_PART_RE.search(piece[ps:pe]) for ps, pe in parts):
        return [(s + ps, s + pe) for ps, pe in parts]
    return [(s, e)]


def _expand(heads: list[str], tail: str) -> list[str] | None:
    """Names of a shared-suffix group ``heads、tail``, or None when the pieces do not share a suffix."""
    if "等" in tail:
        idx = tail.rfind("等")
        head_t, suffix = tail[:idx], tail[idx + 1 :]
        if looks_like_unit(head_t):
            return [h + suffix for h in heads] + [head_t]
        return [h + suffix for h in heads] + [head_t + suffix]
    level = LEVEL_HEAD_RE.match(tail)
    if level and all(LEVEL_HEAD_RE.fullmatch(h) for h in heads):
        suffix = re.sub(r"^(?:各级|各)", "", tail[level.end() :])
        if not suffix:
            return None
        return [h + suffix for h in heads] + [level.group(0) + suffix]
    if level or any(len(h) > 8 for h in heads):
        return None
    m = SHARED_SUFFIX_RE.search(tail)
    if not m or m.start() == 0:
        return None
    return [h + m.group(1) for h in heads] + [tail]


def split_units(text: str, base: int = 0) -> list[Unit]:
    """Split a printed unit list into units; offsets are ``base`` + positions in ``text``."""
    spans: list[tuple[int, int]] = []
    for s, e in _pieces(text):
        spans.extend(_split_and(text, s, e))
    units: list[Unit] = []
    pending: list[tuple[int, int]] = []  # bare heads waiting for the piece that carries the suffix
    for s, e in spans:
        name = text[s:e]
        marker = bool(LEAD_MARKER_RE.search(name)) and len(name) > 2
        if marker:
            name = LEAD_MARKER_RE.sub("", name).rstrip(STRIP)
        is_bare = not looks_like_unit(name) and "等" not in name
        if is_bare:
            pending.append((s, e))
            continue
        if pending:
            names = _expand([text[ps:pe] for ps, pe in pending], name)
            if names:
                gs = pending[0][0]
                units.extend(Unit(n, base + gs, base + e, marker and i == len(names) - 1)
                             for i, n in enumerate(names))
                pending = []
                continue
            units.extend(Unit(text[ps:pe], base + ps, base + pe) for ps, pe in pending)
            pending = []
        cut = name.rfind("等")
        if cut > 0 and looks_like_unit(name[:cut]):  # 省生态环境厅等部门 → 省生态环境厅
            name, e = name[:cut], s + cut
        units.append(Unit(name, base + s, base + e, marker))
    units.extend(Unit(text[ps:pe], base + ps, base + pe) for ps, pe in pending)
    return units
