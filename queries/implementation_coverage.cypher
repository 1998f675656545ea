// name: implementation_coverage
// zh: 落实情况:每条上级(默认国家级)条款 × 每份下级文件,列出落实它的下级任务(无则为空)
// en: Implementation coverage: each higher-level (default national) clause × each lower-level plan, with the local tasks implementing it (empty when none)
// @param doc_id: string = null — 上级文件 id(默认全部国家级文件)/ higher-level document id (default: all national documents)
// @param local_doc_id: string = null — 下级文件 id / lower-level document id
// @param limit: int = 1000 — 最多返回行数 / page size
// @param offset: int = 0 — 跳过行数 / rows to skip
// @example: limit=20
// @mode: read
MATCH (nd:Document)-[:HAS_TASK]->(c:Task)
WHERE ($doc_id IS NULL AND nd.level = 'national') OR nd.doc_id = $doc_id
MATCH (ld:Document)
WHERE ld.doc_id <> nd.doc_id AND coalesce(ld.stub, false) = false
  AND ($local_doc_id IS NULL OR ld.doc_id = $local_doc_id)
  AND ((ld)-[:IMPLEMENTS*1..3]->(nd) OR (ld)-[:HAS_TASK]->(:Task)-[:IMPLEMENTS]->(:Task)<-[:HAS_TASK]-(nd))
OPTIONAL MATCH (ld)-[:HAS_TASK]->(lt:Task)-[i:IMPLEMENTS]->(c)
WITH nd, c, ld, lt, i
ORDER BY nd.doc_id, coalesce(c.start, 0), c.task_id, ld.doc_id, coalesce(i.score, 0) DESC, lt.task_id
WITH nd, c, ld, collect(CASE WHEN lt IS NULL THEN NULL ELSE
       {task_id: lt.task_id, number: lt.number, title: lt.title, score: i.score} END) AS implementing
RETURN nd.doc_id AS doc_id,
       c.task_id AS clause_id,
       c.number AS clause_number,
       c.title AS clause_title,
       ld.doc_id AS local_doc_id,
       ld.title AS local_title,
       ld.jurisdiction AS local_jurisdiction,
       size(implementing) AS implementing_count,
       implementing
ORDER BY doc_id, coalesce(c.start, 0), clause_id, local_doc_id
SKIP $offset LIMIT $limit
