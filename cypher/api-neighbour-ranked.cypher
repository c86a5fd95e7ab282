// Whether any entity holds a neighbour ranking (rankNb, cypher/rank-build.cypher): the service
// sends the neighbourhood with the hops' fast path (api-neighbourhood) only then, else the plain
// statement (api-neighbourhood-plain); both are exact, so a stale answer costs speed only
// (src/api/services/graph.ts neighbourhoodStatement caches it). No index holds the property: a
// scan of Entity nodes that stops at the first ranked one (a graph without any reads them all:
// the seeds' few hundred, well under a millisecond).
RETURN EXISTS { MATCH (a:Entity) WHERE a.rankNb IS NOT NULL } AS ranked
