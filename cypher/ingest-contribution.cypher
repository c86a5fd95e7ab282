// What this document added, kept beside it (not on the Document, which the API returns whole):
// the entities it touched and its co-occurrence pairs (positions in entityIds) with their weights.
MATCH (d:Document {id: $documentId})
MERGE (c:Contribution {id: $documentId})
MERGE (d)-[:HAS_CONTRIBUTION]->(c)
SET c.entityIds = $entityIds, c.coA = $coA, c.coB = $coB, c.coWeight = $coWeight
