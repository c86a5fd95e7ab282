// Entries a rename may bring into ranked pages (src/graph/rank.ts): for the entities of $ids that
// a document of $documents names (ingest-entities.cypher: namedBy; a new entity or a rename) or
// that $recomputed lists (removal, replacement: recompute may rename), their relationships to
// ranked entities whose page they may enter (count at least the page's last) or are in. A page
// holding a renamed entity is checked again by rank-merge.cypher (ranked from scratch if needed).
UNWIND $ids AS id
MATCH (x:Entity {id: id})
WHERE x.namedBy IN $documents OR id IN $recomputed
MATCH (x)-[r:{{RELATION_TYPES}}]-(a:Entity)
WHERE a.rankRel IS NOT NULL AND (r.count >= a.rankCount[-1] OR x.id IN a.rankOther)
RETURN a.id AS id, {c: r.count, confidence: r.confidence, n: coalesce(x.name, x.id), o: x.id, t: type(r), d: startNode(r) = a, e: elementId(r)} AS entry
