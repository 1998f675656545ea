// name: unimplemented_clauses
// zh: 无人落实的上级条款:没有任何下级任务落实的(默认国家级)任务条款
// en: Unimplemented clauses: higher-level (default national) task clauses that no lower-level task implements
// @param doc_id: string = null — 上级文件 id(默认全部国家级文件)/ higher-level document id (default: all national documents)
// @param limit: int = 1000 — 最多返回行数 / page size
// @param offset: int = 0 — 跳过行数 / rows to skip
// @example: limit=20
// @mode: read
MATCH (nd:Document)-[:HAS_TASK]->(c:Task)
WHERE (($doc_id IS NULL AND nd.level = 'national') OR nd.doc_id = $doc_id)
  AND NOT (:Task)-[:IMPLEMENTS]->(c)
RETURN nd.doc_id AS doc_id,
       nd.title AS doc_title,
       c.task_id AS clause_id,
       c.number AS clause_number,
       c.title AS clause_title,
       c.zone AS zone
ORDER BY doc_id, coalesce(c.start, 0), clause_id
SKIP $offset LIMIT $limit
