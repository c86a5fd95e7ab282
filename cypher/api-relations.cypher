// Typed relations of several entities, batched: one "ask" per (entity, types, direction) with the
// same page size $first (the loader groups asks by page size); the loader splits the rows back by
// ask key; relations below the ask's minConfidence are left out. Only the model's relation types are expanded ({{RELATION_TYPES}}, see
// src/graph/cypher.ts): a hub's thousands of MENTIONS and CO_OCCURS are never touched. The types
// asked for are data (validated by the API against the model), never spliced into the statement.
// Each ask gets its first $first rows in a stable order (type, other end's name, id, document);
// ORDER BY with LIMIT keeps only the page in memory, however many relations a hub has. The other
// end comes as a summary (src/api/selection.ts: the rest is loaded only when a query asks for it).
UNWIND $asks AS k
MATCH (a:Entity {id: k.id})
CALL (a, k) {
  MATCH (a)-[r:{{RELATION_TYPES}}]-(b:Entity)
  WHERE type(r) IN k.types AND (k.direction = 'BOTH' OR (startNode(r) = a) = (k.direction = 'OUT'))
    AND coalesce(r.confidence, 1.0) >= k.minConfidence
  WITH r, b
  ORDER BY type(r), coalesce(b.name, b.id), b.id, r.document, elementId(r)
  LIMIT $first
  RETURN r, b
}
RETURN k.key AS key, type(r) AS type, CASE WHEN startNode(r) = a THEN 'OUT' ELSE 'IN' END AS direction,
       b {.id, .kind, .name, .nameAr, .nameEn, .acronym, .category, _labels: labels(b)} AS other, r.evidence AS evidence, r.document AS documentId,
       r.paragraph AS paragraph, r.confidence AS confidence
