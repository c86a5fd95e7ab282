// A file now yields a document with another id: the old Document stops being an ingested one
// and goes entirely when nothing refers to it any more.
MATCH (d:Document {id: $documentId})
OPTIONAL MATCH (d)-[:HAS_CONTRIBUTION]->(c:Contribution)
DETACH DELETE c
WITH DISTINCT d
REMOVE d.sha256, d.file, d.paragraphCount
WITH d WHERE NOT EXISTS { (d)--() }
DELETE d
