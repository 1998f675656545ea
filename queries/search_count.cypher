// name: search_count
// zh: 全文检索命中的任务数(search 分页的 total)
// en: Number of tasks a full-text search finds (the total behind the search query's pages)
// @param q: fulltext — 检索词 / search words
// @param doc_id: string = null — 文件 id / document id
// @example: q=碳计量
// @mode: read
// The full-text index counts its hits (of $doc_id when given) before Cypher runs: $fulltext_total.
RETURN $fulltext_total AS total
