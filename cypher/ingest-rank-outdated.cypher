// Entities whose ranked page (cypher/ingest-rank.cypher) is missing, of another size than $k or
// no longer due (src/graph/rank.ts buildRanks, at every start: a graph written before ranked
// pages existed, or under another KG_RANK_SIZE, gets them). Only entities with more than $k
// relationships of any type (one degree-store read each) are counted by type.
MATCH (a:Entity)
WHERE a.rankOther IS NOT NULL OR COUNT { (a)--() } > $k
WITH a, COUNT { (a)-[:{{RELATION_TYPES}}]-() } > $k AS due
WHERE CASE WHEN due THEN a.rankOther IS NULL OR size(a.rankOther) <> $k ELSE a.rankOther IS NOT NULL END
RETURN a.id AS id
