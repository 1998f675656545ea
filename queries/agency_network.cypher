// name: agency_network
// zh: 单位网络(一次查询):每个单位一行(target 为空:任务数与牵头数)及每对共同负责单位一行(共同任务数与其中有一方牵头的任务数)
// en: The agency network in one query: a row per agency (target null: its tasks and the tasks it leads) and a row per pair of agencies sharing tasks (shared tasks, and those one of them leads)
// @param doc_id: string = null — 文件 id / document id
// @param jurisdiction: jurisdiction = null — 文件辖区(市或省)/ document jurisdiction (city or province)
// @param function: string = null — 职能键:单位行取该职能,边取任一端为该职能 / function key: agency rows of this function, pairs with either end of it
// @param min_weight: int = 1 — 边的最小共同任务数 / minimum shared tasks of a pair
// @param limit: int = 100000 — 最多返回行数 / maximum rows
// @example: jurisdiction=铜陵市 min_weight=2
// @mode: read
// Each UNION branch starts from one indexed entry point (document, province, city; a scan only when no scope
// is given); the gates make exactly one branch produce rows. Pairs are counted from the task's denormalised
// responsible units (lead_id and co_ids, the agencies of its RESPONSIBLE_FOR edges, each once), not its edges.
// 1. a document (index on Task.doc_id)
UNWIND CASE WHEN $doc_id IS NOT NULL THEN [$doc_id] ELSE [] END AS did
MATCH (t:Task {doc_id: did})
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
WITH t.lead_id AS lead, [x IN [t.lead_id] WHERE x IS NOT NULL] + coalesce(t.co_ids, []) AS units
UNWIND units AS a
UNWIND units AS b
WITH lead, a, b
WHERE a <= b
WITH a, b, count(*) AS tasks, count(CASE WHEN a = lead OR b = lead THEN 1 END) AS lead_tasks
MATCH (x:Agency {agency_id: a})
MATCH (y:Agency {agency_id: b})
WITH a, b, x, y, tasks, lead_tasks
WHERE (a = b AND ($function IS NULL OR x.function = $function))
   OR (a < b AND tasks >= $min_weight AND ($function IS NULL OR x.function = $function OR y.function = $function))
RETURN a AS source,
       CASE WHEN a = b THEN NULL ELSE b END AS target,
       x.name AS source_name,
       x.name_en AS source_name_en,
       x.function AS source_function,
       x.jurisdiction AS source_jurisdiction,
       CASE WHEN a = b THEN NULL ELSE y.name END AS target_name,
       CASE WHEN a = b THEN NULL ELSE y.name_en END AS target_name_en,
       CASE WHEN a = b THEN NULL ELSE y.function END AS target_function,
       CASE WHEN a = b THEN NULL ELSE y.jurisdiction END AS target_jurisdiction,
       tasks,
       lead_tasks
ORDER BY tasks DESC, source, target
LIMIT $limit
UNION ALL
// 2. a province (index on Task.province)
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NOT NULL THEN [$jurisdiction] ELSE [] END AS j
MATCH (p:Jurisdiction {name: j})
WHERE p.level = 'provincial'
WITH j
MATCH (t:Task {province: j})
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
WITH t.lead_id AS lead, [x IN [t.lead_id] WHERE x IS NOT NULL] + coalesce(t.co_ids, []) AS units
UNWIND units AS a
UNWIND units AS b
WITH lead, a, b
WHERE a <= b
WITH a, b, count(*) AS tasks, count(CASE WHEN a = lead OR b = lead THEN 1 END) AS lead_tasks
MATCH (x:Agency {agency_id: a})
MATCH (y:Agency {agency_id: b})
WITH a, b, x, y, tasks, lead_tasks
WHERE (a = b AND ($function IS NULL OR x.function = $function))
   OR (a < b AND tasks >= $min_weight AND ($function IS NULL OR x.function = $function OR y.function = $function))
RETURN a AS source,
       CASE WHEN a = b THEN NULL ELSE b END AS target,
       x.name AS source_name,
       x.name_en AS source_name_en,
       x.function AS source_function,
       x.jurisdiction AS source_jurisdiction,
       CASE WHEN a = b THEN NULL ELSE y.name END AS target_name,
       CASE WHEN a = b THEN NULL ELSE y.name_en END AS target_name_en,
       CASE WHEN a = b THEN NULL ELSE y.function END AS target_function,
       CASE WHEN a = b THEN NULL ELSE y.jurisdiction END AS target_jurisdiction,
       tasks,
       lead_tasks
