"""Writes gold/*.json for docs/ (hand-made annotations, kept as code so quotes are checked as exact substrings)."""
import json
import pathlib

HERE = pathlib.Path(__file__).parent


def between(text: str, start: str, end: str) -> str:
    i = text.index(start)
    j = text.index(end, i) + len(end)
    return text[i:j]


def check(text: str, gold: dict) -> None:
    for t in gold["tasks"]:
        assert t["quote_start"] in text, t["quote_start"]
        if t["responsibility_quote"]:
            assert t["responsibility_quote"] in text, t["responsibility_quote"]
    for g in gold["targets"]:
        assert g["quote"] in text, g["quote"]


def target(tid, task, metric, value, unit, comp, year, scope, quote):
    return {"id": tid, "metric": metric, "value": value, "low": None, "high": None, "unit": unit,
            "comparator": comp, "per_year": False, "year": year, "scope": scope, "quote": quote, "task": task}


def chuzhou() -> dict:
    name = "01_chuzhou_city_zhongdiangongzuo.txt"
    text = (HERE / "docs" / name).read_text(encoding="utf-8")
    coop_tail = ["各县政府", "各市政府", "各区政府"]
    rows = [
        ("1. 地区生产总值增长8%以上。", "市发展改革委",
         ["市经信局", "市商务局", "市交通局", "市农业农村局", "滁州经开区管委会", "中新苏滁高新区管委会"], "金力"),
        ("2. 财政收入增长8%左右。", "市财政局",
         ["市税务局", "滁州海关", "市人行", "滁州经开区管委会", "中新苏滁高新区管委会"], "金力"),
        ("3. 固定资产投资增长10%以上。", "市发展改革委",
         ["市经信局", "市住建局", "市交通局", "市水利局", "滁州经开区管委会", "中新苏滁高新区管委会"], "金力"),
    ]
    tasks = []
    pos = 0
    for i, (head, lead, co, official) in enumerate(rows, 1):
        pos = text.index(head, pos)
        quote = between(text[pos:], f"牵头责任单位:{lead}。", "各县、市、区政府。")
        tasks.append({"id": f"C01-T0{i}", "section": "一", "number": f"{i}.", "title": head[3:-1],
                      "quote_start": head, "lead": lead, "co": co + coop_tail,
                      "responsibility_source": "explicit", "responsibility_quote": quote, "lead_official": official})
    tasks.append({"id": "C01-T04", "section": "一", "number": "4.", "title": "社会消费品零售总额增长10.5%以上",
                  "quote_start": "4. 社会消费品零售总额增长10.5%以上。", "lead": None, "co": [],
                  "responsibility_source": "none", "responsibility_quote": None, "lead_official": "姚志",
                  "truncated": True, "note": "The page is cut at '牵头责任' before any unit."})
    targets = [
        target("C01-G01", "C01-T01", "地区生产总值增长", 8, "%", ">=", 2020, "全市", "地区生产总值增长8%以上"),
        target("C01-G02", "C01-T02", "财政收入增长", 8, "%", "~", 2020, "全市", "财政收入增长8%左右"),
        target("C01-G03", "C01-T03", "固定资产投资增长", 10, "%", ">=", 2020, "全市", "固定资产投资增长10%以上"),
        target("C01-G04", "C01-T04", "社会消费品零售总额增长", 10.5, "%", ">=", 2020, "全市",
               "社会消费品零售总额增长10.5%以上"),
    ]
    return {
        "file": name, "partial": True, "excerpt_end": "牵头责任",
        "document": {"title": "滁州市人民政府关于2020年市政府重点工作及责任分解的通知",
                     "title_quote": "滁州市人民政府关于2020年市政府重点工作及责任分解的通知",
                     "issuer": "滁州市人民政府", "issued_on": None, "doc_number": None, "level": "municipal",
                     "jurisdiction": "滁州市", "period": [2020, 2020], "implements": [],
                     "known_from_index": {"issued_on": "page timestamp 发布时间:2020-02-03 (not a signature date)"}},
        "sections": [{"number": "一", "title": "确保完成全年主要预期目标", "quote": "一、确保完成全年主要预期目标"}],
        "tasks": tasks, "targets": targets, "milestone_years": [2020],
        "notes": "A notice that is itself the plan (no separate plan title). Each item has three standalone lines: "
                 "牵头负责领导 (a person: lead_official), 牵头责任单位 (lead), 协同责任单位 (co). '等' before ',各县、市、区政府' "
                 "dropped; the shared-suffix group keeps the distributive 各 on each part. '10个方面190项重点工作' in the "
                 "cover text is a count of the plan's items, not a target. The page timestamp is not the issue date.",
    }


