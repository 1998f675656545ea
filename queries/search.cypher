// name: search
// zh: 全文检索任务文本(每个词按原样作短语匹配,中文先分词),按相关度排序
// en: Full-text search over task texts (each term matched as a phrase, Chinese segmented), by relevance
// @param q: fulltext — 检索词 / search words
// @param doc_id: string = null — 文件 id / document id
// @param limit: int = 50 — 最多返回行数 / page size
// @param offset: int = 0 — 跳过行数 / rows to skip
// @example: q=碳计量
// @mode: read
// @total: total
// $task_ids/$scores are the best hits up to offset + limit, best first (the full-text index ranks them and
// filters by document); only the page is looked up by id and decorated. `total` counts every hit.
UNWIND range($offset, size($task_ids) - 1) AS i
MATCH (t:Task {task_id: $task_ids[i]})
MATCH (d:Document)-[:HAS_TASK]->(t)
RETURN t.task_id AS task_id,
       d.doc_id AS doc_id,
       d.title AS doc_title,
       d.jurisdiction AS jurisdiction,
       t.number AS number,
       t.title AS title,
       $scores[i] AS score,
       t.lead_name AS lead,
       $fulltext_total AS total
ORDER BY i, task_id
