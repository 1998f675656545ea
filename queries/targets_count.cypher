// name: targets_count
// zh: 目标总数:与 targets 相同的筛选条件下匹配的目标数(分页的 total)
// en: Number of targets matching the same filters as the targets query (the total behind its pages)
// @param metric: string = null — 指标名称包含 / metric name contains
// @param year: int = null — 目标年份 / target year
// @param jurisdiction: jurisdiction = null — 文件辖区(市或省)/ document jurisdiction (city or province)
// @param doc_id: string = null — 文件 id / document id
// @example: year=2025
// @mode: read
MATCH (d:Document)-[:HAS_TARGET]->(g:Target)
WHERE ($doc_id IS NULL OR d.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR d.jurisdiction STARTS WITH $jurisdiction OR d.province STARTS WITH $jurisdiction)
  AND ($metric IS NULL OR g.metric CONTAINS $metric)
  AND ($year IS NULL OR g.year = $year)
RETURN count(g) AS total
