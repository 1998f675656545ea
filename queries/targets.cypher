// name: targets
// zh: 量化目标:按指标、年份、辖区、文件筛选
// en: Quantified targets filtered by metric, year, jurisdiction and document
// @param metric: string = null — 指标名称包含 / metric name contains
// @param year: int = null — 目标年份 / target year
// @param jurisdiction: jurisdiction = null — 文件辖区(市或省)/ document jurisdiction (city or province)
// @param doc_id: string = null — 文件 id / document id
// @param limit: int = 100 — 最多返回行数 / page size
// @param offset: int = 0 — 跳过行数 / rows to skip
// @mode: read
MATCH (d:Document)-[:HAS_TARGET]->(g:Target)
WHERE ($doc_id IS NULL OR d.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR d.jurisdiction STARTS WITH $jurisdiction OR d.province STARTS WITH $jurisdiction)
  AND ($metric IS NULL OR g.metric CONTAINS $metric)
  AND ($year IS NULL OR g.year = $year)
OPTIONAL MATCH (t:Task)-[:SETS]->(g)
RETURN g.target_id AS target_id,
       d.doc_id AS doc_id,
       d.title AS doc_title,
       d.jurisdiction AS jurisdiction,
       t.task_id AS task_id,
       t.title AS task_title,
       g.metric AS metric,
       g.value AS value,
       g.low AS low,
       g.high AS high,
       g.unit AS unit,
       g.comparator AS comparator,
       g.per_year AS per_year,
       g.year AS year,
       g.scope AS scope,
       g.quote AS quote
ORDER BY doc_id, coalesce(g.start, 0), target_id
SKIP $offset LIMIT $limit
