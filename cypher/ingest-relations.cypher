// Typed relations: ONE relationship per (type, from, to), its evidence as parallel lists
// (evDocument, evParagraph, evText, evConfidence) in canonical order: confidence descending,
// then document, paragraph, text. A row brings a batch's entries for one relationship
// (src/graph/rows.ts mergeRelationRows); they join the stored ones, the whole is sorted again,
// and count / documents / confidence (best) follow from the lists. So any order of ingestion
// gives the same lists. The type comes from a parameter the loader validated against
// model/relations.json (isRelationType), never from text.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type)]->(b)
// No lost entries between concurrent writers of one fact: both ends are entities (or the
// document) this transaction already wrote (ingest-document, -entities, -mentions), so their
// write locks are held; another writer of the fact waits on them until this one commits.
WITH r, row, coalesce(r.evDocument, []) AS ds
WITH r, [i IN range(0, size(ds) - 1) | {c: r.evConfidence[i], d: ds[i], p: r.evParagraph[i], t: r.evText[i]}]
      + [i IN range(0, size(row.evDocument) - 1) | {c: row.evConfidence[i], d: row.evDocument[i], p: row.evParagraph[i], t: row.evText[i]}] AS entries
CALL (entries) {
  UNWIND entries AS e
  WITH e ORDER BY e.c DESC, e.d, e.p, e.t
  RETURN collect(e) AS sorted, count(DISTINCT e.d) AS documents
}
SET r.evConfidence = [e IN sorted | e.c], r.evDocument = [e IN sorted | e.d],
    r.evParagraph = [e IN sorted | e.p], r.evText = [e IN sorted | e.t],
    r.count = size(sorted), r.documents = documents, r.confidence = sorted[0].c
