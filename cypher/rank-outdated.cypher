// Entities whose ranked page or neighbour ranking (cypher/rank-build.cypher) is missing (a graph
// ranked before the neighbour ranking existed gets it here), of another size than $k or $n, no
// longer due, marked stale (a crash between an ingestion's commit and its settling), or
// pointing at relationships that are not its own (element ids are the store's: a graph copied
// by export and import gets new ones) — src/graph/rank.ts buildRanks, at every
// start: a graph written before ranked pages existed, or under another KG_RANK_SIZE, gets them.
// Entities with more than $j typed relations keep the neighbour ranking, those with more than
// $k the page too (rank-build.cypher; $j from another KG_RANK_NEIGHBOURS_ABOVE ranks them again).
// Only entities with more than $j relationships of any type (one degree-store read each) are
// counted by type.
MATCH (a:Entity)
WHERE a.rankRel IS NOT NULL OR a.rankNb IS NOT NULL OR a.rankStale IS NOT NULL OR COUNT { (a)--() } > $j
WITH a, COUNT { (a)-[:{{RELATION_TYPES}}]-() } AS degree
WITH a, degree > $k AS due, degree > $j AS listed, a.rankRel AS rels, a.rankType AS types, a.rankOther AS others, a.rankOut AS outs
WHERE CASE WHEN a.rankStale IS NOT NULL THEN true
           WHEN NOT listed THEN a.rankRel IS NOT NULL OR a.rankNb IS NOT NULL
           // Neighbour lists: present, parallel, at most $n long, and $n long when a bound is kept.
           WHEN a.rankNb IS NULL OR a.rankNbScore IS NULL OR size(a.rankNbScore) <> size(a.rankNb)
             OR size(a.rankNb) > $n OR (size(a.rankNb) < $n AND a.rankNbBound IS NOT NULL) THEN true
           WHEN NOT due THEN a.rankRel IS NOT NULL
           WHEN rels IS NULL OR a.rankConf IS NULL OR size(rels) <> $k THEN true
           ELSE COUNT {
             UNWIND range(0, size(rels) - 1) AS i
             MATCH (x)-[r]->(y) WHERE elementId(r) = rels[i] AND type(r) = types[i]
               AND (CASE WHEN outs[i] THEN y ELSE x END).id = others[i]
             RETURN i
           } < $k END
RETURN a.id AS id
