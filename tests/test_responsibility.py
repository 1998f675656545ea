"""Responsibility: explicit lines in each common form, deadlines, inferred actors (tables: test_tables.py)."""

from plangraph.ingest.responsibility import (
    detect_lead_first_convention,
    find_responsibility,
)


def lead_co(text: str, **kw) -> tuple[str | None, list[str], str]:
    r = find_responsibility(text, **kw)
    return (r.lead.name if r.lead else None), [u.name for u in r.co], r.source


# ------------------------------------------------------------------ explicit
def test_parenthesis_at_task_end_first_unit_leads():
    text = "3.推进智慧交通建设。建设一批示范项目。(责任单位:省交通运输厅、省发展改革委、省公安厅)"
    r = find_responsibility(text)
    assert (r.source, r.lead.name, [u.name for u in r.co]) == ("explicit", "省交通运输厅", ["省发展改革委", "省公安厅"])
    assert text[r.quote_start:r.quote_end] == "(责任单位:省交通运输厅、省发展改革委、省公安厅)"
    assert text[r.lead.start:r.lead.end] == "省交通运输厅"


def test_convention_sentence_is_stripped_and_detected():
    text = "加强水文监测。(责任单位:省水利厅、省自然资源厅。列第一位的为牵头单位,下同)"
    assert lead_co(text) == ("省水利厅", ["省自然资源厅"], "explicit")
    assert detect_lead_first_convention("前文……" + text)
    assert not detect_lead_first_convention("(责任单位:省水利厅、省自然资源厅)")


def test_own_line_without_parentheses_full_width_colon():
    text = "1.完善养老服务体系。推进社区养老。\n责任单位：市民政局、市卫生健康委、市财政局\n"
    r = find_responsibility(text)
    assert (r.lead.name, [u.name for u in r.co]) == ("市民政局", ["市卫生健康委", "市财政局"])
    assert text[r.quote_start:r.quote_end] == "责任单位：市民政局、市卫生健康委、市财政局"


def test_lead_and_co_labels():
    assert lead_co("推进节水。(牵头单位:市水务局;配合单位:市发改委、市财政局)") == (
        "市水务局", ["市发改委", "市财政局"], "explicit")
    assert lead_co("推进节水。\n牵头单位:市水务局 责任单位:市城管局、市财政局") == (
        "市水务局", ["市城管局", "市财政局"], "explicit")


def test_division_of_labour_line_under_an_item():
    # a 部门分工 line (after the official in charge) names units; its role words say who leads and who helps
    text = "3.城镇新增就业60万人。\n分管领导:张某\n部门分工:市人社局牵头,各区、各有关部门配合。\n"
    r = find_responsibility(text)
    assert (r.lead.name, [u.name for u in r.co]) == ("市人社局", ["各区", "各有关部门"])
    assert text[r.quote_start:r.quote_end].endswith("部门分工:市人社局牵头,各区、各有关部门配合")


def test_specific_and_helping_labels():
    assert lead_co("推进节水。\n具体责任单位:市水务局、市财政局") == ("市水务局", ["市财政局"], "explicit")
    # a helping label printed first does not make its units lead
    assert lead_co("推进节水。(配合单位:市发改委;责任单位:市水务局)") == ("市水务局", ["市发改委"], "explicit")
    assert lead_co("推进节水。(协调单位:市发改委;责任单位:市水务局)") == ("市水务局", ["市发改委"], "explicit")


def test_labels_in_table_cells():
    # a task laid out as label / value cells: the bar of a cell ends the label like a colon
    assert lead_co("1.推进违法建设治理。\n牵头单位: | 市城管局 |\n") == ("市城管局", [], "explicit")
    assert lead_co("1.推进违法建设治理。\n牵头单位 | 市城管局 | 配合单位 | 市住建局、各区政府 |\n") == (
        "市城管局", ["市住建局", "各区政府"], "explicit")


def test_helping_role_words_with_a_manner():
    assert lead_co("推进节水。(责任单位:各县(市、区)人民政府;市直各有关单位按职责配合)") == (
        "各县(市、区)人民政府", ["市直各有关单位"], "explicit")


