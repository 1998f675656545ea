// name: merge_agency_function
// zh: 单位职能
// en: Agency HAS_FUNCTION (one per agency)
// @param rows: list — 由写入程序提供 / supplied by the writer
// @mode: write
UNWIND $rows AS r
MATCH (a:Agency {agency_id: r.agency_id})
MATCH (f:Function {key: r.function})
OPTIONAL MATCH (a)-[old:HAS_FUNCTION]->(o:Function)
WHERE o.key <> r.function
DELETE old
MERGE (a)-[:HAS_FUNCTION]->(f)
