"""Places: short forms, levels, PART_OF chains, counties adopted by the caller's parent; the level vocabulary."""

from __future__ import annotations

import pytest
from plangraph.ingest.places import LEVELS, TIERS, all_places, lineage, rank_of, resolve_place, tier_of


@pytest.mark.parametrize("name", ["浙江", "浙江省"])
def test_province_full_and_short_form(name: str) -> None:
    place = resolve_place(name)
    assert place is not None
    assert (place.name, place.level, place.parent, place.name_en) == ("浙江省", "provincial", "中国", "Zhejiang")


@pytest.mark.parametrize("name", ["铜陵", "铜陵市"])
def test_city_chain_up_to_country(name: str) -> None:
    place = resolve_place(name)
    assert [p.name for p in lineage(place)] == ["铜陵市", "安徽省", "中国"]
    assert place.province == "安徽省" and place.level == "municipal" and place.name_en == "Tongling"


def test_nanjing_in_jiangsu() -> None:
    assert [p.name for p in lineage(resolve_place("南京市"))] == ["南京市", "江苏省", "中国"]


def test_country_aliases() -> None:
    assert resolve_place("全国").name == "中国"
    assert resolve_place("中华人民共和国").level == "national"


def test_autonomous_region_and_prefecture_short_forms() -> None:
    assert resolve_place("内蒙古").name == "内蒙古自治区"
    assert resolve_place("内蒙古").name_en == "Inner Mongolia"
    assert resolve_place("延边").name == "延边朝鲜族自治州"
    assert resolve_place("陕西").name_en == "Shaanxi" and resolve_place("山西").name_en == "Shanxi"


def test_bare_short_form_prefers_province_over_city() -> None:
    assert resolve_place("吉林").name == "吉林省"
    assert resolve_place("吉林市").level == "municipal"


def test_known_county_and_repeated_county_names_use_parent() -> None:
    county = resolve_place("枞阳县", "铜陵市")
    assert (county.name, county.level, county.parent, county.province) == ("枞阳县", "county", "铜陵市", "安徽省")
    nanjing = resolve_place("鼓楼区", "南京市")
    fuzhou = resolve_place("鼓楼区", "福州市")
    assert nanjing.name != fuzhou.name
    assert (nanjing.parent, fuzhou.parent) == ("南京市", "福州市")
    assert nanjing.short_name == "鼓楼区"


def test_unknown_district_is_attached_to_the_callers_parent() -> None:
    place = resolve_place("铜陵经开区", "铜陵市")
    assert place is not None
    assert place.level == "county" and place.parent == "铜陵市"
    assert [p.name for p in lineage(place)][1:] == ["铜陵市", "安徽省", "中国"]
    assert resolve_place("铜陵经开区") is None
    assert resolve_place("不存在的地方") is None


def test_counts_of_divisions() -> None:
    levels = [p.level for p in all_places()]
    assert levels.count("provincial") == 34
    assert levels.count("municipal") == 333
    assert levels.count("national") == 1
    assert set(levels) == set(TIERS)
    names = {p.name for p in all_places()}
    assert {"香港特别行政区", "澳门特别行政区", "台湾省", "北京市", "重庆市"} <= names


@pytest.mark.parametrize(("level", "jurisdiction", "tier"), [
    ("provincial-department", None, "provincial"), ("county-department", None, "county"),
    ("development-zone", None, "county"), ("municipal", "浙江省", "municipal"), (None, "全国", "national"),
    (None, "某某自治区", "provincial"), (None, "某某市", "municipal"), (None, "某某县", "county"), (None, None, None),
])
def test_tier_of_a_level_or_a_jurisdiction(level, jurisdiction, tier) -> None:
    assert tier_of(level, jurisdiction) == tier


def test_every_level_has_a_tier_and_a_rank() -> None:
    assert {tier_of(level) for level in LEVELS} == set(TIERS)
    assert [rank_of(t) for t in TIERS] == [0, 1, 2, 3]
    assert rank_of("provincial-department") == rank_of("provincial") < rank_of("county-department")
    assert rank_of("unknown") is None


def test_place_pinyin_table_is_pypinyin_and_complete() -> None:
    """The tabulated pinyin (ingest/data/place_pinyin.json) is what pypinyin says, and holds every string the
    place index and agency romanisation need for the known divisions (regenerated and compared)."""
    import subprocess
    import sys
    from pathlib import Path

    from plangraph.ingest.pinyin import _table, computed

    table = _table()
    assert len(table) > 3000
    assert all(computed(text) == value for text, value in table.items())
    tool = Path(__file__).resolve().parents[1] / "tools" / "gen_place_pinyin.py"
    done = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


def test_read_side_resolution_never_loads_pypinyin() -> None:
    """Places, their English names and agency query expansion (what the read API does) run from the table: a
    fresh process doing them for known places never imports pypinyin (about 55 MB of dictionaries; strings naming
    no known division still get their pinyin from pypinyin, imported then)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from plangraph.ingest.places import all_places, resolve_place\n"
        "from plangraph.ingest.vocab import expand_agency\n"
        "assert resolve_place('铜陵').name_en == 'Tongling' and len(all_places()) > 3000\n"
        "for q in ('市场监管局', '铜陵市市场监管局', '浙江省科技厅', 'market regulation', '省财政厅', '市場監管局', '发展改革委'):\n"
        "    expand_agency(q)\n"
        "assert 'pypinyin' not in sys.modules, 'pypinyin imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
