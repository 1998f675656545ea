// name: targets
// zh: 量化目标:按指标、年份、辖区、文件筛选
// en: Quantified targets filtered by metric, year, jurisdiction and document
// @param metric: string = null — 指标名称包含 / metric name contains
// @param year: int = null — 目标年份 / target year
// @param jurisdiction: jurisdiction = null — 文件辖区(市或省)/ document jurisdiction (city or province)
// @param doc_id: string = null — 文件 id / document id
// @param limit: int = 100 — 最多返回行数 / page size
// @param offset: int = 0 — 跳过行数 / rows to skip
// @example: jurisdiction=铜陵市 year=2025
// @mode: read
// @total: total
// Each UNION ALL branch starts from one indexed entry point (document, province, city, year; a scan only when
// nothing selective is given); the gates make exactly one branch produce rows, so paging is exact. The
// matching targets are sorted and collected once: the page is a slice and `total` (all of them) its size.
// 1. a document
UNWIND CASE WHEN $doc_id IS NOT NULL THEN [$doc_id] ELSE [] END AS did
MATCH (d:Document {doc_id: did})-[:HAS_TARGET]->(g:Target)
WHERE ($doc_id IS NULL OR d.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR d.jurisdiction STARTS WITH $jurisdiction OR d.province STARTS WITH $jurisdiction)
  AND ($metric IS NULL OR g.metric CONTAINS $metric)
  AND ($year IS NULL OR g.year = $year)
WITH d, g
ORDER BY d.doc_id, coalesce(g.start, 0), g.target_id
WITH collect(g) AS matched
UNWIND matched[$offset..($offset + $limit)] AS g
WITH g, size(matched) AS total
MATCH (d:Document)-[:HAS_TARGET]->(g)
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
       g.quote AS quote,
       total
ORDER BY doc_id, coalesce(g.start, 0), target_id

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
WITH d, g
ORDER BY d.doc_id, coalesce(g.start, 0), g.target_id
WITH collect(g) AS matched
UNWIND matched[$offset..($offset + $limit)] AS g
WITH g, size(matched) AS total
MATCH (d:Document)-[:HAS_TARGET]->(g)
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
       g.quote AS quote,
       total
ORDER BY doc_id, coalesce(g.start, 0), target_id

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
WITH d, g
ORDER BY d.doc_id, coalesce(g.start, 0), g.target_id
WITH collect(g) AS matched
UNWIND matched[$offset..($offset + $limit)] AS g
WITH g, size(matched) AS total
MATCH (d:Document)-[:HAS_TARGET]->(g)
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
       g.quote AS quote,
       total
ORDER BY doc_id, coalesce(g.start, 0), target_id

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
WITH d, g
ORDER BY d.doc_id, coalesce(g.start, 0), g.target_id
WITH collect(g) AS matched
UNWIND matched[$offset..($offset + $limit)] AS g
WITH g, size(matched) AS total
MATCH (d:Document)-[:HAS_TARGET]->(g)
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
       g.quote AS quote,
       total
ORDER BY doc_id, coalesce(g.start, 0), target_id

UNION ALL
// 5. a year (index on Target.year)
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NULL AND $year IS NOT NULL
            THEN [$year] ELSE [] END AS y
MATCH (d:Document)-[:HAS_TARGET]->(g:Target {year: y})
WHERE ($doc_id IS NULL OR d.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR d.jurisdiction STARTS WITH $jurisdiction OR d.province STARTS WITH $jurisdiction)
  AND ($metric IS NULL OR g.metric CONTAINS $metric)
  AND ($year IS NULL OR g.year = $year)
WITH d, g
ORDER BY d.doc_id, coalesce(g.start, 0), g.target_id
WITH collect(g) AS matched
UNWIND matched[$offset..($offset + $limit)] AS g
WITH g, size(matched) AS total
MATCH (d:Document)-[:HAS_TARGET]->(g)
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
       g.quote AS quote,
       total
ORDER BY doc_id, coalesce(g.start, 0), target_id

UNION ALL
// 6. nothing selective: every target
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NULL AND $year IS NULL
            THEN [1] ELSE [] END AS go
MATCH (d:Document)-[:HAS_TARGET]->(g:Target)
WHERE ($doc_id IS NULL OR d.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR d.jurisdiction STARTS WITH $jurisdiction OR d.province STARTS WITH $jurisdiction)
  AND ($metric IS NULL OR g.metric CONTAINS $metric)
  AND ($year IS NULL OR g.year = $year)
WITH d, g
ORDER BY d.doc_id, coalesce(g.start, 0), g.target_id
WITH collect(g) AS matched
UNWIND matched[$offset..($offset + $limit)] AS g
WITH g, size(matched) AS total
MATCH (d:Document)-[:HAS_TARGET]->(g)
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
       g.quote AS quote,
       total
ORDER BY doc_id, coalesce(g.start, 0), target_id
