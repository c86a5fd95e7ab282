// The typed relationships a batch wrote ($rels: [{from, to, type}], each once) that have a ranked
// end, with what a ranked page keeps of them (src/graph/rank.ts, cypher/rank-merge.cypher).
// Found between its two ends (Expand(Into) from the end of smaller degree).
UNWIND $rels AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
WITH a, b, row WHERE a.rankRel IS NOT NULL OR b.rankRel IS NOT NULL
MATCH (a)-[r:{{RELATION_TYPES}}]->(b)
WHERE type(r) = row.type
RETURN a.id AS from, b.id AS to, a.rankRel IS NOT NULL AS fromRanked, b.rankRel IS NOT NULL AS toRanked,
       r.count AS c, r.confidence AS f, coalesce(a.name, a.id) AS fromName, coalesce(b.name, b.id) AS toName,
       type(r) AS t, elementId(r) AS e
