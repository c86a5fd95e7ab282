// The root of a compiled read (src/api/compile, README "The compiler"): the entities of $ids and
// every relation field the GraphQL selection asks for below them, to any depth, in ONE statement.
// Level by level, as the DataLoaders batch: each relation field is one compiled-relation
// sub-query over the DISTINCT entities its parent field reached (s0: the entities of $ids), so
// an entity reached twice is expanded once. __calls__ are those sub-queries, parents first;
// __fields__ maps their generated keys (f1, f2 ...) to their results. Placeholders are filled
// from the selection's shape and the model only; every value is a parameter.
UNWIND $ids AS id
MATCH (this:Entity {id: id})
WITH collect(this) AS s0
__calls__
RETURN [n IN s0 | n {.*, _labels: labels(n)}] AS nodes, {__fields__} AS fields
