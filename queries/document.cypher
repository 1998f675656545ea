// name: document
// zh: 单个文件:标题、发文机关、层级、辖区、期限及任务、目标、章节数
// en: One document: title, issuer, level, jurisdiction, period and counts of tasks, targets and sections
// @param doc_id: string — 文件 id / document id
// @example: doc_id=d-d0d5d00d5dd6
// @mode: read
MATCH (d:Document {doc_id: $doc_id})
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
