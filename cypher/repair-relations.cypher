// kg verify --repair: rewrites the facts verify-relations found wrong, $rows: [{from, type, to}].
// All relationships of a fact (new or old shape) fold into one: entries citing a document that is
// not ingested are dropped, one entry per (document, paragraph) is kept (the best), the lists are
// put in canonical order and count / documents / confidence recomputed; a fact left without
// evidence goes.
UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r:{{RELATION_TYPES}}]->(:Entity {id: row.to})
WHERE type(r) = row.type
WITH row, collect(r) AS rs
WITH rs, reduce(acc = [], x IN rs | acc + CASE WHEN x.evDocument IS NULL
       THEN [{c: toFloat(coalesce(x.confidence, 0.0)), d: x.document, p: coalesce(x.paragraph, ''), t: coalesce(x.evidence, '')}]
       ELSE [i IN range(0, size(x.evDocument) - 1) | {c: x.evConfidence[i], d: x.evDocument[i], p: x.evParagraph[i], t: x.evText[i]}] END) AS entries
CALL (entries) {
  UNWIND entries AS e
  WITH e WHERE e.d IS NOT NULL AND EXISTS { MATCH (x:Document {id: e.d}) WHERE x.sha256 IS NOT NULL }
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
