// name: target_comparison
// zh: 目标对比:同一指标在不同辖区的目标值并列
// en: Target comparison: the same metric side by side across jurisdictions
// @param metric: string = null — 指标名称包含 / metric name contains
// @param year: int = null — 目标年份 / target year
// @param min_jurisdictions: int = 1 — 至少出现的辖区数 / minimum number of jurisdictions with the metric
// @param limit: int = 100 — 最多返回指标数 / maximum metrics
// @example: metric=计量标准 min_jurisdictions=2
// @mode: read
MATCH (d:Document)-[:HAS_TARGET]->(g:Target)
WHERE g.metric IS NOT NULL
  AND ($metric IS NULL OR g.metric CONTAINS $metric)
  AND ($year IS NULL OR g.year = $year)
WITH g, d
ORDER BY g.metric, d.jurisdiction, g.year, g.target_id
WITH g.metric AS metric,
     collect({jurisdiction: d.jurisdiction, doc_id: d.doc_id, doc_title: d.title, level: d.level,
              target_id: g.target_id, value: g.value, low: g.low, high: g.high, unit: g.unit,
              comparator: g.comparator, per_year: g.per_year, year: g.year, quote: g.quote}) AS values,
     count(DISTINCT d.jurisdiction) AS jurisdiction_count
WHERE jurisdiction_count >= $min_jurisdictions
RETURN metric, jurisdiction_count, values
ORDER BY jurisdiction_count DESC, metric
LIMIT $limit
