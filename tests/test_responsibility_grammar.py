"""The responsibility grammar: every printed form, on short texts written for the test."""

import pytest
from plangraph.ingest.responsibility import find_clauses, find_responsibility, from_cells, parse_clause


def read(text: str) -> tuple[str | None, list[str]]:
    c = parse_clause(text)
    assert c is not None, text
    return (c.lead.name if c.lead else None), [u.name for u in c.co]


# ------------------------------------------------------------------ labels and brackets
@pytest.mark.parametrize("open_, close", [("(", ")"), ("〔", "〕"), ("【", "】"), ("[", "]")])
def test_labelled_tail_in_every_bracket(open_, close):
    text = f"完善养老服务网络。{open_}责任单位:市民政局、市财政局{close}"
    assert read(text) == ("市民政局", ["市财政局"])


@pytest.mark.parametrize("label", ["责任单位", "负责单位", "责任部门", "实施单位"])
def test_unit_labels_first_leads(label):
    assert read(f"(  {label}:县水利局、县财政局)") == ("县水利局", ["县财政局"])


@pytest.mark.parametrize("label", ["牵头单位", "牵头部门", "主要责任单位", "牵头责任单位"])
def test_lead_labels_several_units_are_co_leads(label):
    c = parse_clause(f"{label}:区卫健委、区民政局、区医保局")
    assert (c.lead.name, [u.name for u in c.co], [u.name for u in c.co_leads]) == (
        "区卫健委", ["区民政局", "区医保局"], ["区民政局", "区医保局"])


@pytest.mark.parametrize("label", ["配合单位", "协同配合单位", "参与单位", "协办单位"])
def test_co_labels_follow_the_lead_label(label):
    assert read(f"(牵头单位:市商务局;{label}:市税务局、市海关)") == ("市商务局", ["市税务局", "市海关"])


@pytest.mark.parametrize(("lead_label", "co_label"), [("牵头处室", "参加处室"), ("牵头科室", "配合科室"),
                                                     ("主责股室", "协办股室"), ("牵头机构", "协同机构")])
def test_compound_labels_of_an_office_read_like_the_listed_ones(lead_label, co_label):
    # a role prefix and a body word make a label (responsibility.yaml: label_compounds)
    assert read(f"(牵头单位:市商务局;{co_label}:市税务局、市海关)") == ("市商务局", ["市税务局", "市海关"])
    text = f"1.完善林长制。\n{lead_label}:资源处\n{co_label}:计财处、法规处\n2.下一项"
    c = find_clauses(text)[0]
    assert (c.lead.name, [u.name for u in c.co]) == ("资源处", ["计财处", "法规处"])


def test_compound_labels_name_table_columns():
    from plangraph.ingest.tables import header_role

    assert [header_role(h) for h in ("参加处室", "牵头科室", "责任股室", "协办处室", "序号")] == [
        "co", "lead", "units", "co", "number"]


def test_lead_line_then_units_line_merge_into_one_clause():
    text = "3.推进老旧小区改造。\n牵头单位:县住建局\n责任单位:县财政局、各乡镇人民政府等\n4.下一项"
    clauses = find_clauses(text)
    assert len(clauses) == 1
    c = clauses[0]
    assert (c.form, c.lead.name, [u.name for u in c.co]) == ("line", "县住建局", ["县财政局", "各乡镇人民政府"])
    assert text[c.start:c.end] == "牵头单位:县住建局\n责任单位:县财政局、各乡镇人民政府等"


def test_leader_line_is_an_official_not_a_unit():
    c = parse_clause("牵头领导:副县长\n主要责任单位:县发改委\n完成时限:年底前")
    assert (c.lead.name, c.co, c.officials, c.deadline) == ("县发改委", [], ["副县长"], "年底前")


def test_label_inside_running_text_without_colon_is_not_a_clause():
    assert find_clauses("各责任单位要加强协作,按时报送进展。") == []


# ------------------------------------------------------------------ role words
def test_role_words_in_a_tail():
    assert read("(市发改委牵头,市财政局、市统计局等相关部门按职责分工负责)") == ("市发改委", ["市财政局", "市统计局"])
    assert read("(市发改委、市财政局、市统计局按职责分工负责)") == ("市发改委", ["市财政局", "市统计局"])
    assert read("(市发改委,各区、开发园区按职责分工负责)") == ("市发改委", ["各区", "开发园区"])


