// name: bump_version
// zh: 图谱版本号加一(缓存据此失效)
// en: Bump the graph version (per-process caches are invalidated by it)
// @mode: write
MERGE (m:Meta {key: 'graph'}) SET m.version = coalesce(m.version, 0) + 1 RETURN m.version AS version
