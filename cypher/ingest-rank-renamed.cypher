// The ranked entities (cypher/ingest-rank.cypher) whose stored page a change of name may have
// made wrong: neighbours of entities of $ids that may have been renamed (named by a document of
// $documents, an ingested document among them, or any of them when $all: recomputed after a
// removal) through a relationship the batch did not write (those it wrote are merged anyway)
// whose count reaches the neighbour's last ranked count (below it, the name cannot bring the
// relation into the page). Their rankings are recomputed from all their relations.
UNWIND $ids AS id
MATCH (x:Entity {id: id})
WHERE $all OR x.namedBy IN $documents OR x.id IN $documents
MATCH (x)-[r:{{RELATION_TYPES}}]-(a:Entity)
WHERE a.rankOther IS NOT NULL AND r.count >= a.rankCount[-1]
  AND NOT any(d IN r.evDocument WHERE d IN $documents)
RETURN DISTINCT a.id AS id
