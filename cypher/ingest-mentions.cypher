// Provenance: one MENTIONS per (document, entity) with parallel lists of every mention, and what
// the document says of the entity (e* properties, to recompute it after a removal).
// `mentionCount` on the entity is the stored sum of its MENTIONS counts (read by the API in one
// property, whatever the hub's size). $docs: [{documentId, rows}] (several documents per batch).
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})
UNWIND doc.rows AS row
MATCH (e:Entity {id: row.id})
CREATE (d)-[m:MENTIONS]->(e)
SET m = row.props, e.mentionCount = coalesce(e.mentionCount, 0) + row.props.count
