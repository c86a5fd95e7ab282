// Size of the graph: nodes, relationships, documents ingested with their text.
// Not the graph-format marker (src/graph/schema.ts); both counts come from the count store.
RETURN COUNT { MATCH (n) } - COUNT { MATCH (g:GraphFormat) } AS nodes,
       COUNT { MATCH ()-[r]->() } AS relationships,
       COUNT { MATCH (d:Document) WHERE d.sha256 IS NOT NULL } AS documents
