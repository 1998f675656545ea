// name: count_stubs
// zh: 存根文件数
// en: Stub documents
// @mode: read
MATCH (d:Document)
WHERE coalesce(d.stub, false) = true
RETURN count(d) AS n
