"""Split a printed list of responsible units into unit names with character offsets.

Works on normalised simplified text. Separators are 、 , ; (and ，；), newlines and tabs, never inside
brackets (``市市场监管局(市知识产权局)`` stays whole); a space separates only two complete units, otherwise it is
PDF noise inside a name (``各市 (地) 政府``) and is dropped from the name. 及 / 和 / 与 / 以及 separate only
where both sides are units (``市教育局和市科技局``), never inside a name (``人力资源和社会保障局``) or a known
collective (``高校及科研院所``). Role words printed after a unit (``按职责分工负责``, ``牵头``, ``配合``, ``落实``
— ``ingest/data/responsibility.yaml``), a trailing ``等`` / ``等有关部门`` and pinyin noise (``区(qū)``) are
removed from names. Groups are expanded: shared suffixes (``县、区人民政府``; ``发改、财政等部门``), a shared
level prefix (``市教育、科技、财政部门``), a shared class word (``市直有关部门、单位``) and a distributive 各
(``各市、县〔区〕人民政府``; ``各乡镇人民政府、街道办事处``); expanded units carry the offsets of the whole group.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from plangraph.ingest.memo import memoised
from plangraph.ingest.yamldata import load_yaml

SEPARATORS = "、,;，；\n\t"
SPACES = " \xa0\u3000"
OPEN = "(（〔[【［〖〈"
CLOSE = ")）〕]】］〗〉"  # 〈含开发区、风景区〉: a note inside a unit list
STRIP = " \t\r\n\xa0\u3000。.:：,，;；、|"  # | closes a table cell

_PINYIN_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
PINYIN_RE = re.compile(r"(?<=[\u4e00-\u9fff])[(（]([a-z" + _PINYIN_VOWELS + r"]{1,7})[)）]")
# Administrative level words that can head a shared-suffix group (市、县(区)人民政府; 各市(地)、县(市)政府).
_BR = r"(?:[(〔][^()〔〕]*[)〕])?"
# Two-character heads (自治县, 县级市, 特区, 开发区 …) head such groups too (各县、自治县人民政府; 各新区、开发区管委会).
LEVEL_HEAD_RE = re.compile(r"^各?(?:自治区|自治州|自治县|自治旗|设区市|县级市|特区|新区|开发区|高新区|经开区|园区|"
                           r"省|市|州|盟|地|县|区|旗|乡镇|乡|镇|街道)+" + _BR)
# What a group of level heads can share: their governments, Party committees or offices (县、区人民政府).
LEVEL_SUFFIX_RE = re.compile(r"^(?:人民政府|政府|党委|党工委|党委和政府|党委、政府|办事处|管委会|行署|人大|政协)")
# A bare level body: the class name of a level's bodies without a place (街道办事处, 乡镇人民政府).
LEVEL_BODY_RE = re.compile(
    r"^(?:市|县|区|旗|乡镇|乡|镇|街道|县区|区县|镇街)" + _BR + r"(?:人民政府|政府|办事处|党委|党工委)" + _BR + "$")
# A bare body below the county (街道办事处, 镇人民政府): after 各乡镇人民政府 it shares the distributive 各.
TOWNSHIP_BODY_RE = re.compile(r"^(?:乡镇|乡|镇|街道|镇街|社区|村)(?:人民政府|政府|办事处|党委|党工委|居委会|村委会)$")
# Level prefixes a shared-suffix group may share (市教育、科技、财政部门).
LEVEL_PREFIX_RE = re.compile(r"^(?:自治区|省|市|县|区|州|盟|旗)")
# What an empty cell or line says instead of a unit (配合单位:无).
_PLACEHOLDERS = frozenset({"无", "暂无", "待定", "略", "无需", "-", "—", "——", "/", "、", "空"})
# Class words a group member may print alone, sharing the rest of the previous unit (市直有关部门、单位).
CLASS_WORDS = ("部门", "单位", "机构", "企业")
# Endings a shared-suffix group may share (县、区人民政府; 发改、财政局; 教育、科技等部门).
SHARED_SUFFIX_RE = re.compile(r"(人民政府|政府|管委会|委员会|部门|单位|机构|厅|局|委|办)$")
# A piece that opens with its own quantifier (各部门, 有关单位) names a whole class: it lends no suffix to the heads.
_QUANTIFIED_RE = re.compile(r"^(?:各|有关|相关|其他|其它|所有)")
LEAD_MARKER_RE = re.compile(r"[(〔\[]\s*(?:牵头|牵头单位|牵头部门|主责|主责单位)\s*[)〕\]]$")
_DENG_RE = re.compile(r"等(?:[\d一二三四五六七八九十百余多几]+个?)?(?:[省市县区]级|[省市县区]直)?(?:有关|相关|其他|其它)?"
                      r"(?:部门|单位|机构|方面)?$")   # 市财政局等市级相关单位 → 市财政局
_AND_RE = re.compile(r"等?(?:以及|及|和|与)")
_TRAILING_NOTE_RE = re.compile(r"[(〔〈][^()〔〕〈〉]*[)〕〉]$")
_NON_ACTOR_START_RE = re.compile(
    r"^(?:鼓励|支持|引导|推动|推进|督促|指导|要求|发挥|加强|依托|充分|积极|按照|根据|围绕|通过|对|在|把|将|以|"
    r"确保|强化|建立|完善|开展|坚持|探索|落实|促进|提升|深化|实施|做好|加快|加大|同时|并|包括|含|如|即|其中|"
    r"新增|新建|完成|实现|达到|力争|全面|进一步)"
)


@dataclass(frozen=True)
class Unit:
    """A unit name (cleaned, after group expansion) and the offsets of its printed text in the given string.

    ``role`` is the role word printed with it (``lead`` for 牵头/承办, ``co`` for 配合/协办, ``joint`` for
    负责/按职责分工负责), ``lead_marker`` is True for ``lead``.
    """

    name: str
    start: int
    end: int
    lead_marker: bool = False
    role: str | None = None

    def moved(self, delta: int) -> Unit:
        """The same unit with its offsets moved by ``delta`` (``dataclasses.replace`` is slow in hot loops)."""
        return Unit(self.name, self.start + delta, self.end + delta, self.lead_marker, self.role)


# ---------------------------------------------------------------------------------------------- data
@cache
def grammar() -> dict[str, Any]:
    """The parsed ``responsibility.yaml`` (labels, role words, openers, brackets); the labels include the
    compounds of ``label_compounds`` (:func:`compound_labels`)."""
    text = resources.files(__package__).joinpath("data/responsibility.yaml").read_text(encoding="utf-8")
    data = load_yaml(text)
    listed = {e["word"] for e in data["labels"]}
    data["labels"] = data["labels"] + [{"word": w, "role": role} for role, words in compound_labels(data).items()
                                       for w in words if w not in listed]
    return data


def compound_labels(data: dict[str, Any] | None = None) -> dict[str, list[str]]:
    """Role → the labels made of one of its prefixes and a body word (参加 + 处室 → 参加处室: co)."""
    spec = (data if data is not None else grammar()).get("label_compounds") or {}
    return {role: [p + b for p in prefixes for b in spec.get("bodies", [])]
            for role, prefixes in spec.get("roles", {}).items()}


@cache
def role_words() -> list[tuple[str, str]]:
    """(word, role) pairs, longest first."""
    pairs = [(w, role) for role, words in grammar()["role_words"].items() for w in words]
    return sorted(pairs, key=lambda p: -len(p[0]))


@cache
def _label_words() -> frozenset[str]:
    """责任单位, 牵头单位 …: the labels themselves are never units."""
    return frozenset(e["word"] for e in grammar()["labels"])


@cache
def _role_suffix_re() -> re.Pattern[str]:
    """A role word at the end of a piece, maybe with a tail (``牵头组织实施`` → 牵头)."""
    words = "|".join(re.escape(w) for w, _ in role_words())
    tails = "|".join(re.escape(w) for w in sorted(grammar()["role_tails"], key=len, reverse=True))
    return re.compile(r"(?P<word>" + words + r")(?:" + tails + r")?$")


@cache
def _endings() -> tuple[list[tuple[str, str]], tuple[str, ...]]:
    from plangraph.ingest.agencies import vocabulary

    voc = vocabulary()
    endings = sorted(voc["unit_endings"].items(), key=lambda kv: -len(kv[0]))
    return endings, tuple(voc["not_unit_endings"])


# ---------------------------------------------------------------------------------------------- names
_PIECE_SCAN_RE = re.compile("[" + re.escape(OPEN + CLOSE + SEPARATORS) + "]")
_SPACES_RE = re.compile(r"[\s\xa0\u3000]+")
_WORD_RE = re.compile(r"[^ \xa0\u3000]+")


@memoised
def clean_name(name: str) -> str:
    """A printed name without pinyin noise, inner spaces and surrounding punctuation (memoised: the same
    names recur in every plan)."""
    name = PINYIN_RE.sub("", name)
    name = _SPACES_RE.sub("", name)
    return name.strip(STRIP)


@lru_cache(maxsize=65536)
def unit_kind(name: str) -> str | None:
    """The kind of body a name's ending says it is (``department``, ``party``, ``enterprise`` …), or None."""
    core = _TRAILING_NOTE_RE.sub("", name) if not LEVEL_BODY_RE.match(name) else name
    core = _TRAILING_NOTE_RE.sub("", core) or core
    endings, not_units = _endings()
    if not core or core.endswith(not_units):
        return None
    for ending, kind in endings:
        if core.endswith(ending) and len(core) > len(ending):
            return kind
    return None


