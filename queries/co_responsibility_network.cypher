// name: co_responsibility_network
// zh: 共同责任网络:两个单位共同负责的任务数(边权),区分牵头—配合与配合—配合
// en: Co-responsibility network: the number of tasks each pair of agencies shares (edge weight), lead–co vs co–co pairs
// @param doc_id: string = null — 文件 id / document id
// @param jurisdiction: jurisdiction = null — 文件辖区(市或省)/ document jurisdiction (city or province)
// @param function: string = null — 任一端单位的职能键 / function key of either agency
// @param min_weight: int = 1 — 最小共同任务数 / minimum shared tasks
// @param limit: int = 5000 — 最多返回边数 / maximum edges
// @example: jurisdiction=铜陵市 min_weight=2
// @mode: read
// Each UNION branch starts from one indexed entry point (document, province, city; a scan only when no scope
// is given); the gates make exactly one branch produce rows.
// 1. a document (index on Task.doc_id)
UNWIND CASE WHEN $doc_id IS NOT NULL THEN [$doc_id] ELSE [] END AS did
MATCH (t:Task {doc_id: did})
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
MATCH (a:Agency)-[ra:RESPONSIBLE_FOR]->(t)<-[rb:RESPONSIBLE_FOR]-(b:Agency)
WHERE a.agency_id < b.agency_id
  AND ($function IS NULL OR a.function = $function OR b.function = $function)
WITH a, b,
     count(DISTINCT t.task_id) AS weight,
     count(DISTINCT CASE WHEN ra.role = 'lead' OR rb.role = 'lead' THEN t.task_id END) AS lead_co,
     collect(DISTINCT t.doc_id) AS documents
WHERE weight >= $min_weight
RETURN a.agency_id AS source,
       b.agency_id AS target,
       a.name AS source_name,
       b.name AS target_name,
       a.function AS source_function,
       b.function AS target_function,
       weight,
       lead_co,
       weight - lead_co AS co_co,
       documents
ORDER BY weight DESC, source, target
LIMIT $limit
UNION
// 2. a province (index on Task.province)
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NOT NULL THEN [$jurisdiction] ELSE [] END AS j
MATCH (p:Jurisdiction {name: j})
WHERE p.level = 'provincial'
WITH j
MATCH (t:Task {province: j})
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
MATCH (a:Agency)-[ra:RESPONSIBLE_FOR]->(t)<-[rb:RESPONSIBLE_FOR]-(b:Agency)
WHERE a.agency_id < b.agency_id
  AND ($function IS NULL OR a.function = $function OR b.function = $function)
WITH a, b,
     count(DISTINCT t.task_id) AS weight,
     count(DISTINCT CASE WHEN ra.role = 'lead' OR rb.role = 'lead' THEN t.task_id END) AS lead_co,
     collect(DISTINCT t.doc_id) AS documents
WHERE weight >= $min_weight
RETURN a.agency_id AS source,
       b.agency_id AS target,
       a.name AS source_name,
       b.name AS target_name,
       a.function AS source_function,
       b.function AS target_function,
       weight,
       lead_co,
       weight - lead_co AS co_co,
       documents
ORDER BY weight DESC, source, target
LIMIT $limit
UNION
// 3. any other known place (index on Task.jurisdiction)
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NOT NULL THEN [$jurisdiction] ELSE [] END AS j
MATCH (p:Jurisdiction {name: j})
WHERE p.level <> 'provincial'
WITH j
MATCH (t:Task {jurisdiction: j})
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
MATCH (a:Agency)-[ra:RESPONSIBLE_FOR]->(t)<-[rb:RESPONSIBLE_FOR]-(b:Agency)
WHERE a.agency_id < b.agency_id
  AND ($function IS NULL OR a.function = $function OR b.function = $function)
WITH a, b,
     count(DISTINCT t.task_id) AS weight,
     count(DISTINCT CASE WHEN ra.role = 'lead' OR rb.role = 'lead' THEN t.task_id END) AS lead_co,
     collect(DISTINCT t.doc_id) AS documents
WHERE weight >= $min_weight
RETURN a.agency_id AS source,
       b.agency_id AS target,
       a.name AS source_name,
       b.name AS target_name,
       a.function AS source_function,
       b.function AS target_function,
       weight,
       lead_co,
       weight - lead_co AS co_co,
       documents
ORDER BY weight DESC, source, target
LIMIT $limit
UNION
// 4. a place name the graph does not hold as a jurisdiction (prefix scan)
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NOT NULL THEN [$jurisdiction] ELSE [] END AS j
OPTIONAL MATCH (p:Jurisdiction {name: j})
WITH p
WHERE p IS NULL
MATCH (t:Task)
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
MATCH (a:Agency)-[ra:RESPONSIBLE_FOR]->(t)<-[rb:RESPONSIBLE_FOR]-(b:Agency)
WHERE a.agency_id < b.agency_id
  AND ($function IS NULL OR a.function = $function OR b.function = $function)
WITH a, b,
     count(DISTINCT t.task_id) AS weight,
     count(DISTINCT CASE WHEN ra.role = 'lead' OR rb.role = 'lead' THEN t.task_id END) AS lead_co,
     collect(DISTINCT t.doc_id) AS documents
WHERE weight >= $min_weight
RETURN a.agency_id AS source,
       b.agency_id AS target,
       a.name AS source_name,
       b.name AS target_name,
       a.function AS source_function,
       b.function AS target_function,
       weight,
       lead_co,
       weight - lead_co AS co_co,
       documents
ORDER BY weight DESC, source, target
LIMIT $limit
UNION
// 5. nothing selective: every task
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NULL THEN [1] ELSE [] END AS go
MATCH (t:Task)
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
MATCH (a:Agency)-[ra:RESPONSIBLE_FOR]->(t)<-[rb:RESPONSIBLE_FOR]-(b:Agency)
WHERE a.agency_id < b.agency_id
  AND ($function IS NULL OR a.function = $function OR b.function = $function)
WITH a, b,
     count(DISTINCT t.task_id) AS weight,
     count(DISTINCT CASE WHEN ra.role = 'lead' OR rb.role = 'lead' THEN t.task_id END) AS lead_co,
     collect(DISTINCT t.doc_id) AS documents
WHERE weight >= $min_weight
RETURN a.agency_id AS source,
       b.agency_id AS target,
       a.name AS source_name,
       b.name AS target_name,
       a.function AS source_function,
       b.function AS target_function,
       weight,
       lead_co,
       weight - lead_co AS co_co,
       documents
ORDER BY weight DESC, source, target
LIMIT $limit
