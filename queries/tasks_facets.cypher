// name: tasks_facets
// zh: 任务分面计数:与 tasks 相同的筛选条件下,按牵头单位、职能、辖区、文件、主题、角色、年份统计任务数
// en: Facet counts of the tasks matching the tasks filters: by lead agency, function, jurisdiction, document, topic, role and year
// @param agency: agency = null — 责任单位:名称/别名/简称/英文/职能键 / responsible agency: name, alias, abbreviation, English label or function key
// @param role: enum(lead|co|any) = any — 角色:牵头 lead、配合 co 或任意 any / role of the agency
// @param topic: topic = null — 主题键、名称或术语 / topic key, label or term
// @param doc_id: string = null — 文件 id / document id
// @param jurisdiction: jurisdiction = null — 辖区(市或省)/ jurisdiction (city or province)
// @param year: int = null — 目标年份或期限 / target year or deadline
// @param text: string = null — 任务文本包含 / task text contains
// @example: jurisdiction=浙江
// @mode: read
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE ($doc_id IS NULL OR d.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR d.jurisdiction STARTS WITH $jurisdiction OR d.province STARTS WITH $jurisdiction)
  AND ($text IS NULL OR t.text CONTAINS $text OR t.title CONTAINS $text)
  AND ($topic IS NULL OR (t)-[:CITES]->(:Topic {key: $topic}))
  AND ($year IS NULL OR t.deadline = $year OR (t)-[:SETS]->(:Target)-[:DUE]->(:Year {year: $year}))
WITH d, t, [(a:Agency)-[r:RESPONSIBLE_FOR]->(t) | {agency_id: a.agency_id, role: r.role}] AS units
WHERE $agency_ids IS NULL
   OR any(u IN units WHERE u.agency_id IN $agency_ids AND ($role = 'any' OR u.role = $role))
WITH d, t, units,
     [(a:Agency)-[:RESPONSIBLE_FOR {role: 'lead'}]->(t) |
       {facet: 'lead_agency', value: a.agency_id, label: coalesce(a.name, a.agency_id)}] AS leads,
     [(f:Function)<-[:HAS_FUNCTION]-(:Agency)-[:RESPONSIBLE_FOR {role: 'lead'}]->(t) |
       {facet: 'function', value: f.key, label: coalesce(f.name, f.key)}] AS functions,
     [(t)-[:CITES]->(tp:Topic) | {facet: 'topic', value: tp.key, label: coalesce(tp.name, tp.key)}] AS topics,
     [u IN units WHERE $agency_ids IS NULL OR u.agency_id IN $agency_ids |
       {facet: 'role', value: u.role, label: u.role}] AS roles,
     [(t)-[:SETS]->(:Target)-[:DUE]->(y:Year) |
       {facet: 'year', value: toString(y.year), label: toString(y.year)}] AS target_years
WITH t, leads + functions + topics + roles + target_years
        + [{facet: 'document', value: d.doc_id, label: coalesce(d.title, d.doc_id)}]
        + CASE WHEN d.jurisdiction IS NULL THEN []
               ELSE [{facet: 'jurisdiction', value: d.jurisdiction, label: d.jurisdiction}] END
        + CASE WHEN t.deadline IS NULL THEN []
               ELSE [{facet: 'year', value: toString(t.deadline), label: toString(t.deadline)}] END
        + CASE WHEN size(units) = 0 THEN [{facet: 'role', value: 'none', label: 'none'}] ELSE [] END AS entries
UNWIND entries AS e
WITH e.facet AS facet, e.value AS value, e.label AS label, count(DISTINCT t.task_id) AS count
RETURN facet, value, label, count
ORDER BY facet, count DESC, value
