// The ranked page of well-connected entities (src/graph/rank.ts): an entity with more than $k
// typed relations keeps its first $k in the page order of cypher/api-relations.cypher (count
// descending, the other end's name then id, type, direction: OUT after IN) as parallel lists
// rankCount, rankName (the other end's coalesce(name, id)), rankOther (its id), rankType,
// rankOut (true: the entity is the start). Reads of a page of at most $k then look up those
// relationships instead of reading all of a hub's. Entities with $k or fewer have no lists.
//
// $rows: [{id, full, changed: [{o: other end id, t: type, out}]}]. A row is updated
// - incrementally when the entity is ranked, `full` is false and `changed` lists ALL the
//   relationships of it the batch wrote: writing only adds evidence (counts grow, keys move
//   earlier) and adds relationships, and the other ends' names did not change (the caller sets
//   `full` otherwise, cypher/ingest-rank-renamed.cypher), so the new first $k are among the
//   stored $k and the changed ones: merged, sorted, cut;
// - else from all its typed relations (a hub: one scan, only when removal, replacement, a
//   rename or crossing the threshold asks for it).
UNWIND $rows AS row
MATCH (a:Entity {id: row.id})
// Its write lock before reading its lists and relationships: a concurrent writer of this entity
// commits first, and what is read here includes its changes (the entities a batch wrote are
// locked already; a renamed one's neighbours are not).
SET a.rankLock = true
REMOVE a.rankLock
WITH a, row
CALL (a, row) {
  WITH a, row WHERE a.rankOther IS NOT NULL AND NOT row.full
  CALL (a, row) {
    UNWIND row.changed AS c
    MATCH (b:Entity {id: c.o})
    MATCH (a)-[r:{{RELATION_TYPES}}]-(b)
    WHERE type(r) = c.t AND (startNode(r) = a) = c.out
    RETURN collect({c: r.count, n: coalesce(b.name, b.id), o: b.id, t: c.t, d: c.out}) AS changed
  }
  CALL (a, changed) {
    UNWIND changed + [i IN range(0, size(a.rankOther) - 1)
        WHERE NOT any(x IN changed WHERE x.o = a.rankOther[i] AND x.t = a.rankType[i] AND x.d = a.rankOut[i]) |
        {c: a.rankCount[i], n: a.rankName[i], o: a.rankOther[i], t: a.rankType[i], d: a.rankOut[i]}] AS e
    WITH e ORDER BY e.c DESC, e.n, e.o, e.t, e.d
    LIMIT $k
    RETURN collect(e) AS top
  }
  RETURN top, true AS ranked
  UNION ALL
  WITH a, row WHERE a.rankOther IS NULL OR row.full
  WITH a, COUNT { (a)-[:{{RELATION_TYPES}}]-() } > $k AS ranked
  CALL (a, ranked) {
    WITH a WHERE ranked
    MATCH (a)-[r:{{RELATION_TYPES}}]-(b:Entity)
    WITH a, r, b ORDER BY r.count DESC, coalesce(b.name, b.id), b.id, type(r), startNode(r) = a
    LIMIT $k
    RETURN collect({c: r.count, n: coalesce(b.name, b.id), o: b.id, t: type(r), d: startNode(r) = a}) AS top
  }
  RETURN top, ranked
}
WITH a, top, ranked WHERE ranked OR a.rankOther IS NOT NULL
SET a.rankCount = CASE WHEN ranked THEN [e IN top | e.c] END,
    a.rankName = CASE WHEN ranked THEN [e IN top | e.n] END,
    a.rankOther = CASE WHEN ranked THEN [e IN top | e.o] END,
    a.rankType = CASE WHEN ranked THEN [e IN top | e.t] END,
    a.rankOut = CASE WHEN ranked THEN [e IN top | e.d] END
