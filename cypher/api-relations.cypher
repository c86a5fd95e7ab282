// Typed relations of several entities, batched: one "ask" per (entity, types, direction, evidence
// page) with the same page size $first (the loader groups asks by page size); the loader splits
// the rows back by ask key. Only the model's relation types are expanded ({{RELATION_TYPES}}, see
// src/graph/cypher.ts): a hub's thousands of MENTIONS and CO_OCCURS are never touched. The types
// asked for are data (validated by the API against the model), never spliced into the statement.
// One relationship per (type, from, to) holds the fact's totals (count, documents, best
// confidence) and its evidence as parallel lists in canonical order (confidence descending first).
// Each ask gets its first $first relations by count, then the other end's name and id, type and
// direction (OUT after IN). A well-connected entity keeps its first K relations in that order
// (src/graph/rank.ts), with type, direction and best confidence: when they hold $first relations
// passing the ask's filters, only those are read; otherwise all are. Both give the same page.
// Lists marked stale (written since, settled after the ingestion's commit) are not used. minConfidence keeps the relations whose best
// confidence reaches it and, inside them, the entries that do: the lists being sorted by
// confidence, those are a prefix, so filtering the first k.evidence entries is the evidence page.
// The other end comes as a summary (src/api/selection.ts: the rest is loaded only when asked).
// Evidence text: an entry stores its position (cypher/ingest-relations.cypher), so the sentence is
// read here, for the entries returned only, as a slice of its Paragraph (a unique-id lookup);
// an ask for the first entry alone reads evBest (entry 0 stored as [sentence, document,
// paragraph]): no evidence list, no paragraph.
UNWIND $asks AS k
MATCH (a:Entity {id: k.id})
CALL (a, k) {
  // From the ranked lists: the stored relations passing the ask's filters, when they fill the
  // page; each is sought by its element id (no other relation of a hub is read).
  // Each list read once (an indexed property read loads the whole list).
  WITH a, k, CASE WHEN a.rankStale IS NULL THEN coalesce(a.rankRel, []) ELSE [] END AS rels, a.rankType AS types, a.rankOut AS outs, a.rankConf AS confs
  WITH a, k, rels, types, outs, [i IN range(0, size(rels) - 1) WHERE types[i] IN k.types
      AND (k.direction = 'BOTH' OR outs[i] = (k.direction = 'OUT')) AND confs[i] >= k.minConfidence] AS picked
  WITH rels, types, outs, picked WHERE size(picked) >= $first
  UNWIND picked[0..$first] AS i
  MATCH (x)-[r]->(y) WHERE elementId(r) = rels[i] AND type(r) = types[i]
  WITH i, r, CASE WHEN outs[i] THEN y ELSE x END AS b
  ORDER BY i
  RETURN r, b
  UNION ALL
  // Otherwise all of them, sorted (ORDER BY with LIMIT keeps only the page in memory).
  // Each list read once (an indexed property read loads the whole list).
  WITH a, k, CASE WHEN a.rankStale IS NULL THEN coalesce(a.rankRel, []) ELSE [] END AS rels, a.rankType AS types, a.rankOut AS outs, a.rankConf AS confs
  WITH a, k, rels, types, outs, [i IN range(0, size(rels) - 1) WHERE types[i] IN k.types
      AND (k.direction = 'BOTH' OR outs[i] = (k.direction = 'OUT')) AND confs[i] >= k.minConfidence] AS picked
  WITH a, k WHERE size(picked) < $first
  MATCH (a)-[r:{{RELATION_TYPES}}]-(b:Entity)
  WHERE type(r) IN k.types AND (k.direction = 'BOTH' OR (startNode(r) = a) = (k.direction = 'OUT'))
    AND r.confidence >= k.minConfidence
  WITH a, r, b
  ORDER BY r.count DESC, coalesce(b.name, b.id), b.id, type(r), startNode(r) = a
  LIMIT $first
  RETURN r, b
}
WITH k, a, r, b, CASE WHEN k.evidence > 1 THEN coalesce(r.evConfidence, [])[0..k.evidence] ELSE [] END AS top
RETURN k.key AS key, type(r) AS type, CASE WHEN startNode(r) = a THEN 'OUT' ELSE 'IN' END AS direction,
       b {.id, .kind, .name, .nameAr, .nameEn, .acronym, .category, _labels: labels(b)} AS other,
       r.count AS count, r.documents AS documentCount, r.confidence AS confidence,
       CASE WHEN k.evidence = 1 THEN [x IN [r.evBest] WHERE r.confidence >= k.minConfidence |
         {text: x[0], documentId: x[1], paragraph: x[2], confidence: r.confidence}]
       ELSE [i IN range(0, size(top) - 1) WHERE top[i] >= k.minConfidence |
         {text: {{EVIDENCE_TEXT(r, i)}}, documentId: r.evDocument[i], paragraph: r.evParagraph[i], confidence: top[i]}] END AS evidence
