// Lint Cypher texts with Neo4j's own parser and semantic checker (@neo4j-cypher/language-support).
//
// stdin:  JSON array of {"name": string, "query": string}
// Unknown-parameter diagnostics are dropped (parameters are bound at run time).
// stdout: JSON array of {"name", "diagnostics": [{"severity": "error"|"warning", "message", "line", "column"}]}
//
// The Cypher 5 function/procedure registry is the one the package ships with its test data
// (dist/esm/project/language-support/src/tests/testData.js, `testData.mockSchema`), minus `apoc.*`,
// so functions/procedures Neo4j 5 does not know (e.g. FalkorDB's db.idx.fulltext.*) are reported.
import { readFileSync } from 'node:fs';

import { isNotParamError, lintCypherQuery } from '@neo4j-cypher/language-support';

async function loadRegistry() {
  // The package's ESM entry is .../language-support/src/index.js; the test data sits beside it.
  const entry = import.meta.resolve('@neo4j-cypher/language-support');
  const { testData } = await import(new URL('./tests/testData.js', entry).href);
  const dropApoc = (registry) =>
    Object.fromEntries(Object.entries(registry).filter(([name]) => !name.toLowerCase().startsWith('apoc.')));
  return {
    functions: { 'CYPHER 5': dropApoc(testData.mockSchema.functions['CYPHER 5']) },
    procedures: { 'CYPHER 5': dropApoc(testData.mockSchema.procedures['CYPHER 5']) },
    defaultLanguage: 'CYPHER 5',
  };
}

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

const items = JSON.parse(readFileSync(0, 'utf8'));
const dbSchema = await loadRegistry();
const out = items.map(({ name, query }) => {
  const { diagnostics } = lintCypherQuery(query, dbSchema);
  return {
    name,
    // Parameters are supplied at run time: "Parameter $x is not defined" is not an error here.
    diagnostics: diagnostics.filter(isNotParamError).map((d) => ({
      severity: SEVERITY[d.severity] ?? String(d.severity),
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    })),
  };
});
process.stdout.write(JSON.stringify(out));
