// name: create_document
// zh: 以一条语句写入新文件的子图(文件此前不存在或仅为存根;无需删除旧版本)
// en: Write a new document's subgraph in one statement (the document was absent or a stub: nothing old to delete; only the stubs it replaces are removed, by id)
// @param doc_id: string — 由写入程序提供 / supplied by the writer
// @param doc: string — 由写入程序提供 / supplied by the writer
// @param sections: list — 由写入程序提供 / supplied by the writer
// @param top_sections: list — 由写入程序提供 / supplied by the writer
// @param subsections: list — 由写入程序提供 / supplied by the writer
// @param tasks: list — 由写入程序提供 / supplied by the writer
// @param task_sections: list — 由写入程序提供 / supplied by the writer
// @param responsibilities: list — 由写入程序提供 / supplied by the writer
// @param cites: list — 由写入程序提供 / supplied by the writer
// @param targets: list — 由写入程序提供 / supplied by the writer
// @param sets: list — 由写入程序提供 / supplied by the writer
// @param dues: list — 由写入程序提供 / supplied by the writer
// @param milestones: list — 由写入程序提供 / supplied by the writer
// @param covers: list — 由写入程序提供 / supplied by the writer
// @param issued_by: list — 由写入程序提供 / supplied by the writer
// @param implements: list — 由写入程序提供 / supplied by the writer
// @param stub_ids: list — 由写入程序提供 / supplied by the writer
// @param stub_edges: list — 由写入程序提供 / supplied by the writer
// @mode: write
MERGE (d:Document {doc_id: $doc_id})
SET d += $doc
FOREACH (r IN $sections | CREATE (s:Section {section_id: r.section_id}) SET s += r)
FOREACH (r IN $top_sections | MERGE (s:Section {section_id: r}) CREATE (d)-[:HAS_SECTION]->(s))
FOREACH (r IN $subsections |
  MERGE (p:Section {section_id: r.parent}) MERGE (s:Section {section_id: r.child})
  CREATE (p)-[:HAS_SUBSECTION]->(s))
FOREACH (r IN $tasks | CREATE (t:Task {task_id: r.task_id}) SET t += r CREATE (d)-[:HAS_TASK]->(t))
FOREACH (r IN $task_sections |
  MERGE (s:Section {section_id: r.section_id}) MERGE (t:Task {task_id: r.task_id})
  CREATE (s)-[:HAS_TASK]->(t))
FOREACH (r IN $responsibilities |
  MERGE (a:Agency {agency_id: r.agency_id}) MERGE (t:Task {task_id: r.task_id})
  CREATE (a)-[x:RESPONSIBLE_FOR]->(t) SET x += r.props)
FOREACH (r IN $cites |
  MERGE (p:Topic {key: r.topic}) MERGE (t:Task {task_id: r.task_id})
  CREATE (t)-[:CITES {terms: r.terms}]->(p))
FOREACH (r IN $targets | CREATE (g:Target {target_id: r.target_id}) SET g += r CREATE (d)-[:HAS_TARGET]->(g))
FOREACH (r IN $sets |
  MERGE (t:Task {task_id: r.task_id}) MERGE (g:Target {target_id: r.target_id}) CREATE (t)-[:SETS]->(g))
FOREACH (r IN $dues |
  MERGE (g:Target {target_id: r.target_id}) MERGE (y:Year {year: r.year}) CREATE (g)-[:DUE]->(y))
FOREACH (y IN $milestones | MERGE (n:Year {year: y}) CREATE (d)-[:MILESTONE]->(n))
FOREACH (j IN $covers | MERGE (n:Jurisdiction {name: j}) CREATE (d)-[:COVERS]->(n))
FOREACH (a IN $issued_by | MERGE (n:Agency {agency_id: a}) CREATE (d)-[:ISSUED_BY]->(n))
FOREACH (r IN $implements |
  MERGE (x:Document {doc_id: r.doc_id})
  ON CREATE SET x.stub = true, x.title = r.title, x.title_key = r.title_key, x.doc_number = r.doc_number
  CREATE (d)-[e:IMPLEMENTS]->(x)
  SET e.quote = r.quote, e.doc_number = r.doc_number, e.start = r.start, e.end = r.end, e.doc_id = $doc_id)
FOREACH (r IN $stub_edges |
  MERGE (x:Document {doc_id: r.src}) MERGE (x)-[e:IMPLEMENTS]->(d)
  SET e.quote = r.quote, e.doc_number = r.doc_number, e.start = r.start, e.end = r.end, e.doc_id = r.src)
WITH DISTINCT d
OPTIONAL MATCH (st:Document)
WHERE st.doc_id IN $stub_ids
DETACH DELETE st
RETURN DISTINCT d.doc_id AS doc_id
