// Undo a document's paragraphs.
MATCH (:Document {id: $documentId})-[:HAS_PARAGRAPH]->(p:Paragraph)
DETACH DELETE p
