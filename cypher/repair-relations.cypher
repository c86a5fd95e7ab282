// kg verify --repair: rewrites the facts verify-relations found wrong, $rows: [{from, type, to}].
// All relationships of a fact (any earlier shape) fold into one: entries citing a document that
// is not ingested are dropped, one entry per (document, paragraph) is kept (the best), an entry
// stored as text is located in its paragraph as cypher/graph-migrate-evidence.cypher does, the
// lists are put in canonical order and count / documents / confidence / evBest recomputed; a
// fact left without evidence goes.
UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r:{{RELATION_TYPES}}]->(:Entity {id: row.to})
WHERE type(r) = row.type
WITH row, collect(r) AS rs
WITH rs, reduce(acc = [], x IN rs | acc + CASE WHEN x.evDocument IS NULL
       THEN [{c: toFloat(coalesce(x.confidence, 0.0)), d: x.document, p: coalesce(x.paragraph, ''), t: coalesce(x.evidence, '')}]
       ELSE [i IN range(0, size(x.evDocument) - 1) | {c: x.evConfidence[i], d: x.evDocument[i], p: x.evParagraph[i], t: coalesce(x.evText[i], ''),
             a: x.evAt[i], s: x.evStart[i], e: x.evEnd[i]}] END) AS entries
CALL (entries) {
  UNWIND entries AS x
  WITH x WHERE x.d IS NOT NULL AND EXISTS { MATCH (doc:Document {id: x.d}) WHERE doc.sha256 IS NOT NULL }
  CALL (x) {
    OPTIONAL MATCH (:Document {id: x.d})-[:HAS_PARAGRAPH]->(q:Paragraph)
    WHERE x.a IS NULL AND x.t <> '' AND q.text CONTAINS x.t
    WITH q ORDER BY CASE WHEN x.p <> '' AND q.number = x.p THEN 0 ELSE 1 END, q.ordinal
    LIMIT 1
    RETURN q
  }
  WITH x, q, CASE WHEN q IS NULL THEN 0 ELSE size(split(q.text, x.t)[0]) END AS s
  WITH CASE WHEN x.a IS NOT NULL THEN x
            WHEN q IS NULL THEN {c: x.c, d: x.d, p: x.p, a: -1, s: 0, e: 0, t: x.t}
            ELSE {c: x.c, d: x.d, p: x.p, a: q.ordinal, s: s, e: s + size(x.t), t: ''} END AS e
  WITH e ORDER BY e.c DESC, e.s
  WITH e.d AS d, e.p AS p, collect(e)[0] AS best
  WITH best ORDER BY best.c DESC, best.d, best.p, best.s
  RETURN collect(best) AS sorted, count(DISTINCT best.d) AS documents
}
WITH rs[0] AS r, rs[1..] AS extra, sorted, documents
FOREACH (x IN extra | DELETE x)
SET r = {count: size(sorted), documents: documents, confidence: sorted[0].c,
         evConfidence: [e IN sorted | toFloat(e.c)], evDocument: [e IN sorted | e.d],
         evParagraph: [e IN sorted | coalesce(e.p, '')], evAt: [e IN sorted | e.a], evStart: [e IN sorted | e.s],
         evEnd: [e IN sorted | e.e], evText: [e IN sorted | e.t]}
SET r.evBest = CASE WHEN size(sorted) = 0 THEN null ELSE {{EVIDENCE_BEST(r)}} END
WITH r, size(sorted) AS left WHERE left = 0
DELETE r
