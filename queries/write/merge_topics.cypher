// name: merge_topics
// zh: 合并主题节点
// en: Merge topic nodes
// @param rows: list — 由写入程序提供 / supplied by the writer
// @mode: write
UNWIND $rows AS r
MERGE (t:Topic {key: r.key})
SET t.name = coalesce(r.zh, t.name), t.name_en = coalesce(r.en, t.name_en), t.zh = coalesce(r.zh, t.zh), t.en = coalesce(r.en, t.en)
