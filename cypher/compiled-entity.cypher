// The root of a compiled read (src/api/compile, README "The compiler"): the entities of $ids and
// every relation field the GraphQL selection asks for below them, to any depth, in ONE statement.
// Level by level, as the DataLoaders batch: each relation field is one compiled-relation
// sub-query over the DISTINCT entities its parent field reached (s0: the entities of $ids), so
// an entity reached twice is expanded once. __calls__ are those sub-queries, parents first;
// __fields__ pairs their generated keys (f1, f2 ...) with their results. Placeholders are filled
// from the selection's shape and the model only; every value is a parameter.
// One row per item of a result (key, item), the entities of $ids under the key 'nodes': many
// small records rather than one large one, which the driver decodes much faster (a record that
// spans several Bolt chunks has each of its strings decoded piece by piece). The entities of $ids
// are whole nodes (__node__: cypher/compiled-node-full.cypher).
UNWIND $ids AS id
MATCH (this:Entity {id: id})
WITH collect(this) AS s0
__calls__
UNWIND [['nodes', [b IN s0 | __node__]], __fields__] AS field
UNWIND field[1] AS item
RETURN field[0] AS key, item
