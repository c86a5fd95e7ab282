// Entities whose ranked page (cypher/rank-build.cypher) is missing, of another size than $k or
// no longer due (src/graph/rank.ts buildRanks, at every start: a graph written before ranked
// pages existed, or under another KG_RANK_SIZE, gets them). Only entities with more than $k
// relationships of any type (one degree-store read each) are counted by type.
MATCH (a:Entity)
WHERE a.rankRel IS NOT NULL OR COUNT { (a)--() } > $k
WITH a, COUNT { (a)-[:{{RELATION_TYPES}}]-() } > $k AS due
WHERE CASE WHEN due THEN a.rankRel IS NULL OR size(a.rankRel) <> $k OR a.rankConf IS NULL ELSE a.rankRel IS NOT NULL END
RETURN a.id AS id
