// name: document_state
// zh: 文件的装载状态(内容摘要、抽取器、存根、任务数)
// en: A document's load state (content hash, extractor, stub, task count)
// @param doc_id: string — 由调用程序提供 / supplied by the caller
// @mode: read
MATCH (d:Document {doc_id: $doc_id})
RETURN d.sha256 AS sha256, d.extraction_sha AS extraction_sha, coalesce(d.stub, false) AS stub, d.loader_version AS loader_version, d.file AS file, size([(d)-[:HAS_TASK]->(:Task) | 1]) AS tasks
