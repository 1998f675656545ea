// name: implementers_of
// zh: 落实(直接或间接)若干文件的文件
// en: Documents implementing some documents, directly or not
// @param doc_ids: list — 由调用程序提供 / supplied by the caller
// @mode: read
UNWIND $doc_ids AS id
MATCH (a:Document)-[:IMPLEMENTS*1..]->(:Document {doc_id: id})
RETURN DISTINCT a.doc_id AS doc_id
ORDER BY doc_id
