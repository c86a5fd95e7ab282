// A neighbourhood in ONE statement: the start entities of $ids (in that order, at most $limit),
// then breadth-first up to $depth hops (at most 3, the API's MAX_DEPTH: one block per hop; a hop
// beyond $depth or after the limit cut expands nothing), then the edges among the nodes. It
// answers exactly what cypher/api-neighbours.cypher hop by hop and cypher/api-edges-among.cypher
// answer (tests/integration/api-compile.test.ts compares them): the same entities best connected
// first (stored counts of typed relations, then co-occurrence and mention weights), the same edges
// in the same order, at most $edgeLimit + 1 of them (one more tells the service the limit cut).
// Types are data ($types: the model's relation types asked for, plus CO_OCCURS and MENTIONS when
// the caller opts in); each branch expands one family of types only.
//
// Each node's relationships are read once (the edge set used to read them all again): a hop keeps
// the relationships it expanded that end in the subgraph (`rels`: to a node already in it, or to
// one the hop adds), and only the nodes no hop expanded (`added` after the last hop: the leaves)
// are expanded again, outgoing, for the edges among themselves. A hop that does not run keeps
// `added`, so the leaves are always the last nodes added. A relationship seen from both its ends
// is one edge (UNION). On the seeds' hub this halves the relationships read; at 1,000 documents a
// hub's 1,100 relationships are read once instead of twice.
// The service pads $ids, $types and $kinds with '' (one cached plan for all requests; `$anyKind`:
// no kind filter). `$details` false (the selection asks no evidence, document, paragraph or confidence of edges)
// skips reading the evidence lists, the largest properties of the graph. Nodes come with what
// labels them: the summary, and for the starts a document's title and symbol.
CALL () {
  UNWIND range(0, size($ids) - 1) AS i
  MATCH (s:Entity {id: $ids[i]})
  WITH s ORDER BY i
  RETURN collect(s) AS found
}
WITH found[0..$limit] AS nodes, size(found) > $limit AS truncated
WITH size(nodes) AS starts, nodes, nodes AS added, truncated, [] AS rels
// Hop 1 ($depth >= 1, nothing cut yet): the entities linked to the last hop's, best connected to
// them first. Old ends (already in the subgraph) sort first and are at most size(nodes), so
// $limit + 1 rows hold them and one more new entity than there is room for (it tells the limit cut).
CALL (nodes, added, truncated) {
  UNWIND CASE WHEN truncated OR $depth < 1 THEN [] ELSE added END AS a
  CALL (a) {
    MATCH (a)-[r:{{RELATION_TYPES}}]-(b:Entity) WHERE type(r) IN $types AND r.confidence >= $minConfidence RETURN r, b, r.count AS stated, 0 AS named
    UNION ALL
    MATCH (a)-[r:CO_OCCURS]-(b:Entity) WHERE 'CO_OCCURS' IN $types RETURN r, b, 0 AS stated, r.weight AS named
    UNION ALL
    MATCH (a)-[r:MENTIONS]-(b:Entity) WHERE 'MENTIONS' IN $types RETURN r, b, 0 AS stated, r.count AS named
  }
  WITH b, NOT b IN nodes AS new, sum(stated) AS stated, sum(named) AS named, collect(r) AS via
  WHERE NOT new OR $anyKind OR any(k IN $kinds WHERE k IN labels(b))
  ORDER BY new, stated DESC, named DESC, b.id
  LIMIT $limit + 1
  RETURN collect(CASE WHEN new THEN b END) AS found, collect(CASE WHEN new THEN via END) AS newVia, collect(CASE WHEN NOT new THEN via END) AS oldVia
}
WITH starts, nodes, rels, truncated, truncated OR $depth < 1 AS skipped, found[0..$limit - size(nodes)] AS reached,
     size(found) > $limit - size(nodes) AS cut, newVia, oldVia, added
WITH starts, nodes + reached AS nodes, CASE WHEN skipped THEN added ELSE reached END AS added,
     truncated OR (NOT skipped AND cut) AS truncated, rels + oldVia + newVia[0..size(reached)] AS rels
// Hop 2 ($depth >= 2, nothing cut yet): the entities linked to the last hop's, best connected to
// them first. Old ends (already in the subgraph) sort first and are at most size(nodes), so
// $limit + 1 rows hold them and one more new entity than there is room for (it tells the limit cut).
CALL (nodes, added, truncated) {
  UNWIND CASE WHEN truncated OR $depth < 2 THEN [] ELSE added END AS a
  CALL (a) {
    MATCH (a)-[r:{{RELATION_TYPES}}]-(b:Entity) WHERE type(r) IN $types AND r.confidence >= $minConfidence RETURN r, b, r.count AS stated, 0 AS named
    UNION ALL
    MATCH (a)-[r:CO_OCCURS]-(b:Entity) WHERE 'CO_OCCURS' IN $types RETURN r, b, 0 AS stated, r.weight AS named
    UNION ALL
    MATCH (a)-[r:MENTIONS]-(b:Entity) WHERE 'MENTIONS' IN $types RETURN r, b, 0 AS stated, r.count AS named
  }
  WITH b, NOT b IN nodes AS new, sum(stated) AS stated, sum(named) AS named, collect(r) AS via
  WHERE NOT new OR $anyKind OR any(k IN $kinds WHERE k IN labels(b))
  ORDER BY new, stated DESC, named DESC, b.id
  LIMIT $limit + 1
  RETURN collect(CASE WHEN new THEN b END) AS found, collect(CASE WHEN new THEN via END) AS newVia, collect(CASE WHEN NOT new THEN via END) AS oldVia
}
WITH starts, nodes, rels, truncated, truncated OR $depth < 2 AS skipped, found[0..$limit - size(nodes)] AS reached,
     size(found) > $limit - size(nodes) AS cut, newVia, oldVia, added
