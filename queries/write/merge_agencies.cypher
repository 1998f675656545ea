// name: merge_agencies
// zh: 合并单位节点(别名取并集)
// en: Merge agency nodes (aliases unioned)
// @param rows: list — 由写入程序提供 / supplied by the writer
// @mode: write
UNWIND $rows AS r
MERGE (a:Agency {agency_id: r.agency_id})
SET a.name = coalesce(r.name, a.name), a.name_en = coalesce(r.name_en, a.name_en), a.function = coalesce(r.function, a.function), a.level = coalesce(r.level, a.level), a.jurisdiction = coalesce(r.jurisdiction, a.jurisdiction), a.province = coalesce(r.province, a.province), a.kind = coalesce(r.kind, a.kind), a.aliases = reduce(acc = coalesce(a.aliases, []), x IN r.aliases | CASE WHEN x IN acc THEN acc ELSE acc + [x] END)
