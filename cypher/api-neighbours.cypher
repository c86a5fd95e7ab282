// One hop of a neighbourhood: the entities linked to the frontier by an allowed edge type, not
// yet visited, best connected to the frontier first. Types are data ($types from the model).
UNWIND $frontier AS id
MATCH (a:Entity {id: id})-[r]-(b:Entity)
WHERE type(r) IN $types
  AND NOT b.id IN $visited
  AND ($kinds IS NULL OR any(k IN $kinds WHERE k IN labels(b)))
WITH b, count(r) AS links
ORDER BY links DESC, b.id
LIMIT $limit
RETURN b {.*, _labels: labels(b)} AS b
