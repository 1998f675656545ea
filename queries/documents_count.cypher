// name: documents_count
// zh: 文件总数:与 documents 相同的筛选条件下匹配的文件数(分页的 total)
// en: Number of documents matching the same filters as the documents query (the total behind its pages)
// @param jurisdiction: jurisdiction = null — 辖区(市或省)/ jurisdiction (city or province)
// @param level: string = null — 层级 national/provincial/municipal… / level
// @param include_stubs: bool = false — 包含仅被引用未入库的文件 / include cited-only stub documents
// @example: jurisdiction=安徽省
// @mode: read
MATCH (d:Document)
WHERE ($include_stubs OR coalesce(d.stub, false) = false)
  AND ($jurisdiction IS NULL OR d.jurisdiction STARTS WITH $jurisdiction OR d.province STARTS WITH $jurisdiction)
  AND ($level IS NULL OR d.level = $level)
RETURN count(d) AS total
