// name: remove_orphan_stubs
// zh: 删除无人引用的存根文件
// en: Delete stub documents nothing cites
// @mode: write
MATCH (st:Document) WHERE coalesce(st.stub, false) = true AND NOT ()-[:IMPLEMENTS]->(st) DETACH DELETE st