def huoshan() -> dict:
    name = "02_huoshan_devzone_zhongdiangongzuo.txt"
    rows = [
        ("1 |\n坚持服务跟着项目走", "坚持服务跟着项目走", "招商工作部", ["安商工作部"], "叶林", "招商工作部、安商工作部 |"),
        ("2 |\n全力推进开发区“空间再造”", "全力推进开发区“空间再造”", "改革办", [], "马振明", "改革办 |"),
        ("3 |\n持续提升园区承载能力", "持续提升园区承载能力", "规划建设局", [], "张云峰", "规划建设局 |"),
    ]
    tasks = [{"id": f"H02-T0{i}", "section": None, "number": str(i), "title": title, "quote_start": qs,
              "lead": lead, "co": co, "responsibility_source": "explicit", "responsibility_quote": rq,
              "responsibility_in": "table", "lead_official": official, "deadline": "全年"}
             for i, (qs, title, lead, co, official, rq) in enumerate(rows, 1)]
    targets = [
        target("H02-G01", "H02-T02", "盘活僵尸企业", 10, "家", "=", 2025, None, "盘活僵尸企业10家"),
        target("H02-G02", "H02-T02", "盘活存量土地", 400, "亩", "=", 2025, None, "盘活存量土地400亩"),
    ]
    return {
        "file": name, "partial": True, "excerpt_end": "全年 |",
        "document": {"title": "2025年开发区重点工作及责任清单", "title_quote": "2025年开发区重点工作及责任清单",
                     "issuer": None, "issued_on": None, "doc_number": None, "level": "development-zone",
                     "jurisdiction": None, "period": [2025, 2025], "implements": [],
                     "known_from_index": {"site": "ahhuoshan.gov.cn (霍山县, 安徽省)"}},
        "sections": [], "tasks": tasks, "targets": targets, "milestone_years": [2025],
        "notes": "Pipe table flattened one cell per line: 序号 | 重点工作 | 责任领导 (a person: lead_official) | "
                 "责任单位 (first = lead) | 完成时限 (deadline). Line breaks inside cells are printed as spaces "
                 "('工作机 制'). '力争全年…10家…400亩' are this year's targets (year from the title).",
    }


