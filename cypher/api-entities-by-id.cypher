// Entities by id, batched (DataLoader): one row per id found.
// searchKey, sortName and namedBy are the graph's own bookkeeping (search keys, paging key,
// provenance), never part of an answer: projected as null, they are not sent (searchKey alone is
// about half the bytes of an entity node).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN id, e {.*, searchKey: null, sortName: null, namedBy: null, _labels: labels(e)} AS e
