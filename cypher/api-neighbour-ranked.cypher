// Whether any entity holds a ranked page (more than K typed relations, cypher/rank-build.cypher),
// and so a neighbour ranking with a bound that a hop's fast path pays off on: the service sends
// the neighbourhood with the hops' fast path (api-neighbourhood) only then, else the plain
// statement (api-neighbourhood-plain; entities of J to K relations keep a neighbour ranking too,
// which only helps the candidates of a ranked frontier). Both are exact, so a stale answer costs
// speed only (src/api/services/graph.ts neighbourhoodStatement caches it). No index holds the
// property: a scan of Entity nodes that stops at the first ranked one (a graph without any reads
// them all: the seeds' 386, 773 db hits, ~2 ms).
RETURN EXISTS { MATCH (a:Entity) WHERE a.rankCount IS NOT NULL } AS ranked
