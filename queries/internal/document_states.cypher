// name: document_states
// zh: 若干文件的装载状态
// en: The load state of several documents
// @param doc_ids: list — 由调用程序提供 / supplied by the caller
// @mode: read
UNWIND $doc_ids AS id
MATCH (d:Document {doc_id: id})
RETURN id AS doc_id, d.sha256 AS sha256, d.extraction_sha AS extraction_sha, coalesce(d.stub, false) AS stub, d.loader_version AS loader_version, d.file AS file, size([(d)-[:HAS_TASK]->(:Task) | 1]) AS tasks
