// The documents' text, paragraph by paragraph. $docs: [{documentId, rows}].
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})
UNWIND doc.rows AS row
CREATE (p:Paragraph {id: row.id})
SET p += row.props, p.documentId = doc.documentId
CREATE (d)-[:HAS_PARAGRAPH]->(p)
