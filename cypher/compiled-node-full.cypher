// An entity of a compiled read as a whole node: the entities of $ids (cypher/compiled-entity.cypher)
// and the other end of a compiled relation whose selection asks for more than the summary. It
// primes the entity DataLoader, so it carries what cypher/api-entities-by-id.cypher sends: the
// entity as the API reads it whole, without the graph's bookkeeping (cypher/fragment-entity-whole.cypher).
{{ENTITY_WHOLE(b)}}
