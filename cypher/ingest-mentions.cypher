// Provenance: one MENTIONS per (document, entity) with parallel lists of every mention.
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
CREATE (d)-[m:MENTIONS]->(e)
SET m = row.props
