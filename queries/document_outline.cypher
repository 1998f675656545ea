// name: document_outline
// zh: 文件大纲:按原文顺序列出章节及其任务(编号、标题、牵头单位)
// en: Document outline: sections in source order with their tasks (number, title, lead agency)
// @param doc_id: string — 文件 id / document id
// @example: doc_id=d-d0d5d00d5dd6
// @mode: read
// Sections are found by their indexed doc_id and name their parent (parent_id, set with HAS_SUBSECTION).
MATCH (s:Section {doc_id: $doc_id})
OPTIONAL MATCH (s)-[:HAS_TASK]->(t:Task)
WITH s, t
ORDER BY coalesce(s.start, 0), s.section_id, coalesce(t.start, 0), t.task_id
WITH s, collect(CASE WHEN t IS NULL THEN NULL ELSE
       {task_id: t.task_id, number: t.number, title: t.title,
        lead: t.lead_name} END) AS tasks
RETURN s.doc_id AS doc_id,
       s.section_id AS section_id,
       s.number AS number,
       s.title AS title,
       s.depth AS depth,
       s.zone AS zone,
       s.parent_id AS parent,
       tasks
ORDER BY coalesce(s.start, 0), section_id