def yulin() -> dict:
    name = "03_yulin_city_gaoxinqu.txt"
    text = (HERE / "docs" / name).read_text(encoding="utf-8")
    co_common = ["市发展改革委", "工业和信息化局", "财政局", "自然资源局", "生态环境局", "市场监管局", "市税务局"]
    tasks = [
        {"id": "Y03-T01", "section": "一", "number": "(一)", "title": "积极创建国家级高新区",
         "quote_start": "(一)积极创建国家级高新区。", "lead": "玉林高新区管委", "co": ["市科技局", *co_common],
         "co_leads": ["市科技局"], "responsibility_source": "explicit",
         "responsibility_quote": between(text, "(牵头单位:玉林高新区管委", "市税务局等)")},
        {"id": "Y03-T02", "section": "一", "number": "(二)", "title": "支持建设自治区级高新区",
         "quote_start": "(二)支持建设自治区级高新区。", "lead": "市科技局", "co": ["各县(市、区)人民政府", *co_common],
         "responsibility_source": "explicit",
         "responsibility_quote": between(text, "[牵头单位:市科技局", "市税务局等]")},
        {"id": "Y03-T03", "section": "二", "number": "(三)", "title": "加速创新要素集聚",
         "quote_start": "(三)加速创新要素集聚。", "lead": None, "co": [], "responsibility_source": "none",
         "responsibility_quote": None, "truncated": True},
    ]
    return {
        "file": name, "partial": True, "excerpt_end": "布局优化的国家级",
        "document": {"title": None, "title_quote": None, "issuer": None, "issued_on": None, "doc_number": None,
                     "level": "municipal", "jurisdiction": "玉林市", "period": None, "implements": [],
                     "known_from_index": {"headline": "开发区高质量发展实施方案范文(精选4篇) (a template site's headline)"}},
        "sections": [{"number": "一", "title": "积极创建国家级、自治区级高新区", "quote": "一、积极创建国家级、自治区级高新区"},
                     {"number": "二", "title": "大力提升自主创新能力", "quote": "二、大力提升自主创新能力"}],
        "tasks": tasks, "targets": [], "milestone_years": [],
        "notes": "Reposted on a template site: the site headline is not the plan's title (null). Responsibility "
                 "in '(牵头单位:A、B;配合单位:…)' and in square brackets '[牵头单位:…;配合单位:…]' (a bracket holding a "
                 "parenthesis). Two 牵头 units: the second is a co_lead. Names without the 市 prefix are kept as printed; "
                 "',' and '、' both separate units; '等' dropped. The subsidy sentence after (二) is not a target.",
    }


def gansu() -> dict:
    name = "04_gansu_prov_kaifaqu.txt"
    text = (HERE / "docs" / name).read_text(encoding="utf-8")
    tasks = [
        {"id": "G04-T01", "section": "一", "number": "(一)", "title": "优化开发区功能定位",
         "quote_start": "(一)优化开发区功能定位。", "lead": "省发展改革委",
         "co": ["省商务厅", "省科技厅", "省工信委", "省工商局", "省建设厅", "各市州政府", "各县市区政府", "各开发区管委会"],
         "co_leads": ["省商务厅", "省科技厅"], "responsibility_source": "explicit",
         "responsibility_quote": between(text, "(牵头部门:省发展改革委", "各开发区管委会)")},
    ]
    return {
        "file": name, "partial": True, "excerpt_end": "(二)明确开发区发展方向",
        "document": {"title": None, "title_quote": None, "issuer": None, "issued_on": None, "doc_number": None,
                     "level": "provincial", "jurisdiction": "甘肃省", "period": None,
                     "implements": ["国办发〔2017〕7号"],
                     "known_from_index": {"headline": "开发区改革实施方案6篇 (a template site's headline)"}},
        "sections": [{"number": "一", "title": "优化开发区形态和布局", "quote": "一、优化开发区形态和布局"}],
        "tasks": tasks, "targets": [], "milestone_years": [],
        "notes": "A provincial 实施意见 reposted on a template site (site headline and blurb are not the title). "
                 "Jurisdiction from the addressees '中央在甘各单位' and '兰州新区管委会'. Labels 牵头部门 / 配合部门 / "
                 "责任主体 separated by ';' in one parenthesis; the three 牵头部门 units: first leads, others co_leads; "
                 "责任主体 units follow as co, shared suffix expanded with 各 kept. '(二)明确开发区发展方向' is cut "
                 "before its body: skipped.",
    }


