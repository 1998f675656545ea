// name: topic_labels
// zh: 主题名称(中英文)
// en: Topic names (Chinese and English)
// @mode: read
MATCH (tp:Topic)
RETURN tp.key AS key, tp.name AS name, tp.name_en AS name_en
ORDER BY key
