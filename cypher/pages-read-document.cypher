// Everything the document reader (/read/<id>, src/pages/reader.ts) shows, in one round trip:
// the document's header, its paragraphs in order, every mention (MENTIONS keeps one array slot
// per occurrence) with the entity's summary, and the typed relations whose evidence this document
// gives. Relations are reached through the entities it mentions (and the document itself), so a
// hub's relations from other documents are filtered on r.evDocument, never returned; a relation
// (one per type and pair) gives one row per evidence entry of this document.
// Evidence text: an entry stores its position (cypher/ingest-relations.cypher), so the sentence is
// read here, for the entries returned only, as a slice of its Paragraph (a unique-id lookup).
MATCH (d:Document {id: $id})
CALL (d) {
  OPTIONAL MATCH (d)-[:HAS_PARAGRAPH]->(p:Paragraph)
  WITH p ORDER BY p.ordinal
  RETURN collect(p {.id, .number, .ordinal, .text, .start, .end}) AS paragraphs
}
CALL (d) {
  OPTIONAL MATCH (d)-[m:MENTIONS]->(e:Entity)
  WITH e, m WHERE e IS NOT NULL
  UNWIND range(0, size(coalesce(m.starts, [])) - 1) AS i
  RETURN collect({entity: e.id, kind: e.kind, name: e.name, nameEn: e.nameEn, start: m.starts[i], end: m.ends[i], text: m.texts[i]}) AS mentions
}
CALL (d) {
  OPTIONAL MATCH (d)-[:MENTIONS]->(x:Entity)
  WITH d, collect(x) AS named
  UNWIND named + [d] AS a
  MATCH (a)-[r:{{RELATION_TYPES}}]->(b:Entity)
  WHERE d.id IN r.evDocument AND r.confidence >= $minConfidence
  UNWIND [i IN range(0, size(r.evDocument) - 1) WHERE r.evDocument[i] = d.id AND r.evConfidence[i] >= $minConfidence] AS i
  RETURN collect({type: type(r), source: a.id, sourceName: a.name, target: b.id, targetName: b.name, evidence: {{EVIDENCE_TEXT(r, i)}},
                  paragraph: r.evParagraph[i], confidence: r.evConfidence[i]}) AS relations
}
RETURN d {.*, _labels: labels(d)} AS d, paragraphs, mentions, relations
