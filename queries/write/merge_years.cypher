// name: merge_years
// zh: 合并年份节点
// en: Merge year nodes
// @param rows: list — 由写入程序提供 / supplied by the writer
// @mode: write
UNWIND $rows AS r MERGE (:Year {year: r.year})
