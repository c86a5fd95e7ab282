// Folds typed relations written by versions before one-relationship-per-fact (ONE relationship
// per (type, from, to, document, paragraph) carrying r.document, r.paragraph, r.evidence,
// r.confidence) into the current shape: one relationship per (type, from, to) with parallel
// evidence lists in canonical order and count / documents / confidence, as
// cypher/ingest-relations.cypher writes (one entry per (document, paragraph), the best).
// Run at start (until the graph-format marker says done) by src/graph/schema.ts in an auto-commit transaction: idempotent (a
// relationship scan finding nothing once folded), and a bounded number of start entities per
// inner transaction, so a large graph does not need one huge transaction.
MATCH (a:Entity)
WHERE EXISTS { MATCH (a)-[r:{{RELATION_TYPES}}]->() WHERE r.evDocument IS NULL }
CALL (a) {
  MATCH (a)-[r:{{RELATION_TYPES}}]->(b)
  WITH b, type(r) AS type, collect(r) AS rs
  WHERE any(x IN rs WHERE x.evDocument IS NULL)
  WITH rs, reduce(acc = [], x IN rs | acc + CASE WHEN x.evDocument IS NULL
         THEN [{c: toFloat(coalesce(x.confidence, 0.0)), d: x.document, p: coalesce(x.paragraph, ''), t: coalesce(x.evidence, '')}]
         ELSE [i IN range(0, size(x.evDocument) - 1) | {c: x.evConfidence[i], d: x.evDocument[i], p: x.evParagraph[i], t: x.evText[i]}] END) AS entries
  CALL (entries) {
    UNWIND entries AS e
    WITH e WHERE e.d IS NOT NULL
    WITH e ORDER BY e.c DESC, e.t
    WITH e.d AS d, e.p AS p, collect(e)[0] AS best
    WITH best ORDER BY best.c DESC, best.d, best.p, best.t
    RETURN collect(best) AS sorted, count(DISTINCT best.d) AS documents
  }
  WITH rs[0] AS r, rs[1..] AS extra, sorted, documents
  FOREACH (x IN extra | DELETE x)
  SET r = {count: size(sorted), documents: documents, confidence: sorted[0].c,
           evConfidence: [e IN sorted | toFloat(e.c)], evDocument: [e IN sorted | e.d],
           evParagraph: [e IN sorted | coalesce(e.p, '')], evText: [e IN sorted | coalesce(e.t, '')]}
  WITH r, size(sorted) AS left WHERE left = 0
  DELETE r
} IN TRANSACTIONS OF 200 ROWS
