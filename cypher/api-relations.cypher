// Typed relations of several (entity, type, direction) keys, batched. Types are compared as data
// (type(r) = k.type), never spliced into the statement; the API validates them against the model.
UNWIND $keys AS k
MATCH (a:Entity {id: k.id})-[r]-(b:Entity)
WHERE type(r) = k.type
  AND (k.direction = 'BOTH'
       OR (k.direction = 'OUT' AND startNode(r) = a)
       OR (k.direction = 'IN' AND endNode(r) = a))
RETURN k.key AS key, type(r) AS type, CASE WHEN startNode(r) = a THEN 'OUT' ELSE 'IN' END AS direction,
       b {.*, _labels: labels(b)} AS other, r.evidence AS evidence, r.document AS documentId,
       r.paragraph AS paragraph, r.confidence AS confidence
ORDER BY key, coalesce(b.name, b.id), b.id, documentId
