// What settleStaleRanks (src/graph/rank.ts) ranks again after a write committed: every entity
// marked stale (by ingest-entities.cypher or rank-mark.cypher; index entity_rank_stale), and the
// entities of $ids (the ends of the relationships written) that crossed $k without a page yet,
// or $j without a neighbour ranking (a degree-store read first, then the typed count).
CALL () {
  MATCH (a:Entity) WHERE a.rankStale IS NOT NULL
  RETURN a.id AS id
  UNION
  UNWIND $ids AS id
  MATCH (a:Entity {id: id})
  WHERE (a.rankCount IS NULL OR a.rankNb IS NULL) AND COUNT { (a)--() } > $j
  WITH a, COUNT { (a)-[:{{RELATION_TYPES}}]-() } AS degree
  WHERE (a.rankCount IS NULL AND degree > $k) OR (a.rankNb IS NULL AND degree > $j)
  RETURN a.id AS id
}
RETURN id
