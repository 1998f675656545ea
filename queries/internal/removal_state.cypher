// name: removal_state
// zh: 删除前的文件状态(存根、被引用次数)
// en: A document's state before removal (stub, cited by)
// @param doc_id: string — 由调用程序提供 / supplied by the caller
// @mode: read
MATCH (d:Document {doc_id: $doc_id})
RETURN coalesce(d.stub, false) AS stub, size([()-[:IMPLEMENTS]->(d) | 1]) AS cited_by
