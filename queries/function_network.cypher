// name: function_network
// zh: 职能网络:共同责任网络按单位职能聚合(边权为共同任务数)
// en: Function network: the co-responsibility network aggregated to agency functions (weight = shared tasks)
// @param doc_id: string = null — 文件 id / document id
// @param jurisdiction: jurisdiction = null — 文件辖区(市或省)/ document jurisdiction (city or province)
// @param min_weight: int = 1 — 最小共同任务数 / minimum shared tasks
// @param limit: int = 5000 — 最多返回边数 / maximum edges
// @mode: read
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE ($doc_id IS NULL OR d.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR d.jurisdiction STARTS WITH $jurisdiction OR d.province STARTS WITH $jurisdiction)
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