_NAME_RE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff()（）]{1,14}")


def may_be_name(name: str) -> bool:
    """Whether ``name`` can be a body's name whose ending says nothing (中国移动, 中国邮政): short, Chinese, not
    a phrase (no 的, no opening verb). Only a role word beside it (配合, 按职责分工负责) makes it a unit."""
    return bool(_NAME_RE.fullmatch(name)) and "的" not in name and not _NON_ACTOR_START_RE.match(name) \
        and name not in _label_words() and not name.endswith(tuple(grammar()["post_endings"])) \
        and not name.endswith(tuple(grammar()["manner_endings"]))


def looks_like_unit(name: str) -> bool:
    """True when ``name`` ends like the name of a body (局, 厅, 人民政府, 公司, 街道, 妇联 …)."""
    return unit_kind(name) is not None


@lru_cache(maxsize=65536)
def is_unit(name: str) -> bool:
    """True when ``name`` is a unit: a vocabulary name, a generic reference or a body by its ending."""
    from plangraph.ingest.agencies import default_resolver

    name = clean_name(name)
    if not name or len(name) > 30 or "的" in name or _NON_ACTOR_START_RE.match(name) or name in _label_words():
        return False
    return looks_like_unit(name) or default_resolver().knows(name)


@memoised
def strip_role(name: str) -> tuple[str, str | None]:
    """``省大数据中心按职责分工负责`` → (省大数据中心, joint); ``市人社局(牵头)`` → (市人社局, lead)."""
    m = LEAD_MARKER_RE.search(name)
    if m and m.start() > 0:
        return name[: m.start()].rstrip(STRIP), "lead"
    m = _role_suffix_re().search(name)
    if m and m.start() > 0:
        word = m.group("word")
        role = next(r for w, r in role_words() if w == word)
        return name[: m.start()].rstrip(STRIP), role
    return name, None


