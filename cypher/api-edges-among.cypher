// The edges of allowed types whose two ends are both in $ids (a subgraph's edge set).
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE type(r) IN $types AND b.id IN $ids
RETURN elementId(r) AS id, a.id AS source, b.id AS target, type(r) AS type, r.evidence AS evidence,
       r.document AS document, r.paragraph AS paragraph, r.confidence AS confidence
ORDER BY source, target, type, id