WITH starts, nodes + reached AS nodes, CASE WHEN skipped THEN added ELSE reached END AS added,
     truncated OR (NOT skipped AND cut) AS truncated, rels + oldVia + newVia[0..size(reached)] AS rels
// Hop 3 ($depth >= 3, nothing cut yet): the entities linked to the last hop's, best connected to
// them first. Old ends (already in the subgraph) sort first and are at most size(nodes), so
// $limit + 1 rows hold them and one more new entity than there is room for (it tells the limit cut).
CALL (nodes, added, truncated) {
  UNWIND CASE WHEN truncated OR $depth < 3 THEN [] ELSE added END AS a
  CALL (a) {
    MATCH (a)-[r:{{RELATION_TYPES}}]-(b:Entity) WHERE type(r) IN $types AND r.confidence >= $minConfidence RETURN r, b, r.count AS stated, 0 AS named
    UNION ALL
    MATCH (a)-[r:CO_OCCURS]-(b:Entity) WHERE 'CO_OCCURS' IN $types RETURN r, b, 0 AS stated, r.weight AS named
    UNION ALL
    MATCH (a)-[r:MENTIONS]-(b:Entity) WHERE 'MENTIONS' IN $types RETURN r, b, 0 AS stated, r.count AS named
  }
  WITH b, NOT b IN nodes AS new, sum(stated) AS stated, sum(named) AS named, collect(r) AS via
  WHERE NOT new OR $anyKind OR any(k IN $kinds WHERE k IN labels(b))
  ORDER BY new, stated DESC, named DESC, b.id
  LIMIT $limit + 1
  RETURN collect(CASE WHEN new THEN b END) AS found, collect(CASE WHEN new THEN via END) AS newVia, collect(CASE WHEN NOT new THEN via END) AS oldVia
}
WITH starts, nodes, rels, truncated, truncated OR $depth < 3 AS skipped, found[0..$limit - size(nodes)] AS reached,
     size(found) > $limit - size(nodes) AS cut, newVia, oldVia, added
WITH starts, nodes + reached AS nodes, CASE WHEN skipped THEN added ELSE reached END AS added,
     truncated OR (NOT skipped AND cut) AS truncated, rels + oldVia + newVia[0..size(reached)] AS rels
// The edges: those the hops kept, and those among the leaves (outgoing, so each once); typed
// relations first, then mentions, then co-occurrences, each by its stored weight.
CALL (added, rels) {
  CALL (added, rels) {
    UNWIND CASE WHEN size(added) > 1 THEN added ELSE [] END AS a
    CALL (a, added) {
      MATCH (a)-[r:{{RELATION_TYPES}}]->(b:Entity) WHERE type(r) IN $types AND b IN added AND r.confidence >= $minConfidence RETURN r
      UNION ALL
      MATCH (a)-[r:MENTIONS]->(b:Entity) WHERE 'MENTIONS' IN $types AND b IN added RETURN r
      UNION ALL
      MATCH (a)-[r:CO_OCCURS]->(b:Entity) WHERE 'CO_OCCURS' IN $types AND b IN added RETURN r
    }
    RETURN r
    UNION
    UNWIND rels AS via
    UNWIND via AS r
    RETURN r
  }
  WITH r, startNode(r) AS a, endNode(r) AS b, type(r) AS type
  WITH r, a, b, type, CASE type WHEN 'MENTIONS' THEN 1 WHEN 'CO_OCCURS' THEN 2 ELSE 0 END AS rank,
       CASE type WHEN 'CO_OCCURS' THEN r.weight ELSE r.count END AS weight
  ORDER BY rank, weight DESC, a.id, b.id, type, elementId(r)
  LIMIT $edgeLimit + 1
  RETURN collect(CASE WHEN $details THEN [elementId(r), a.id, b.id, type, weight, r.evText[0], r.evDocument[0], r.evParagraph[0], r.confidence]
                  ELSE [elementId(r), a.id, b.id, type, weight] END) AS edges
}
// Rows are lists, not maps (the driver decodes every key of every map: a third of the API's CPU
// for this query); the service names the positions. Labels only for a node without `kind`.
RETURN [n IN nodes[0..starts] | [n.id, n.kind, n.name, n.nameAr, n.nameEn, n.category, CASE WHEN n.kind IS NULL THEN labels(n) END, n.title, n.symbol]] AS starts,
       [n IN nodes[starts..] | [n.id, n.kind, n.name, n.nameAr, n.nameEn, n.category, CASE WHEN n.kind IS NULL THEN labels(n) END]] AS reached,
       edges, truncated