@memoised
def strip_deng(name: str) -> str:
    """``省财政厅等`` / ``河南银保监局等相关部门`` → the unit before 等 (when it is one)."""
    m = _DENG_RE.search(name)
    if m and m.start() > 0:
        head = name[: m.start()]
        if m.group(0) == "等" or is_unit(head):
            return head
    return name


# ---------------------------------------------------------------------------------------------- pieces
def _pieces(text: str) -> list[tuple[int, int]]:
    """Top-level pieces between separators, as (start, end) spans; brackets protect their content."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in top_level(_PIECE_SCAN_RE, text):
        i = m.start()
        spans.append((start, i))
        start = i + 1
    spans.append((start, len(text)))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s] in STRIP:
            s += 1
        while e > s and text[e - 1] in STRIP:
            e -= 1
        if e > s:
            if out and wrapped_name(text[out[-1][0]:out[-1][1]], text[out[-1][1]:s], text[s:e]):
                s = out.pop()[0]   # 园区党工 / 委: a name broken by a hard line wrap
            out.extend(_split_spaces(text, s, e))
    return out


def wrapped_name(before: str, gap: str, after: str) -> bool:
    """Whether a line break (``gap``) cuts one name in two: ``before`` is no unit, ``before + after`` is one."""
    return gap.strip(" \t\xa0\u3000") == "\n" and not is_unit(before) and not is_unit(after) \
        and not LEVEL_PREFIX_RE.match(after) and is_unit(before + after) and not LEVEL_HEAD_RE.fullmatch(before)


def _split_spaces(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split a piece at spaces only where every part is a unit (``市发改委 市财政局``)."""
    parts = [(m.start(), m.end()) for m in _WORD_RE.finditer(text, s, e)]
    if len(parts) > 1 and all(is_unit(strip_deng(strip_role(text[a:b])[0])) for a, b in parts):
        return parts
    return [(s, e)]


