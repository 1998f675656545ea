// name: export_nodes
// zh: 导出:全部节点
// en: Export: every node
// @mode: read
MATCH (n)
RETURN labels(n)[0] AS label, properties(n) AS props
