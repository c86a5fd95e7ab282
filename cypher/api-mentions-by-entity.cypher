// Mentions of several entities, batched: one "ask" per (entity, document filter) with the same
// page size $first (the loader groups asks by page size). MENTIONS keeps one array slot per
// occurrence; each ask gets its first $first occurrences by document id then offset. ORDER BY
// with LIMIT keeps only the page in memory, so a hub's tens of thousands of mentions are read
// but never collected.
UNWIND $asks AS k
MATCH (e:Entity {id: k.id})
CALL (e, k) {
  MATCH (d:Document)-[m:MENTIONS]->(e)
  WHERE k.document IS NULL OR d.id = k.document
  UNWIND range(0, size(coalesce(m.starts, [])) - 1) AS i
  WITH d.id AS documentId, m, i
  ORDER BY documentId, m.starts[i]
  LIMIT $first
  RETURN documentId, m.texts[i] AS text, m.starts[i] AS start, m.ends[i] AS end, m.mentionParagraphs[i] AS paragraph
}
RETURN k.key AS key, documentId, text, start, end, paragraph
