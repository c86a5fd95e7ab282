// Entities whose ranked page (cypher/rank-build.cypher) is missing, of another size than $k, no
// longer due, or pointing at relationships that are not its own (element ids are the store's: a
// graph copied by export and import gets new ones) — src/graph/rank.ts buildRanks, at every
// start: a graph written before ranked pages existed, or under another KG_RANK_SIZE, gets them.
// Only entities with more than $k relationships of any type (one degree-store read each) are
// counted by type.
MATCH (a:Entity)
WHERE a.rankRel IS NOT NULL OR COUNT { (a)--() } > $k
WITH a, COUNT { (a)-[:{{RELATION_TYPES}}]-() } > $k AS due
WHERE CASE WHEN NOT due THEN a.rankRel IS NOT NULL
           WHEN a.rankRel IS NULL OR a.rankConf IS NULL OR size(a.rankRel) <> $k THEN true
           ELSE COUNT {
             UNWIND range(0, size(a.rankRel) - 1) AS i
             MATCH (x)-[r]->(y) WHERE elementId(r) = a.rankRel[i] AND type(r) = a.rankType[i]
               AND (CASE WHEN a.rankOut[i] THEN y ELSE x END).id = a.rankOther[i]
             RETURN i
           } < $k END
RETURN a.id AS id
