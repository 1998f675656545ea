// name: function_network
// zh: 职能网络:共同责任网络按单位职能聚合(边权为共同任务数)
// en: Function network: the co-responsibility network aggregated to agency functions (weight = shared tasks)
// @param doc_id: string = null — 文件 id / document id
// @param jurisdiction: jurisdiction = null — 文件辖区(市或省)/ document jurisdiction (city or province)
// @param min_weight: int = 1 — 最小共同任务数 / minimum shared tasks
// @param limit: int = 5000 — 最多返回边数 / maximum edges
// @example: jurisdiction=浙江省 min_weight=2
// @mode: read
// Each UNION branch starts from one indexed entry point (document, province, city; a scan only when no scope
// is given); the gates make exactly one branch produce rows.
// 1. a document (index on Task.doc_id)
UNWIND CASE WHEN $doc_id IS NOT NULL THEN [$doc_id] ELSE [] END AS did
MATCH (t:Task {doc_id: did})
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
MATCH (a:Agency)-[ra:RESPONSIBLE_FOR]->(t)<-[rb:RESPONSIBLE_FOR]-(b:Agency)
WHERE a.agency_id < b.agency_id AND a.function IS NOT NULL AND b.function IS NOT NULL
WITH t, ra, rb,
     CASE WHEN a.function <= b.function THEN a.function ELSE b.function END AS fa,
     CASE WHEN a.function <= b.function THEN b.function ELSE a.function END AS fb
WITH fa, fb,
     count(DISTINCT t.task_id) AS weight,
     count(DISTINCT CASE WHEN ra.role = 'lead' OR rb.role = 'lead' THEN t.task_id END) AS lead_co
WHERE weight >= $min_weight
OPTIONAL MATCH (f1:Function {key: fa})
OPTIONAL MATCH (f2:Function {key: fb})
RETURN fa AS source,
       fb AS target,
       f1.name AS source_name,
       f2.name AS target_name,
       f1.name_en AS source_name_en,
       f2.name_en AS target_name_en,
       weight,
       lead_co,
       weight - lead_co AS co_co
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
WHERE a.agency_id < b.agency_id AND a.function IS NOT NULL AND b.function IS NOT NULL
WITH t, ra, rb,
     CASE WHEN a.function <= b.function THEN a.function ELSE b.function END AS fa,
     CASE WHEN a.function <= b.function THEN b.function ELSE a.function END AS fb
WITH fa, fb,
     count(DISTINCT t.task_id) AS weight,
     count(DISTINCT CASE WHEN ra.role = 'lead' OR rb.role = 'lead' THEN t.task_id END) AS lead_co
WHERE weight >= $min_weight
OPTIONAL MATCH (f1:Function {key: fa})
OPTIONAL MATCH (f2:Function {key: fb})
RETURN fa AS source,
       fb AS target,
       f1.name AS source_name,
       f2.name AS target_name,
       f1.name_en AS source_name_en,
       f2.name_en AS target_name_en,
       weight,
       lead_co,
       weight - lead_co AS co_co
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
WHERE a.agency_id < b.agency_id AND a.function IS NOT NULL AND b.function IS NOT NULL
WITH t, ra, rb,
     CASE WHEN a.function <= b.function THEN a.function ELSE b.function END AS fa,
     CASE WHEN a.function <= b.function THEN b.function ELSE a.function END AS fb
WITH fa, fb,
     count(DISTINCT t.task_id) AS weight,
     count(DISTINCT CASE WHEN ra.role = 'lead' OR rb.role = 'lead' THEN t.task_id END) AS lead_co
WHERE weight >= $min_weight
OPTIONAL MATCH (f1:Function {key: fa})
OPTIONAL MATCH (f2:Function {key: fb})
RETURN fa AS source,
       fb AS target,
       f1.name AS source_name,
       f2.name AS target_name,
       f1.name_en AS source_name_en,
       f2.name_en AS target_name_en,
       weight,
       lead_co,
       weight - lead_co AS co_co
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
WHERE a.agency_id < b.agency_id AND a.function IS NOT NULL AND b.function IS NOT NULL
WITH t, ra, rb,
     CASE WHEN a.function <= b.function THEN a.function ELSE b.function END AS fa,
     CASE WHEN a.function <= b.function THEN b.function ELSE a.function END AS fb
WITH fa, fb,
     count(DISTINCT t.task_id) AS weight,
     count(DISTINCT CASE WHEN ra.role = 'lead' OR rb.role = 'lead' THEN t.task_id END) AS lead_co
WHERE weight >= $min_weight
OPTIONAL MATCH (f1:Function {key: fa})
OPTIONAL MATCH (f2:Function {key: fb})
RETURN fa AS source,
       fb AS target,
       f1.name AS source_name,
       f2.name AS target_name,
       f1.name_en AS source_name_en,
       f2.name_en AS target_name_en,
       weight,
       lead_co,
       weight - lead_co AS co_co
ORDER BY weight DESC, source, target
LIMIT $limit
UNION
// 5. nothing selective: every task
UNWIND CASE WHEN $doc_id IS NULL AND $jurisdiction IS NULL THEN [1] ELSE [] END AS go
MATCH (t:Task)
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
MATCH (a:Agency)-[ra:RESPONSIBLE_FOR]->(t)<-[rb:RESPONSIBLE_FOR]-(b:Agency)
WHERE a.agency_id < b.agency_id AND a.function IS NOT NULL AND b.function IS NOT NULL
WITH t, ra, rb,
     CASE WHEN a.function <= b.function THEN a.function ELSE b.function END AS fa,
     CASE WHEN a.function <= b.function THEN b.function ELSE a.function END AS fb
WITH fa, fb,
     count(DISTINCT t.task_id) AS weight,
     count(DISTINCT CASE WHEN ra.role = 'lead' OR rb.role = 'lead' THEN t.task_id END) AS lead_co
WHERE weight >= $min_weight
OPTIONAL MATCH (f1:Function {key: fa})
OPTIONAL MATCH (f2:Function {key: fb})
RETURN fa AS source,
       fb AS target,
       f1.name AS source_name,
       f2.name AS target_name,
       f1.name_en AS source_name_en,
       f2.name_en AS target_name_en,
       weight,
       lead_co,
       weight - lead_co AS co_co
ORDER BY weight DESC, source, target
LIMIT $limit
