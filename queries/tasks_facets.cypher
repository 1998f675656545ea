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
// Same indexed entry points as the tasks query (one UNION ALL branch per entry point; only one produces
// rows); built from the task's denormalised properties, not its edges.
// 1. agency ids leading (index on Task.lead_id, the agency of the task's lead RESPONSIBLE_FOR)
UNWIND CASE WHEN $role = 'lead' THEN coalesce($agency_ids, []) ELSE [] END AS aid
MATCH (t:Task {lead_id: aid})
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
  AND ($text IS NULL OR t.text CONTAINS $text OR t.title CONTAINS $text)
  AND ($topic IS NULL OR $topic IN coalesce(t.topic_keys, []))
  AND ($year IS NULL OR $year IN coalesce(t.deadline_years, []) OR $year IN coalesce(t.target_years, []))
WITH t,
     [x IN CASE WHEN t.lead_id IS NULL THEN [] ELSE [t.lead_id] END | {agency_id: x, role: 'lead'}]
       + [x IN coalesce(t.co_ids, []) | {agency_id: x, role: 'co'}] AS units
WITH t, units,
     CASE WHEN t.lead_id IS NULL THEN [] ELSE
       [{facet: 'lead_agency', value: t.lead_id, label: coalesce(t.lead_name, t.lead_id)}] END
     + CASE WHEN t.lead_function IS NULL THEN [] ELSE
       [{facet: 'function', value: t.lead_function, label: t.lead_function}] END
     + [i IN range(0, size(coalesce(t.topic_keys, [])) - 1) |
        {facet: 'topic', value: t.topic_keys[i], label: coalesce(t.topic_names[i], t.topic_keys[i])}]
     + [u IN units WHERE $agency_ids IS NULL OR u.agency_id IN $agency_ids |
        {facet: 'role', value: u.role, label: u.role}]
     + [y IN coalesce(t.target_years, []) | {facet: 'year', value: toString(y), label: toString(y)}]
     + [{facet: 'document', value: t.doc_id, label: t.doc_id}]
     + CASE WHEN t.jurisdiction IS NULL THEN []
            ELSE [{facet: 'jurisdiction', value: t.jurisdiction, label: t.jurisdiction}] END
     + [y IN coalesce(t.deadline_years, []) | {facet: 'year', value: toString(y), label: toString(y)}]
     + CASE WHEN size(units) = 0 THEN [{facet: 'role', value: 'none', label: 'none'}] ELSE [] END AS entries
UNWIND entries AS e
WITH e.facet AS facet, e.value AS value, e.label AS label, count(DISTINCT t.task_id) AS count
OPTIONAL MATCH (f:Function {key: CASE WHEN facet = 'function' THEN value END})
OPTIONAL MATCH (d:Document {doc_id: CASE WHEN facet = 'document' THEN value END})
RETURN facet, value,
       CASE facet WHEN 'function' THEN coalesce(f.name, value)
                  WHEN 'document' THEN coalesce(d.title, value) ELSE label END AS label,
       count
ORDER BY facet, count DESC, value

UNION ALL
// 1b. agency ids in any role or co-responsible (index on Agency.agency_id), through RESPONSIBLE_FOR
UNWIND CASE WHEN $role <> 'lead' THEN coalesce($agency_ids, []) ELSE [] END AS aid
MATCH (:Agency {agency_id: aid})-[r:RESPONSIBLE_FOR]->(t:Task)
WITH t, r
WHERE ($role = 'any' OR r.role = $role)
  AND ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
  AND ($text IS NULL OR t.text CONTAINS $text OR t.title CONTAINS $text)
  AND ($topic IS NULL OR $topic IN coalesce(t.topic_keys, []))
  AND ($year IS NULL OR $year IN coalesce(t.deadline_years, []) OR $year IN coalesce(t.target_years, []))
