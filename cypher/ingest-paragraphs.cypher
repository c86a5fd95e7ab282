// The documents' text, paragraph by paragraph. $docs: [{documentId, rows}]. A row without
// `text` takes it from its document's source on the Contribution (written just before, in the
// same transaction) at its offsets: the loader leaves it out when the source has no character
// outside the BMP, where substring's code points are JavaScript's code units, so each paragraph's
// text crosses the wire once, not twice.
UNWIND $docs AS doc
MATCH (d:Document {id: doc.documentId})-[:HAS_CONTRIBUTION]->(c:Contribution)
WITH doc, d, c.text AS source
UNWIND doc.rows AS row
CREATE (p:Paragraph {id: row.id})
SET p += row.props, p.documentId = doc.documentId
SET p.text = coalesce(row.props.text, substring(source, row.props.start, row.props.end - row.props.start))
CREATE (d)-[:HAS_PARAGRAPH]->(p)
