"""Unit-list splitting: separators, brackets, shared-suffix groups, collectives, offsets."""

from plangraph.ingest.units import split_units


def names(text: str) -> list[str]:
    return [u.name for u in split_units(text)]


def test_simple_list_keeps_printed_order_and_offsets():
    text = "省教育厅、省财政厅、省卫生健康委"
    units = split_units(text)
    assert [u.name for u in units] == ["省教育厅", "省财政厅", "省卫生健康委"]
    assert all(text[u.start:u.end] == u.name for u in units)


def test_base_offset_is_added():
    units = split_units("市财政局、市审计局", base=100)
    assert (units[1].start, units[1].end) == (105, 109)


def test_mixed_separators_and_shared_suffix_group():
    text = "市生态环境局、市水利局,县、区人民政府,某某高新区管委会"
    units = split_units(text)
    assert [u.name for u in units] == ["市生态环境局", "市水利局", "县人民政府", "区人民政府", "某某高新区管委会"]
    group = text.index("县、区人民政府")
    assert (units[2].start, units[2].end) == (group, group + len("县、区人民政府"))
    assert (units[3].start, units[3].end) == (units[2].start, units[2].end)


def test_full_width_separators():
    assert names("市民政局，市司法局；市统计局") == ["市民政局", "市司法局", "市统计局"]


def test_brackets_protect_their_content():
    assert names("市市场监管局(市知识产权局)、市商务局") == ["市市场监管局(市知识产权局)", "市商务局"]


def test_function_group_with_deng():
    text = "发改、财政、科技等部门"
    units = split_units(text)
    assert [u.name for u in units] == ["发改部门", "财政部门", "科技部门"]
    assert all((u.start, u.end) == (0, len(text)) for u in units)


def test_levels_with_each_level_government():
    assert names("市、区各级人民政府") == ["市人民政府", "区人民政府"]


def test_collective_unit_is_not_split_on_ji():
    assert names("有关高校及科研院所、市教育局") == ["有关高校及科研院所", "市教育局"]


def test_he_splits_only_between_full_department_names():
    assert names("市教育局和市科技局") == ["市教育局", "市科技局"]
    assert names("市人力资源和社会保障局") == ["市人力资源和社会保障局"]


def test_lead_marker_inside_list():
    units = split_units("市科技局、市教育局(牵头)、市财政局")
    assert [u.name for u in units] == ["市科技局", "市教育局", "市财政局"]
    assert [u.lead_marker for u in units] == [False, True, False]


def test_non_unit_words_are_not_glued_to_a_prefixed_unit():
    assert names("行业协会、企业、省科技厅") == ["行业协会", "企业", "省科技厅"]


def test_deng_after_a_full_unit_is_dropped():
    units = split_units("市科技局、市财政局等部门")
    assert [(u.name, u.start, u.end) for u in units] == [("市科技局", 0, 4), ("市财政局", 5, 9)]
