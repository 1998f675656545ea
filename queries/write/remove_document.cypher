// name: remove_document
// zh: 删除文件子图,保留为存根
// en: Remove a document's subgraph, keeping it as a stub
// @param doc_id: string — 由写入程序提供 / supplied by the writer
// @mode: write
MATCH (d:Document {doc_id: $doc_id})
OPTIONAL MATCH (t:Task {doc_id: $doc_id})
DETACH DELETE t
WITH DISTINCT d
OPTIONAL MATCH (s:Section {doc_id: $doc_id})
DETACH DELETE s
WITH DISTINCT d
OPTIONAL MATCH (g:Target {doc_id: $doc_id})
DETACH DELETE g
WITH DISTINCT d
OPTIONAL MATCH (d)-[old]->()
DELETE old
WITH DISTINCT d
SET d.stub = true, d.sha256 = null, d.extraction_sha = null
RETURN d.doc_id AS doc_id
