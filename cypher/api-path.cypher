// Shortest paths between two entities over allowed edge types. The pattern's upper bound must be
// a literal: 6 here, the API's maximum; $maxLength narrows it AFTER the search: inside the
// shortestPath WHERE it is not checkable during the breadth-first search and makes Neo4j fall back
// to an exhaustive search of every path up to 6 hops (seconds to timeouts on unconnected pairs).
// allShortestPaths only returns paths of the minimal length, so filtering afterwards is equivalent.
// Each edge is one relationship per (type, pair), named by the service from its ends and type: its
// stored weight (typed relations and MENTIONS `count`, CO_OCCURS `weight`) and, for a typed one,
// its best evidence entry (entry 0).
// Evidence text: an entry stores its position (cypher/ingest-relations.cypher), so the sentence is
// read here, for the entries returned only, as a slice of its Paragraph (a unique-id lookup).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $types AND coalesce(r.confidence, 1.0) >= $minConfidence)
WITH p WHERE length(p) <= $maxLength
WITH p LIMIT $paths
RETURN [n IN nodes(p) | n {.*, _labels: labels(n)}] AS nodes,
       [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r),
         weight: CASE type(r) WHEN 'CO_OCCURS' THEN r.weight ELSE r.count END,
         evidence: {{EVIDENCE_TEXT(r, 0)}}, document: r.evDocument[0], paragraph: r.evParagraph[0], confidence: r.confidence}] AS edges
