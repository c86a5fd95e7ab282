// The ranked page of an entity kept incrementally after a removal or a repair (src/graph/rank.ts
// settleRanks): an entry changes if the recompute renamed its other end (rank-renamed.cypher);
// row.extra brings those, fresh, as {c, confidence, n, o, t, d, e}
// entries. So the new first $k are among the stored $k, as stored, and row.extra: merged in
// memory, O(K + extra), no relationship or other node read (reading them back costed seconds per
// batch inside the ingestion transaction). When an extra entry renames a stored one, its key may
// have moved down and let in a relation not at hand: the entity is returned as `broken` and
// written nothing; the caller ranks it from scratch (rank-build.cypher).
UNWIND $rows AS row
MATCH (a:Entity {id: row.id})
// Its write lock before reading its lists: a concurrent writer of this entity commits first.
SET a.rankLock = true
REMOVE a.rankLock
WITH a, row WHERE a.rankRel IS NOT NULL
// Each list read once (an indexed property read loads the whole list).
WITH a, row, a.rankRel AS rels, a.rankCount AS counts, a.rankConf AS confs, a.rankName AS names,
     a.rankOther AS others, a.rankType AS types, a.rankOut AS outs, [x IN row.extra | x.e] AS fresh
WITH a, row, fresh, [i IN range(0, size(rels) - 1) |
       {c: counts[i], confidence: confs[i], n: names[i], o: others[i], t: types[i], d: outs[i], e: rels[i]}] AS stored
WITH a, row, [s IN stored WHERE NOT s.e IN fresh] AS kept,
     any(s IN stored WHERE s.e IN fresh AND any(x IN row.extra WHERE x.e = s.e AND x.n <> s.n)) AS broken
CALL (a, row, kept, broken) {
  UNWIND CASE WHEN broken THEN [] ELSE kept + row.extra END AS e
  WITH DISTINCT e
  ORDER BY e.c DESC, e.n, e.o, e.t, e.d
  LIMIT $k
  WITH collect(e) AS top
  WITH top WHERE NOT broken
  SET a.rankCount = [e IN top | e.c], a.rankConf = [e IN top | e.confidence], a.rankName = [e IN top | e.n],
      a.rankOther = [e IN top | e.o], a.rankType = [e IN top | e.t], a.rankOut = [e IN top | e.d],
      a.rankRel = [e IN top | e.e]
}
RETURN a.id AS id, broken
