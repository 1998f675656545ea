// name: merge_agency_in
// zh: 单位所在辖区
// en: Agency IN jurisdiction (one per agency)
// @param rows: list — 由写入程序提供 / supplied by the writer
// @mode: write
UNWIND $rows AS r
MATCH (a:Agency {agency_id: r.agency_id})
MATCH (j:Jurisdiction {name: r.jurisdiction})
OPTIONAL MATCH (a)-[old:IN]->(o:Jurisdiction)
WHERE o.name <> r.jurisdiction
DELETE old
MERGE (a)-[:IN]->(j)
