// Typed relations of several entities, batched: each entity is expanded once for all the types
// asked of it (the loader splits the rows back per (entity, type, direction) key). Types are
// compared as data, never spliced into the statement; the API validates them against the model.
UNWIND $entities AS k
MATCH (a:Entity {id: k.id})-[r]-(b:Entity)
WHERE type(r) IN k.types
RETURN k.id AS id, type(r) AS type, CASE WHEN startNode(r) = a THEN 'OUT' ELSE 'IN' END AS direction,
       b {.*, _labels: labels(b)} AS other, r.evidence AS evidence, r.document AS documentId,
       r.paragraph AS paragraph, r.confidence AS confidence
ORDER BY id, type, coalesce(b.name, b.id), b.id, documentId
