// name: agency_profile
// zh: 单位概况:名称、职能、辖区、前身/继任、牵头与配合任务数、涉及文件与主要合作单位
// en: Agency profile: names, function, jurisdiction, predecessor/successor, lead and co task counts, documents and main partners
// @param agency_id: string — 单位 id(规范中文名称)/ agency id (canonical Chinese name)
// @example: agency_id=浙江省市场监督管理局
// @mode: read
MATCH (a:Agency {agency_id: $agency_id})
OPTIONAL MATCH (a)-[:HAS_FUNCTION]->(f:Function)
OPTIONAL MATCH (a)-[:IN]->(j:Jurisdiction)
WITH a, f, j
OPTIONAL MATCH (a)-[r:RESPONSIBLE_FOR]->(t:Task)<-[:HAS_TASK]-(d:Document)
WITH a, f, j, d,
     count(DISTINCT CASE WHEN r.role = 'lead' THEN t.task_id END) AS led,
     count(DISTINCT CASE WHEN r.role = 'co' THEN t.task_id END) AS co
ORDER BY d.doc_id
WITH a, f, j,
     collect(CASE WHEN d IS NULL THEN NULL
                  ELSE {doc_id: d.doc_id, title: d.title, lead_count: led, co_count: co} END) AS documents
RETURN a.agency_id AS agency_id,
       a.name AS name,
       a.name_en AS name_en,
       coalesce(a.function, f.key) AS function,
       f.name AS function_zh,
       f.name_en AS function_en,
       a.level AS level,
       coalesce(a.jurisdiction, j.name) AS jurisdiction,
       a.province AS province,
       a.kind AS kind,
       coalesce(a.aliases, []) AS aliases,
       size([(a)-[:RESPONSIBLE_FOR {role: 'lead'}]->(:Task) | 1]) AS lead_count,
       size([(a)-[:RESPONSIBLE_FOR {role: 'co'}]->(:Task) | 1]) AS co_count,
       documents,
       [(a)-[s:SUCCEEDED_BY]->(n:Agency) | {agency_id: n.agency_id, name: n.name, year: s.year}] AS successors,
       [(p:Agency)-[s:SUCCEEDED_BY]->(a) | {agency_id: p.agency_id, name: p.name, year: s.year}] AS predecessors,
       [(a)-[:IN]->(:Jurisdiction)-[:PART_OF*1..4]->(up:Jurisdiction) | up.name] AS within
