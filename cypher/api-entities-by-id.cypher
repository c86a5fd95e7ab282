// Entities by id, batched (DataLoader): one row per id found.
// Each entity whole, without the graph's bookkeeping (cypher/fragment-entity-whole.cypher).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN id, {{ENTITY_WHOLE(e)}} AS e
