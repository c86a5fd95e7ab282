// kg verify: the typed relations starting at a page of entities (by id, after $after), one row
// per entity with what is wrong with its relations (empty: nothing). A fact (type, from, to) must
// be ONE relationship whose parallel evidence lists are in canonical order (confidence
// descending, then document, paragraph, start offset) with count / documents / confidence and evBest
// (entry 0's sentence, document, paragraph) matching them (cypher/ingest-relations.cypher); `gone` lists the documents its entries cite that are not
// ingested (left by an interrupted or racing writer of an earlier version). Entries are read from
// old-shape relationships too (r.document, r.paragraph, r.evidence, r.confidence).
MATCH (a:Entity) WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $limit
RETURN a.id AS id, COLLECT {
  MATCH (a)-[r:{{RELATION_TYPES}}]->(b)
  WITH b, type(r) AS type, collect(r) AS rs
  WITH b, type, rs, rs[0] AS r,
       reduce(acc = [], x IN rs | acc + CASE WHEN x.evDocument IS NULL
         THEN [{c: toFloat(coalesce(x.confidence, 0.0)), d: x.document, p: coalesce(x.paragraph, ''), t: coalesce(x.evidence, '')}]
         ELSE [i IN range(0, size(x.evDocument) - 1) | {c: x.evConfidence[i], d: x.evDocument[i], p: x.evParagraph[i], s: x.evStart[i], t: x.evText[i]}] END) AS entries
  CALL (entries) {
    UNWIND entries AS e
    WITH e ORDER BY e.c DESC, e.d, e.p, e.s
    RETURN collect(e) AS sorted, count(DISTINCT e.d) AS documents, collect(DISTINCT e.d) AS cited
  }
  WITH b, type, [d IN cited WHERE NOT EXISTS { MATCH (x:Document {id: d}) WHERE x.sha256 IS NOT NULL }] AS gone,
    CASE
      WHEN size(rs) > 1 THEN toString(size(rs)) + ' relationships for one fact'
      WHEN r.evDocument IS NULL OR r.document IS NOT NULL THEN 'stored in the old shape (one relationship per document and paragraph)'
      WHEN r.evAt IS NULL THEN 'evidence stored as text, not positions'
      WHEN NOT coalesce(all(n IN [size(r.evParagraph), size(r.evAt), size(r.evStart), size(r.evEnd), size(r.evText), size(r.evConfidence)] WHERE n = size(r.evDocument)), false)
        THEN 'evidence lists of different lengths'
      WHEN size(entries) = 0 THEN 'no evidence'
      WHEN entries <> sorted THEN 'evidence not in canonical order'
      WHEN NOT coalesce(r.count = size(entries) AND r.documents = documents AND r.confidence = sorted[0].c, false)
        THEN 'count, documents or confidence differ from its evidence'
      WHEN NOT coalesce(r.evBest = {{EVIDENCE_BEST(r)}}, false)
        THEN 'best evidence (evBest) differs from its first entry'
    END AS what
  WHERE what IS NOT NULL OR size(gone) > 0
  RETURN {type: type, to: b.id, what: what, gone: gone}
} AS problems
