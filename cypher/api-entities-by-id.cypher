// Entities by id, batched (DataLoader): one row per id found.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN id, e {.*, _labels: labels(e)} AS e
