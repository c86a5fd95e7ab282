// Shortest paths between two entities over allowed edge types. The pattern's upper bound must be
// a literal: 6 here, the API's maximum; $maxLength narrows it.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE length(p) <= $maxLength AND all(r IN relationships(p) WHERE type(r) IN $types)
WITH p LIMIT $paths
RETURN [n IN nodes(p) | n {.*, _labels: labels(n)}] AS nodes,
       [r IN relationships(p) | {id: elementId(r), source: startNode(r).id, target: endNode(r).id, type: type(r),
         evidence: r.evidence, document: r.document, paragraph: r.paragraph, confidence: r.confidence}] AS edges
