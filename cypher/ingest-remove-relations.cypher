// Undo the typed relations a document stated: its entries leave the evidence lists (what
// remains stays in canonical order), count / documents / confidence follow, and a relationship
// left without evidence goes. Their start nodes are among the entities the document
// contributed to, so no relationship scan is needed; only typed relations are expanded (not a
// hub's thousands of MENTIONS).
UNWIND $entityIds AS id
MATCH (:Entity {id: id})-[r:{{RELATION_TYPES}}]->()
WHERE $documentId IN r.evDocument
WITH r, [i IN range(0, size(r.evDocument) - 1) WHERE r.evDocument[i] <> $documentId] AS keep
WITH r, keep, [i IN keep | r.evDocument[i]] AS ds, [i IN keep | r.evConfidence[i]] AS cs
SET r.evConfidence = cs, r.evParagraph = [i IN keep | r.evParagraph[i]],
    r.evAt = [i IN keep | r.evAt[i]], r.evStart = [i IN keep | r.evStart[i]], r.evEnd = [i IN keep | r.evEnd[i]],
    r.evText = [i IN keep | r.evText[i]], r.evDocument = ds, r.count = size(ds),
    r.confidence = cs[0], r.documents = COUNT { UNWIND ds AS d RETURN DISTINCT d }
// evBest (entry 0, cypher/ingest-relations.cypher) read again from its paragraph only when entry 0 left.
SET r.evBest = CASE WHEN size(keep) = 0 THEN null WHEN keep[0] = 0 THEN r.evBest
    ELSE {{EVIDENCE_BEST(r)}} END
WITH r WHERE r.count = 0
DELETE r
