// The entities with the most typed relations (either direction).
MATCH (e:Entity)
WITH e, COUNT { (e)-[r]-() WHERE type(r) IN $types } AS degree
WHERE degree > 0
RETURN e {.*, _labels: labels(e)} AS e, degree
ORDER BY degree DESC, e.id
LIMIT $limit
