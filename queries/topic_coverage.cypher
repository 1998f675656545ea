// name: topic_coverage
// zh: 主题覆盖:文件 × 主题,每格为引用该主题的任务数及所用术语
// en: Topic coverage: documents × topics, with the number of citing tasks and the terms used
// @param doc_id: string = null — 文件 id / document id
// @param topic: topic = null — 主题键、名称或术语 / topic key, label or term
// @example: topic=carbon-metrology
// @mode: read
MATCH (d:Document)-[:HAS_TASK]->(t:Task)-[c:CITES]->(tp:Topic)
WHERE ($doc_id IS NULL OR d.doc_id = $doc_id)
  AND ($topic IS NULL OR tp.key = $topic)
WITH d, tp, count(DISTINCT t.task_id) AS task_count, collect(c.terms) AS term_lists
RETURN d.doc_id AS doc_id,
       d.title AS doc_title,
       d.jurisdiction AS jurisdiction,
       tp.key AS topic,
       tp.name AS topic_name,
       tp.name_en AS topic_name_en,
       task_count,
       reduce(acc = [], ts IN term_lists |
              acc + [x IN coalesce(ts, []) WHERE NOT x IN acc]) AS terms
ORDER BY doc_id, topic
