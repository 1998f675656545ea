// name: agencies
// zh: 全部责任单位及其牵头、配合任务数(供名称匹配与排序)
// en: All agencies with their lead and co-responsible task counts (for name matching and ranking; every printed form is an alias)
// @param function: string = null — 职能键 / function key
// @param jurisdiction: jurisdiction = null — 辖区(市或省)/ jurisdiction (city or province)
// @example: function=market_regulation jurisdiction=浙江省
// @mode: read
MATCH (a:Agency)
WHERE ($function IS NULL OR a.function = $function)
  AND ($jurisdiction IS NULL OR a.jurisdiction STARTS WITH $jurisdiction OR a.province STARTS WITH $jurisdiction)
OPTIONAL MATCH (a)-[:HAS_FUNCTION]->(f:Function)
RETURN a.agency_id AS agency_id,
       a.name AS name,
       a.name_en AS name_en,
       coalesce(a.function, f.key) AS function,
       f.name AS function_zh,
       f.name_en AS function_en,
       a.level AS level,
       a.jurisdiction AS jurisdiction,
       a.province AS province,
       a.kind AS kind,
       coalesce(a.aliases, []) AS aliases,
       size([(a)-[:RESPONSIBLE_FOR {role: 'lead'}]->(:Task) | 1]) AS lead_count,
       size([(a)-[:RESPONSIBLE_FOR {role: 'co'}]->(:Task) | 1]) AS co_count
ORDER BY agency_id
