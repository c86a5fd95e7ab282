// One hop of a neighbourhood: the entities linked to the frontier by an allowed edge type, not
// yet visited, best connected to the frontier first: by the stored counts of the typed relations
// linking them (one relationship per (type, pair) carries `count`), then by the weight of the
// opted-in co-occurrences (`weight`) and mentions (`count`). Types are data ($types: the model's
// relation types asked for, plus CO_OCCURS and MENTIONS when the caller opts in); each branch
// expands one family of relationship types only, and a branch not asked for expands nothing.
// Typed relations whose best confidence is below $minConfidence are not followed (CO_OCCURS and
// MENTIONS carry no confidence). Nodes come as the summary a subgraph draws.
UNWIND $frontier AS id
MATCH (a:Entity {id: id})
CALL (a) {
  MATCH (a)-[r:{{RELATION_TYPES}}]-(b:Entity) WHERE type(r) IN $types AND r.confidence >= $minConfidence RETURN b, r.count AS stated, 0 AS named
  UNION ALL
  MATCH (a)-[r:CO_OCCURS]-(b:Entity) WHERE 'CO_OCCURS' IN $types RETURN b, 0 AS stated, r.weight AS named
  UNION ALL
  MATCH (a)-[r:MENTIONS]-(b:Entity) WHERE 'MENTIONS' IN $types RETURN b, 0 AS stated, r.count AS named
}
WITH b, stated, named
WHERE NOT b.id IN $visited
  AND ($kinds IS NULL OR any(k IN $kinds WHERE k IN labels(b)))
WITH b, sum(stated) AS stated, sum(named) AS named
ORDER BY stated DESC, named DESC, b.id
LIMIT $limit
RETURN b {.id, .kind, .name, .nameAr, .nameEn, .acronym, .category, _labels: labels(b)} AS b
