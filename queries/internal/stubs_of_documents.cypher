// name: stubs_of_documents
// zh: 若干新文件将替换的存根及其入边
// en: The stubs several new documents replace, with their incoming links
// @param rows: list — 由调用程序提供 / supplied by the caller
// @mode: read
UNWIND $rows AS r
OPTIONAL MATCH (a:Document {doc_number: r.doc_number})
OPTIONAL MATCH (b:Document {title_key: r.title_key})
WITH r, collect(DISTINCT a) + collect(DISTINCT b) AS found
UNWIND found AS s
WITH DISTINCT r.doc_id AS doc_id, s
WHERE coalesce(s.stub, false) = true AND s.doc_id <> doc_id
OPTIONAL MATCH (src:Document)-[e:IMPLEMENTS]->(s)
RETURN doc_id, s.doc_id AS stub_id, src.doc_id AS src, e.quote AS quote, e.doc_number AS doc_number, e.start AS start, e.end AS end
ORDER BY doc_id, stub_id, src