def _split_and(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split ``A局和B局`` / ``A厅等及B`` where the parts are units; keep names and collectives whole.

    Only the 及/和/与 that separate units are cuts: ``省文化和旅游厅及省财政厅`` → 省文化和旅游厅 + 省财政厅.
    """
    piece = clean_name(text[s:e])
    if not _AND_RE.search(piece) or _is_collective(strip_deng(piece)):
        return [(s, e)]
    cuts = [m for m in _AND_RE.finditer(text, s, e) if bracket_depth(text, s, m.start()) == 0]
    if not cuts:
        return [(s, e)]

    def ok(a: int, b: int, first: bool) -> bool:
        name = strip_deng(strip_role(clean_name(text[a:b]))[0])
        return is_unit(name) or (not first and bool(LEVEL_HEAD_RE.fullmatch(name)))

    def best(a: int, first: bool) -> list[tuple[int, int]] | None:
        """A partition of text[a:e] into units at and-words (the shortest first part first), else None."""
        for m in cuts:
            if m.start() > a and ok(a, m.start(), first):
                rest = best(m.end(), False)
                if rest:
                    return [(a, m.start()), *rest]
        return [(a, e)] if ok(a, e, first) else None

    return best(s, True) or [(s, e)]


def _is_collective(name: str) -> bool:
    """``有关高校及科研院所``: a class of bodies the vocabulary names as one (kept whole)."""
    from plangraph.ingest.agencies import default_resolver

    core = default_resolver().lookup_core(re.sub(r"^(?:各有关|各相关|有关|相关|各类|各)", "", name))
    return core is not None and core.form == "collective"


def top_level(scan: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """Matches of ``scan`` in ``text[start:end]`` outside brackets. ``scan`` must match every bracket too (only
    brackets and separators move the scan, so the walk skips everything else in C)."""
    depth = 0
    for m in scan.finditer(text, start, len(text) if end is None else end):
        ch = m.group()
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            yield m


def bracket_depth(text: str, s: int, pos: int) -> int:
    """How many brackets opened in ``text[s:pos]`` are still open at ``pos``."""
    depth = 0
    for ch in text[s:pos]:
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
    return depth


def _expand(heads: list[str], tail: str) -> list[str] | None:
    """Names of a group ``heads、tail``, or None when the pieces do not share a suffix."""
    if "等" in tail:
        idx = tail.rfind("等")
        head_t, suffix = tail[:idx], tail[idx + 1 :]
        suffix = re.sub(r"^(?:有关|相关)", "", suffix)
        if not suffix:
            return None
        if is_unit(head_t):
            return [h + suffix for h in heads] + [head_t]
        return _share_prefix([h + suffix for h in heads] + [head_t + suffix])
    level = LEVEL_HEAD_RE.match(tail)
    if level and all(LEVEL_HEAD_RE.fullmatch(h) for h in heads):
        suffix = re.sub(r"^(?:各级|各|[两三四]级)", "", tail[level.end() :])
        if not LEVEL_SUFFIX_RE.match(suffix) and not _department_class(suffix):  # 各街道、区直各部门: two units
            return None
        names = [h + suffix for h in heads] + [level.group(0) + suffix]
        if heads[0].startswith("各"):
            names = [n if n.startswith("各") else "各" + n for n in names]
        return names
    if level or any(len(h) > 8 for h in heads):
        return None
    m = SHARED_SUFFIX_RE.search(tail)
    if not m or m.start() == 0 or _QUANTIFIED_RE.match(tail):  # 各地、各部门: the tail is whole on its own
        return None
    if any(len(h) >= 3 and h.endswith(_complete_endings()) for h in heads):  # 组干科、机关党委: 组干科 is whole
        return None
    return _share_prefix([h + m.group(1) for h in heads] + [tail])


def _department_class(suffix: str) -> bool:
    """``财政部门`` in ``各市州及县市区财政部门`` (a function's departments) or ``有关部门`` in ``市、县有关部门``:
    a class of bodies every level head of the group shares."""
    from plangraph.ingest.agencies import default_resolver

    if re.fullmatch(r"(?:有关|相关)(?:部门|单位)", suffix):
        return True
    return suffix.endswith(("部门", "机构")) and default_resolver().function_of(suffix) is not None


def _share_prefix(names: list[str]) -> list[str]:
    """``市教育部门、科技部门`` printed as one group: the first member's level prefix is shared."""
    m = LEVEL_PREFIX_RE.match(names[0])
    if not m or any(LEVEL_PREFIX_RE.match(n) for n in names[1:]):
        return names
    return [names[0]] + [m.group(0) + n for n in names[1:]]


def _class_word_share(prev: str, word: str) -> str | None:
    """``市直有关部门`` + ``单位`` → ``市直有关单位``."""
    for cw in CLASS_WORDS:
        if prev.endswith(cw) and len(prev) > len(cw):
            return prev[: -len(cw)] + word
    return None


# ---------------------------------------------------------------------------------------------- split
def split_units(text: str, base: int = 0, *, truncated: bool = False) -> list[Unit]:
    """Split a printed unit list into units; offsets are ``base`` + positions in ``text``.

    ``truncated``: the list is cut at the end of the page, so a last piece that is not a complete unit (and a
    group still waiting for its suffix) is dropped.
    """
    spans: list[tuple[int, int]] = []
    for s, e in _pieces(text):
        spans.extend(_split_and(text, s, e))
    units: list[Unit] = []
    pending: list[tuple[int, int, str]] = []  # bare heads waiting for the piece that carries the suffix
    last = len(spans) - 1
    for idx, (s, e) in enumerate(spans):
        raw = clean_name(text[s:e])
        name, role = strip_role(raw)
        name = strip_deng(name)
        if not name or name in _PLACEHOLDERS:
            continue
        if text.startswith(name, s):  # the offsets cover the name, not a stripped role word or 等
            e = s + len(name)
        if truncated and idx == last:
            name = _before_open_note(name)  # 各区人民政府(含开发区、 cut inside its note: the name before it
            if not name or not _may_be_complete(name):
                pending = []
                break
        if name in CLASS_WORDS and units:
            shared = _class_word_share(units[-1].name, name)
            if shared:
                units.append(Unit(shared, base + s, base + e, role == "lead", role))
                continue
        if LEVEL_HEAD_RE.fullmatch(name) or (not looks_like_unit(name) and not _is_known(name) and "等" not in raw):
            pending.append((s, e, name))
            continue
        if pending:
            names = _expand([p[2] for p in pending], name)
            if names:
                gs = pending[0][0]
                units.extend(Unit(n, base + gs, base + e, role == "lead", role) for n in names)
                pending = []
                continue
            units.extend(Unit(p[2], base + p[0], base + p[1]) for p in pending)
            pending = []
        if units and TOWNSHIP_BODY_RE.match(name) and _distributive(units[-1].name):
            name = "各" + name
        units.append(Unit(name, base + s, base + e, role == "lead", role))
    if pending and (not truncated or _may_be_complete(pending[-1][2])):
        units.extend(Unit(shared_each(units, p[2]), base + p[0], base + p[1]) for p in pending)
    return units


def _before_open_note(name: str) -> str:
    """A name cut inside a bracket it opened (``各区人民政府(含开发区``): the part before that bracket."""
    depth, cut = 0, None
    for i, ch in enumerate(name):
        if ch in OPEN:
            if depth == 0:
                cut = i
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
    return name if depth == 0 or cut is None else name[:cut].rstrip(STRIP)


def shared_each(units: list[Unit], name: str) -> str:
    """A bare level head after a 各-group of level heads shares its 各: 各市州及县市区 → 各市州, 各县市区."""
    prev = units[-1].name if units else ""
    if prev.startswith("各") and LEVEL_HEAD_RE.fullmatch(prev) and LEVEL_HEAD_RE.fullmatch(name) and \
            not name.startswith("各"):
        return "各" + name
    return name


@cache
def _complete_endings() -> tuple[str, ...]:
    """Endings that close a body's name (科, 室, 处, 中心 …): a name ending in one takes no shared suffix."""
    return tuple(grammar()["complete_endings"])


def _may_be_complete(name: str) -> bool:
    """A piece at the cut of a page that still reads as a whole name (a unit, or a name ending like 专班)."""
    if is_unit(name) or LEVEL_HEAD_RE.fullmatch(name):
        return is_unit(name)
    return len(name) >= 3 and name.endswith(_complete_endings())


def _is_known(name: str) -> bool:
    from plangraph.ingest.agencies import default_resolver

    return default_resolver().knows(name)


def _distributive(prev: str) -> bool:
    """True when ``prev`` is a 各-group of level bodies whose 各 carries over (各乡镇人民政府、街道办事处)."""
    return prev.startswith("各") and bool(LEVEL_BODY_RE.match(prev[1:]))
