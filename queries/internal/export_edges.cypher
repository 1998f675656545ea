// name: export_edges
// zh: 导出:全部关系及两端的业务键
// en: Export: every relationship with the business keys of its ends
// @mode: read
MATCH (a)-[r]->(b)
RETURN type(r) AS type, labels(a)[0] AS sl, a{.agency_id, .doc_id, .key, .name, .section_id, .target_id, .task_id, .year} AS sk, labels(b)[0] AS tl, b{.agency_id, .doc_id, .key, .name, .section_id, .target_id, .task_id, .year} AS tk, properties(r) AS props
