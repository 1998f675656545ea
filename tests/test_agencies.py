"""Agency vocabulary, resolution across aliases / levels / reforms, English names, mentions, queries."""

import pytest
from plangraph.ingest.agencies import AgencyMatcher, default_resolver, expand_query, vocabulary


@pytest.fixture(scope="module")
def r():
    return default_resolver()


def zj(r, printed, **kw):
    return r.resolve(printed, jurisdiction="浙江省", level="provincial", **kw)


def tl(r, printed, **kw):
    return r.resolve(printed, jurisdiction="铜陵市", level="municipal", **kw)


def test_vocabulary_is_consistent():
    voc = vocabulary()
    for entry in voc["agencies"]:
        assert entry["function"] in voc["functions"], entry
    for value in voc["suffix_functions"].values():
        assert value in voc["functions"]
    required = {"market_regulation", "development_reform", "industry_it", "science_technology", "education",
                "finance", "human_resources_social_security", "natural_resources", "ecology_environment",
                "housing_construction", "transport", "water_resources", "agriculture_rural", "commerce", "health",
                "emergency_management", "public_security", "statistics", "data_bureau", "tax", "government",
                "university"}
    assert required <= set(voc["functions"])


@pytest.mark.parametrize("aliases", [
    ["省人社厅", "省人力社保厅", "省人力资源和社会保障厅", "省人力资源社会保障厅"],
    ["省发改委", "省发展改革委", "省发展和改革委员会"],
    ["省卫健委", "省卫生健康委", "省卫生健康委员会"],
    ["省建设厅", "省住房和城乡建设厅", "省住房城乡建设厅"],
    ["省市场监管局", "省市场监督管理局", "浙江省市场监管局", "浙江省市场监督管理局"],
    ["省文物局", "浙江省文物局", "省文物管理局"],
    ["省中医药管理局", "省中医药局"],
    ["省疾控局", "省疾病预防控制局"],
    ["省供销社", "省供销合作社联合社", "省供销合作社"],
    ["省民族宗教委", "省民宗委", "省民族宗教事务委员会"],
])
def test_aliases_resolve_to_one_agency(r, aliases):
    ids = {zj(r, a).agency_id for a in aliases}
    assert len(ids) == 1


def test_jurisdiction_comes_from_the_document(r):
    a = zj(r, "省科技厅")
    assert (a.agency_id, a.function, a.level, a.jurisdiction, a.kind) == (
        "浙江省科学技术厅", "science_technology", "provincial", "浙江省", "agency")
    assert a.name_en == "Zhejiang Provincial Department of Science and Technology"
    assert tl(r, "市科技局").agency_id == "铜陵市科学技术局"
    assert tl(r, "市科技局").name_en == "Tongling Municipal Bureau of Science and Technology"


def test_jingxin_and_gongxin_are_one_function(r):
    assert zj(r, "省经信厅").function == zj(r, "省工信厅").function == "industry_it"
    assert zj(r, "省经信厅").agency_id == "浙江省经济和信息化厅"


def test_education_sports_and_market_aliases(r):
    assert tl(r, "市教体局").function == "education"
    a = zj(r, "省市场监管局")
    assert {"省市场监管局", "浙江省市场监管局", "省市场监督管理局"} <= set(a.aliases)
    assert a.name_en == "Zhejiang Provincial Administration for Market Regulation"


def test_explicit_place_keeps_its_own_place(r):
    a = tl(r, "枞阳县人民政府")
    assert (a.agency_id, a.jurisdiction, a.parent_jurisdiction, a.function) == (
        "枞阳县人民政府", "枞阳县", "铜陵市", "government")
    zone = tl(r, "某某经开区管委会")
    assert (zone.function, zone.jurisdiction) == ("development_zone", "某某经开区")
    college = tl(r, "某某学院")
    assert (college.agency_id, college.function) == ("某某学院", "university")


def test_lower_level_governments_are_collective(r):
    a = tl(r, "县人民政府")
    assert (a.kind, a.function, a.agency_id) == ("collective", "government", "铜陵市·县人民政府")
    assert tl(r, "市人民政府").agency_id == "铜陵市人民政府"


def test_collective_and_generic_units(r):
    c = tl(r, "有关高校及科研院所")
    assert (c.kind, c.function) == ("collective", "university")
    g = tl(r, "有关部门")
    assert (g.kind, g.generic) == ("generic", True)


def test_department_group(r):
    g = r.resolve("发改部门", jurisdiction="某某市", level="municipal")
    assert (g.kind, g.function) == ("department-group", "development_reform")


def test_self_reference_is_the_issuer(r):
    a = zj(r, "省局", issuer="浙江省质量技术监督局")
    assert a.agency_id == "浙江省质量技术监督局" and a.printed == "省局"


@pytest.mark.parametrize(("old", "successor"), [
    ("省质监局", "浙江省市场监督管理局"),
    ("省工商局", "浙江省市场监督管理局"),
    ("省卫生计生委", "浙江省卫生健康委员会"),
    ("省环保厅", "浙江省生态环境厅"),
    ("省国土资源厅", "浙江省自然资源厅"),
    ("省农业厅", "浙江省农业农村厅"),
])
def test_reform_predecessors_link_to_successor(r, old, successor):
    a = zj(r, old)
    assert a.kind == "historical" and a.successor_id == successor
    assert a.function == zj(r, successor).function


