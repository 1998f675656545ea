// name: tasks
// zh: 任务查询:按责任单位(名称、别名、英文或职能键)、角色、主题、文件、辖区(含省)、年份和文本筛选
// en: Tasks filtered by responsible agency (name, alias, English name or function key), role, topic, document, jurisdiction (incl. province), year and text
// @param agency: agency = null — 责任单位:名称/别名/简称/英文/职能键 / responsible agency: name, alias, abbreviation, English label or function key
// @param role: enum(lead|co|any) = any — 角色:牵头 lead、配合 co 或任意 any / role of the agency
// @param topic: topic = null — 主题键、名称或术语 / topic key, label or term
// @param doc_id: string = null — 文件 id / document id
// @param jurisdiction: jurisdiction = null — 辖区(市或省)/ jurisdiction (city or province)
// @param year: int = null — 目标年份或期限 / target year or deadline
// @param text: string = null — 任务文本包含 / task text contains
// @param limit: int = 100 — 最多返回行数 / page size
// @param offset: int = 0 — 跳过行数 / rows to skip
// @param sort: enum(document|title|jurisdiction|lead) = document — 排序:文件顺序、标题、辖区、牵头单位 / sort key (document = source order)
// @param descending: bool = false — 降序 / descending order
// @example: agency=市场监管局 role=lead topic=碳计量
// @mode: read
// @total: total
// Each UNION ALL branch starts from one indexed entry point (agency ids, document, topic, province, city; a scan
// only when nothing selective is given); the gates make exactly one branch produce rows, so paging is exact.
// The matching tasks are sorted and collected once: the page is a slice of that list and `total` (every
// matching task, the same on each row; the runner moves it off the rows) its size, so a page and its total
// cost one pass. Rows are decorated after paging, from the task's denormalised properties written by the
// loader (parallel lists), not its edges.
// 1. agency ids leading (index on Task.lead_id, the agency of the task's lead RESPONSIBLE_FOR)
UNWIND CASE WHEN $role = 'lead' THEN coalesce($agency_ids, []) ELSE [] END AS aid
MATCH (t:Task {lead_id: aid})
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
  AND ($text IS NULL OR t.text CONTAINS $text OR t.title CONTAINS $text)
  AND ($topic IS NULL OR $topic IN coalesce(t.topic_keys, []))
  AND ($year IS NULL OR $year IN coalesce(t.deadline_years, []) OR $year IN coalesce(t.target_years, []))
WITH t, coalesce(CASE $sort WHEN 'title' THEN t.title WHEN 'jurisdiction' THEN t.jurisdiction
                          WHEN 'lead' THEN t.lead_id ELSE '' END, '') AS k
ORDER BY CASE WHEN $descending THEN '' ELSE k END, CASE WHEN $descending THEN k ELSE '' END DESC,
         t.doc_id, coalesce(t.start, 0), t.task_id
WITH collect(t) AS matched
UNWIND matched[$offset..($offset + $limit)] AS t
WITH t, size(matched) AS total,
     coalesce(CASE $sort WHEN 'title' THEN t.title WHEN 'jurisdiction' THEN t.jurisdiction
                       WHEN 'lead' THEN t.lead_id ELSE '' END, '') AS k
MATCH (d:Document)-[:HAS_TASK]->(t)
RETURN t.task_id AS task_id,
       d.doc_id AS doc_id,
       d.title AS doc_title,
       d.jurisdiction AS jurisdiction,
       t.number AS number,
       t.title AS title,
       t.section_title AS section,
       t.zone AS zone,
       t.responsibility_source AS responsibility_source,
       CASE WHEN t.lead_id IS NULL THEN NULL
            ELSE {agency_id: t.lead_id, name: t.lead_name, printed: t.lead_printed} END AS lead,
       [i IN range(0, size(coalesce(t.co_ids, [])) - 1) |
          {agency_id: t.co_ids[i], name: t.co_names[i], printed: t.co_printed[i]}] AS co,
       [i IN range(0, size(coalesce(t.topic_keys, [])) - 1) |
          {key: t.topic_keys[i], name: t.topic_names[i], name_en: t.topic_names_en[i],
           terms: [x IN split(t.topic_terms[i], '|') WHERE x <> '']}] AS topics,
       total
