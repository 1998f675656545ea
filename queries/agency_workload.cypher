// name: agency_workload
// zh: 单位工作量:每个单位在每份文件中牵头与配合的任务数
// en: Agency workload: tasks led and co-led by each agency in each document
// @param doc_id: string = null — 文件 id / document id
// @param jurisdiction: jurisdiction = null — 文件辖区(市或省)/ document jurisdiction (city or province)
// @param function: string = null — 单位职能键 / agency function key
// @param limit: int = 500 — 最多返回行数 / page size
// @param offset: int = 0 — 跳过行数 / rows to skip
// @example: jurisdiction=浙江省 limit=20
// @mode: read
// Each UNION branch starts from one indexed entry point (document, province, city; a scan only when no scope
// is given); the gates make exactly one branch produce rows.
// 1. a document (index on Task.doc_id)
UNWIND CASE WHEN $doc_id IS NOT NULL THEN [$doc_id] ELSE [] END AS did
MATCH (t:Task {doc_id: did})
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t)
WHERE $function IS NULL OR a.function = $function
WITH a, t.doc_id AS did,
     count(DISTINCT CASE WHEN r.role = 'lead' THEN t.task_id END) AS lead_count,
     count(DISTINCT CASE WHEN r.role = 'co' THEN t.task_id END) AS co_count
WITH a, did, lead_count, co_count, lead_count + co_count AS total
ORDER BY total DESC, lead_count DESC, a.agency_id, did
SKIP $offset LIMIT $limit
MATCH (d:Document {doc_id: did})
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
       total
ORDER BY total DESC, lead_count DESC, agency_id, doc_id
UNION
// 2. a province (index on Task.province)
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NOT NULL THEN [$jurisdiction] ELSE [] END AS j
MATCH (p:Jurisdiction {name: j})
WHERE p.level = 'provincial'
WITH j
MATCH (t:Task {province: j})
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t)
WHERE $function IS NULL OR a.function = $function
WITH a, t.doc_id AS did,
     count(DISTINCT CASE WHEN r.role = 'lead' THEN t.task_id END) AS lead_count,
     count(DISTINCT CASE WHEN r.role = 'co' THEN t.task_id END) AS co_count
WITH a, did, lead_count, co_count, lead_count + co_count AS total
ORDER BY total DESC, lead_count DESC, a.agency_id, did
SKIP $offset LIMIT $limit
MATCH (d:Document {doc_id: did})
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
       total
ORDER BY total DESC, lead_count DESC, agency_id, doc_id
UNION
// 3. any other known place (index on Task.jurisdiction)
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NOT NULL THEN [$jurisdiction] ELSE [] END AS j
MATCH (p:Jurisdiction {name: j})
WHERE p.level <> 'provincial'
WITH j
MATCH (t:Task {jurisdiction: j})
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t)
WHERE $function IS NULL OR a.function = $function
WITH a, t.doc_id AS did,
     count(DISTINCT CASE WHEN r.role = 'lead' THEN t.task_id END) AS lead_count,
     count(DISTINCT CASE WHEN r.role = 'co' THEN t.task_id END) AS co_count
WITH a, did, lead_count, co_count, lead_count + co_count AS total
ORDER BY total DESC, lead_count DESC, a.agency_id, did
SKIP $offset LIMIT $limit
MATCH (d:Document {doc_id: did})
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
       total
ORDER BY total DESC, lead_count DESC, agency_id, doc_id
UNION
// 4. a place name the graph does not hold as a jurisdiction (prefix scan)
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NOT NULL THEN [$jurisdiction] ELSE [] END AS j
OPTIONAL MATCH (p:Jurisdiction {name: j})
WITH p
WHERE p IS NULL
MATCH (t:Task)
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t)
WHERE $function IS NULL OR a.function = $function
WITH a, t.doc_id AS did,
     count(DISTINCT CASE WHEN r.role = 'lead' THEN t.task_id END) AS lead_count,
     count(DISTINCT CASE WHEN r.role = 'co' THEN t.task_id END) AS co_count
WITH a, did, lead_count, co_count, lead_count + co_count AS total
ORDER BY total DESC, lead_count DESC, a.agency_id, did
SKIP $offset LIMIT $limit
MATCH (d:Document {doc_id: did})
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
       total
ORDER BY total DESC, lead_count DESC, agency_id, doc_id
UNION
// 5. nothing selective: every task
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NULL THEN [1] ELSE [] END AS go
MATCH (t:Task)
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t)
WHERE $function IS NULL OR a.function = $function
WITH a, t.doc_id AS did,
     count(DISTINCT CASE WHEN r.role = 'lead' THEN t.task_id END) AS lead_count,
     count(DISTINCT CASE WHEN r.role = 'co' THEN t.task_id END) AS co_count
WITH a, did, lead_count, co_count, lead_count + co_count AS total
ORDER BY total DESC, lead_count DESC, a.agency_id, did
SKIP $offset LIMIT $limit
MATCH (d:Document {doc_id: did})
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
       total
ORDER BY total DESC, lead_count DESC, agency_id, doc_id
