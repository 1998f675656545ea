"""Resolve printed agency names to canonical agencies, find agency mentions, expand user queries.

The vocabulary is data: ``ingest/data/agencies.yaml`` (functions, name families per level, aliases,
group heads, reform predecessors, generic references). ``agency_id`` is the canonical Chinese name
(``浙江省市场监督管理局``) or ``jurisdiction·printed`` for collectives, groups and unknown units.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from plangraph.ingest.memo import remember
from plangraph.ingest.normalize import converter
from plangraph.ingest.pinyin import syllables
from plangraph.ingest.places import TIERS, tier_of
from plangraph.ingest.termmatch import TermMatcher
from plangraph.ingest.yamldata import load_yaml

LEVELS = TIERS  # the government tiers of ingest.places
_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}
# Single-character level prefixes as printed (省科技厅, 市市场监管局, 县人民政府).
LEVEL_CHARS = {"自治区": "provincial", "省": "provincial", "市": "municipal", "州": "municipal",
               "县": "county", "区": "county", "旗": "county"}
# Tier prefixes name a class of bodies at that level (省级计量技术机构).
TIER_PREFIXES = {"省级": "provincial", "市级": "municipal", "县级": "county", "区级": "county",
                 "县区": "county", "各级": None}
PLACE_RE = re.compile(
    r"(?!.*(?:会同|部门|有关|相关|各级|加强))[^\W\d_的对在把和与及]{1,8}?(?:特别行政区|自治区|自治州|自治县|地区|经济技术开发区|高新技术产业开发区|"
    r"经济开发区|经开区|高新区|开发区|新区|省|市|州|盟|县|区|旗)"
)
PLACE_EN = [("特别行政区", "SAR"), ("自治区", "Autonomous Region"), ("自治州", "Autonomous Prefecture"),
            ("自治县", "Autonomous County"), ("经济技术开发区", "Economic and Technological Development Zone"),
            ("高新技术产业开发区", "High-tech Industrial Development Zone"), ("经济开发区", "Economic Development Zone"),
            ("经开区", "Economic and Technological Development Zone"), ("高新区", "High-tech Zone"),
            ("开发区", "Development Zone"), ("新区", "New Area"), ("地区", "Prefecture"), ("省", "Provincial"),
            ("市", "Municipal"), ("州", "Prefecture"), ("盟", "League"), ("县", "County"), ("区", "District"),
            ("旗", "Banner")]
NATIONAL_JURISDICTION = "中国"
_GROUP_RE = re.compile(r"^(?:各级|各)?(?P<head>.+?)(?:行政主管部门|主管部门|行政部门|部门|系统)$")
_COLLECTIVE_PREFIX_RE = re.compile(r"^(?:各有关|各相关|有关|相关|各类|各)")
_COLLECTIVE_GOV_RE = re.compile(
    r"^(?:全省|全市)?各?(?P<lvl>设区市|市|县|区|乡镇|乡|镇|街道)(?:\([市县区、]+\))?(?:、县(?:\([市县区、]+\))?)?"
    r"(?:人民政府|政府|党委和政府|党委、政府)$"
)
_TRAILING_NOTE_RE = re.compile(r"\([^()]*\)$")
# 国务院各部门, 各产业主管部门, 区属各重点国企, 县各有关单位, 区政府有关部门: a class of bodies, not one body.
_GENERIC_CLASS_RE = re.compile(r"(?:各[^各、,]{0,8}|有关|相关)(?:部门|单位|机构|管委会|国企|部委|委办局|直属机构)$")
# A place printed without its 省/市/县 suffix in front of a vocabulary name (河南银保监局, 福建出入境检验检疫局).
_BARE_PLACE_RE = re.compile(r"(?![省市县区州旗])[^\W\d_和及与各有相]{2,4}")
# A township, town or sub-district and its government or office.
_TOWNSHIP_RE = re.compile(r"^[^\W\d_]{2,10}?(?<![城小])(?:镇|乡|街道)(?:人民政府|政府|办事处|党委)?$")
# 各县区, 各镇街, 各县(市、区), 各市、县: every body of one or more administrative levels, as a class.
_GENERIC_LEVELS_RE = re.compile(
    r"^(?:全省|全市|全县|全区)?各(?:级)?(?:(?:设区市|省辖市|市|州|盟|地|县|区|旗|乡|镇|街道|街|乡镇|镇街)"
    r"(?:[(〔][市县区旗乡镇、]+[)〕])?[、]?)+$")
_GENERIC_OPENER_RE = re.compile(r"^(?:各有关|各相关|有关|相关|其他|其它)")
_GENERIC_ENDING_RE = re.compile(r"(部门|单位|方面|机构)$")
_LEAD_NOTE_RE = re.compile(r"\((?:牵头|牵头单位|牵头部门|主责)\)$")


@dataclass(frozen=True)
class ResolvedAgency:
    """A printed unit resolved to an agency (or a collective / group / generic reference)."""

    agency_id: str
    name: str
    name_en: str
    function: str | None
    function_zh: str | None
    function_en: str | None
    level: str | None
    jurisdiction: str | None
    kind: str  # agency | collective | department-group | generic | historical
    aliases: list[str] = field(default_factory=list)
    printed: str = ""
    generic: bool = False
    successor_id: str | None = None
    parent_jurisdiction: str | None = None


@dataclass(frozen=True)
class Mention:
    """An agency mention found in a text, with character offsets."""

    name: str
    start: int
    end: int
    function: str | None


@dataclass(frozen=True)
class _Core:
    """What the part of a name after its place / level prefix is."""

    form: str  # alias | national | group | collective | suffix | generic
    function: str | None
    entry: dict[str, Any] | None = None


@cache
def vocabulary() -> dict[str, Any]:
    """The parsed ``agencies.yaml`` (loaded once)."""
    text = resources.files(__package__).joinpath("data/agencies.yaml").read_text(encoding="utf-8")
    return load_yaml(text)


def normalize_level(level: str | None, jurisdiction: str | None = None) -> str | None:
    """Map a document level (``provincial-department``, ``district`` …) to one of LEVELS (``places.tier_of``)."""
    return tier_of(level, jurisdiction)


@lru_cache(maxsize=8192)
def romanize_place(place: str | None) -> str:
    """``浙江省`` → ``Zhejiang Provincial``; ``铜陵市`` → ``Tongling Municipal`` (pypinyin, ``ingest.pinyin``)."""
    if not place or place in (NATIONAL_JURISDICTION, "全国", "国家"):
        return ""
    for suffix, word in PLACE_EN:
        if place.endswith(suffix) and len(place) > len(suffix):
            stem = syllables(place[: -len(suffix)])
            return f"{stem[:1].upper()}{stem[1:]} {word}"
    stem = syllables(place)
    return stem[:1].upper() + stem[1:]


def _title(text: str) -> str:
    """Title case that keeps short function words lower case (Development and Reform)."""
    small = {"and", "of", "the", "for", "in"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in text.split())


def _t2s(text: str) -> str:
    return converter("t2s").convert(unicodedata.normalize("NFKC", text))


class AgencyResolver:
    """Resolve printed unit names against the curated vocabulary."""

    def __init__(self) -> None:
        voc = vocabulary()
        self.functions: dict[str, dict[str, Any]] = voc["functions"]
        self.types: dict[str, str] = voc["types"]
        self.entries: list[dict[str, Any]] = voc["agencies"]
        self.alias_index: dict[str, dict[str, Any]] = {}
        self.national_index: dict[str, dict[str, Any]] = {}
        self.head_index: dict[str, dict[str, Any]] = {}
        for entry in self.entries:
            names = entry["names"]
            for name in [*(v for k, v in names.items() if k != "national"), *entry.get("aliases", [])]:
                self.alias_index.setdefault(name, entry)
            for name in [names.get("national"), *entry.get("national_aliases", [])]:
                if name:
                    self.national_index.setdefault(name, entry)
            for head in entry.get("heads", []):
                self.head_index.setdefault(head, entry)
        self.suffix_functions: dict[str, str] = voc["suffix_functions"]
        self.suffix_en: dict[str, str] = voc["suffix_en"]
        self._suffixes = sorted(self.suffix_functions, key=len, reverse=True)
        self.collectives: dict[str, list[str]] = voc["collectives"]
        self.generic_actors: set[str] = set(voc["generic_actors"])
        self.self_references: set[str] = set(voc["self_references"])
        self.prefix_functions: dict[str, str] = voc.get("prefix_functions", {})
        self._prefixes = sorted(self.prefix_functions, key=len, reverse=True)
        # memos of pure lookups over the vocabulary above (fixed once built; a new resolver starts empty)
        self._cores: dict[str, _Core | None] = {}
        self._functions: dict[str, str | None] = {}
        self._generic_memo: dict[str, bool] = {}

    # ------------------------------------------------------------------ lookup
    def is_generic(self, name: str) -> bool:
        """True for references that name no particular agency (各地, 有关部门, 各县区, 各镇街 …); memoised."""
        return remember(self._generic_memo, name, self._is_generic)

    def _is_generic(self, name: str) -> bool:
        return name in self.generic_actors or bool(_GENERIC_LEVELS_RE.match(name) or _GENERIC_CLASS_RE.search(name)) or bool(
            _GENERIC_OPENER_RE.match(name) and _GENERIC_ENDING_RE.search(name))

    def lookup_core(self, core: str) -> _Core | None:
        """Classify a name with its place / level prefix already removed (memoised per resolver)."""
        if not core:
            return None
        return remember(self._cores, core, self._lookup_core)

    def _lookup_core(self, core: str) -> _Core | None:
        if core in self.national_index:
            entry = self.national_index[core]
            return _Core("national", entry["function"], entry)
        if core in self.alias_index:
            entry = self.alias_index[core]
            return _Core("alias", entry["function"], entry)
        m = _GROUP_RE.match(core)
        if m and m.group("head") in self.head_index:
            entry = self.head_index[m.group("head")]
            return _Core("group", entry["function"], entry)
        bare = _COLLECTIVE_PREFIX_RE.sub("", core)
        if bare in self.collectives:
            return _Core("collective", self.collectives[bare][0])
        for suffix in self._suffixes:
            if core.endswith(suffix):
                return _Core("suffix", self.suffix_functions[suffix])
        return None

    def function_of(self, name: str) -> str | None:
        """The function key a printed name implies, or None (cheap check used by actor detection; memoised)."""
        return remember(self._functions, name, lambda n: self.resolve(n, jurisdiction=None, level=None).function)

    def knows(self, name: str) -> bool:
        """True when ``name`` is a generic reference, a self reference or resolves to a function."""
        return (name in self.self_references or self.is_generic(name)
                or self.function_of(name) is not None)

    # ------------------------------------------------------------------ resolve
    def resolve(self, printed: str, *, jurisdiction: str | None, level: str | None,
                issuer: str | None = None, province: str | None = None) -> ResolvedAgency:
        """Resolve ``printed`` (simplified) in the context of a document's jurisdiction, level and issuer.

        ``province`` (optional) names the province of a municipal/county document, used for ``省X厅``.
        """
        name = _LEAD_NOTE_RE.sub("", printed.strip()).removeprefix("由")
        doc_level = normalize_level(level, jurisdiction)
        note = _TRAILING_NOTE_RE.search(name)
        if note and note.start() > 0:  # 市市场监管局(市知识产权局): the name before the note decides
            main = self.resolve(name[: note.start()], jurisdiction=jurisdiction, level=level, issuer=issuer,
                                province=province)
            if main.function:
                return replace(main, printed=printed)
        collective = _COLLECTIVE_GOV_RE.match(name)
        if collective and (name.startswith(("各", "全省各", "全市各")) or "(" in name):  # 各县(市、区)人民政府, 县(区)人民政府, 各设区市政府: the lower-level governments as a class
            lvl = "municipal" if collective.group("lvl").startswith(("设区市", "市")) else "county"
            township = collective.group("lvl") in ("乡镇", "乡", "镇", "街道")
            return self._collective(_Core("suffix", "township_government" if township else "government"), printed,
                                    name, jurisdiction, lvl)
        township = _TOWNSHIP_RE.match(name)
        if township and not name.startswith("各"):  # 某某镇人民政府, 某某街道办事处, 某某乡
            return self._named(name, printed, "township_government", jurisdiction, doc_level, "township")
        if name in self.self_references:
            return self._self_reference(name, printed, jurisdiction, doc_level, issuer, province)
        if self.is_generic(name):
            return self._generic(name, printed, jurisdiction, doc_level)
        core = self.lookup_core(name)
        if core and core.form in ("alias", "national", "group", "collective"):
            return self._build(core, printed, name, place=None, level=doc_level, doc_jur=jurisdiction,
                               doc_level=doc_level, explicit=False)
        for prefix in self._prefixes:  # 人行郑州中心支行, 国网某某供电公司: a national body's local unit
            if name.startswith(prefix) and len(name) > len(prefix):
                return self._named(name, printed, self.prefix_functions[prefix], jurisdiction, doc_level, "agency")
        if name.startswith("各") and (each := self.lookup_core(name[1:])) and each.form == "alias":
            return self._collective(each, printed, name, jurisdiction, doc_level)  # 各街道办事处
        for prefix, lvl in TIER_PREFIXES.items():
            if name.startswith(prefix):
                tier_core = self.lookup_core(name[len(prefix):])
                if tier_core:
                    return self._collective(tier_core, printed, name, jurisdiction, lvl or doc_level)
        for prefix, lvl in LEVEL_CHARS.items():
            if name.startswith(prefix):
                rest = name[len(prefix):]
                sub = self.lookup_core(rest)
                if sub and (sub.form != "suffix" or sub.function == "government"):
                    return self._with_level(sub, printed, name, prefix, lvl, jurisdiction, doc_level, province)
        for i in range(2, len(name)):
            place = name[:i]
            if not PLACE_RE.fullmatch(place):
                continue
            sub = self.lookup_core(name[i:])
            if sub:
                return self._build(sub, printed, name, place=place, level=normalize_level(None, place) or doc_level,
                                   doc_jur=jurisdiction, doc_level=doc_level, explicit=True)
        for i in range(2, len(name) - 2):  # 河南银保监局: a vocabulary name after a place printed without its suffix
            if name[i:] in self.alias_index and _BARE_PLACE_RE.fullmatch(name[:i]):
                return self._build(_Core("alias", self.alias_index[name[i:]]["function"], self.alias_index[name[i:]]),
                                   printed, name, place=name[:i], level=doc_level, doc_jur=jurisdiction,
                                   doc_level=doc_level, explicit=True)
        if core:  # a proper name recognised by its ending (铜陵学院)
            return self._build(core, printed, name, place=None, level=doc_level, doc_jur=jurisdiction,
                               doc_level=doc_level, explicit=True)
        return self._unknown(name, printed, jurisdiction, doc_level)

    # ------------------------------------------------------------------ builders
    def _labels(self, function: str | None) -> tuple[str | None, str | None]:
        info = self.functions.get(function or "", {})
        return info.get("zh"), info.get("en")

    def _canonical(self, entry: dict[str, Any], level: str | None) -> str:
        names = entry["names"]
        order = {"national": ["national", "provincial"], "provincial": ["provincial", "municipal"],
                 "municipal": ["municipal", "provincial", "county"], "county": ["county", "municipal", "provincial"]}
        for lvl in order.get(level or "", ["provincial", "municipal", "county", "national"]):
            if names.get(lvl):
                return names[lvl]
        return next(iter(names.values()))

    def _type_en(self, canonical: str) -> str:
        for suffix in sorted(self.types, key=len, reverse=True):
            if canonical.endswith(suffix):
                return self.types[suffix]
        return "Agency"

    def _entry_en(self, entry: dict[str, Any], level: str | None, canonical: str) -> str:
        if level == "national" and entry.get("en_national"):
            return entry["en_national"]
        if entry.get("en"):
            return entry["en"].replace("{type}", self._type_en(canonical))
        return f"{self._type_en(canonical)} of {self._labels(entry['function'])[1] or ''}".strip()

    def _aliases(self, entry: dict[str, Any], level: str | None, place: str | None, prefix: str | None) -> list[str]:
        if level == "national":
            forms = [entry["names"].get("national"), *entry.get("national_aliases", [])]
            return list(dict.fromkeys(f for f in forms if f))
        forms = [self._canonical(entry, level), *entry.get("aliases", [])]
        level_char = {"provincial": "省", "municipal": "市", "county": "县"}.get(level or "")
        if place and place[-1] in "县区旗" and level == "county":
            level_char = place[-1]
        prefixes = list(dict.fromkeys(p for p in (place, _short_place(place), prefix, level_char) if p))
        return list(dict.fromkeys(p + f for p in prefixes for f in forms))

    def _agency(self, entry: dict[str, Any], printed: str, level: str | None, place: str | None,
                prefix: str | None, parent: str | None = None) -> ResolvedAgency:
        canonical = self._canonical(entry, level)
        if level == "national":
            name, place = canonical, NATIONAL_JURISDICTION
        else:
            name = (place or prefix or "") + canonical
        fzh, fen = self._labels(entry["function"])
        place_en = romanize_place(place) if level != "national" else ""
        if not place_en and prefix and level != "national":
            place_en = dict(PLACE_EN).get(prefix, "")
        name_en = " ".join(p for p in (place_en, self._entry_en(entry, level, canonical)) if p)
        successor_id = None
        kind = "agency"
        if entry.get("historical"):
            kind = "historical"
            successor = self._successor(entry)
            if successor is not None:
                scanon = self._canonical(successor, level)
                successor_id = scanon if level == "national" else (place or prefix or "") + scanon
        return ResolvedAgency(
            agency_id=name, name=name, name_en=name_en, function=entry["function"], function_zh=fzh,
            function_en=fen, level=level, jurisdiction=place, kind=kind,
            aliases=self._aliases(entry, level, place, prefix), printed=printed, generic=False,
            successor_id=successor_id, parent_jurisdiction=parent)

    def _successor(self, entry: dict[str, Any]) -> dict[str, Any] | None:
        function = entry.get("successor") or entry["function"]
        return next((e for e in self.entries if e["function"] == function and not e.get("historical")), None)

    def _build(self, core: _Core, printed: str, name: str, *, place: str | None, level: str | None,
               doc_jur: str | None, doc_level: str | None, explicit: bool) -> ResolvedAgency:
        parent = None
        if place and doc_jur and place != doc_jur and doc_level and level and _RANK[level] > _RANK[doc_level]:
            parent = doc_jur
        jur = place if explicit and place else doc_jur
        if core.form == "national":
            return self._agency(core.entry, printed, "national", None, None)
        if core.form == "alias":
            if place:
                return self._agency(core.entry, printed, level, place, None, parent)
            return self._agency(core.entry, printed, level, jur, None, parent)
        fzh, fen = self._labels(core.function)
        if core.form == "group":
            first = core.entry if core.entry.get("historical") else next(
                e for e in self.entries if e["function"] == core.function and not e.get("historical") and e.get("heads"))
            head = first["heads"][0]
            label = f"{head}部门"
            return ResolvedAgency(
                agency_id=f"{jur}·{label}" if jur else label, name=label,
                name_en=" ".join(p for p in (romanize_place(jur), f"{_title(fen or '')} Departments") if p),
                function=core.function, function_zh=fzh, function_en=fen, level=level, jurisdiction=jur,
                kind="department-group", aliases=[f"{h}部门" for h in core.entry.get("heads", [])],
                printed=printed)
        if core.form == "collective":
            return self._collective(core, printed, name, doc_jur, level)
        # suffix: a proper name (铜陵学院, 枞阳县人民政府, 铜陵经开区管委会) or a bare 人民政府
        if core.function == "government" and not place:
            entry = self.alias_index["人民政府"]
            return self._agency(entry, printed, level, jur, None, parent)
        if core.function == "government" and place:
            entry = self.alias_index["人民政府"]
            return self._agency(entry, printed, normalize_level(None, place) or level, place, None, parent)
        return ResolvedAgency(
            agency_id=name, name=name, name_en=self._proper_name_en(name),
            function=core.function, function_zh=fzh, function_en=fen, level=level, jurisdiction=jur,
            kind="agency", aliases=[name], printed=printed, parent_jurisdiction=parent)

    def _proper_name_en(self, name: str) -> str:
        """``铜陵学院`` → ``Tongling College``: romanised stem + English ending."""
        for suffix in sorted(self.suffix_en, key=len, reverse=True):
            if name.endswith(suffix) and len(name) > len(suffix):
                stem = name[: -len(suffix)]
                return f"{romanize_place(stem)} {self.suffix_en[suffix]}"
        return romanize_place(name)

    def _with_level(self, sub: _Core, printed: str, name: str, prefix: str, lvl: str, doc_jur: str | None,
                    doc_level: str | None, province: str | None) -> ResolvedAgency:
        if sub.form == "national":
            return self._build(sub, printed, name, place=None, level="national", doc_jur=doc_jur,
                               doc_level=doc_level, explicit=False)
        if doc_level == lvl or (doc_level is None and doc_jur is None):
            place = doc_jur
        elif doc_level and _RANK[lvl] > _RANK[doc_level]:
            return self._collective(sub, printed, name, doc_jur, lvl)
        elif lvl == "provincial" and province:
            place = province
        else:
            place = None
        if sub.form == "group":
            return self._build(sub, printed, name, place=place, level=lvl, doc_jur=place, doc_level=lvl,
                               explicit=True)
        if sub.form == "collective":
            return self._collective(sub, printed, name, doc_jur, lvl)
        entry = sub.entry if sub.form == "alias" else self.alias_index["人民政府"]
        return self._agency(entry, printed, lvl, place, None if place else prefix)

    def _collective(self, core: _Core, printed: str, name: str, doc_jur: str | None,
                    level: str | None) -> ResolvedAgency:
        fzh, fen = self._labels(core.function)
        return ResolvedAgency(
            agency_id=f"{doc_jur}·{name}" if doc_jur else name, name=name,
            name_en=f"{romanize_place(doc_jur) or level or ''}: {name} ({fen or 'bodies'}, collective)".strip(": "),
            function=core.function, function_zh=fzh, function_en=fen, level=level, jurisdiction=doc_jur,
            kind="collective", aliases=[name], printed=printed)

    def _generic(self, name: str, printed: str, doc_jur: str | None, doc_level: str | None) -> ResolvedAgency:
        function = "government" if name.endswith("政府") else None
        fzh, fen = self._labels(function)
        return ResolvedAgency(
            agency_id=f"{doc_jur}·{name}" if doc_jur else name, name=name,
            name_en=" ".join(p for p in (romanize_place(doc_jur), "(generic reference)") if p),
            function=function, function_zh=fzh, function_en=fen, level=doc_level, jurisdiction=doc_jur,
            kind="generic", aliases=[name], printed=printed, generic=True)

    def _self_reference(self, name: str, printed: str, doc_jur: str | None, doc_level: str | None,
                        issuer: str | None, province: str | None) -> ResolvedAgency:
        if not issuer:
            return self._unknown(name, printed, doc_jur, doc_level)
        own = self.resolve(issuer, jurisdiction=doc_jur, level=doc_level, province=province)
        lvl = LEVEL_CHARS.get(name[0])
        if lvl is None or lvl == own.level or own.function is None:
            return replace(own, printed=printed)
        entry = next((e for e in self.entries if e["function"] == own.function
                      and bool(e.get("historical")) == (own.kind == "historical")), None)
        if entry is None:
            return replace(own, printed=printed)
        place = province if lvl == "provincial" else None
        return self._agency(entry, printed, lvl, place, None if place else name[0])

    def _unknown(self, name: str, printed: str, doc_jur: str | None, doc_level: str | None) -> ResolvedAgency:
        """A unit outside the vocabulary, kept by name; ``kind`` says what its ending makes it (party, enterprise,
        court …) or ``unit``."""
        from plangraph.ingest.units import unit_kind

        return ResolvedAgency(
            agency_id=f"{doc_jur}·{name}" if doc_jur else name, name=name, name_en=name, function=None,
            function_zh=None, function_en=None, level=doc_level, jurisdiction=doc_jur,
            kind=unit_kind(name) or "unit", aliases=[name], printed=printed)

    def _named(self, name: str, printed: str, function: str, doc_jur: str | None, doc_level: str | None,
               kind: str) -> ResolvedAgency:
        """A body known by its function but named as printed (某某镇人民政府, 人行某某中心支行)."""
        fzh, fen = self._labels(function)
        return ResolvedAgency(
            agency_id=f"{doc_jur}·{name}" if doc_jur else name, name=name, name_en=self._proper_name_en(name),
            function=function, function_zh=fzh, function_en=fen, level=doc_level, jurisdiction=doc_jur,
            kind=kind, aliases=[name], printed=printed)

    # ------------------------------------------------------------------ queries
    def _english_labels(self) -> list[tuple[re.Pattern[str], int, str]]:
        """Each function's English labels as whole-word patterns (compiled once: a few hundred of them)."""
        labels = getattr(self, "_english", None)
        if labels is None:
            labels = []
            for key, info in self.functions.items():
                for label in [info["en"], *info.get("en_alt", [])]:
                    lab = label.lower().replace("-", " ")
                    labels.append((re.compile(rf"\b{re.escape(lab)}\b"), len(lab), key))
            self._english = labels
        return labels

    def expand_query(self, q: str) -> dict[str, Any]:
        """Function keys, level and jurisdiction implied by a user query in any script, alias or English."""
        text = _t2s(q).strip()
        low = re.sub(r"[\s_\-]+", " ", text.lower()).strip()
        out: dict[str, Any] = {"query": q, "normalized": text, "functions": [], "level": None,
                               "jurisdiction": None, "kind": None, "names": []}
        if low.replace(" ", "_") in self.functions:
            out["functions"] = [low.replace(" ", "_")]
            return out
        if re.search(r"[a-z]", low):
            hits = sorted(((n, key) for pattern, n, key in self._english_labels() if pattern.search(low)),
                          key=lambda h: -h[0])
            out["functions"] = list(dict.fromkeys(k for n, k in hits if n == hits[0][0])) if hits else []
            for word, lvl in (("national", "national"), ("state", "national"), ("provincial", "provincial"),
                              ("province", "provincial"), ("municipal", "municipal"), ("city", "municipal"),
                              ("county", "county"), ("district", "county")):
                if re.search(rf"\b{word}\b", low):
                    out["level"] = lvl
                    break
            return out
        res = self.resolve(text, jurisdiction=None, level=None)
        if res.function:
            out.update(functions=[res.function], level=res.level, jurisdiction=res.jurisdiction,
                       kind=res.kind, names=[n for n in (res.name, res.successor_id) if n])
            return out
        out["functions"] = list(dict.fromkeys(m.function for m in default_matcher().find_mentions(text)
                                              if m.function))
        return out