def test_role_words_with_a_tail_and_joint_verbs():
    assert lead_co("推进节水。(市水务局牵头组织实施,市发改委配合)") == ("市水务局", ["市发改委"], "explicit")
    assert lead_co("推进节水。(市水务局牵头,市发改委、市财政局配合做好相关工作)") == (
        "市水务局", ["市发改委", "市财政局"], "explicit")
    assert lead_co("推进节水。(由市水务局会同市发改委组织实施)") == ("市水务局", ["市发改委"], "explicit")
    assert lead_co("推进节水。(市水务局、市发改委共同推进)") == ("市水务局", ["市发改委"], "explicit")
    assert lead_co("推进节水。(市水务局主抓,市发改委配合)") == ("市水务局", ["市发改委"], "explicit")


def test_an_inferred_actor_in_brackets_has_no_bracket_in_its_name():
    text = "推进节水。(市水务局要加强指导)"
    r = find_responsibility(text)
    assert (r.source, r.lead.name, text[r.lead.start:r.lead.end]) == ("inferred", "市水务局", "市水务局")


def test_lead_marker_beats_list_order():
    assert lead_co("建设公共实训基地。(市财政局、市人社局牵头,市教育局、市总工会配合)") == (
        "市财政局", ["市人社局", "市教育局", "市总工会"], "explicit")
    assert lead_co("建设实训基地。(市人社局牵头,市教育局、市总工会配合)") == (
        "市人社局", ["市教育局", "市总工会"], "explicit")
    assert lead_co("建设实训基地。(责任单位:市教育局、市人社局(牵头)、市财政局)") == (
        "市人社局", ["市教育局", "市财政局"], "explicit")


def test_first_item_shared_suffix_group_leads_and_mixed_separators():
    text = "加强基层执法。(责任单位:县、区人民政府,某某经开区管委会,市司法局、市财政局)"
    assert lead_co(text) == ("县人民政府", ["区人民政府", "某某经开区管委会", "市司法局", "市财政局"], "explicit")


def test_deadlines():
    r = find_responsibility("建设数据平台。(责任单位:市数据资源局、市财政局;完成时限:2025年底前)")
    assert (r.lead.name, [u.name for u in r.co], r.deadline) == ("市数据资源局", ["市财政局"], "2025年底前")
    r = find_responsibility("开展专项整治(2024年底前完成)。(责任单位:市商务局)")
    assert r.deadline == "2024年底前完成" and r.lead.name == "市商务局"
    r = find_responsibility("常态化开展巡查。(责任单位:市城管局、市公安局,长期坚持)")
    assert ([u.name for u in r.co], r.deadline) == (["市公安局"], "长期坚持")


def test_explicit_line_wins_over_huitong_in_body():
    text = "(四)强化考核。市统计局会同有关部门开展年度评估。(责任单位:市统计局)"
    assert lead_co(text) == ("市统计局", [], "explicit")


def test_lead_first_false_needs_a_marker():
    assert lead_co("(责任单位:市教育局、市体育局)", lead_first=False) == (None, ["市教育局", "市体育局"], "explicit")


def test_word_without_colon_is_not_a_responsibility_line():
    assert lead_co("征求了30家相关责任单位意见,并修改完善。")[2] == "none"


# ------------------------------------------------------------------ inferred
def test_huitong_construction():
    text = "(九)加强监测。省统计局会同有关部门建立监测制度,定期发布报告。"
    r = find_responsibility(text)
    assert (r.source, r.lead.name, [u.name for u in r.co], r.generic) == (
        "inferred", "省统计局", ["有关部门"], ["有关部门"])
    assert text[r.quote_start:r.quote_end].startswith("省统计局会同有关部门")


def test_huitong_after_comma_takes_the_sentence_subject_and_expands_groups():
    text = "教育、人社等部门要加大培训投入,会同财政部门制定补助政策。"
    assert lead_co(text) == ("教育部门", ["人社部门", "财政部门"], "inferred")


def test_you_x_qiantou_with_participants():
    text = "2.健全协调机制。建立由省商务厅牵头、各相关职能部门参加的联席会议制度。省商务厅将定期通报。"
    assert lead_co(text) == ("省商务厅", ["各相关职能部门"], "inferred")


def test_x_qiantou():
    assert lead_co("市住建局牵头制定老旧小区改造方案。")[:2] == ("市住建局", [])


def test_modal_actor_prefers_specific_agency_over_generic():
    text = "各地要结合实际制定方案。市卫健委将加强督导检查。"
    assert lead_co(text) == ("市卫健委", ["各地"], "inferred")


def test_only_generic_actors_first_leads():
    text = "地方各级人民政府要加强领导。各有关部门、行业、企业要落实责任。"
    r = find_responsibility(text)
    assert (r.lead.name, [u.name for u in r.co]) == ("地方各级人民政府", ["各有关部门"])
    assert r.generic == ["地方各级人民政府", "各有关部门"]


