// Marks stale the ranked pages a replacement, a removal or a repair may change (src/graph/rank.ts
// markRanks): the entities of $ids that it recomputed (counts may fall, names change; a neighbour
// ranking without a page too: it depends on the entity's own relations only) and the
// ranked neighbours whose page holds one of them or may take it in (a renamed entity moves only
// there; a neighbour whose own relations changed is among $ids). Reads scan a stale entity until
// settleStaleRanks ranks it again after the commit. Not shared with ingest-entities.cypher's
// marks: ingestion marks neighbours only when a name changes, and every ranked one (cheap there,
// as it is rare); here names and counts may change for any of $ids.
UNWIND $ids AS id
MATCH (x:Entity {id: id})
CALL (x) {
  WITH x WHERE (x.rankCount IS NOT NULL OR x.rankNb IS NOT NULL) AND x.rankStale IS NULL
  SET x.rankStale = true
}
CALL (x) {
  MATCH (x)-[r:{{RELATION_TYPES}}]-(a:Entity)
  WHERE a.rankCount IS NOT NULL AND a.rankStale IS NULL AND (r.count >= a.rankCount[-1] OR x.id IN a.rankOther)
  SET a.rankStale = true
}