WITH DISTINCT t
WITH t,
     [x IN CASE WHEN t.lead_id IS NULL THEN [] ELSE [t.lead_id] END | {agency_id: x, role: 'lead'}]
       + [x IN coalesce(t.co_ids, []) | {agency_id: x, role: 'co'}] AS units
WITH t, units,
     CASE WHEN t.lead_id IS NULL THEN [] ELSE
       [{facet: 'lead_agency', value: t.lead_id, label: coalesce(t.lead_name, t.lead_id)}] END
     + CASE WHEN t.lead_function IS NULL THEN [] ELSE
       [{facet: 'function', value: t.lead_function, label: t.lead_function}] END
     + [i IN range(0, size(coalesce(t.topic_keys, [])) - 1) |
        {facet: 'topic', value: t.topic_keys[i], label: coalesce(t.topic_names[i], t.topic_keys[i])}]
     + [u IN units WHERE $agency_ids IS NULL OR u.agency_id IN $agency_ids |
        {facet: 'role', value: u.role, label: u.role}]
     + [y IN coalesce(t.target_years, []) | {facet: 'year', value: toString(y), label: toString(y)}]
     + [{facet: 'document', value: t.doc_id, label: t.doc_id}]
     + CASE WHEN t.jurisdiction IS NULL THEN []
            ELSE [{facet: 'jurisdiction', value: t.jurisdiction, label: t.jurisdiction}] END
     + [y IN coalesce(t.deadline_years, []) | {facet: 'year', value: toString(y), label: toString(y)}]
     + CASE WHEN size(units) = 0 THEN [{facet: 'role', value: 'none', label: 'none'}] ELSE [] END AS entries
UNWIND entries AS e
WITH e.facet AS facet, e.value AS value, e.label AS label, count(DISTINCT t.task_id) AS count
OPTIONAL MATCH (f:Function {key: CASE WHEN facet = 'function' THEN value END})
OPTIONAL MATCH (d:Document {doc_id: CASE WHEN facet = 'document' THEN value END})
RETURN facet, value,
       CASE facet WHEN 'function' THEN coalesce(f.name, value)
                  WHEN 'document' THEN coalesce(d.title, value) ELSE label END AS label,
       count
ORDER BY facet, count DESC, value

UNION ALL
// 2. a document (index on Task.doc_id)
UNWIND CASE WHEN $agency_ids IS NULL AND $doc_id IS NOT NULL THEN [$doc_id] ELSE [] END AS did
MATCH (t:Task {doc_id: did})
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
  AND ($text IS NULL OR t.text CONTAINS $text OR t.title CONTAINS $text)
  AND ($topic IS NULL OR $topic IN coalesce(t.topic_keys, []))
  AND ($year IS NULL OR $year IN coalesce(t.deadline_years, []) OR $year IN coalesce(t.target_years, []))
WITH t,
     [x IN CASE WHEN t.lead_id IS NULL THEN [] ELSE [t.lead_id] END | {agency_id: x, role: 'lead'}]
       + [x IN coalesce(t.co_ids, []) | {agency_id: x, role: 'co'}] AS units
WITH t, units,
     CASE WHEN t.lead_id IS NULL THEN [] ELSE
       [{facet: 'lead_agency', value: t.lead_id, label: coalesce(t.lead_name, t.lead_id)}] END
     + CASE WHEN t.lead_function IS NULL THEN [] ELSE
       [{facet: 'function', value: t.lead_function, label: t.lead_function}] END
     + [i IN range(0, size(coalesce(t.topic_keys, [])) - 1) |
        {facet: 'topic', value: t.topic_keys[i], label: coalesce(t.topic_names[i], t.topic_keys[i])}]
     + [u IN units WHERE $agency_ids IS NULL OR u.agency_id IN $agency_ids |
        {facet: 'role', value: u.role, label: u.role}]
     + [y IN coalesce(t.target_years, []) | {facet: 'year', value: toString(y), label: toString(y)}]
     + [{facet: 'document', value: t.doc_id, label: t.doc_id}]
     + CASE WHEN t.jurisdiction IS NULL THEN []
            ELSE [{facet: 'jurisdiction', value: t.jurisdiction, label: t.jurisdiction}] END
     + [y IN coalesce(t.deadline_years, []) | {facet: 'year', value: toString(y), label: toString(y)}]
     + CASE WHEN size(units) = 0 THEN [{facet: 'role', value: 'none', label: 'none'}] ELSE [] END AS entries
