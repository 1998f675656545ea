// name: count_relationships
// zh: 各类关系数
// en: Relationships per type
// @mode: read
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS n
ORDER BY type