def test_single_unit_with_fuze_and_a_deadline():
    c = parse_clause("开展联合执法。(各区人民政府分别负责,年内持续推进)")
    assert (c.lead.name, c.co, c.deadline) == ("各区人民政府", [], "年内持续推进")
    assert read("(水利部门负责)") == ("水利部门", [])


def test_role_word_stripped_from_a_unit():
    assert read("(县融媒体中心、县大数据中心按职责分工负责)") == ("县融媒体中心", ["县大数据中心"])
    assert read("(各镇街落实)") == ("各镇街", [])


def test_lead_marker_inside_a_labelled_list():
    assert read("(责任单位:市文旅局、市体育局(牵头)、市财政局)") == ("市体育局", ["市文旅局", "市财政局"])


# ------------------------------------------------------------------ sentences and shared lines
def test_you_a_qiantou_b_peihe_sentence_on_its_own_line():
    text = "(二)发展林下经济。扩大种植面积。\n由县林业局牵头,县农业农村局、县财政局等配合。\n"
    c = parse_clause(text)
    assert (c.form, c.lead.name, [u.name for u in c.co]) == ("sentence", "县林业局", ["县农业农村局", "县财政局"])
    assert text[c.start:c.end] == "由县林业局牵头,县农业农村局、县财政局等配合"


def test_chengban_xieban_and_fuze_peihe_sentences():
    assert read("由市交通局承办,市公安局、市城管局协办。整治目标:…") == ("市交通局", ["市公安局", "市城管局"])
    assert read("(一)由市卫健委负责,市医保局配合,建设紧密型医共体。") == ("市卫健委", ["市医保局"])


def test_several_fuze_units_then_peihe_lead_and_co_lead():
    c = parse_clause("甲海关、乙海关负责,市商务局配合,做好通关服务。")
    assert (c.lead.name, [u.name for u in c.co], [u.name for u in c.co_leads]) == (
        "甲海关", ["乙海关", "市商务局"], ["乙海关"])


def test_embedded_qiantou_in_a_noun_phrase_is_not_explicit():
    r = find_responsibility("建立由市场监管局牵头、各相关部门参加的联席会议制度。")
    assert r.source != "explicit"


def test_shared_line_after_numbered_items_with_huitong_cut_at_page_end():
    text = "1.建设示范校。\n2.培训教师。\n以上工作由市教育局、市人社局牵头,会同市财政局、公安"
    c = find_clauses(text)[-1]
    assert c.shared and c.truncated
    assert (c.lead.name, [u.name for u in c.co], [u.name for u in c.co_leads]) == (
        "市教育局", ["市人社局", "市财政局"], ["市人社局"])


# ------------------------------------------------------------------ bare lists and truncation
def test_bare_unit_list_after_a_sentence():
    assert read("给予一次性奖励。(省工信厅、省财政厅)") == ("省工信厅", ["省财政厅"])


def test_bare_brackets_that_are_not_units_are_ignored():
    assert find_clauses("对数字化车间(生产线)和智能工厂(矿山)给予补助。按期(含)以上执行。(包括民办学校)") == []


def test_clause_cut_at_page_end_keeps_complete_units_only():
    assert read("(责任单位:市教育局、市财政局、市人") == ("市教育局", ["市财政局"])
    assert find_clauses("1.增长7%以上\n责任单位:区") == []
    assert read("(省商务厅、省财政厅等及各市、县(市、区)人") == ("省商务厅", ["省财政厅"])


def test_first_clause_is_the_tasks_own_the_rest_are_further():
    r = find_responsibility("1.加强监测。完善标准。(区卫健委负责)严格执行新标准。(区农业农村局负责)")
    assert (r.lead.name, [c.lead.name for c in r.further]) == ("区卫健委", ["区农业农村局"])


# ------------------------------------------------------------------ tables
def test_table_cells():
    c = from_cells(["县教育局"], ["县财政局、县人社局"])
    assert (c.form, c.lead.name, [u.name for u in c.co]) == ("table", "县教育局", ["县财政局", "县人社局"])
    c = from_cells([], [], ["区发改委、区财政局"])
    assert (c.lead.name, [u.name for u in c.co]) == ("区发改委", ["区财政局"])
    c = from_cells(["市教育局、市科技局"], ["市财政局"])
    assert [u.name for u in c.co_leads] == ["市科技局"]
    assert from_cells([" "], []) is None


