// Paragraphs of several documents, batched, in document order.
UNWIND $ids AS id
MATCH (:Document {id: id})-[:HAS_PARAGRAPH]->(p:Paragraph)
RETURN id, p {.*} AS p
ORDER BY id, p.ordinal
