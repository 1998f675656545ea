// name: find_cited
// zh: 按文号或标题键查找被引用的文件
// en: Documents cited by number or title key
// @param rows: list — 由调用程序提供 / supplied by the caller
// @mode: read
UNWIND $rows AS r
OPTIONAL MATCH (a:Document {doc_number: r.doc_number})
OPTIONAL MATCH (b:Document {title_key: r.title_key})
WITH r, collect(DISTINCT a.doc_id) AS by_number, collect(DISTINCT b.doc_id) AS by_title
RETURN r.i AS i, by_number, by_title