def _short_place(place: str | None) -> str | None:
    if not place:
        return None
    for suffix in ("自治区", "省", "市", "县", "区"):
        if place.endswith(suffix) and len(place) - len(suffix) >= 2:
            return place[: -len(suffix)]
    return None


@cache
def default_resolver() -> AgencyResolver:
    """One shared resolver (the vocabulary is loaded once)."""
    return AgencyResolver()


def expand_query(q: str) -> dict[str, Any]:
    """Module-level shortcut for :meth:`AgencyResolver.expand_query`."""
    return default_resolver().expand_query(q)


class AgencyMatcher:
    """Find agency mentions in a text: a longest-match (``ingest.termmatch``) over the vocabulary's term table."""

    PREFIXES = ("", "省", "市", "县", "区", "省级", "市级", "县级", "各级")

    def __init__(self, places: tuple[str, ...] = (), resolver: AgencyResolver | None = None) -> None:
        self.resolver = resolver or default_resolver()
        self.term_function: dict[str, str | None] = {}
        r = self.resolver
        for entry in r.entries:
            forms = [v for k, v in entry["names"].items() if k != "national"] + entry.get("aliases", [])
            for form in forms:
                for prefix in (*self.PREFIXES, *places):
                    self.term_function.setdefault(prefix + form, entry["function"])
            for form in [entry["names"].get("national"), *entry.get("national_aliases", [])]:
                if form:
                    self.term_function.setdefault(form, entry["function"])
            for head in entry.get("heads", []):
                for prefix in ("", "各级"):
                    self.term_function.setdefault(f"{prefix}{head}部门", entry["function"])
        for name in r.generic_actors:
            self.term_function.setdefault(name, "government" if name.endswith("政府") else None)
        for name in r.self_references:
            self.term_function.setdefault(name, None)
        for core, functions in r.collectives.items():
            for prefix in ("", "有关", "相关", "各"):
                self.term_function.setdefault(prefix + core, functions[0])
        self.matcher = TermMatcher(self.term_function)

    def find_mentions(self, text: str) -> list[Mention]:
        """Longest non-overlapping agency mentions in ``text``, in order."""
        return [Mention(m.term, m.start, m.end, m.value) for m in self.matcher.find(text)]


@cache
def default_matcher() -> AgencyMatcher:
    """One shared matcher over the vocabulary."""
    return AgencyMatcher()
