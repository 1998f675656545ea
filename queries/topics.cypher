// name: topics
// zh: 主题列表:引用该主题的任务数、文件数及原文所用术语
// en: Topics with the number of tasks and documents citing them and the terms used in the texts
// @example:
// @mode: read
MATCH (tp:Topic)
OPTIONAL MATCH (d:Document)-[:HAS_TASK]->(t:Task)-[c:CITES]->(tp)
WITH tp, count(DISTINCT t.task_id) AS task_count, count(DISTINCT d.doc_id) AS document_count,
     collect(c.terms) AS term_lists
RETURN tp.key AS key,
       tp.name AS name,
       tp.name_en AS name_en,
       task_count,
       document_count,
       reduce(acc = [], ts IN term_lists |
              acc + [x IN coalesce(ts, []) WHERE NOT x IN acc]) AS terms
ORDER BY key