UNWIND entries AS e
WITH e.facet AS facet, e.value AS value, e.label AS label, count(DISTINCT t.task_id) AS count
OPTIONAL MATCH (f:Function {key: CASE WHEN facet = 'function' THEN value END})
OPTIONAL MATCH (d:Document {doc_id: CASE WHEN facet = 'document' THEN value END})
RETURN facet, value,
       CASE facet WHEN 'function' THEN coalesce(f.name, value)
                  WHEN 'document' THEN coalesce(d.title, value) ELSE label END AS label,
       count
ORDER BY facet, count DESC, value

UNION ALL
// 3. a topic (index on Topic.key)
UNWIND CASE WHEN $agency_ids IS NULL AND $doc_id IS NULL AND $topic IS NOT NULL THEN [$topic] ELSE [] END AS k
MATCH (:Topic {key: k})<-[:CITES]-(t:Task)
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
  AND ($text IS NULL OR t.text CONTAINS $text OR t.title CONTAINS $text)
  AND ($topic IS NULL OR $topic IN coalesce(t.topic_keys, []))
  AND ($year IS NULL OR $year IN coalesce(t.deadline_years, []) OR $year IN coalesce(t.target_years, []))
WITH t,
     [x IN CASE WHEN t.lead_id IS NULL THEN [] ELSE [t.lead_id] END | {agency_id: x, role: 'lead'}]
       + [x IN coalesce(t.co_ids, []) | {agency_id: x, role: 'co'}] AS units
WITH t, units,
     CASE WHEN t.lead_id IS NULL THEN [] ELSE
       [{facet: 'lead_agency', value: t.lead_id, label: coalesce(t.lead_name, t.lead_id)}] END
     + CASE WHEN t.lead_function IS NULL THEN [] ELSE
       [{facet: 'function', value: t.lead_function, label: t.lead_function}] END
     + [i IN range(0, size(coalesce(t.topic_keys, [])) - 1) |
        {facet: 'topic', value: t.topic_keys[i], label: coalesce(t.topic_names[i], t.topic_keys[i])}]
     + [u IN units WHERE $agency_ids IS NULL OR u.agency_id IN $agency_ids |
        {facet: 'role', value: u.role, label: u.role}]
     + [y IN coalesce(t.target_years, []) | {facet: 'year', value: toString(y), label: toString(y)}]
     + [{facet: 'document', value: t.doc_id, label: t.doc_id}]
     + CASE WHEN t.jurisdiction IS NULL THEN []
            ELSE [{facet: 'jurisdiction', value: t.jurisdiction, label: t.jurisdiction}] END
     + [y IN coalesce(t.deadline_years, []) | {facet: 'year', value: toString(y), label: toString(y)}]
     + CASE WHEN size(units) = 0 THEN [{facet: 'role', value: 'none', label: 'none'}] ELSE [] END AS entries
UNWIND entries AS e
WITH e.facet AS facet, e.value AS value, e.label AS label, count(DISTINCT t.task_id) AS count
OPTIONAL MATCH (f:Function {key: CASE WHEN facet = 'function' THEN value END})
OPTIONAL MATCH (d:Document {doc_id: CASE WHEN facet = 'document' THEN value END})
RETURN facet, value,
       CASE facet WHEN 'function' THEN coalesce(f.name, value)
                  WHEN 'document' THEN coalesce(d.title, value) ELSE label END AS label,
       count
ORDER BY facet, count DESC, value

