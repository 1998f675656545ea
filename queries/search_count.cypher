// name: search_count
// zh: 全文检索命中的任务数(search 分页的 total)
// en: Number of tasks a full-text search finds (the total behind the search query's pages)
// @param q: fulltext — 检索词 / search words
// @param doc_id: string = null — 文件 id / document id
// @example: q=碳计量
// @mode: read
UNWIND $task_ids AS tid
MATCH (t:Task {task_id: tid})
WHERE $doc_id IS NULL OR t.doc_id = $doc_id
RETURN count(t) AS total
