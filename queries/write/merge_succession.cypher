// name: merge_succession
// zh: 单位更名/继任
// en: Agency SUCCEEDED_BY
// @param rows: list — 由写入程序提供 / supplied by the writer
// @mode: write
UNWIND $rows AS r
MATCH (a:Agency {agency_id: r.agency_id})
MERGE (b:Agency {agency_id: r.successor_id})
MERGE (a)-[s:SUCCEEDED_BY]->(b)
SET s.year = coalesce(r.year, s.year)
