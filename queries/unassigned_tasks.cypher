// name: unassigned_tasks
// zh: 无责任单位的任务(未写明也无法推断谁负责)
// en: Tasks without any responsible agency (none printed and none inferable)
// @param doc_id: string = null — 文件 id / document id
// @param jurisdiction: jurisdiction = null — 文件辖区(市或省)/ document jurisdiction (city or province)
// @param limit: int = 100 — 最多返回行数 / page size
// @param offset: int = 0 — 跳过行数 / rows to skip
// @mode: read
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE ($doc_id IS NULL OR d.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR d.jurisdiction STARTS WITH $jurisdiction OR d.province STARTS WITH $jurisdiction)
  AND NOT (:Agency)-[:RESPONSIBLE_FOR]->(t)
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
SKIP $offset LIMIT $limit
