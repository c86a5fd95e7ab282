// Marks stale the ranked pages a replacement may change (src/graph/rank.ts markRanks): the
// entities of $ids that its removal recomputed (counts may fall, names change) and the ranked
// neighbours whose page holds one of them or may take it in. Reads scan a stale entity until
// settleStaleRanks ranks it again after the commit (same test as cypher/rank-renamed.cypher).
UNWIND $ids AS id
MATCH (x:Entity {id: id})
CALL (x) {
  WITH x WHERE x.rankCount IS NOT NULL AND x.rankStale IS NULL
  SET x.rankStale = true
}
CALL (x) {
  MATCH (x)-[r:{{RELATION_TYPES}}]-(a:Entity)
  WHERE a.rankCount IS NOT NULL AND a.rankStale IS NULL AND (r.count >= a.rankCount[-1] OR x.id IN a.rankOther)
  SET a.rankStale = true
}