ORDER BY tasks DESC, source, target
LIMIT $limit
UNION ALL
// 3. any other known place (index on Task.jurisdiction)
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NOT NULL THEN [$jurisdiction] ELSE [] END AS j
MATCH (p:Jurisdiction {name: j})
WHERE p.level <> 'provincial'
WITH j
MATCH (t:Task {jurisdiction: j})
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
WITH t.lead_id AS lead, [x IN [t.lead_id] WHERE x IS NOT NULL] + coalesce(t.co_ids, []) AS units
UNWIND units AS a
UNWIND units AS b
WITH lead, a, b
WHERE a <= b
WITH a, b, count(*) AS tasks, count(CASE WHEN a = lead OR b = lead THEN 1 END) AS lead_tasks
MATCH (x:Agency {agency_id: a})
MATCH (y:Agency {agency_id: b})
WITH a, b, x, y, tasks, lead_tasks
WHERE (a = b AND ($function IS NULL OR x.function = $function))
   OR (a < b AND tasks >= $min_weight AND ($function IS NULL OR x.function = $function OR y.function = $function))
RETURN a AS source,
       CASE WHEN a = b THEN NULL ELSE b END AS target,
       x.name AS source_name,
       x.name_en AS source_name_en,
       x.function AS source_function,
       x.jurisdiction AS source_jurisdiction,
       CASE WHEN a = b THEN NULL ELSE y.name END AS target_name,
       CASE WHEN a = b THEN NULL ELSE y.name_en END AS target_name_en,
       CASE WHEN a = b THEN NULL ELSE y.function END AS target_function,
       CASE WHEN a = b THEN NULL ELSE y.jurisdiction END AS target_jurisdiction,
       tasks,
       lead_tasks
ORDER BY tasks DESC, source, target
LIMIT $limit
UNION ALL
// 4. a place name the graph does not hold as a jurisdiction (prefix scan)
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NOT NULL THEN [$jurisdiction] ELSE [] END AS j
OPTIONAL MATCH (p:Jurisdiction {name: j})
WITH p
WHERE p IS NULL
MATCH (t:Task)
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
WITH t.lead_id AS lead, [x IN [t.lead_id] WHERE x IS NOT NULL] + coalesce(t.co_ids, []) AS units
UNWIND units AS a
UNWIND units AS b
WITH lead, a, b
WHERE a <= b
WITH a, b, count(*) AS tasks, count(CASE WHEN a = lead OR b = lead THEN 1 END) AS lead_tasks
MATCH (x:Agency {agency_id: a})
MATCH (y:Agency {agency_id: b})
WITH a, b, x, y, tasks, lead_tasks
WHERE (a = b AND ($function IS NULL OR x.function = $function))
   OR (a < b AND tasks >= $min_weight AND ($function IS NULL OR x.function = $function OR y.function = $function))
RETURN a AS source,
       CASE WHEN a = b THEN NULL ELSE b END AS target,
       x.name AS source_name,
       x.name_en AS source_name_en,
       x.function AS source_function,
       x.jurisdiction AS source_jurisdiction,
       CASE WHEN a = b THEN NULL ELSE y.name END AS target_name,
       CASE WHEN a = b THEN NULL ELSE y.name_en END AS target_name_en,
       CASE WHEN a = b THEN NULL ELSE y.function END AS target_function,
       CASE WHEN a = b THEN NULL ELSE y.jurisdiction END AS target_jurisdiction,
       tasks,
       lead_tasks
ORDER BY tasks DESC, source, target
LIMIT $limit
UNION ALL
// 5. nothing selective: every task
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NULL THEN [1] ELSE [] END AS go
MATCH (t:Task)
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
WITH t.lead_id AS lead, [x IN [t.lead_id] WHERE x IS NOT NULL] + coalesce(t.co_ids, []) AS units
UNWIND units AS a
UNWIND units AS b
WITH lead, a, b
WHERE a <= b
WITH a, b, count(*) AS tasks, count(CASE WHEN a = lead OR b = lead THEN 1 END) AS lead_tasks
MATCH (x:Agency {agency_id: a})
MATCH (y:Agency {agency_id: b})
WITH a, b, x, y, tasks, lead_tasks
WHERE (a = b AND ($function IS NULL OR x.function = $function))
   OR (a < b AND tasks >= $min_weight AND ($function IS NULL OR x.function = $function OR y.function = $function))
RETURN a AS source,
       CASE WHEN a = b THEN NULL ELSE b END AS target,
       x.name AS source_name,
       x.name_en AS source_name_en,
       x.function AS source_function,
       x.jurisdiction AS source_jurisdiction,
       CASE WHEN a = b THEN NULL ELSE y.name END AS target_name,
       CASE WHEN a = b THEN NULL ELSE y.name_en END AS target_name_en,
       CASE WHEN a = b THEN NULL ELSE y.function END AS target_function,
       CASE WHEN a = b THEN NULL ELSE y.jurisdiction END AS target_jurisdiction,
       tasks,
       lead_tasks
ORDER BY tasks DESC, source, target
LIMIT $limit
