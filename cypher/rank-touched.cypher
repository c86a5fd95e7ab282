// The typed relationships a batch wrote ($rels: [{from, to, type}], each once) that have a ranked
// end, with what a ranked page keeps of them (src/graph/rank.ts, cypher/rank-merge.cypher).
// Found between its two ends (Expand(Into) from the end of smaller degree).
UNWIND $rels AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
WITH a, b, row WHERE a.rankRel IS NOT NULL OR b.rankRel IS NOT NULL
MATCH (a)-[r:{{RELATION_TYPES}}]->(b)
WHERE type(r) = row.type
// A ranked end's last count: below it the relationship cannot enter the page (nor be in it: counts
// only grow), so the caller leaves it out of the merge (a hub's page gets tens, not thousands).
RETURN a.id AS from, b.id AS to, a.rankCount[-1] AS fromLast, b.rankCount[-1] AS toLast,
       r.count AS c, r.confidence AS confidence, coalesce(a.name, a.id) AS fromName, coalesce(b.name, b.id) AS toName,
       type(r) AS t, elementId(r) AS e