def guangdong() -> dict:
    name = "05_guangdong_prov_fengong.txt"
    tasks = [
        {"id": "D05-T01", "section": "一", "number": "1.", "title": "地区生产总值增长6%以上",
         "quote_start": "1.地区生产总值增长6%以上。", "lead": "省发展改革委", "co": ["各地", "各部门"],
         "responsibility_source": "explicit", "responsibility_quote": "部门分工:省发展改革委牵头,各地、各部门配合",
         "lead_official": "林克庆"},
        {"id": "D05-T02", "section": "一", "number": "2.", "title": "地方一般公共预算收入增长5%左右",
         "quote_start": "2.地方一般公共预算收入增长5%左右。", "lead": "省财政厅", "co": [],
         "responsibility_source": "explicit", "responsibility_quote": "部门分工:省财政厅牵头", "lead_official": "林克庆",
         "truncated": True, "note": "The page is cut after '省财政厅牵头,': the helping units are not printed."},
    ]
    targets = [
        target("D05-G01", "D05-T01", "地区生产总值增长", 6, "%", ">=", 2021, "全省", "地区生产总值增长6%以上"),
        target("D05-G02", "D05-T02", "地方一般公共预算收入增长", 5, "%", "~", 2021, "全省", "地方一般公共预算收入增长5%左右"),
    ]
    return {
        "file": name, "partial": True, "excerpt_end": "部门分工:省财政厅牵头,",
        "document": {"title": "2021年省《政府工作报告》重点任务分工方案",
                     "title_quote": "2021年省《政府工作报告》重点任务分工方案",
                     "wrapper_title": "广东省人民政府关于印发2021年省《政府工作报告》重点任务分工方案的通知",
                     "issuer": "广东省人民政府", "issued_on": "2021-03-21", "doc_number": "粤府〔2021〕22号",
                     "level": "provincial", "jurisdiction": "广东省", "period": [2021, 2021],
                     "implements": ["《政府工作报告》"],
                     "known_from_index": {"published": "发布日期 2021-03-29 and the repost time are not the signature date"}},
        "sections": [{"number": "一", "title": "2021年经济社会发展主要预期目标", "quote": "一、2021年经济社会发展主要预期目标"}],
        "tasks": tasks, "targets": targets, "milestone_years": [2021],
        "notes": "A repost of a provincial 分工方案 under a site header (发布单位 / 发布文号 pipe cells; the notice title "
                 "carries its 文号 in brackets). Each item has a 分管省领导 line (a person: lead_official) and a "
                 "'部门分工:A牵头,B、C配合' line (the label opens the unit list; the role words say who leads). "
                 "'各地、各部门' is two generic groups. The 核心提示 repeats the notice: not a title.",
    }


def shaanxi() -> dict:
    name = "06_shaanxi_prov_wenlv.txt"
    text = (HERE / "docs" / name).read_text(encoding="utf-8")
    tasks = [
        {"id": "S06-T01", "section": "一", "number": "1.", "title": "加强文化遗产保护利用",
         "quote_start": "1.加强文化遗产保护利用。", "lead": "省文物局", "co": ["省文化和旅游厅", "各市(区)政府"],
         "co_leads": ["省文化和旅游厅"], "responsibility_source": "explicit",
         "responsibility_quote": between(text, "〔省文物局、省文化和旅游厅牵头", "政府配合〕")},
        {"id": "S06-T02", "section": "一", "number": "2.", "title": "扶持文艺精品创作展演",
         "quote_start": "2.扶持文艺精品创作展演。", "lead": None, "co": [], "responsibility_source": "none",
         "responsibility_quote": None, "truncated": True},
    ]
    return {
        "file": name, "partial": True, "excerpt_end": "办好陕西",
        "document": {"title": "陕西省关于加快文旅产业发展的若干措施", "title_quote": "陕西省关于加快文旅产业发展的若干措施",
                     "issuer": "陕西省人民政府办公厅", "issued_on": "2023-12-28", "doc_number": "陕政办发〔2023〕29号",
                     "level": "provincial", "jurisdiction": "陕西省", "period": None, "implements": []},
        "sections": [{"number": "一", "title": "以文塑旅,厚植文化根基", "quote": "一、以文塑旅,厚植文化根基"}],
        "tasks": tasks, "targets": [], "milestone_years": [],
        "notes": "The page opens with the 文号 line (no notice title), the signature follows the cover note. The "
                 "responsibility is a tail in 〔 〕 holding a parenthesis: two 牵头 units (the second a co_lead) and a "
                 "配合 group. Item 2 is cut before its responsibility.",
    }


