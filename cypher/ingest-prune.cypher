// After a replacement or removal: entities the old version named that nothing refers to any more
// (no mention, no relation, not cited, not an ingested document) are removed.
UNWIND $entityIds AS id
MATCH (e:Entity {id: id})
WHERE e.sha256 IS NULL AND NOT EXISTS { (e)--() }
DELETE e