ORDER BY CASE WHEN $descending THEN '' ELSE k END, CASE WHEN $descending THEN k ELSE '' END DESC,
         doc_id, coalesce(t.start, 0), task_id

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
WITH t, coalesce(CASE $sort WHEN 'title' THEN t.title WHEN 'jurisdiction' THEN t.jurisdiction
                          WHEN 'lead' THEN t.lead_id ELSE '' END, '') AS k
ORDER BY CASE WHEN $descending THEN '' ELSE k END, CASE WHEN $descending THEN k ELSE '' END DESC,
         t.doc_id, coalesce(t.start, 0), t.task_id
WITH collect(t) AS matched
UNWIND matched[$offset..($offset + $limit)] AS t
WITH t, size(matched) AS total,
     coalesce(CASE $sort WHEN 'title' THEN t.title WHEN 'jurisdiction' THEN t.jurisdiction
                       WHEN 'lead' THEN t.lead_id ELSE '' END, '') AS k
MATCH (d:Document)-[:HAS_TASK]->(t)
RETURN t.task_id AS task_id,
       d.doc_id AS doc_id,
       d.title AS doc_title,
       d.jurisdiction AS jurisdiction,
       t.number AS number,
       t.title AS title,
       t.section_title AS section,
       t.zone AS zone,
       t.responsibility_source AS responsibility_source,
       CASE WHEN t.lead_id IS NULL THEN NULL
            ELSE {agency_id: t.lead_id, name: t.lead_name, printed: t.lead_printed} END AS lead,
       [i IN range(0, size(coalesce(t.co_ids, [])) - 1) |
          {agency_id: t.co_ids[i], name: t.co_names[i], printed: t.co_printed[i]}] AS co,
       [i IN range(0, size(coalesce(t.topic_keys, [])) - 1) |
          {key: t.topic_keys[i], name: t.topic_names[i], name_en: t.topic_names_en[i],
           terms: [x IN split(t.topic_terms[i], '|') WHERE x <> '']}] AS topics,
       total
ORDER BY CASE WHEN $descending THEN '' ELSE k END, CASE WHEN $descending THEN k ELSE '' END DESC,
         doc_id, coalesce(t.start, 0), task_id

UNION ALL
// 2. a document (index on Task.doc_id)
UNWIND CASE WHEN $agency_ids IS NULL AND $doc_id IS NOT NULL THEN [$doc_id] ELSE [] END AS did
MATCH (t:Task {doc_id: did})
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
  AND ($text IS NULL OR t.text CONTAINS $text OR t.title CONTAINS $text)
  AND ($topic IS NULL OR $topic IN coalesce(t.topic_keys, []))
  AND ($year IS NULL OR $year IN coalesce(t.deadline_years, []) OR $year IN coalesce(t.target_years, []))
WITH t, coalesce(CASE $sort WHEN 'title' THEN t.title WHEN 'jurisdiction' THEN t.jurisdiction
                          WHEN 'lead' THEN t.lead_id ELSE '' END, '') AS k
ORDER BY CASE WHEN $descending THEN '' ELSE k END, CASE WHEN $descending THEN k ELSE '' END DESC,
         t.doc_id, coalesce(t.start, 0), t.task_id
WITH collect(t) AS matched
UNWIND matched[$offset..($offset + $limit)] AS t
WITH t, size(matched) AS total,
     coalesce(CASE $sort WHEN 'title' THEN t.title WHEN 'jurisdiction' THEN t.jurisdiction
                       WHEN 'lead' THEN t.lead_id ELSE '' END, '') AS k