def test_note_after_a_full_stop_inside_the_bracket_is_not_a_unit():
    text = "〔责任单位:省商务厅、省大数据中心按职责分工负责。具体任务均涉及各市(州)人民政府,不再分工,下同。〕"
    assert read(text) == ("省商务厅", ["省大数据中心"])


def test_complete_name_without_a_known_ending_survives_the_end_of_the_text():
    assert read("牵头单位:区发改局\n责任单位:开发区,全区经济运行各专班") == ("区发改局", ["开发区", "全区经济运行各专班"])
    assert find_clauses("牵头单位:区商") == []


def test_footer_labels_are_not_responsibility():
    assert find_clauses("主办单位:某某市人民政府办公室 承办单位:某某市大数据中心") == []


def test_labels_in_square_brackets_without_colon():
    text = "加强管理。\n【牵头单位】市商务局\n【配合单位】市财政局、市统计局\n"
    assert read(text) == ("市商务局", ["市财政局", "市统计局"])
    assert find_clauses("(【责任单位】)") == []


def test_huitong_between_two_lists_and_jun_you():
    assert read("做好工作。(由市发改委会同市财政局、市统计局负责)") == ("市发改委", ["市财政局", "市统计局"])
    c = parse_clause("1.建设。\n2.培训。\n以上任务均由市教育局牵头,市财政局配合。")
    assert (c.shared, c.lead.name, [u.name for u in c.co]) == (True, "市教育局", ["市财政局"])


def test_clause_wrapped_over_lines():
    text = "1.加强管理。(责任单位:省发改委、省财政厅、省商\n务厅、省统计局)\n2.下一项"
    assert read(text) == ("省发改委", ["省财政厅", "省商务厅", "省统计局"])
    text = "1.加强管理。\n责任单位:省发改委、省财政厅、\n省商务厅\n2.下一项"
    assert read(text) == ("省发改委", ["省财政厅", "省商务厅"])
    assert read("加强管理。(责任单位:省发改委、省财\n") == ("省发改委", [])


def test_role_sentence_is_explicit_when_it_assigns_not_when_it_tells_one_unit_to_act():
    assert find_responsibility("加强。由市发改委牵头,会同有关部门制定实施细则。").source == "inferred"
    r = find_responsibility("加强。由市发改委牵头,会同市财政局、市统计局,制定实施细则。")
    assert (r.source, r.lead.name, [u.name for u in r.co]) == ("explicit", "市发改委", ["市财政局", "市统计局"])
    assert find_responsibility("(二)建立台账。由市发改委牵头负责。").source == "explicit"


def test_national_ministries_and_counted_deng():
    text = "健全体制。(生态环境部、国家发展改革委、科技部等14部门按照职责分工负责)"
    assert read(text) == ("生态环境部", ["国家发展改革委", "科技部"])
    assert read("健全体制。(外交部、商务部)") == ("外交部", ["商务部"])


@pytest.mark.parametrize("word", ["配合", "参与", "协同", "协办", "协助"])
def test_co_role_words_after_a_lead(word):
    assert read(f"推进改革。(市司法局牵头,市法院、市检察院{word})") == ("市司法局", ["市法院", "市检察院"])


@pytest.mark.parametrize("note", ["(列第一位为牵头单位,下同)", "(列第一位的为牵头单位)",
                                  "(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)"])
def test_convention_bracket_on_the_last_unit_is_not_part_of_it(note):
    assert read(f"责任单位:市商务局、市发改委、市卫生健康委{note}") == ("市商务局", ["市发改委", "市卫生健康委"])


def test_units_that_each_lead_a_part():
    """分别牵头: the first leads, the others are co-leads (co-responsible), none dropped; a 配合 list helps."""
    assert read("责任单位:市人力社保局、市农业农村局分别牵头") == ("市人力社保局", ["市农业农村局"])
    c = parse_clause("(市卫生健康委、市教育局分别牵头,市财政局配合)")
    assert (c.lead.name, [u.name for u in c.co], [u.name for u in c.co_leads]) == (
        "市卫生健康委", ["市教育局", "市财政局"], ["市教育局"])


