// Entries a recompute may bring into ranked pages (src/graph/rank.ts settleRanks): for the
// entities of $ids that a removal or a repair recomputed (recompute may rename), their relationships to
// ranked entities whose page they may enter (count at least the page's last) or are in. A page
// holding a renamed entity is checked again by rank-merge.cypher (ranked from scratch if needed).
UNWIND $ids AS id
MATCH (x:Entity {id: id})
MATCH (x)-[r:{{RELATION_TYPES}}]-(a:Entity)
WHERE a.rankRel IS NOT NULL AND (r.count >= a.rankCount[-1] OR x.id IN a.rankOther)
RETURN a.id AS id, {c: r.count, confidence: r.confidence, n: coalesce(x.name, x.id), o: x.id, t: type(r), d: startNode(r) = a, e: elementId(r)} AS entry
