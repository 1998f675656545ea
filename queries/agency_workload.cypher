// name: agency_workload
// zh: 单位工作量:每个单位在每份文件中牵头与配合的任务数
// en: Agency workload: tasks led and co-led by each agency in each document
// @param doc_id: string = null — 文件 id / document id
// @param jurisdiction: jurisdiction = null — 文件辖区(市或省)/ document jurisdiction (city or province)
// @param function: string = null — 单位职能键 / agency function key
// @param limit: int = 500 — 最多返回行数 / page size
// @param offset: int = 0 — 跳过行数 / rows to skip
// @mode: read
MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE ($doc_id IS NULL OR d.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR d.jurisdiction STARTS WITH $jurisdiction OR d.province STARTS WITH $jurisdiction)
  AND ($function IS NULL OR a.function = $function)
WITH a, d,
     count(DISTINCT CASE WHEN r.role = 'lead' THEN t.task_id END) AS lead_count,
     count(DISTINCT CASE WHEN r.role = 'co' THEN t.task_id END) AS co_count
RETURN a.agency_id AS agency_id,
       a.name AS name,
       a.name_en AS name_en,
       a.function AS function,
       a.jurisdiction AS agency_jurisdiction,
       d.doc_id AS doc_id,
       d.title AS doc_title,
       d.jurisdiction AS jurisdiction,
       lead_count,
       co_count,
       lead_count + co_count AS total
ORDER BY total DESC, lead_count DESC, agency_id, doc_id
SKIP $offset LIMIT $limit
