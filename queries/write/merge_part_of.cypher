// name: merge_part_of
// zh: 合并辖区隶属关系
// en: Merge jurisdiction PART_OF links
// @param rows: list — 由写入程序提供 / supplied by the writer
// @mode: write
UNWIND $rows AS r
MATCH (a:Jurisdiction {name: r.child})
MATCH (b:Jurisdiction {name: r.parent})
MERGE (a)-[:PART_OF]->(b)
