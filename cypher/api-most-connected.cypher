// The entities with the most typed relations (either direction); only the model's relation
// types are expanded ({{RELATION_TYPES}}), $types narrows them.
MATCH (e:Entity)
WITH e, COUNT { (e)-[r:{{RELATION_TYPES}}]-() WHERE type(r) IN $types } AS degree
WHERE degree > 0
RETURN e {.*, _labels: labels(e)} AS e, degree
ORDER BY degree DESC, e.id
LIMIT $limit