MATCH (d:Document)-[:HAS_TASK]->(t)
RETURN t.task_id AS task_id,
       d.doc_id AS doc_id,
       d.title AS doc_title,
       d.jurisdiction AS jurisdiction,
       t.number AS number,
       t.title AS title,
       t.section_title AS section,
       t.zone AS zone,
       t.responsibility_source AS responsibility_source,
       CASE WHEN t.lead_id IS NULL THEN NULL
            ELSE {agency_id: t.lead_id, name: t.lead_name, printed: t.lead_printed} END AS lead,
       [i IN range(0, size(coalesce(t.co_ids, [])) - 1) |
          {agency_id: t.co_ids[i], name: t.co_names[i], printed: t.co_printed[i]}] AS co,
       [i IN range(0, size(coalesce(t.topic_keys, [])) - 1) |
          {key: t.topic_keys[i], name: t.topic_names[i], name_en: t.topic_names_en[i],
           terms: [x IN split(t.topic_terms[i], '|') WHERE x <> '']}] AS topics,
       total
ORDER BY CASE WHEN $descending THEN '' ELSE k END, CASE WHEN $descending THEN k ELSE '' END DESC,
         doc_id, coalesce(t.start, 0), task_id

UNION ALL
// 3. a topic (index on Topic.key)
UNWIND CASE WHEN $agency_ids IS NULL AND $doc_id IS NULL AND $topic IS NOT NULL THEN [$topic] ELSE [] END AS k
MATCH (:Topic {key: k})<-[:CITES]-(t:Task)
WHERE ($doc_id IS NULL OR t.doc_id = $doc_id)
  AND ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
  AND ($text IS NULL OR t.text CONTAINS $text OR t.title CONTAINS $text)
  AND ($topic IS NULL OR $topic IN coalesce(t.topic_keys, []))
  AND ($year IS NULL OR $year IN coalesce(t.deadline_years, []) OR $year IN coalesce(t.target_years, []))
WITH t, coalesce(CASE $sort WHEN 'title' THEN t.title WHEN 'jurisdiction' THEN t.jurisdiction
                          WHEN 'lead' THEN t.lead_id ELSE '' END, '') AS k
ORDER BY CASE WHEN $descending THEN '' ELSE k END, CASE WHEN $descending THEN k ELSE '' END DESC,
         t.doc_id, coalesce(t.start, 0), t.task_id
WITH collect(t) AS matched
UNWIND matched[$offset..($offset + $limit)] AS t
WITH t, size(matched) AS total,
     coalesce(CASE $sort WHEN 'title' THEN t.title WHEN 'jurisdiction' THEN t.jurisdiction
                       WHEN 'lead' THEN t.lead_id ELSE '' END, '') AS k
MATCH (d:Document)-[:HAS_TASK]->(t)
RETURN t.task_id AS task_id,
       d.doc_id AS doc_id,
       d.title AS doc_title,
       d.jurisdiction AS jurisdiction,
       t.number AS number,
       t.title AS title,
       t.section_title AS section,
       t.zone AS zone,
       t.responsibility_source AS responsibility_source,
       CASE WHEN t.lead_id IS NULL THEN NULL
            ELSE {agency_id: t.lead_id, name: t.lead_name, printed: t.lead_printed} END AS lead,
       [i IN range(0, size(coalesce(t.co_ids, [])) - 1) |
          {agency_id: t.co_ids[i], name: t.co_names[i], printed: t.co_printed[i]}] AS co,
       [i IN range(0, size(coalesce(t.topic_keys, [])) - 1) |
          {key: t.topic_keys[i], name: t.topic_names[i], name_en: t.topic_names_en[i],
           terms: [x IN split(t.topic_terms[i], '|') WHERE x <> '']}] AS topics,
       total
ORDER BY CASE WHEN $descending THEN '' ELSE k END, CASE WHEN $descending THEN k ELSE '' END DESC,
         doc_id, coalesce(t.start, 0), task_id

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
WITH t, coalesce(CASE $sort WHEN 'title' THEN t.title WHEN 'jurisdiction' THEN t.jurisdiction
                          WHEN 'lead' THEN t.lead_id ELSE '' END, '') AS k
