// The edges of allowed types whose two ends are both in $ids (a subgraph's edge set), at most
// $limit of them: typed relations first, then mentions, then co-occurrences by weight, so a
// subgraph stays bounded however many co-occurrence edges its nodes have. As in api-neighbours,
// each branch expands one family of types, and only when asked for.
UNWIND $ids AS id
MATCH (a:Entity {id: id})
CALL (a) {
  MATCH (a)-[r:{{RELATION_TYPES}}]->(b:Entity) WHERE type(r) IN $types AND b.id IN $ids AND coalesce(r.confidence, 1.0) >= $minConfidence RETURN r, b, 0 AS rank
  UNION ALL
  MATCH (a)-[r:MENTIONS]->(b:Entity) WHERE 'MENTIONS' IN $types AND b.id IN $ids RETURN r, b, 1 AS rank
  UNION ALL
  MATCH (a)-[r:CO_OCCURS]->(b:Entity) WHERE 'CO_OCCURS' IN $types AND b.id IN $ids RETURN r, b, 2 AS rank
}
WITH a, r, b, rank
ORDER BY rank, coalesce(r.weight, 0) DESC, a.id, b.id, type(r), elementId(r)
LIMIT $limit
RETURN elementId(r) AS id, a.id AS source, b.id AS target, type(r) AS type, r.evidence AS evidence,
       r.document AS document, r.paragraph AS paragraph, r.confidence AS confidence
