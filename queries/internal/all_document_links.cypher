// name: all_document_links
// zh: 全部文件落实关系
// en: Every Document IMPLEMENTS link
// @mode: read
MATCH (a:Document)-[:IMPLEMENTS]->(b:Document)
RETURN a.doc_id AS src, b.doc_id AS dst
ORDER BY src, dst
