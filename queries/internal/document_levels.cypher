// name: document_levels
// zh: 全部已入库文件及其层级
// en: Every ingested document with its level
// @mode: read
MATCH (d:Document)
WHERE coalesce(d.stub, false) = false
RETURN d.doc_id AS doc_id, d.level AS level
ORDER BY doc_id
