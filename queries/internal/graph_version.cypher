// name: graph_version
// zh: 图谱版本号
// en: The graph version
// @mode: read
OPTIONAL MATCH (m:Meta {key: 'graph'})
RETURN m.version AS version
