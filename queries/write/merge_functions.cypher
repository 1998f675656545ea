// name: merge_functions
// zh: 合并职能节点
// en: Merge function nodes
// @param rows: list — 由写入程序提供 / supplied by the writer
// @mode: write
UNWIND $rows AS r
MERGE (f:Function {key: r.key})
SET f.zh = coalesce(r.zh, f.zh), f.en = coalesce(r.en, f.en), f.name = coalesce(r.zh, f.name), f.name_en = coalesce(r.en, f.name_en)
