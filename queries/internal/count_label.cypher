// name: count_label
// zh: 各类节点数
// en: Nodes per label
// @mode: read
MATCH (n)
RETURN labels(n)[0] AS label, count(*) AS n
ORDER BY label
