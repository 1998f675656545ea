// name: count_nodes
// zh: 节点总数(检查数据库可达)
// en: The number of nodes (a reachability check)
// @mode: read
MATCH (n)
RETURN count(n) AS nodes