UNION ALL
// 4. a province (index on Task.province)
UNWIND CASE WHEN $agency_ids IS NULL AND $doc_id IS NULL AND $topic IS NULL AND $jurisdiction IS NOT NULL
            THEN [$jurisdiction] ELSE [] END AS j
MATCH (p:Jurisdiction {name: j})
WHERE p.level = 'provincial'
WITH j
MATCH (t:Task {province: j})
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
  AND ($text IS NULL OR t.text CONTAINS $text OR t.title CONTAINS $text)
  AND ($topic IS NULL OR $topic IN coalesce(t.topic_keys, []))
  AND ($year IS NULL OR $year IN coalesce(t.deadline_years, []) OR $year IN coalesce(t.target_years, []))
WITH t,
     [x IN CASE WHEN t.lead_id IS NULL THEN [] ELSE [t.lead_id] END | {agency_id: x, role: 'lead'}]
       + [x IN coalesce(t.co_ids, []) | {agency_id: x, role: 'co'}] AS units
WITH t, units,
     CASE WHEN t.lead_id IS NULL THEN [] ELSE
       [{facet: 'lead_agency', value: t.lead_id, label: coalesce(t.lead_name, t.lead_id)}] END
     + CASE WHEN t.lead_function IS NULL THEN [] ELSE
       [{facet: 'function', value: t.lead_function, label: t.lead_function}] END
     + [i IN range(0, size(coalesce(t.topic_keys, [])) - 1) |
        {facet: 'topic', value: t.topic_keys[i], label: coalesce(t.topic_names[i], t.topic_keys[i])}]
     + [u IN units WHERE $agency_ids IS NULL OR u.agency_id IN $agency_ids |
        {facet: 'role', value: u.role, label: u.role}]
     + [y IN coalesce(t.target_years, []) | {facet: 'year', value: toString(y), label: toString(y)}]
     + [{facet: 'document', value: t.doc_id, label: t.doc_id}]
     + CASE WHEN t.jurisdiction IS NULL THEN []
            ELSE [{facet: 'jurisdiction', value: t.jurisdiction, label: t.jurisdiction}] END
     + [y IN coalesce(t.deadline_years, []) | {facet: 'year', value: toString(y), label: toString(y)}]
     + CASE WHEN size(units) = 0 THEN [{facet: 'role', value: 'none', label: 'none'}] ELSE [] END AS entries
UNWIND entries AS e
WITH e.facet AS facet, e.value AS value, e.label AS label, count(DISTINCT t.task_id) AS count
OPTIONAL MATCH (f:Function {key: CASE WHEN facet = 'function' THEN value END})
OPTIONAL MATCH (d:Document {doc_id: CASE WHEN facet = 'document' THEN value END})
RETURN facet, value,
       CASE facet WHEN 'function' THEN coalesce(f.name, value)
                  WHEN 'document' THEN coalesce(d.title, value) ELSE label END AS label,
       count
ORDER BY facet, count DESC, value

UNION ALL
// 5. any other known place (index on Task.jurisdiction)
UNWIND CASE WHEN $agency_ids IS NULL AND $doc_id IS NULL AND $topic IS NULL AND $jurisdiction IS NOT NULL
            THEN [$jurisdiction] ELSE [] END AS j
MATCH (p:Jurisdiction {name: j})
WHERE p.level <> 'provincial'
WITH j
MATCH (t:Task {jurisdiction: j})
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
  AND ($text IS NULL OR t.text CONTAINS $text OR t.title CONTAINS $text)
  AND ($topic IS NULL OR $topic IN coalesce(t.topic_keys, []))
  AND ($year IS NULL OR $year IN coalesce(t.deadline_years, []) OR $year IN coalesce(t.target_years, []))
WITH t,
     [x IN CASE WHEN t.lead_id IS NULL THEN [] ELSE [t.lead_id] END | {agency_id: x, role: 'lead'}]
       + [x IN coalesce(t.co_ids, []) | {agency_id: x, role: 'co'}] AS units
