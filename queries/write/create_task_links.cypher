// name: create_task_links
// zh: 写入任务落实关系(得分、名次)
// en: Write Task IMPLEMENTS links (score, rank)
// @param rows: list — 由写入程序提供 / supplied by the writer
// @mode: write
UNWIND $rows AS r
MATCH (a:Task {task_id: r.src})
MATCH (b:Task {task_id: r.dst})
MERGE (a)-[x:IMPLEMENTS]->(b)
SET x.score = r.score, x.rank = r.rank
