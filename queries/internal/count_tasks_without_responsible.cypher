// name: count_tasks_without_responsible
// zh: 无责任单位的任务数
// en: Tasks without a responsible unit
// @mode: read
MATCH (t:Task)
WHERE NOT (:Agency)-[:RESPONSIBLE_FOR]->(t)
RETURN count(t) AS n
