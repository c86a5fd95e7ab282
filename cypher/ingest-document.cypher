// The ingested document: an entity of kind Document with its header fields. Its own title wins
// over the name other documents cite it by; aliases and search keys are unioned.
// Beside it, its Contribution (not on the Document, which the API returns whole): the entities it
// touched and its co-occurrence pairs (positions in entityIds) with their weights, to undo it later.
MERGE (d:Entity {id: $row.id})
SET d:Document, d += $row.props,
    d.aliases = coalesce(d.aliases, []) + [a IN $row.aliases WHERE NOT a IN coalesce(d.aliases, [])],
    d.searchKey = reduce(s = coalesce(d.searchKey, ''), k IN $row.keys |
      CASE WHEN k IN split(s, ' | ') THEN s WHEN s = '' THEN k ELSE s + ' | ' + k END)
MERGE (c:Contribution {id: $row.id})
MERGE (d)-[:HAS_CONTRIBUTION]->(c)
SET c.entityIds = $entityIds, c.coA = $coA, c.coB = $coB, c.coWeight = $coWeight
