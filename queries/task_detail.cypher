// name: task_detail
// zh: 任务详情:文本、出处引文、牵头与配合单位、目标、主题、所落实的上级条款及落实它的下级任务
// en: Task detail: text, provenance quotes, lead and co units, targets, topics, the higher-level clauses it implements and the lower-level tasks implementing it
// @param task_id: string — 任务 id / task id
// @example: task_id=d-d0d5d00d5dd6/T08
// @mode: read
MATCH (d:Document)-[:HAS_TASK]->(t:Task {task_id: $task_id})
OPTIONAL MATCH (a:Agency)-[r:RESPONSIBLE_FOR]->(t)
WITH d, t, a, r
ORDER BY CASE r.role WHEN 'lead' THEN 0 ELSE 1 END, coalesce(r.rank, 0), a.agency_id
WITH d, t, collect(CASE WHEN a IS NULL THEN NULL ELSE
       {agency_id: a.agency_id, name: a.name, name_en: a.name_en, function: a.function, role: r.role,
        rank: r.rank, source: r.source, printed: r.printed,
        quote: coalesce(r.quote, t.responsibility_quote, t.quote),
        start: coalesce(r.start, t.responsibility_start, t.start),
        end: coalesce(r.end, t.responsibility_end, t.end)} END) AS units
RETURN t.task_id AS task_id,
       d.doc_id AS doc_id,
       d.title AS doc_title,
       d.jurisdiction AS jurisdiction,
       d.level AS level,
       t.number AS number,
       t.title AS title,
       t.text AS text,
       t.quote AS quote,
       t.start AS start,
       t.end AS end,
       t.section_title AS section,
       t.zone AS zone,
       t.deadline AS deadline,
       t.responsibility_source AS responsibility_source,
       t.responsibility_quote AS responsibility_quote,
       head([u IN units WHERE u.role = 'lead']) AS lead,
       [u IN units WHERE u.role = 'co'] AS co,
       [(t)-[:SETS]->(g:Target) | {target_id: g.target_id, metric: g.metric, value: g.value, low: g.low,
          high: g.high, unit: g.unit, comparator: g.comparator, per_year: g.per_year, year: g.year,
          quote: g.quote}] AS targets,
       [(t)-[c:CITES]->(tp:Topic) | {key: tp.key, name: tp.name, name_en: tp.name_en, terms: c.terms}] AS topics,
       [(t)-[i:IMPLEMENTS]->(h:Task)<-[:HAS_TASK]-(hd:Document) |
          {task_id: h.task_id, number: h.number, title: h.title, doc_id: hd.doc_id, doc_title: hd.title,
           score: i.score, rank: i.rank}] AS implements,
       [(l:Task)-[i:IMPLEMENTS]->(t) |
          {task_id: l.task_id, number: l.number, title: l.title, doc_id: l.doc_id, score: i.score,
           rank: i.rank}] AS implemented_by
