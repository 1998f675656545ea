// name: documents
// zh: 文件列表:标题、发文机关、层级、辖区、期限及任务、目标、章节数
// en: Documents: title, issuer, level, jurisdiction, period and counts of tasks, targets and sections
// @param jurisdiction: jurisdiction = null — 辖区(市或省)/ jurisdiction (city or province)
// @param level: string = null — 层级 national/provincial/municipal… / level
// @param include_stubs: bool = false — 包含仅被引用未入库的文件 / include cited-only stub documents
// @param limit: int = 100 — 最多返回行数 / page size
// @param offset: int = 0 — 跳过行数 / rows to skip
// @example: level=provincial
// @mode: read
MATCH (d:Document)
WHERE ($include_stubs OR coalesce(d.stub, false) = false)
  AND ($jurisdiction IS NULL OR d.jurisdiction STARTS WITH $jurisdiction OR d.province STARTS WITH $jurisdiction)
  AND ($level IS NULL OR d.level = $level)
WITH d
ORDER BY d.doc_id
SKIP $offset LIMIT $limit
RETURN d.doc_id AS doc_id,
       d.title AS title,
       d.issuer AS issuer,
       d.issued_on AS issued_on,
       d.doc_number AS doc_number,
       d.level AS level,
       d.jurisdiction AS jurisdiction,
       d.province AS province,
       d.period AS period,
       d.file AS file,
       coalesce(d.stub, false) AS stub,
       size([(d)-[:HAS_TASK]->(:Task) | 1]) AS task_count,
       size([(d)-[:HAS_TARGET]->(:Target) | 1]) AS target_count,
       size([(d)-[:HAS_SECTION]->(:Section) | 1]) AS top_section_count,
       [(d)-[:IMPLEMENTS]->(u:Document) | {doc_id: u.doc_id, title: u.title}] AS implements
ORDER BY doc_id
