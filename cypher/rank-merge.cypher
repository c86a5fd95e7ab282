// The ranked page of an entity kept incrementally after ingestion (src/graph/rank.ts). Ingestion
// only adds evidence (counts and best confidences grow) and relationships, so the new first $k
// are among the stored $k, read again here by element id (their counts refreshed), and
// row.extra: the entity's relationships the batch wrote or whose other end it renamed
// (rank-touched.cypher, rank-renamed.cypher), as {c, f, n, o, t, d, e} entries. O(K + extra):
// no other relationship of a hub is read. When a stored entry no longer matches (its other
// end was renamed: its key may have moved down, letting in a relation not at hand), the entity
// is returned as `broken` and written nothing: the caller ranks it from scratch (rank-build).
UNWIND $rows AS row
MATCH (a:Entity {id: row.id})
// Its write lock before reading: a concurrent writer of this entity commits first.
SET a.rankLock = true
REMOVE a.rankLock
WITH a, row WHERE a.rankRel IS NOT NULL
CALL (a) {
  UNWIND range(0, size(a.rankRel) - 1) AS i
  MATCH (x)-[r]->(y) WHERE elementId(r) = a.rankRel[i]
  WITH a, i, r, CASE WHEN a.rankOut[i] THEN y ELSE x END AS b
  RETURN collect({c: r.count, f: r.confidence, n: coalesce(b.name, b.id), o: b.id, t: type(r), d: a.rankOut[i], e: elementId(r)}) AS stored,
         sum(CASE WHEN coalesce(b.name, b.id) = a.rankName[i] AND b.id = a.rankOther[i] AND type(r) = a.rankType[i] THEN 0 ELSE 1 END) AS moved
}
WITH a, row, stored, moved > 0 OR size(stored) < size(a.rankRel) AS broken
CALL (a, row, stored, broken) {
  UNWIND CASE WHEN broken THEN [] ELSE stored + row.extra END AS e
  WITH DISTINCT e
  ORDER BY e.c DESC, e.n, e.o, e.t, e.d
  LIMIT $k
  WITH collect(e) AS top
  WITH top WHERE NOT broken
  SET a.rankCount = [e IN top | e.c], a.rankConf = [e IN top | e.f], a.rankName = [e IN top | e.n],
      a.rankOther = [e IN top | e.o], a.rankType = [e IN top | e.t], a.rankOut = [e IN top | e.d],
      a.rankRel = [e IN top | e.e]
}
RETURN a.id AS id, broken
