// The edges of allowed types whose two ends are both in $ids (a subgraph's edge set), at most
// $limit of them: typed relations first, then mentions, then co-occurrences, each by its stored
// weight (count of statements, mentions, or paragraphs naming both), so a subgraph stays bounded
// however many co-occurrence edges its nodes have. One relationship per (type, pair): a typed
// edge gives its best evidence entry (entry 0 of its lists, kept best first by the writer); its
// best confidence decides $minConfidence. As in api-neighbours, each branch expands one family
// of types, and only when asked for.
// Evidence text: an entry stores its position (cypher/ingest-relations.cypher), so the sentence is
// read here, for the entries returned only, as a slice of its Paragraph (a unique-id lookup).
UNWIND $ids AS id
MATCH (a:Entity {id: id})
CALL (a) {
  MATCH (a)-[r:{{RELATION_TYPES}}]->(b:Entity) WHERE type(r) IN $types AND b.id IN $ids AND r.confidence >= $minConfidence
  RETURN r, b, 0 AS rank, r.count AS weight
  UNION ALL
  MATCH (a)-[r:MENTIONS]->(b:Entity) WHERE 'MENTIONS' IN $types AND b.id IN $ids RETURN r, b, 1 AS rank, r.count AS weight
  UNION ALL
  MATCH (a)-[r:CO_OCCURS]->(b:Entity) WHERE 'CO_OCCURS' IN $types AND b.id IN $ids RETURN r, b, 2 AS rank, r.weight AS weight
}
WITH a, r, b, rank, weight
ORDER BY rank, weight DESC, a.id, b.id, type(r), elementId(r)
LIMIT $limit
RETURN elementId(r) AS id, a.id AS source, b.id AS target, type(r) AS type, weight, {{EVIDENCE_TEXT(r, 0)}} AS evidence,
       r.evDocument[0] AS document, r.evParagraph[0] AS paragraph, r.confidence AS confidence
