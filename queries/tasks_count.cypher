// name: tasks_count
// zh: 任务总数:与 tasks 相同的筛选条件下匹配的全部任务数(分页的 total)
// en: Number of tasks matching the same filters as the tasks query (the total behind its pages)
// @param agency: agency = null — 责任单位:名称/别名/简称/英文/职能键 / responsible agency: name, alias, abbreviation, English label or function key
// @param role: enum(lead|co|any) = any — 角色:牵头 lead、配合 co 或任意 any / role of the agency
// @param topic: topic = null — 主题键、名称或术语 / topic key, label or term
// @param doc_id: string = null — 文件 id / document id
// @param jurisdiction: jurisdiction = null — 辖区(市或省)/ jurisdiction (city or province)
// @param year: int = null — 目标年份或期限 / target year or deadline
// @param text: string = null — 任务文本包含 / task text contains
// @example: agency=市场监管局 role=lead topic=碳计量
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
RETURN count(t) AS total
