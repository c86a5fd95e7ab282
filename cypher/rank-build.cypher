// The ranked page of well-connected entities, from scratch (src/graph/rank.ts): an entity of $ids
// with more than $k typed relations keeps its first $k in the page order of
// cypher/api-relations.cypher (count descending, the other end's coalesce(name, id), its id,
// type, direction: IN before OUT) as parallel lists rankCount, rankConf (best confidence),
// rankName, rankOther (other end's id), rankType, rankOut (true: the entity is the start) and
// rankRel (the relationship's element id, which reads seek). Entities with $k or fewer have none.
// In the same pass, its neighbour ranking for the neighbourhood's hops (cypher/api-neighbourhood.cypher):
// the other ends b over ALL typed relations, both directions, scored by sum(r.count) as a hop
// scores them, ordered score DESC, b.id; the first $n as rankNb (ids) and rankNbScore, and the
// first one outside them as the bound rankNbBound (score) and rankNbBoundId (null when all fit).
// It depends on the entity's own typed relations' counts and the other ends' ids only, so the
// marks that keep the page keep it too: ingestion marks every entity with lists it names, and every
// end of a relationship it writes is named (ingest-entities.cypher); a replacement, removal or
// repair marks the entities it recomputed, which include every entity whose relations changed
// (rank-mark.cypher). A rename changes neither counts nor ids.
// Reads all of a hub's relations: for the entities a write marked stale (ingestion, replacement,
// removal, repair; after its commit), a new hub, and at start.
// An entity with more than $j typed relations but at most $k (src/graph/rank.ts
// rankNeighboursAbove) keeps the neighbour ranking only (`listed`, not `due`): all its neighbours.
UNWIND $ids AS id
MATCH (a:Entity {id: id})
WITH a, COUNT { (a)-[:{{RELATION_TYPES}}]-() } > $j AS listed
WHERE listed OR a.rankRel IS NOT NULL OR a.rankNb IS NOT NULL OR a.rankStale IS NOT NULL
// Its write lock before reading its relations: a concurrent writer of this entity commits first
// (an entity below J is written by the caller's transaction already, or not ranked).
SET a.rankLock = true
REMOVE a.rankLock
WITH a, COUNT { (a)-[:{{RELATION_TYPES}}]-() } AS degree
WITH a, degree > $k AS due, degree > $j AS listed
CALL (a, due) {
  MATCH (a)-[r:{{RELATION_TYPES}}]-(b:Entity)
  WHERE due
  WITH a, r, b ORDER BY r.count DESC, coalesce(b.name, b.id), b.id, type(r), startNode(r) = a
  LIMIT $k
  RETURN collect({c: r.count, confidence: r.confidence, n: coalesce(b.name, b.id), o: b.id, t: type(r), d: startNode(r) = a, e: elementId(r)}) AS top
}
SET a.rankCount = CASE WHEN due THEN [e IN top | e.c] END,
    a.rankConf = CASE WHEN due THEN [e IN top | e.confidence] END,
    a.rankName = CASE WHEN due THEN [e IN top | e.n] END,
    a.rankOther = CASE WHEN due THEN [e IN top | e.o] END,
    a.rankType = CASE WHEN due THEN [e IN top | e.t] END,
    a.rankOut = CASE WHEN due THEN [e IN top | e.d] END,
    a.rankRel = CASE WHEN due THEN [e IN top | e.e] END
WITH a, listed
// The other end's label is not read: typed relations join entities only (as the hop reads them).
CALL (a, listed) {
  MATCH (a)-[r:{{RELATION_TYPES}}]-(b)
  WHERE listed
  WITH b, sum(r.count) AS score
  ORDER BY score DESC, b.id
  LIMIT $n + 1
  RETURN collect(b.id) AS nb, collect(score) AS scores
}
SET a.rankNb = CASE WHEN listed THEN nb[0..$n] END,
    a.rankNbScore = CASE WHEN listed THEN scores[0..$n] END,
    a.rankNbBound = CASE WHEN listed AND size(nb) > $n THEN scores[$n] END,
    a.rankNbBoundId = CASE WHEN listed AND size(nb) > $n THEN nb[$n] END
// Ranked from the committed graph under the entity's lock: no longer stale (ingest-entities.cypher).
REMOVE a.rankStale