WITH t, units,
     CASE WHEN t.lead_id IS NULL THEN [] ELSE
       [{facet: 'lead_agency', value: t.lead_id, label: coalesce(t.lead_name, t.lead_id)}] END
     + CASE WHEN t.lead_function IS NULL THEN [] ELSE
       [{facet: 'function', value: t.lead_function, label: t.lead_function}] END
     + [i IN range(0, size(coalesce(t.topic_keys, [])) - 1) |
        {facet: 'topic', value: t.topic_keys[i], label: coalesce(t.topic_names[i], t.topic_keys[i])}]
     + [u IN units WHERE $agency_ids IS NULL OR u.agency_id IN $agency_ids |
        {facet: 'role', value: u.role, label: u.role}]
     + [y IN coalesce(t.target_years, []) | {facet: 'year', value: toString(y), label: toString(y)}]
     + [{facet: 'document', value: t.doc_id, label: t.doc_id}]
     + CASE WHEN t.jurisdiction IS NULL THEN []
            ELSE [{facet: 'jurisdiction', value: t.jurisdiction, label: t.jurisdiction}] END
     + [y IN coalesce(t.deadline_years, []) | {facet: 'year', value: toString(y), label: toString(y)}]
     + CASE WHEN size(units) = 0 THEN [{facet: 'role', value: 'none', label: 'none'}] ELSE [] END AS entries
UNWIND entries AS e
WITH e.facet AS facet, e.value AS value, e.label AS label, count(DISTINCT t.task_id) AS count
OPTIONAL MATCH (f:Function {key: CASE WHEN facet = 'function' THEN value END})
OPTIONAL MATCH (d:Document {doc_id: CASE WHEN facet = 'document' THEN value END})
RETURN facet, value,
       CASE facet WHEN 'function' THEN coalesce(f.name, value)
                  WHEN 'document' THEN coalesce(d.title, value) ELSE label END AS label,
       count
ORDER BY facet, count DESC, value

UNION ALL
// 6. a place name the graph does not hold as a jurisdiction (prefix scan)
UNWIND CASE WHEN $agency_ids IS NULL AND $doc_id IS NULL AND $topic IS NULL AND $jurisdiction IS NOT NULL
            THEN [$jurisdiction] ELSE [] END AS j
OPTIONAL MATCH (p:Jurisdiction {name: j})
WITH p
WHERE p IS NULL
MATCH (t:Task)
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
  AND ($text IS NULL OR t.text CONTAINS $text OR t.title CONTAINS $text)
  AND ($topic IS NULL OR $topic IN coalesce(t.topic_keys, []))
  AND ($year IS NULL OR $year IN coalesce(t.deadline_years, []) OR $year IN coalesce(t.target_years, []))
WITH t,
     [x IN CASE WHEN t.lead_id IS NULL THEN [] ELSE [t.lead_id] END | {agency_id: x, role: 'lead'}]
       + [x IN coalesce(t.co_ids, []) | {agency_id: x, role: 'co'}] AS units
WITH t, units,
     CASE WHEN t.lead_id IS NULL THEN [] ELSE
       [{facet: 'lead_agency', value: t.lead_id, label: coalesce(t.lead_name, t.lead_id)}] END
     + CASE WHEN t.lead_function IS NULL THEN [] ELSE
       [{facet: 'function', value: t.lead_function, label: t.lead_function}] END
     + [i IN range(0, size(coalesce(t.topic_keys, [])) - 1) |
        {facet: 'topic', value: t.topic_keys[i], label: coalesce(t.topic_names[i], t.topic_keys[i])}]
     + [u IN units WHERE $agency_ids IS NULL OR u.agency_id IN $agency_ids |
        {facet: 'role', value: u.role, label: u.role}]
     + [y IN coalesce(t.target_years, []) | {facet: 'year', value: toString(y), label: toString(y)}]
     + [{facet: 'document', value: t.doc_id, label: t.doc_id}]
     + CASE WHEN t.jurisdiction IS NULL THEN []
            ELSE [{facet: 'jurisdiction', value: t.jurisdiction, label: t.jurisdiction}] END
     + [y IN coalesce(t.deadline_years, []) | {facet: 'year', value: toString(y), label: toString(y)}]
     + CASE WHEN size(units) = 0 THEN [{facet: 'role', value: 'none', label: 'none'}] ELSE [] END AS entries
