// Gives every typed relation written before evBest its best entry: [sentence, document,
// paragraph] of evidence entry 0 (cypher/ingest-relations.cypher writes it with the lists; what
// `evidence(first: 1)` reads; the rule: cypher/fragment-evidence-best.cypher). Run at start
// (until the graph-format marker says done) after graph-migrate-evidence by src/graph/schema.ts, auto-commit: idempotent (nothing left without evBest once done), bounded
// inner transactions.
MATCH ()-[r:{{RELATION_TYPES}}]->()
WHERE r.evBest IS NULL AND size(coalesce(r.evDocument, [])) > 0
CALL (r) {
  SET r.evBest = {{EVIDENCE_BEST(r)}}
} IN TRANSACTIONS OF 2000 ROWS
