// name: search
// zh: 全文检索任务文本(中文先分词),按相关度排序
// en: Full-text search over task texts (Chinese queries segmented), by relevance
// @param q: fulltext — 检索词 / search words
// @param doc_id: string = null — 文件 id / document id
// @param limit: int = 50 — 最多返回行数 / page size
// @param offset: int = 0 — 跳过行数 / rows to skip
// @example: q=碳计量
// @mode: read
// @total: total
// The hits are looked up by id, sorted and collected once: the page is a slice and `total` (all hits) its size.
UNWIND range(0, size($task_ids) - 1) AS i
WITH i, $task_ids[i] AS tid, $scores[i] AS score
MATCH (t:Task {task_id: tid})
WHERE $doc_id IS NULL OR t.doc_id = $doc_id
WITH i, t, score
ORDER BY score DESC, i, t.task_id
WITH collect(i) AS matched
UNWIND matched[$offset..($offset + $limit)] AS i
WITH i, $scores[i] AS score, size(matched) AS total
MATCH (t:Task {task_id: $task_ids[i]})
MATCH (d:Document)-[:HAS_TASK]->(t)
RETURN t.task_id AS task_id,
       d.doc_id AS doc_id,
       d.title AS doc_title,
       d.jurisdiction AS jurisdiction,
       t.number AS number,
       t.title AS title,
       score,
       t.lead_name AS lead,
       total
ORDER BY score DESC, i, task_id
