// The document's text, paragraph by paragraph.
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
CREATE (p:Paragraph {id: row.id})
SET p += row.props, p.documentId = $documentId
CREATE (d)-[:HAS_PARAGRAPH]->(p)
