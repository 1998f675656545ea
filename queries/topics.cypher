// name: topics
// zh: 主题列表及引用该主题的任务数、文件数
// en: Topics with the number of tasks and documents citing them
// @mode: read
MATCH (tp:Topic)
OPTIONAL MATCH (d:Document)-[:HAS_TASK]->(t:Task)-[:CITES]->(tp)
WITH tp, count(DISTINCT t.task_id) AS task_count, count(DISTINCT d.doc_id) AS document_count
RETURN tp.key AS key,
       tp.name AS name,
       tp.name_en AS name_en,
       task_count,
       document_count
ORDER BY key
