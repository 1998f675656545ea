// name: document_outline
// zh: 文件大纲:按原文顺序列出章节及其任务(编号、标题、牵头单位)
// en: Document outline: sections in source order with their tasks (number, title, lead agency)
// @param doc_id: string — 文件 id / document id
// @example: doc_id=d-d0d5d00d5dd6
// @mode: read
MATCH (d:Document {doc_id: $doc_id})-[:HAS_SECTION|HAS_SUBSECTION*1..8]->(s:Section)
WITH DISTINCT d, s
OPTIONAL MATCH (s)-[:HAS_TASK]->(t:Task)
WITH d, s, t
ORDER BY coalesce(s.start, 0), s.section_id, coalesce(t.start, 0), t.task_id
WITH d, s, collect(CASE WHEN t IS NULL THEN NULL ELSE
       {task_id: t.task_id, number: t.number, title: t.title,
        lead: t.lead_name} END) AS tasks
RETURN d.doc_id AS doc_id,
       s.section_id AS section_id,
       s.number AS number,
       s.title AS title,
       s.depth AS depth,
       s.zone AS zone,
       head([(p:Section)-[:HAS_SUBSECTION]->(s) | p.section_id]) AS parent,
       tasks
ORDER BY coalesce(s.start, 0), section_id
