// name: stubs_of_document
// zh: 新文件将替换的存根及其入边
// en: The stubs a new document replaces, with their incoming links
// @param doc_id: string — 由调用程序提供 / supplied by the caller
// @param doc_number: string — 由调用程序提供 / supplied by the caller
// @param title_key: string — 由调用程序提供 / supplied by the caller
// @mode: read
OPTIONAL MATCH (a:Document {doc_number: $doc_number})
OPTIONAL MATCH (b:Document {title_key: $title_key})
WITH collect(DISTINCT a) + collect(DISTINCT b) AS found
UNWIND found AS s
WITH DISTINCT s
WHERE coalesce(s.stub, false) = true AND s.doc_id <> $doc_id
OPTIONAL MATCH (src:Document)-[e:IMPLEMENTS]->(s)
RETURN s.doc_id AS stub_id, src.doc_id AS src, e.quote AS quote, e.doc_number AS doc_number, e.start AS start, e.end AS end
ORDER BY stub_id, src
