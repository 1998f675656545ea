// name: document_links_below
// zh: 若干文件向上的落实关系链
// en: The Document IMPLEMENTS links above some documents
// @param doc_ids: list — 由调用程序提供 / supplied by the caller
// @mode: read
UNWIND $doc_ids AS id
MATCH (:Document {doc_id: id})-[:IMPLEMENTS*0..]->(a:Document)-[:IMPLEMENTS]->(b:Document)
RETURN DISTINCT a.doc_id AS src, b.doc_id AS dst
ORDER BY src, dst
