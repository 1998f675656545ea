// name: tasks_by_document
// zh: 任务查询(文件入口):与 tasks 相同的筛选与排序,从文件出发,行为精简列
// en: Tasks of one document (entry point: Task.doc_id), with the tasks query's filters, order and paging; slim rows
// @param doc_id: string — 文件 id / document id
// @param topic: topic = null — 主题键、名称或术语 / topic key, label or term
// @param jurisdiction: jurisdiction = null — 辖区(市或省)/ jurisdiction (city or province)
// @param year: int = null — 目标年份或期限 / target year or deadline
// @param text: string = null — 任务文本包含 / task text contains
// @param limit: int = 100 — 最多返回行数 / page size
// @param offset: int = 0 — 跳过行数 / rows to skip
// @param sort: enum(document|title|jurisdiction|lead) = document — 排序:文件顺序、标题、辖区、牵头单位 / sort key (document = source order)
// @param descending: bool = false — 降序 / descending order
// @example: doc_id=d-d0d5d00d5dd6
// @mode: read
// @total: total
// Entry point: the index on Task.doc_id (the document filter is the entry itself).
// Rows are slim: the lead, co-responsible units and topics come as the task's parallel lists (lead_id,
// lead_name, lead_printed; co_ids, co_names, co_printed; topic_keys, topic_terms with terms joined by '|'); the
// API assembles them into the `tasks` row shape (plangraph.api.task_pages). The matches are filtered once and
// collected; `total` is their number (the same on each row, moved off the rows by the runner) and the page a
// top-k sort of them (SKIP/LIMIT), so no full sort and no decoration of rows outside the page.
MATCH (t:Task {doc_id: $doc_id})
WHERE ($jurisdiction IS NULL OR t.jurisdiction STARTS WITH $jurisdiction OR t.province STARTS WITH $jurisdiction)
  AND ($text IS NULL OR t.text CONTAINS $text OR t.title CONTAINS $text)
  AND ($topic IS NULL OR $topic IN coalesce(t.topic_keys, []))
  AND ($year IS NULL OR $year IN coalesce(t.deadline_years, []) OR $year IN coalesce(t.target_years, []))
WITH collect(t) AS matched
WITH matched, size(matched) AS total
UNWIND matched AS t
WITH t, total, coalesce(CASE $sort WHEN 'title' THEN t.title WHEN 'jurisdiction' THEN t.jurisdiction
                                 WHEN 'lead' THEN t.lead_id ELSE '' END, '') AS k
WITH t, total, k, CASE WHEN $descending THEN '' ELSE k END AS up, CASE WHEN $descending THEN k ELSE '' END AS down,
     t.doc_id AS did, coalesce(t.start, 0) AS pos, t.task_id AS tid
ORDER BY up, down DESC, did, pos, tid
SKIP $offset LIMIT $limit
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
       t.lead_id AS lead_id,
       t.lead_name AS lead_name,
       t.lead_printed AS lead_printed,
       t.co_ids AS co_ids,
       t.co_names AS co_names,
       t.co_printed AS co_printed,
       t.topic_keys AS topic_keys,
       t.topic_terms AS topic_terms,
       total
ORDER BY up, down DESC, did, pos, tid