def liupanshui() -> dict:
    name = "07_liupanshui_city_xinjijian.txt"
    tasks = [
        {"id": "L07-T01", "section": "二(一)", "number": "1.", "title": "加强算力基础设施建设",
         "quote_start": "1.加强算力基础设施建设。", "lead": None, "co": [], "responsibility_source": "none",
         "responsibility_quote": None, "truncated": True},
    ]
    targets = [
        target("L07-G01", None, "5G基站数量", 2600, "个", ">=", 2022, "全市", "全市新建5G基站2600个以上"),
        target("L07-G02", None, "市级及以上创新平台数量", 15, "个", ">=", 2022, "全市", "市级及以上创新平台15个以上"),
        target("L07-G03", None, "5G基站数量", 1, "万个", "=", 2024, "全市", "全市累计建成5G基站1万个"),
        target("L07-G04", None, "市级及以上创新平台数量", 50, "个", ">=", 2024, "全市", "市级及以上创新平台50个以上"),
    ]
    return {
        "file": name, "partial": True, "excerpt_end": "算力网络国家(贵州",
        "document": {"title": "六盘水市新型基础设施建设三年行动方案(2022—2024年)",
                     "title_quote": "六盘水市新型基础设施建设三年行动方案(2022—2024年)",
                     "wrapper_title": "市人民政府办公室关于印发六盘水市新型基础设施建设三年行动方案(2022—2024年)的通知",
                     "issuer": "市人民政府办公室", "issued_on": None, "doc_number": "六盘水府办发〔2022〕10号",
                     "level": "municipal", "jurisdiction": "六盘水市", "period": [2022, 2024],
                     "implements": ["黔府办发〔2022〕25号"],
                     "known_from_index": {"issued_on": "生成日期 2022-12-02 is the page's timestamp, not a signature"}},
        "sections": [{"number": "一", "title": "主要目标", "quote": "一、主要目标"},
                     {"number": "二", "title": "重点任务", "quote": "二、重点任务"},
                     {"number": "(一)", "title": "推进大数据基础设施建设", "parent": "二", "quote": "(一)推进大数据基础设施建设。"}],
        "tasks": tasks, "targets": targets, "milestone_years": [2022, 2024],
        "notes": "A government-information page: 索引号 / 文号 / 名称 in pipe cells (the notice title is the 名称 cell; "
                 "the issuer as printed there). The goals paragraph sets 2022 and 2024 targets; (一) is a heading with an "
                 "intro over its numbered items. Item 1 is cut in its body.",
    }


