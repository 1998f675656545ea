// name: tasks_of
// zh: 若干文件的任务文本(用于评分)
// en: The task texts of some documents (for scoring links)
// @param doc_ids: list — 由调用程序提供 / supplied by the caller
// @mode: read
UNWIND $doc_ids AS id
MATCH (t:Task {doc_id: id})
RETURN t.task_id AS task_id, t.doc_id AS doc_id, t.title AS title, t.text AS text
ORDER BY task_id
