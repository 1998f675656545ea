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


def test_spaces_and_pinyin_noise_inside_names():
    assert names("省工信厅、各市 (地) 、县 (市) 政府 (行署)") == ["省工信厅", "各市(地)政府(行署)", "各县(市)政府(行署)"]
    assert names("自治区(qū)农牧厅(乡村振兴局)、财政厅") == ["自治区农牧厅(乡村振兴局)", "财政厅"]


def test_space_separates_only_complete_units():
    assert names("市发改委 市财政局") == ["市发改委", "市财政局"]


def test_distributive_ge_and_brackets_in_level_groups():
    assert names("各市、县〔区〕人民政府,省财政厅") == ["各市人民政府", "各县〔区〕人民政府", "省财政厅"]
    assert names("各县、区人民政府") == ["各县人民政府", "各区人民政府"]
    assert names("各乡镇人民政府、街道办事处") == ["各乡镇人民政府", "各街道办事处"]
    assert names("各县区、开发园区") == ["各县区", "开发园区"]


def test_shared_prefix_and_class_word():
    assert names("市教育、科技、财政部门") == ["市教育部门", "市科技部门", "市财政部门"]
    assert names("市直有关部门、单位") == ["市直有关部门", "市直有关单位"]


def test_ji_he_yu_separate_units_but_not_inside_names():
    assert names("县教育局与县卫健委") == ["县教育局", "县卫健委"]
    assert names("省文化和旅游厅及省财政厅") == ["省文化和旅游厅", "省财政厅"]
    assert names("区科技和经信局") == ["区科技和经信局"]
    assert names("省财政厅等及各市") == ["省财政厅", "各市"]


def test_trailing_deng_and_role_words_are_dropped():
    assert names("区税务局、区国资委等") == ["区税务局", "区国资委"]
    assert names("省商务厅、河南银保监局等相关部门") == ["省商务厅", "河南银保监局"]
    assert names("省大数据中心按职责分工负责") == ["省大数据中心"]


def test_truncated_list_drops_an_incomplete_last_piece():
    assert [u.name for u in split_units("市教育局、市财政局、公安", truncated=True)] == ["市教育局", "市财政局"]
    assert [u.name for u in split_units("市教育局、各市、县(市、区)人", truncated=True)] == ["市教育局"]


def test_is_unit_uses_vocabulary_and_endings():
    from plangraph.ingest.units import is_unit

    for name in ("省委宣传部", "市总工会", "团县委", "县妇联", "区法院", "市人民检察院", "市政协", "某某镇人民政府",
                 "某某街道", "国网某某供电公司", "各电信运营商", "农业发展银行某某分行", "发改委", "县教体局", "各镇街"):
        assert is_unit(name), name
    for name in ("生产线", "矿山", "含", "LPR", "经营场所", "双创团队", "包括民办学校", "站", "市"):
        assert not is_unit(name), name


def test_level_groups_share_only_government_suffixes():
    assert names("各街道、区直各部门") == ["各街道", "区直各部门"]
    assert names("市级各有关部门及各县市区政府") == ["市级各有关部门", "各县市区政府"]
    assert names("各市州、县市区政府") == ["各市州政府", "各县市区政府"]


def test_temporary_bodies_are_units():
    from plangraph.ingest.units import is_unit

    for name in ("市重点项目建设指挥部", "县乡村振兴领导小组", "区招商工作专班", "市气象台"):
        assert is_unit(name), name
    assert not is_unit("工业互联网平台")


def test_placeholders_are_not_units():
    assert names("无") == [] and names("市发改委、/") == ["市发改委"]


def test_distributive_ge_only_for_bodies_below_the_county():
    assert names("各乡镇人民政府、县人民政府") == ["各乡镇人民政府", "县人民政府"]


def test_level_group_with_liangji():
    assert names("市、县(区)两级政府") == ["市政府", "县(区)政府"]
    assert names("各市(州)、县(市、区)人民政府") == ["各市(州)人民政府", "各县(市、区)人民政府"]


def test_a_quantified_piece_lends_no_suffix_to_the_heads_before_it():
    # 各地、各部门 is two generic groups, not 各地部门 + 各部门; 市教育、科技部门 still shares 部门
    assert names("各地、各部门") == ["各地", "各部门"]
    assert names("各市、有关单位") == ["各市", "有关单位"]
    assert names("市教育、科技部门") == ["市教育部门", "市科技部门"]


def test_level_heads_share_a_class_of_departments():
    assert names("市、县财政部门") == ["市财政部门", "县财政部门"]
    assert names("市、县有关部门") == ["市有关部门", "县有关部门"]
    assert names("各市州及县市区财政部门") == ["各市州财政部门", "各县市区财政部门"]   # 各 carries over
    assert names("各街道、区直各部门") == ["各街道", "区直各部门"]                   # no shared class


def test_a_bare_level_head_after_a_ge_group_of_level_heads_shares_the_ge():
    from plangraph.ingest.units import split_units

    assert [u.name for u in split_units("各市州及县市区")] == ["各市州", "各县市区"]
    assert [u.name for u in split_units("市、县")] == ["市", "县"]   # no 各 to share


def test_a_head_ending_like_a_whole_body_takes_no_shared_suffix():
    # 组干科 is an office of its own; 市发改、财政局 still shares 局
    assert names("组干科、机关党委") == ["组干科", "机关党委"]
    assert names("市供销社、市农业农村局") == ["市供销社", "市农业农村局"]
    assert names("市发改、财政局") == ["市发改局", "市财政局"]


def test_a_note_in_angle_brackets_is_part_of_its_unit():
    assert names("各区人民政府〈含开发区、风景区〉、市统计局") == ["各区人民政府〈含开发区、风景区〉", "市统计局"]


def test_a_list_cut_inside_a_note_keeps_the_name_before_the_note():
    assert [u.name for u in split_units("市财政局、各区人民政府(含开发区、", truncated=True)] == [
        "市财政局", "各区人民政府"]
    assert [u.name for u in split_units("市财政局、各区人民政府〈含开发区、", truncated=True)] == [
        "市财政局", "各区人民政府"]


def test_a_name_cut_by_a_hard_line_wrap_is_joined():
    assert names("区委编办、园区党工\n委、各街道党工委") == ["区委编办", "园区党工委", "各街道党工委"]
    assert names("省卫生厅\n省人口计生\n省妇联") == ["省卫生厅", "省人口计生", "省妇联"]   # whole names, one a line


def test_internal_offices_are_units_but_subjects_and_shares_are_not():
    from plangraph.ingest.units import is_unit

    assert all(is_unit(n) for n in ["财务科", "人事股", "各科室", "基础教育科"])
    assert not any(is_unit(n) for n in ["学科", "本科", "专科", "控股", "入股"])


def test_a_deng_tail_naming_a_level_class_is_dropped():
    assert names("市财政局等市级相关单位,各区县政府") == ["市财政局", "各区县政府"]
