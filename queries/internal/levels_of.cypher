// name: levels_of
// zh: 若干文件的层级
// en: The levels of some documents
// @param doc_ids: list — 由调用程序提供 / supplied by the caller
// @mode: read
UNWIND $doc_ids AS id
MATCH (d:Document {doc_id: id})
WHERE coalesce(d.stub, false) = false
RETURN d.doc_id AS doc_id, d.level AS level
ORDER BY doc_id
