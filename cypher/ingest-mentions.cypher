// Provenance: one MENTIONS per (document, entity) with parallel lists of every mention, and what
// the document says of the entity (e* properties, to recompute it after a removal).
// `mentionCount` on the entity is the stored sum of its MENTIONS counts (read by the API in one
// property, whatever the hub's size). $docs: [{documentId, rows}] (several documents per batch).
// Each row's eKeys (the entity's search keys, the same list in most documents naming it) is a
// position in $keys: a hub's long list is sent once per statement, not once per document.
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})
UNWIND doc.rows AS row
MATCH (e:Entity {id: row.id})
CREATE (d)-[m:MENTIONS]->(e)
SET m = row.props
SET m.eKeys = $keys[row.keys], e.mentionCount = coalesce(e.mentionCount, 0) + row.props.count
