// name: targets_count
// zh: 目标总数:与 targets 相同的筛选条件下匹配的目标数(分页的 total)
// en: Number of targets matching the same filters as the targets query (the total behind its pages)
// @param metric: string = null — 指标名称包含 / metric name contains
// @param year: int = null — 目标年份 / target year
// @param jurisdiction: jurisdiction = null — 文件辖区(市或省)/ document jurisdiction (city or province)
// @param doc_id: string = null — 文件 id / document id
// @example: year=2025
// @mode: read
// Same indexed entry points as the targets query (one UNION ALL branch each; only one produces rows).
// 1. a document
UNWIND CASE WHEN $doc_id IS NOT NULL THEN [$doc_id] ELSE [] END AS did
MATCH (d:Document {doc_id: did})-[:HAS_TARGET]->(g:Target)
WHERE ($doc_id IS NULL OR d.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR d.jurisdiction STARTS WITH $jurisdiction OR d.province STARTS WITH $jurisdiction)
  AND ($metric IS NULL OR g.metric CONTAINS $metric)
  AND ($year IS NULL OR g.year = $year)
RETURN count(g) AS total

UNION ALL
// 2. a province (index on Document.province)
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NOT NULL THEN [$jurisdiction] ELSE [] END AS j
MATCH (p:Jurisdiction {name: j})
WHERE p.level = 'provincial'
WITH j
MATCH (d:Document {province: j})-[:HAS_TARGET]->(g:Target)
WHERE ($doc_id IS NULL OR d.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR d.jurisdiction STARTS WITH $jurisdiction OR d.province STARTS WITH $jurisdiction)
  AND ($metric IS NULL OR g.metric CONTAINS $metric)
  AND ($year IS NULL OR g.year = $year)
RETURN count(g) AS total

UNION ALL
// 3. any other known place (index on Document.jurisdiction)
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NOT NULL THEN [$jurisdiction] ELSE [] END AS j
MATCH (p:Jurisdiction {name: j})
WHERE p.level <> 'provincial'
WITH j
MATCH (d:Document {jurisdiction: j})-[:HAS_TARGET]->(g:Target)
WHERE ($doc_id IS NULL OR d.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR d.jurisdiction STARTS WITH $jurisdiction OR d.province STARTS WITH $jurisdiction)
  AND ($metric IS NULL OR g.metric CONTAINS $metric)
  AND ($year IS NULL OR g.year = $year)
RETURN count(g) AS total

UNION ALL
// 4. a place name the graph does not hold as a jurisdiction (prefix scan)
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NOT NULL THEN [$jurisdiction] ELSE [] END AS j
OPTIONAL MATCH (p:Jurisdiction {name: j})
WITH p
WHERE p IS NULL
MATCH (d:Document)-[:HAS_TARGET]->(g:Target)
WHERE ($doc_id IS NULL OR d.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR d.jurisdiction STARTS WITH $jurisdiction OR d.province STARTS WITH $jurisdiction)
  AND ($metric IS NULL OR g.metric CONTAINS $metric)
  AND ($year IS NULL OR g.year = $year)
RETURN count(g) AS total

UNION ALL
// 5. a year (index on Target.year)
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NULL AND $year IS NOT NULL
            THEN [$year] ELSE [] END AS y
MATCH (d:Document)-[:HAS_TARGET]->(g:Target {year: y})
WHERE ($doc_id IS NULL OR d.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR d.jurisdiction STARTS WITH $jurisdiction OR d.province STARTS WITH $jurisdiction)
  AND ($metric IS NULL OR g.metric CONTAINS $metric)
  AND ($year IS NULL OR g.year = $year)
RETURN count(g) AS total

UNION ALL
// 6. nothing selective: every target
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NULL AND $year IS NULL
            THEN [1] ELSE [] END AS go
MATCH (d:Document)-[:HAS_TARGET]->(g:Target)
WHERE ($doc_id IS NULL OR d.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR d.jurisdiction STARTS WITH $jurisdiction OR d.province STARTS WITH $jurisdiction)
  AND ($metric IS NULL OR g.metric CONTAINS $metric)
  AND ($year IS NULL OR g.year = $year)
RETURN count(g) AS total