def yuncheng() -> dict:
    name = "08_yuncheng_city_yingji.txt"
    text = (HERE / "docs" / name).read_text(encoding="utf-8")
    shared = "(责任单位:市直各有关单位、各县(市、区)人民政府、各开发区管委会)"
    heads = ["(1)加强应急预案管理", "(2)推进政府及其部门应急预案", "(3)加强应急预案演练", "(4)加强应急预案的培训宣传"]
    titles = ["加强应急预案管理,规范应急预案编制、审批、发布、备案、修订和评估工作,增强应急预案的针对性、实用性和可操作性",
              "推进政府及其部门应急预案“精编化”,及时修订完善现有应急预案,促进单位和基层应急预案编制全覆盖",
              "加强应急预案演练,完善演练管理制度,推进“双盲”演练,强化针对性、实战性",
              "加强应急预案的培训宣传,扩大应急预案发布范围,提高全社会对应急预案的知晓率"]
    tasks = [{"id": f"Y08-T0{i}", "section": "(一)1.", "number": f"({i})", "title": title, "quote_start": head,
              "lead": "市直各有关单位", "co": ["各县(市、区)人民政府", "各开发区管委会"],
              "responsibility_source": "explicit", "responsibility_quote": shared}
             for i, (head, title) in enumerate(zip(heads, titles, strict=True), 1)]
    tasks.append({"id": "Y08-T05", "section": "(一)2.", "number": "(1)", "title": None,
                  "quote_start": "(1)深入推进市、县、乡三级政府应急管理办事机构建设", "lead": None, "co": [],
                  "responsibility_source": "none", "responsibility_quote": None, "truncated": True})
    assert text.count(shared) == 1
    return {
        "file": name, "partial": True, "excerpt_end": "应急机构建设,强",
        "document": {"title": "运城市突发事件应急体系建设“十三五”规划责任分解",
                     "title_quote": "运城市突发事件应急体系建设“十三五”规划责任分解",
                     "wrapper_title": "运城市人民政府办公厅关于印发运城市突发事件应急体系建设“十三五”规划责任分解的通知",
                     "issuer": "运城市人民政府办公厅", "issued_on": "2017-04-13", "doc_number": None,
                     "level": "municipal", "jurisdiction": "运城市", "period": [2016, 2020],
                     "implements": ["运政办发〔2016〕76号"]},
        "sections": [{"number": "(一)", "title": "“一案三制”建设", "quote": "(一)“一案三制”建设"},
                     {"number": "1.", "title": "完善应急预案体系", "parent": "(一)", "quote": "1.完善应急预案体系"},
                     {"number": "2.", "title": "健全应急管理体制和运行机制", "parent": "(一)",
                      "quote": "2.健全应急管理体制和运行机制"}],
        "tasks": tasks, "targets": [], "milestone_years": [],
        "notes": "A legal-database page (法宝引证码) of a 责任分解: the 责任单位 line printed on its own after items (1)-(4) "
                 "of group 1. covers each of them (none names a unit of its own). The 文号 in the preamble is the "
                 "decomposed plan's, not this notice's. Group 2. is cut in its first item.",
    }


