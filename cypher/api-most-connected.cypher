// The entities with the most typed relations (either direction): one relationship per (type,
// pair), so the degree counts distinct facts. Only the model's relation types are counted
// ({{RELATION_TYPES}}) and without a filter on them, so Neo4j reads each node's stored degree
// per type instead of expanding a hub's relationships.
MATCH (e:Entity)
WITH e, COUNT { (e)-[:{{RELATION_TYPES}}]-() } AS degree
WHERE degree > 0
RETURN e {.*, _labels: labels(e)} AS e, degree
ORDER BY degree DESC, e.id
LIMIT $limit
