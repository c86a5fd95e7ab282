// The root of a compiled read (src/api/compile, README "The compiler"): the entities of $ids,
// each with every relation field its GraphQL selection asks for, nested to any depth, in ONE
// statement. __calls__ are compiled-relation sub-queries for `this`; __fields__ maps their
// generated keys (f1, f2 ...) to their results. Placeholders are filled from the selection's
// shape and the model only; every value is a parameter.
UNWIND $ids AS id
MATCH (this:Entity {id: id})
__calls__
RETURN id, this {.*, _labels: labels(this)} AS node, {__fields__} AS fields