def liandu() -> dict:
    name = "09_liandu_district_table.txt"
    text = (HERE / "docs" / name).read_text(encoding="utf-8")
    rows = [  # (number, task, units cell, lead cell)
        ("1", "地区生产总值增长6.5%以上。", "区农业农村局、区经商局、区市场监管局、区建设局、区发改局、区交通局、莲都邮政管理局、区商金中心、区人力社保局", "区发改局"),
        ("2", "区本级固定资产投资增长25%。", "区发改局", "区发改局"),
        ("3", "区本级规上工业增加值增长10%。", "区经商局、莲都经开区管委会", "区经商局"),
        ("4", "农业增加值增长3.5%。", "区农业农村局", "区农业农村局"),
        ("5", "服务业增加值增长6%。", "区发改局", "区发改局"),
        ("6", "社会消费品零售总额增长6%。", "区商金中心", "区商金中心"),
        ("7", "区本级外贸出口总额保持适度增长。", "区商金中心", "区商金中心"),
        ("8", "区本级一般公共预算收入增长7.5%。", "区财政局", "区财政局"),
        ("9", "研究与试验发展(R&D)经费投入强度达到2.6%。", "区科技局、区经商局、区建设局、区农业农村局、莲都经开区管委会", "区科技局"),
        ("10", "城镇登记失业率控制在3%以内。", "区人力社保局", "区人力社保局"),
        ("11", "城乡居民人均可支配收入增长与经济增长基本同步。", "区人力社保局", "区人力社保局"),
        ("12", "完成省、市下达的能源指标计划目标。", "区发改局、区经商局、莲都经开区管委会、区供电公司、各乡镇(街道)", "区发改局"),
        ("13", "完成省、市下达的环境指标计划目标。", "区生态环境分局", "区生态环境分局"),
        ("14", "深化政务服务“一网通办”,深入实施便民利企“一件事”集成改革,推动更多政务服务事项实现“一件事一次办”。",
         "区行政服务中心、区深改服务中心", None),
    ]
    tasks = []
    pos = 0
    for number, task, units, lead in rows:
        pos = text.index(task, pos)
        names = units.split("、")
        lead_name = lead or names[0]
        quote = units if lead is None else between(text[pos:], units, lead)
        tasks.append({"id": f"L09-T{int(number):02d}", "section": "激发市场活力" if number == "14" else "发展目标",
                      "number": number, "title": task.rstrip("。"), "quote_start": task, "lead": lead_name,
                      "co": [n for n in names if n != lead_name], "responsibility_source": "explicit",
                      "responsibility_quote": quote})
    tasks[-1]["note"] = "The page is cut after the units cell; no lead cell is printed, so the first unit leads."
    targets = [
        target("L09-G01", "L09-T01", "地区生产总值增长", 6.5, "%", ">=", 2023, "全区", "地区生产总值增长6.5%以上"),
        target("L09-G02", "L09-T02", "区本级固定资产投资增长", 25, "%", "=", 2023, "区本级", "区本级固定资产投资增长25%"),
        target("L09-G03", "L09-T03", "区本级规上工业增加值增长", 10, "%", "=", 2023, "区本级", "区本级规上工业增加值增长10%"),
        target("L09-G04", "L09-T04", "农业增加值增长", 3.5, "%", "=", 2023, "全区", "农业增加值增长3.5%"),
        target("L09-G05", "L09-T05", "服务业增加值增长", 6, "%", "=", 2023, "全区", "服务业增加值增长6%"),
        target("L09-G06", "L09-T06", "社会消费品零售总额增长", 6, "%", "=", 2023, "全区", "社会消费品零售总额增长6%"),
        target("L09-G07", "L09-T08", "区本级一般公共预算收入增长", 7.5, "%", "=", 2023, "区本级",
               "区本级一般公共预算收入增长7.5%"),
        target("L09-G08", "L09-T09", "研究与试验发展(R&D)经费投入强度", 2.6, "%", "=", 2023, "全区",
               "研究与试验发展(R&D)经费投入强度达到2.6%"),
        target("L09-G09", "L09-T10", "城镇登记失业率", 3, "%", "<=", 2023, "全区", "城镇登记失业率控制在3%以内"),
    ]
    return {
        "file": name, "partial": True, "excerpt_end": "区深改服务中心",
        "document": {"title": "2023年莲都区政府工作报告重点工作责任分解",
                     "title_quote": "2023年莲都区政府工作报告重点工作责任分解",
                     "issuer": None, "issued_on": None, "doc_number": None,
                     "level": "county", "jurisdiction": "莲都区", "period": [2023, 2023], "implements": [],
                     "known_from_index": {"issuer": "来源: 莲都区人民政府办公室 is the page's publisher line"}},
        "sections": [{"number": None, "title": "发展目标", "quote": "发展目标"},
                     {"number": None, "title": "激发市场活力", "quote": "激发市场活力"}],
        "tasks": tasks, "targets": targets, "milestone_years": [2023],
        "notes": "A progress page carrying the 责任分解 table flattened one cell per line under the header 分类 / 序号 / "
                 "事项 / 责任单位 / 牵头单位: the 分类 cell is printed once before the rows it groups, and the lead "
                 "column comes after the units column (the lead is the 牵头单位 cell, the other units are co).",
    }


if __name__ == "__main__":
    for build in (chuzhou, huoshan, yulin, gansu, guangdong, shaanxi, liupanshui, yuncheng, liandu):
        gold = build()
        text = (HERE / "docs" / gold["file"]).read_text(encoding="utf-8")
        check(text, gold)
        out = HERE / "gold" / (pathlib.Path(gold["file"]).stem + ".json")
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print("wrote", out.name)
