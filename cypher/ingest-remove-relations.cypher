// Undo the typed relations a document stated. Their source nodes are among the entities the
// document contributed to, so no relationship scan is needed.
UNWIND $entityIds AS id
MATCH (:Entity {id: id})-[r]->()
WHERE r.document = $documentId
DELETE r
