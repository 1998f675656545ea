// name: delete_links_of
// zh: 删除若干文件任务的落实关系
// en: Delete the Task IMPLEMENTS links of some documents' tasks
// @param doc_ids: list — 由写入程序提供 / supplied by the writer
// @mode: write
UNWIND $doc_ids AS id MATCH (t:Task {doc_id: id})-[r:IMPLEMENTS]->(:Task) DELETE r
