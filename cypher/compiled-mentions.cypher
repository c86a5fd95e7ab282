// The `mentions(document:, first:)` field of a compiled read for every entity of the set
// __from__, read as the mentions DataLoader reads it (cypher/api-mentions-by-entity.cypher): each
// entity's first $__p__first occurrences by document id then offset, only in document
// $__p__document when given. Gives __out__ (per entity: its rows) and __docs__ (the documents
// named, whole, when the selection asks for `Mention.document`: $__p__documents).
CALL (__from__) {
  UNWIND __from__ AS e
  CALL (e) {
    MATCH (d:Document)-[m:MENTIONS]->(e)
    WHERE $__p__document IS NULL OR d.id = $__p__document
    UNWIND range(0, size(coalesce(m.starts, [])) - 1) AS i
    WITH d, m, i
    ORDER BY d.id, m.starts[i]
    LIMIT $__p__first
    RETURN collect({documentId: d.id, text: m.texts[i], start: m.starts[i], end: m.ends[i], paragraph: m.mentionParagraphs[i]}) AS rows,
           collect(DISTINCT d) AS named
  }
  WITH collect({id: e.id, rows: rows}) AS found, collect(named) AS named
  CALL (named) {
    UNWIND CASE WHEN $__p__documents THEN named ELSE [] END AS list
    UNWIND list AS d
    WITH DISTINCT d
    RETURN collect(d {.*, _labels: labels(d)}) AS documents
  }
  RETURN found AS __out__, documents AS __docs__
}