@pytest.mark.parametrize("text, names", [
    ("各县、自治县人民政府", ["各县人民政府", "各自治县人民政府"]),
    ("各县、特区、区人民政府", ["各县人民政府", "各特区人民政府", "各区人民政府"]),
    ("各新区、开发区管委会", ["各新区管委会", "各开发区管委会"]),
    ("各区、县级市人民政府", ["各区人民政府", "各县级市人民政府"]),
])
def test_level_heads_of_two_characters_share_the_suffix(text, names):
    lead, co = read(f"(责任单位:{text})")
    assert [lead, *co] == names


@pytest.mark.parametrize("deadline", ["6月底完成", "6月底前完成", "三季度完成", "上半年完成", "2023年12月底前完成"])
def test_a_deadline_at_the_end_of_the_bracket_is_no_unit(deadline):
    assert read(f"(牵头单位:市行政审批局;责任单位:市司法局、各县区人民政府,{deadline})") == (
        "市行政审批局", ["市司法局", "各县区人民政府"])


def test_a_gloss_in_brackets_is_no_responsibility():
    """An unlabelled bracket counts only when it names a known agency or one named from its level."""
    assert not find_clauses("全市50%的城市社区建成完备的社区综合体(社区服务中心);其余社区逐步推开。")
    assert read("加快推进融媒体建设。(区融媒体中心)") == ("区融媒体中心", [])
    assert read("完善服务网络。(市住建局、市财政局)") == ("市住建局", ["市财政局"])


def test_a_role_word_vouches_for_names_without_a_body_ending():
    # 中国移动 and 中国邮政 end like no body; the role word and a unit beside them make them units
    c = find_responsibility("加快网络建设。(工业和信息化部、国资委、中国移动、中国电信等按职责分工负责)")
    assert (c.source, c.lead.name, [u.name for u in c.co]) == ("explicit", "工业和信息化部",
                                                                ["国资委", "中国移动", "中国电信"])
    assert read("(国家邮政局牵头,中国邮政配合)") == ("国家邮政局", ["中国邮政"])
    # a role word alone vouches for nothing: no unit by its name, no clause
    assert find_responsibility("加强宣传。(各地切实负责)").lead is None


def test_names_ending_in_she_are_bodies_but_renshe_is_a_cut_name():
    assert read("(农业农村部、供销合作总社按职责分工负责)") == ("农业农村部", ["供销合作总社"])
    assert read("(责任单位:市发改、人社等部门)") == ("市发改部门", ["市人社部门"])


def test_posts_beside_a_role_word_are_no_units():
    assert read("(分管副省长、协管副秘书长负责,省发展改革委牵头,省工业和信息化厅配合)") == (
        "省发展改革委", ["省工业和信息化厅"])


def test_a_conditional_convention_note_inside_the_label_bracket_is_dropped():
    assert read("(责任单位:标准化处、计量处;若工作涉及多个处室的,列第一的为牵头责任处室,下同)") == (
        "标准化处", ["计量处"])


def test_a_labelled_line_cut_by_a_hard_wrap_inside_a_name_goes_on():
    c = find_responsibility("完善体制。\n牵头单位:区委组织部\n协办单位:区委编办、园区党工\n委、各街道党工委\n")
    assert (c.lead.name, [u.name for u in c.co]) == ("区委组织部", ["区委编办", "园区党工委", "各街道党工委"])


def test_a_you_list_broken_by_a_comma_runs_to_its_role_word():
    c = find_responsibility("加大补贴力度。由市财政局、农业局,各县(市)、区人民政府负责落实。")
    assert (c.source, c.lead.name, [u.name for u in c.co]) == (
        "explicit", "市财政局", ["农业局", "各县(市)人民政府", "各区人民政府"])
    assert find_responsibility("由市发改委、市财政局,制定方案。").lead is None   # no role word: no assignment


def test_a_convention_note_naming_the_work_lead_is_dropped():
    c = find_responsibility("推进工作。\n责任单位:市政府办公室、各区县政府(含甲新区、乙区管委会)(列第一位的为工作牵头单位,下同)\n")
    assert (c.lead.name, [u.name for u in c.co]) == ("市政府办公室", ["各区县政府(含甲新区、乙区管委会)"])


def test_an_aside_opening_with_a_condition_vouches_for_no_names():
    t = "下放管理权限(新区管理机构设立前,由开发区管委会、区政府依法实施)。具体由省编办会同省有关部门办理。"
    c = find_responsibility(t)
    assert (c.source, c.lead.name, [u.name for u in c.co]) == ("inferred", "省编办", ["省有关部门"])
