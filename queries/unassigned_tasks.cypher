// name: unassigned_tasks
// zh: 无责任单位的任务(未写明也无法推断谁负责)
// en: Tasks without any responsible agency (none printed and none inferable)
// @param doc_id: string = null — 文件 id / document id
// @param jurisdiction: jurisdiction = null — 文件辖区(市或省)/ document jurisdiction (city or province)
// @param limit: int = 100 — 最多返回行数 / page size
// @param offset: int = 0 — 跳过行数 / rows to skip
// @example: jurisdiction=南京市
// @mode: read
// Each UNION branch starts from one indexed entry point (document, province, city; a scan only when no scope
// is given); the gates make exactly one branch produce rows.
// 1. a document (index on Task.doc_id)
UNWIND CASE WHEN $doc_id IS NOT NULL THEN [$doc_id] ELSE [] END AS did
MATCH (t:Task {doc_id: did})
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
  AND NOT (:Agency)-[:RESPONSIBLE_FOR]->(t)
WITH t
ORDER BY t.doc_id, coalesce(t.start, 0), t.task_id
SKIP $offset LIMIT $limit
MATCH (d:Document)-[:HAS_TASK]->(t)
RETURN t.task_id AS task_id,
       d.doc_id AS doc_id,
       d.title AS doc_title,
       d.jurisdiction AS jurisdiction,
       t.number AS number,
       t.title AS title,
       t.section_title AS section,
       t.zone AS zone,
       t.responsibility_source AS responsibility_source,
       coalesce(t.generic_actors, []) AS generic_actors
ORDER BY doc_id, coalesce(t.start, 0), task_id
UNION
// 2. a province (index on Task.province)
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NOT NULL THEN [$jurisdiction] ELSE [] END AS j
MATCH (p:Jurisdiction {name: j})
WHERE p.level = 'provincial'
WITH j
MATCH (t:Task {province: j})
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
  AND NOT (:Agency)-[:RESPONSIBLE_FOR]->(t)
WITH t
ORDER BY t.doc_id, coalesce(t.start, 0), t.task_id
SKIP $offset LIMIT $limit
MATCH (d:Document)-[:HAS_TASK]->(t)
RETURN t.task_id AS task_id,
       d.doc_id AS doc_id,
       d.title AS doc_title,
       d.jurisdiction AS jurisdiction,
       t.number AS number,
       t.title AS title,
       t.section_title AS section,
       t.zone AS zone,
       t.responsibility_source AS responsibility_source,
       coalesce(t.generic_actors, []) AS generic_actors
ORDER BY doc_id, coalesce(t.start, 0), task_id
UNION
// 3. any other known place (index on Task.jurisdiction)
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NOT NULL THEN [$jurisdiction] ELSE [] END AS j
MATCH (p:Jurisdiction {name: j})
WHERE p.level <> 'provincial'
WITH j
MATCH (t:Task {jurisdiction: j})
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
  AND NOT (:Agency)-[:RESPONSIBLE_FOR]->(t)
WITH t
ORDER BY t.doc_id, coalesce(t.start, 0), t.task_id
SKIP $offset LIMIT $limit
MATCH (d:Document)-[:HAS_TASK]->(t)
RETURN t.task_id AS task_id,
       d.doc_id AS doc_id,
       d.title AS doc_title,
       d.jurisdiction AS jurisdiction,
       t.number AS number,
       t.title AS title,
       t.section_title AS section,
       t.zone AS zone,
       t.responsibility_source AS responsibility_source,
       coalesce(t.generic_actors, []) AS generic_actors
ORDER BY doc_id, coalesce(t.start, 0), task_id
UNION
// 4. a place name the graph does not hold as a jurisdiction (prefix scan)
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NOT NULL THEN [$jurisdiction] ELSE [] END AS j
OPTIONAL MATCH (p:Jurisdiction {name: j})
WITH p
WHERE p IS NULL
MATCH (t:Task)
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
  AND NOT (:Agency)-[:RESPONSIBLE_FOR]->(t)
WITH t
ORDER BY t.doc_id, coalesce(t.start, 0), t.task_id
SKIP $offset LIMIT $limit
MATCH (d:Document)-[:HAS_TASK]->(t)
RETURN t.task_id AS task_id,
       d.doc_id AS doc_id,
       d.title AS doc_title,
       d.jurisdiction AS jurisdiction,
       t.number AS number,
       t.title AS title,
       t.section_title AS section,
       t.zone AS zone,
       t.responsibility_source AS responsibility_source,
       coalesce(t.generic_actors, []) AS generic_actors
ORDER BY doc_id, coalesce(t.start, 0), task_id
UNION
// 5. nothing selective: every task
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NULL THEN [1] ELSE [] END AS go
MATCH (t:Task)
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
  AND NOT (:Agency)-[:RESPONSIBLE_FOR]->(t)
WITH t
ORDER BY t.doc_id, coalesce(t.start, 0), t.task_id
SKIP $offset LIMIT $limit
MATCH (d:Document)-[:HAS_TASK]->(t)
RETURN t.task_id AS task_id,
       d.doc_id AS doc_id,
       d.title AS doc_title,
       d.jurisdiction AS jurisdiction,
       t.number AS number,
       t.title AS title,
       t.section_title AS section,
       t.zone AS zone,
       t.responsibility_source AS responsibility_source,
       coalesce(t.generic_actors, []) AS generic_actors
ORDER BY doc_id, coalesce(t.start, 0), task_id
