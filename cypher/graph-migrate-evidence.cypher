// Turns evidence lists written before positions (evText holding every entry's sentence, no evAt)
// into the current shape (cypher/ingest-relations.cypher): each sentence is located in its
// document's stored paragraphs by the rule of src/graph/rows.ts locateEvidence (the first
// paragraph containing it, those numbered as the entry's paragraph first, then by ordinal; its
// code-point offset is the length of the text before it), evText keeps only what lies in no
// paragraph, and the lists are put in canonical order (confidence descending, document,
// paragraph, start). Run at start (until the graph-format marker says done) after graph-migrate-relations (whose fold writes the
// older lists) by src/graph/schema.ts, auto-commit: idempotent (nothing left without evAt once
// done), bounded inner transactions.
MATCH ()-[r:{{RELATION_TYPES}}]->()
WHERE r.evAt IS NULL AND r.evDocument IS NOT NULL
CALL (r) {
 CALL (r) {
  UNWIND range(0, size(r.evDocument) - 1) AS i
  WITH {c: r.evConfidence[i], d: r.evDocument[i], p: r.evParagraph[i], t: coalesce(r.evText[i], '')} AS x
  CALL (x) {
    OPTIONAL MATCH (:Document {id: x.d})-[:HAS_PARAGRAPH]->(q:Paragraph)
    WHERE x.t <> '' AND q.text CONTAINS x.t
    WITH q ORDER BY CASE WHEN x.p <> '' AND q.number = x.p THEN 0 ELSE 1 END, q.ordinal
    LIMIT 1
    RETURN q
  }
  WITH x, q, CASE WHEN q IS NULL THEN 0 ELSE size(split(q.text, x.t)[0]) END AS s
  WITH CASE WHEN q IS NULL THEN {c: x.c, d: x.d, p: x.p, a: -1, s: 0, e: 0, t: x.t}
            ELSE {c: x.c, d: x.d, p: x.p, a: q.ordinal, s: s, e: s + size(x.t), t: ''} END AS e
  ORDER BY e.c DESC, e.d, e.p, e.s
  RETURN collect(e) AS sorted
 }
 SET r.evConfidence = [e IN sorted | e.c], r.evDocument = [e IN sorted | e.d],
    r.evParagraph = [e IN sorted | e.p], r.evAt = [e IN sorted | e.a], r.evStart = [e IN sorted | e.s],
    r.evEnd = [e IN sorted | e.e], r.evText = [e IN sorted | e.t]
} IN TRANSACTIONS OF 500 ROWS
