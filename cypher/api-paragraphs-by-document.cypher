// Paragraphs of several documents, batched, in document order: each document's paragraphs from
// ordinal $offset, at most $first of them (the loader groups documents by page).
UNWIND $ids AS id
MATCH (d:Document {id: id})
CALL (d) {
  MATCH (d)-[:HAS_PARAGRAPH]->(p:Paragraph)
  WHERE p.ordinal >= $offset
  WITH p ORDER BY p.ordinal
  LIMIT $first
  RETURN p
}
RETURN id, p {.*} AS p
