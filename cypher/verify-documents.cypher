// kg verify: a page of ingested documents (by id, after $after) with everything stored for each:
// its node, source (Contribution), MENTIONS, the evidence entries it gave typed relations, and its
// paragraphs.
// Evidence text: an entry stores its position (cypher/ingest-relations.cypher), so the sentence is
// read here, for the entries returned only, as a slice of its Paragraph (a unique-id lookup).
MATCH (d:Document) WHERE d.sha256 IS NOT NULL AND d.id > $after
WITH d ORDER BY d.id LIMIT $limit
OPTIONAL MATCH (d)-[:HAS_CONTRIBUTION]->(c:Contribution)
RETURN d.id AS id, properties(d) AS props, properties(c) AS contribution,
  COLLECT { MATCH (d)-[m:MENTIONS]->(e) RETURN {id: e.id, props: properties(m)} } AS mentions,
  COLLECT { UNWIND coalesce(c.entityIds, []) AS eid MATCH (:Entity {id: eid})-[r:{{RELATION_TYPES}}]->(b)
            WHERE d.id IN r.evDocument
            UNWIND [i IN range(0, size(r.evDocument) - 1) WHERE r.evDocument[i] = d.id] AS i
            RETURN {type: type(r), from: eid, to: b.id, paragraph: r.evParagraph[i], evidence: {{EVIDENCE_TEXT(r, i)}}, confidence: r.evConfidence[i]} } AS relations,
  COLLECT { MATCH (d)-[:HAS_PARAGRAPH]->(p) RETURN properties(p) } AS paragraphs