def test_national_predecessor(r):
    a = r.resolve("国家质检总局", jurisdiction="中国", level="national")
    assert (a.kind, a.successor_id) == ("historical", "国家市场监督管理总局")


def test_nested_note_is_ignored_for_resolution(r):
    a = tl(r, "市市场监管局(市知识产权局)")
    assert a.agency_id == "铜陵市市场监督管理局" and a.printed == "市市场监管局(市知识产权局)"


@pytest.mark.parametrize("q", ["market regulation", "market supervision", "market_regulation", "市场监管局",
                               "省市场监管局", "浙江省市场监督管理局", "質監局", "市場監管總局"])
def test_expand_query_finds_market_regulation(q):
    assert expand_query(q)["functions"] == ["market_regulation"]


def test_expand_query_level_and_jurisdiction():
    out = expand_query("浙江省市场监督管理局")
    assert (out["level"], out["jurisdiction"]) == ("provincial", "浙江省")
    assert expand_query("provincial science and technology")["level"] == "provincial"
    assert expand_query("science and technology")["functions"] == ["science_technology"]


def test_matcher_finds_mentions_with_offsets():
    text = "省统计局会同有关部门,加强对市发展改革委的指导。"
    mentions = AgencyMatcher().find_mentions(text)
    assert [(m.name, m.function) for m in mentions] == [
        ("省统计局", "statistics"), ("有关部门", None), ("市发展改革委", "development_reform")]
    assert all(text[m.start:m.end] == m.name for m in mentions)


def test_each_lower_level_government_is_collective(r):
    a = tl(r, "各县(市、区)人民政府")
    assert (a.kind, a.function, a.level) == ("collective", "government", "county")


# ------------------------------------------------------------------ bodies beyond the State Council departments
def _fn(name: str, level: str = "municipal") -> tuple[str | None, str, bool]:
    from plangraph.ingest.agencies import default_resolver

    r = default_resolver().resolve(name, jurisdiction="某某市", level=level)
    return r.function, r.kind, r.generic


@pytest.mark.parametrize("name, function", [
    ("市委宣传部", "publicity"), ("市委组织部", "organization"), ("市委政法委", "political_legal"),
    ("市委网信办", "cyberspace"), ("市委编办", "establishment"), ("市委统战部", "united_front"),
    ("市委改革办", "reform_office"), ("市纪委监委", "discipline_inspection"),
    ("市总工会", "trade_union"), ("团市委", "youth_league"), ("市妇联", "womens_federation"),
    ("市科协", "science_association"), ("市残联", "disabled_persons"), ("市工商联", "industry_commerce_federation"),
    ("市人大常委会", "people_congress"), ("市政协", "cppcc"), ("市中级人民法院", "court"),
    ("市人民检察院", "procuratorate"), ("某某经开区管委会", "development_zone"), ("某某高新区", "development_zone"),
    ("某某镇人民政府", "township_government"), ("某某街道办事处", "township_government"),
    ("各乡镇人民政府", "township_government"), ("国网某某供电公司", "utility"), ("各电信运营商", "telecom_operator"),
    ("某某控股集团", "enterprise"), ("农业发展银行某某分行", "bank"), ("某某保险公司", "insurer"),
    ("人行某某中心支行", "central_bank"), ("某某银保监局", "banking_insurance_regulation"),
    ("发改委", "development_reform"), ("教体局", "education"),
])
def test_bodies_beyond_state_council_departments_have_a_function(name, function):
    assert _fn(name)[0] == function


def test_generic_references_stay_generic():
    for name in ("有关部门", "各县(市、区)", "各县区", "各镇街", "国务院各部门", "县各有关单位", "区政府有关部门"):
        assert _fn(name)[2], name
    assert not _fn("市财政局")[2]


def test_unknown_units_are_kept_with_a_kind():
    from plangraph.ingest.agencies import default_resolver

    r = default_resolver().resolve("某某协调推进办", jurisdiction="某某市", level="municipal")
    assert (r.function, r.kind, r.name) == (None, "department", "某某协调推进办")
    assert default_resolver().resolve("某某人口计生", jurisdiction=None, level=None).kind == "unit"


def test_words_ending_in_town_are_not_townships():
    from plangraph.ingest.units import is_unit

    assert [is_unit(n) for n in ("城乡", "小城镇", "特色小镇", "某某镇人民政府", "某某乡")] == [
        False, False, False, True, True]


def test_query_parsing_is_warmed_once_for_the_server():
    """The API warms query parsing at start-up: the English labels are compiled once and kept, the unit
    grammar an unknown fragment needs is loaded."""
    import sys

    from plangraph.graph.catalogue import warm_query_parsing
    from plangraph.ingest.agencies import default_resolver

    warm_query_parsing()
    labels = default_resolver()._english_labels()
    assert labels and labels is default_resolver()._english_labels()
    assert "plangraph.ingest.units" in sys.modules
    assert default_resolver().expand_query("industry and information technology")["functions"] == ["industry_it"]