UNWIND entries AS e
WITH e.facet AS facet, e.value AS value, e.label AS label, count(DISTINCT t.task_id) AS count
OPTIONAL MATCH (f:Function {key: CASE WHEN facet = 'function' THEN value END})
OPTIONAL MATCH (d:Document {doc_id: CASE WHEN facet = 'document' THEN value END})
RETURN facet, value,
       CASE facet WHEN 'function' THEN coalesce(f.name, value)
                  WHEN 'document' THEN coalesce(d.title, value) ELSE label END AS label,
       count
ORDER BY facet, count DESC, value

UNION ALL
// 7. nothing selective: every task
UNWIND CASE WHEN $agency_ids IS NULL AND $doc_id IS NULL AND $topic IS NULL AND $jurisdiction IS NULL
            THEN [1] ELSE [] END AS go
MATCH (t:Task)
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
  AND ($text IS NULL OR t.text CONTAINS $text OR t.title CONTAINS $text)
  AND ($topic IS NULL OR $topic IN coalesce(t.topic_keys, []))
  AND ($year IS NULL OR $year IN coalesce(t.deadline_years, []) OR $year IN coalesce(t.target_years, []))
WITH t,
     [x IN CASE WHEN t.lead_id IS NULL THEN [] ELSE [t.lead_id] END | {agency_id: x, role: 'lead'}]
       + [x IN coalesce(t.co_ids, []) | {agency_id: x, role: 'co'}] AS units
WITH t, units,
     CASE WHEN t.lead_id IS NULL THEN [] ELSE
       [{facet: 'lead_agency', value: t.lead_id, label: coalesce(t.lead_name, t.lead_id)}] END
     + CASE WHEN t.lead_function IS NULL THEN [] ELSE
       [{facet: 'function', value: t.lead_function, label: t.lead_function}] END
     + [i IN range(0, size(coalesce(t.topic_keys, [])) - 1) |
        {facet: 'topic', value: t.topic_keys[i], label: coalesce(t.topic_names[i], t.topic_keys[i])}]
     + [u IN units WHERE $agency_ids IS NULL OR u.agency_id IN $agency_ids |
        {facet: 'role', value: u.role, label: u.role}]
     + [y IN coalesce(t.target_years, []) | {facet: 'year', value: toString(y), label: toString(y)}]
     + [{facet: 'document', value: t.doc_id, label: t.doc_id}]
     + CASE WHEN t.jurisdiction IS NULL THEN []
            ELSE [{facet: 'jurisdiction', value: t.jurisdiction, label: t.jurisdiction}] END
     + [y IN coalesce(t.deadline_years, []) | {facet: 'year', value: toString(y), label: toString(y)}]
     + CASE WHEN size(units) = 0 THEN [{facet: 'role', value: 'none', label: 'none'}] ELSE [] END AS entries
UNWIND entries AS e
WITH e.facet AS facet, e.value AS value, e.label AS label, count(DISTINCT t.task_id) AS count
OPTIONAL MATCH (f:Function {key: CASE WHEN facet = 'function' THEN value END})
OPTIONAL MATCH (d:Document {doc_id: CASE WHEN facet = 'document' THEN value END})
RETURN facet, value,
       CASE facet WHEN 'function' THEN coalesce(f.name, value)
                  WHEN 'document' THEN coalesce(d.title, value) ELSE label END AS label,
       count
ORDER BY facet, count DESC, value
