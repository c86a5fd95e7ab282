// One hop of a neighbourhood: the entities linked to the frontier by an allowed edge type, not
// yet visited, best connected to the frontier first. Types are data ($types: the model's relation
// types asked for, plus CO_OCCURS and MENTIONS when the caller opts in); each branch expands one
// family of relationship types only, and a branch not asked for expands nothing. Typed relations
// below $minConfidence are not followed (CO_OCCURS and MENTIONS carry no confidence). Nodes come as
// the summary a subgraph draws (id, names, kind, category).
UNWIND $frontier AS id
MATCH (a:Entity {id: id})
CALL (a) {
  MATCH (a)-[r:{{RELATION_TYPES}}]-(b:Entity) WHERE type(r) IN $types AND coalesce(r.confidence, 1.0) >= $minConfidence RETURN r, b
  UNION ALL
  MATCH (a)-[r:CO_OCCURS]-(b:Entity) WHERE 'CO_OCCURS' IN $types RETURN r, b
  UNION ALL
  MATCH (a)-[r:MENTIONS]-(b:Entity) WHERE 'MENTIONS' IN $types RETURN r, b
}
WITH b, r
WHERE NOT b.id IN $visited
  AND ($kinds IS NULL OR any(k IN $kinds WHERE k IN labels(b)))
WITH b, count(r) AS links
ORDER BY links DESC, b.id
LIMIT $limit
RETURN b {.id, .kind, .name, .nameAr, .nameEn, .acronym, .category, _labels: labels(b)} AS b
