// name: merge_jurisdictions
// zh: 合并辖区节点
// en: Merge jurisdiction nodes
// @param rows: list — 由写入程序提供 / supplied by the writer
// @mode: write
UNWIND $rows AS r
MERGE (j:Jurisdiction {name: r.name})
SET j.level = r.level, j.province = r.province, j.name_en = r.name_en, j.short_name = r.short_name, j.adcode = r.adcode
