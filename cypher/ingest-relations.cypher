// Typed relations: ONE relationship per (type, from, to), its evidence as parallel lists
// (evDocument, evParagraph, evAt, evStart, evEnd, evText, evConfidence) in canonical order:
// confidence descending, then document, paragraph, start offset. An entry is a position, not a
// copy: the stored Paragraph `${evDocument}#${evAt}` and the code-point offsets of the sentence
// in its text; evText holds the sentence only where it lies in no paragraph (evAt -1), '' else. A row brings a batch's entries for one relationship
// (src/graph/rows.ts mergeRelationRows); they join the stored ones, the whole is sorted again,
// and count / documents / confidence (best) follow from the lists. So any order of ingestion
// gives the same lists. The type comes from a parameter the loader validated against
// model/relations.json (isRelationType), never from text.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
// Find-or-create without MERGE: a MERGE on a dynamic type expands ALL of a hub's relationships
// (its MENTIONS from every document, its CO_OCCURS) for every row, a cost growing with the
// corpus; the model's typed union lets Neo4j read only the typed relationship groups.
// No duplicate and no lost entries between concurrent writers of one fact: both ends are
// entities (or the document) this transaction already wrote (ingest-document, -entities,
// -mentions), so their write locks are held; another writer of the fact waits on them until
// this one commits, then finds the relationship.
OPTIONAL MATCH (a)-[old:{{RELATION_TYPES}}]->(b) WHERE type(old) = row.type
CALL (a, b, row, old) {
  WITH a, b, row, old WHERE old IS NULL
  CREATE (a)-[n:$(row.type)]->(b)
  RETURN n AS r
  UNION ALL
  WITH old WHERE old IS NOT NULL
  RETURN old AS r
}
WITH r, row, coalesce(r.evDocument, []) AS ds
WITH r, row, [i IN range(0, size(ds) - 1) | {c: r.evConfidence[i], d: ds[i], p: r.evParagraph[i], a: r.evAt[i], s: r.evStart[i], e: r.evEnd[i], t: r.evText[i]}]
      + [i IN range(0, size(row.evDocument) - 1) | {c: row.evConfidence[i], d: row.evDocument[i], p: row.evParagraph[i], a: row.evAt[i], s: row.evStart[i], e: row.evEnd[i], t: row.evText[i]}] AS entries
CALL (entries) {
  UNWIND entries AS e
  WITH e ORDER BY e.c DESC, e.d, e.p, e.s
  RETURN collect(e) AS sorted, count(DISTINCT e.d) AS documents
}
SET r.evConfidence = [e IN sorted | e.c], r.evDocument = [e IN sorted | e.d],
    r.evParagraph = [e IN sorted | e.p], r.evAt = [e IN sorted | e.a], r.evStart = [e IN sorted | e.s],
    r.evEnd = [e IN sorted | e.e], r.evText = [e IN sorted | e.t],
    r.count = size(sorted), r.documents = documents, r.confidence = sorted[0].c
// evBest: entry 0 as [sentence, document, paragraph] (what evidence(first: 1) reads, no list, no
// paragraph): the row's sentence when entry 0 is one of the row's entries, else unchanged.
SET r.evBest = coalesce([i IN range(0, size(row.evDocument) - 1) WHERE row.evDocument[i] = sorted[0].d AND row.evAt[i] = sorted[0].a AND row.evStart[i] = sorted[0].s AND row.evEnd[i] = sorted[0].e AND row.evConfidence[i] = sorted[0].c AND row.evParagraph[i] = sorted[0].p AND row.evText[i] = sorted[0].t | [row.evSentence[i], sorted[0].d, sorted[0].p]][0], r.evBest)