def test_omitted_subject_gives_none():
    assert lead_co("1.完善制度。同时,会同相关部门研究制定配套文件。")[2] == "none"
    assert lead_co("联合相关部门开展专项行动。")[2] == "none"


def test_objects_of_encourage_are_not_actors():
    assert lead_co("鼓励高校和科研院所开展合作研究,支持企业建设实验室。")[2] == "none"


def test_bullets_name_tiers():
    text = "3.分级建设。\n\xa0\xa0——省级检测机构:建设高水平平台。\n  ——市级检测机构:服务本地产业。\n"
    assert lead_co(text) == ("省级检测机构", ["市级检测机构"], "inferred")


def test_huitong_list_with_deng_bumen_after_a_full_name():
    assert lead_co("省发展改革委、省能源局要会同省生态环境厅等部门制定方案。") == (
        "省发展改革委", ["省能源局", "省生态环境厅"], "inferred")


def test_has_explicit_agrees_with_find_explicit() -> None:
    from plangraph.ingest.responsibility import find_explicit, has_explicit

    texts = ["推进计量标准建设(2023—2027年)。(责任单位:市市场监管局、市科技局)",
             "牵头单位:市发展改革委\n配合单位:市财政局", "由市商务局牵头,市财政局配合。",
             "加强计量监督(2025年底前完成)。", "鼓励企业建立计量标准。", ""]
    for text in texts:
        assert has_explicit(text) == (find_explicit(text) is not None), text


def test_memos_stay_bounded() -> None:
    from plangraph.ingest import memo

    calls: list[str] = []

    def upper(key: str) -> str:
        calls.append(key)
        return key.upper()

    store = {str(i): str(i) for i in range(memo.MAX_ITEMS)}
    assert memo.remember(store, "ab", upper) == "AB" and store == {"ab": "AB"}  # a full memo starts over
    assert memo.remember(store, "ab", upper) == "AB" and calls == ["ab"]  # then remembers
    long = "x" * (memo.MAX_KEY + 1)
    assert memo.remember(store, long, upper) == long.upper() and long not in store  # long keys are not kept
    cached = memo.memoised(upper)
    assert cached("cd") == cached("cd") == "CD" and calls.count("cd") == 1 and cached.memo == {"cd": "CD"}


def test_clause_readings_are_memoised_by_text_with_offsets_moved() -> None:
    from plangraph.ingest.responsibility import _parse_segments, _read_segments

    inner = "责任单位:市发展改革委、市财政局,市科技局配合"
    for prefix in ("", "推进计量标准建设。(", "加强监管(2025年)。("):
        text = prefix + inner + ")"
        s, e = len(prefix), len(prefix) + len(inner)
        first = _parse_segments(text, s, e, truncated=False, strict_stop=False)
        again = _parse_segments(text, s, e, truncated=False, strict_stop=False)
        assert first == again == _read_segments(text, s, e, truncated=False, strict_stop=False)
        assert first is not again and first.units is not again.units  # callers get their own copies
        assert [text[u.start:u.end] for u in first.units] == ["市发展改革委", "市财政局", "市科技局"]


def test_you_before_the_leading_unit_of_a_huitong_sentence_is_no_part_of_its_name():
    assert lead_co("推进国际合作。由商务部会同外交部、海关总署组织实施。") == ("商务部", ["外交部", "海关总署"], "inferred")


def test_units_after_a_leading_deadline_are_who_acts():
    assert lead_co("(一)2016年2月底前,各市州完成学前幼儿数统计摸底审核。") == ("各市州", [], "inferred")
    assert lead_co("2023年6月底前,市发展改革委、市财政局出台实施细则。") == ("市发展改革委", ["市财政局"], "inferred")
    assert lead_co("3月底前,完成方案制定。") == (None, [], "none")   # nobody named
    assert lead_co("2023年底前完成全部改造任务。") == (None, [], "none")


def test_a_bare_level_head_after_a_ge_group_shares_its_ge():
    assert lead_co("2016年10月底前,省财政厅、省教育厅会同各市州及县市区完成绩效评价。") == (
        "省财政厅", ["省教育厅", "各市州", "各县市区"], "inferred")


def test_huitong_pieces_share_a_suffix_printed_once():
    assert lead_co("省教育厅会同各市州、县市区教育部门开展督导。") == (
        "省教育厅", ["各市州教育部门", "各县市区教育部门"], "inferred")
