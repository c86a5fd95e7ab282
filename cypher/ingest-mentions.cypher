// Provenance: one MENTIONS per (document, entity) with parallel lists of every mention.
// $docs: [{documentId, rows}] (several documents per batch).
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})
UNWIND doc.rows AS row
MATCH (e:Entity {id: row.id})
CREATE (d)-[m:MENTIONS]->(e)
SET m = row.props