ORDER BY CASE WHEN $descending THEN '' ELSE k END, CASE WHEN $descending THEN k ELSE '' END DESC,
         t.doc_id, coalesce(t.start, 0), t.task_id
WITH collect(t) AS matched
UNWIND matched[$offset..($offset + $limit)] AS t
WITH t, size(matched) AS total,
     coalesce(CASE $sort WHEN 'title' THEN t.title WHEN 'jurisdiction' THEN t.jurisdiction
                       WHEN 'lead' THEN t.lead_id ELSE '' END, '') AS k
MATCH (d:Document)-[:HAS_TASK]->(t)
RETURN t.task_id AS task_id,
       d.doc_id AS doc_id,
       d.title AS doc_title,
       d.jurisdiction AS jurisdiction,
       t.number AS number,
       t.title AS title,
       t.section_title AS section,
       t.zone AS zone,
       t.responsibility_source AS responsibility_source,
       CASE WHEN t.lead_id IS NULL THEN NULL
            ELSE {agency_id: t.lead_id, name: t.lead_name, printed: t.lead_printed} END AS lead,
       [i IN range(0, size(coalesce(t.co_ids, [])) - 1) |
          {agency_id: t.co_ids[i], name: t.co_names[i], printed: t.co_printed[i]}] AS co,
       [i IN range(0, size(coalesce(t.topic_keys, [])) - 1) |
          {key: t.topic_keys[i], name: t.topic_names[i], name_en: t.topic_names_en[i],
           terms: [x IN split(t.topic_terms[i], '|') WHERE x <> '']}] AS topics,
       total
ORDER BY CASE WHEN $descending THEN '' ELSE k END, CASE WHEN $descending THEN k ELSE '' END DESC,
         doc_id, coalesce(t.start, 0), task_id

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
WITH t, coalesce(CASE $sort WHEN 'title' THEN t.title WHEN 'jurisdiction' THEN t.jurisdiction
                          WHEN 'lead' THEN t.lead_id ELSE '' END, '') AS k
ORDER BY CASE WHEN $descending THEN '' ELSE k END, CASE WHEN $descending THEN k ELSE '' END DESC,
         t.doc_id, coalesce(t.start, 0), t.task_id
WITH collect(t) AS matched
UNWIND matched[$offset..($offset + $limit)] AS t
WITH t, size(matched) AS total,
     coalesce(CASE $sort WHEN 'title' THEN t.title WHEN 'jurisdiction' THEN t.jurisdiction
                       WHEN 'lead' THEN t.lead_id ELSE '' END, '') AS k
MATCH (d:Document)-[:HAS_TASK]->(t)
RETURN t.task_id AS task_id,
       d.doc_id AS doc_id,
       d.title AS doc_title,
       d.jurisdiction AS jurisdiction,
       t.number AS number,
       t.title AS title,
       t.section_title AS section,
       t.zone AS zone,
       t.responsibility_source AS responsibility_source,
       CASE WHEN t.lead_id IS NULL THEN NULL
            ELSE {agency_id: t.lead_id, name: t.lead_name, printed: t.lead_printed} END AS lead,
       [i IN range(0, size(coalesce(t.co_ids, [])) - 1) |
          {agency_id: t.co_ids[i], name: t.co_names[i], printed: t.co_printed[i]}] AS co,
       [i IN range(0, size(coalesce(t.topic_keys, [])) - 1) |
          {key: t.topic_keys[i], name: t.topic_names[i], name_en: t.topic_names_en[i],
           terms: [x IN split(t.topic_terms[i], '|') WHERE x <> '']}] AS topics,
       total
ORDER BY CASE WHEN $descending THEN '' ELSE k END, CASE WHEN $descending THEN k ELSE '' END DESC,
         doc_id, coalesce(t.start, 0), task_id

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
WITH t, coalesce(CASE $sort WHEN 'title' THEN t.title WHEN 'jurisdiction' THEN t.jurisdiction
                          WHEN 'lead' THEN t.lead_id ELSE '' END, '') AS k
