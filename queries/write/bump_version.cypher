// name: bump_version
// zh: 图谱版本号递增(缓存据此失效);清空后重建的图谱不会重复旧版本号
// en: Bump the graph version (per-process caches and the API's answers are invalidated by it). Seeded from the
// clock, so a graph cleared and reloaded never repeats a version an API still holds answers for
// @mode: write
MERGE (m:Meta {key: 'graph'})
SET m.version = CASE WHEN coalesce(m.version, 0) < timestamp() THEN timestamp() ELSE m.version + 1 END
RETURN m.version AS version
