// name: known_files
// zh: 已以相同内容、文件名与抽取器入库的文件
// en: Files already loaded with the same content, name and extractor
// @param rows: list — 由调用程序提供 / supplied by the caller
// @mode: read
UNWIND $rows AS r
MATCH (d:Document {sha256: r.sha256})
WHERE coalesce(d.stub, false) = false AND d.file = r.file AND d.extractor = r.extractor
RETURN r.sha256 AS sha256, r.file AS file, d.doc_id AS doc_id, size([(d)-[:HAS_TASK]->(:Task) | 1]) AS tasks, size([(d)-[:HAS_TARGET]->(:Target) | 1]) AS targets