ORDER BY CASE WHEN $descending THEN '' ELSE k END, CASE WHEN $descending THEN k ELSE '' END DESC,
         t.doc_id, coalesce(t.start, 0), t.task_id
WITH collect(t) AS matched
UNWIND matched[$offset..($offset + $limit)] AS t
WITH t, size(matched) AS total,
     coalesce(CASE $sort WHEN 'title' THEN t.title WHEN 'jurisdiction' THEN t.jurisdiction
                       WHEN 'lead' THEN t.lead_id ELSE '' END, '') AS k
MATCH (d:Document)-[:HAS_TASK]->(t)
RETURN t.task_id AS task_id,
       d.doc_id AS doc_id,
       d.title AS doc_title,
       d.jurisdiction AS jurisdiction,
       t.number AS number,
       t.title AS title,
       t.section_title AS section,
       t.zone AS zone,
       t.responsibility_source AS responsibility_source,
       CASE WHEN t.lead_id IS NULL THEN NULL
            ELSE {agency_id: t.lead_id, name: t.lead_name, printed: t.lead_printed} END AS lead,
       [i IN range(0, size(coalesce(t.co_ids, [])) - 1) |
          {agency_id: t.co_ids[i], name: t.co_names[i], printed: t.co_printed[i]}] AS co,
       [i IN range(0, size(coalesce(t.topic_keys, [])) - 1) |
          {key: t.topic_keys[i], name: t.topic_names[i], name_en: t.topic_names_en[i],
           terms: [x IN split(t.topic_terms[i], '|') WHERE x <> '']}] AS topics,
       total
ORDER BY CASE WHEN $descending THEN '' ELSE k END, CASE WHEN $descending THEN k ELSE '' END DESC,
         doc_id, coalesce(t.start, 0), task_id

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
WITH t, coalesce(CASE $sort WHEN 'title' THEN t.title WHEN 'jurisdiction' THEN t.jurisdiction
                          WHEN 'lead' THEN t.lead_id ELSE '' END, '') AS k
ORDER BY CASE WHEN $descending THEN '' ELSE k END, CASE WHEN $descending THEN k ELSE '' END DESC,
         t.doc_id, coalesce(t.start, 0), t.task_id
WITH collect(t) AS matched
UNWIND matched[$offset..($offset + $limit)] AS t
WITH t, size(matched) AS total,
     coalesce(CASE $sort WHEN 'title' THEN t.title WHEN 'jurisdiction' THEN t.jurisdiction
                       WHEN 'lead' THEN t.lead_id ELSE '' END, '') AS k
MATCH (d:Document)-[:HAS_TASK]->(t)
RETURN t.task_id AS task_id,
       d.doc_id AS doc_id,
       d.title AS doc_title,
       d.jurisdiction AS jurisdiction,
       t.number AS number,
       t.title AS title,
       t.section_title AS section,
       t.zone AS zone,
       t.responsibility_source AS responsibility_source,
       CASE WHEN t.lead_id IS NULL THEN NULL
            ELSE {agency_id: t.lead_id, name: t.lead_name, printed: t.lead_printed} END AS lead,
       [i IN range(0, size(coalesce(t.co_ids, [])) - 1) |
          {agency_id: t.co_ids[i], name: t.co_names[i], printed: t.co_printed[i]}] AS co,
       [i IN range(0, size(coalesce(t.topic_keys, [])) - 1) |
          {key: t.topic_keys[i], name: t.topic_names[i], name_en: t.topic_names_en[i],
           terms: [x IN split(t.topic_terms[i], '|') WHERE x <> '']}] AS topics,
       total
ORDER BY CASE WHEN $descending THEN '' ELSE k END, CASE WHEN $descending THEN k ELSE '' END DESC,
         doc_id, coalesce(t.start, 0), task_id
