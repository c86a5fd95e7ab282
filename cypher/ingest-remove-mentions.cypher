// Undo a document's provenance edges.
MATCH (:Document {id: $documentId})-[m:MENTIONS]->()
DELETE m
