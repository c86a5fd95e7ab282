// One hop of the neighbourhood (cypher/api-neighbourhood.cypher, {{NEIGHBOUR_HOP(n)}} for hop n:
// the fragment's comment lines are dropped and __n__ becomes the hop's number): the entities
// linked to the last hop's (`added`; $depth >= n, nothing cut yet), not yet in the subgraph,
// best connected to it first; one more than there is room for tells whether the limit cut.
// Takes and returns the rows `starts, nodes, added, truncated`.
// The hop's fast path from the stored neighbour rankings is cypher/fragment-neighbour-fast.cypher
// ({{NEIGHBOUR_FAST}}: it answers when the rankings prove it, else leaves the frontier to the full
// read below); the statement without it (api-neighbourhood-plain, src/graph/cypher.ts VARIANTS)
// is the full read alone, for a graph where no entity is ranked.
CALL (nodes, added, truncated) {
  WITH nodes, CASE WHEN truncated OR $depth < __n__ THEN [] ELSE added END AS frontier, null AS fast
  {{NEIGHBOUR_FAST}}
  CALL (nodes, frontier) {
    UNWIND frontier AS a
    CALL (a) {
      MATCH (a)-[r:{{RELATION_TYPES}}]-(b) WHERE type(r) IN $types AND ($minConfidence <= 0 OR r.confidence >= $minConfidence) RETURN b, r.count AS stated, 0 AS named
      UNION ALL
      MATCH (a)-[r:CO_OCCURS]-(b) WHERE 'CO_OCCURS' IN $types RETURN b, 0 AS stated, r.weight AS named
      UNION ALL
      MATCH (a)-[r:MENTIONS]-(b) WHERE 'MENTIONS' IN $types RETURN b, 0 AS stated, r.count AS named
    }
    WITH nodes, b, stated, named
    WHERE NOT b IN nodes AND ($anyKind OR any(k IN $kinds WHERE k IN labels(b)))
    WITH b, sum(stated) AS stated, sum(named) AS named
    ORDER BY stated DESC, named DESC, b.id
    LIMIT $limit + 1
    RETURN collect(b) AS found
  }
  RETURN coalesce(fast, found) AS found
}
WITH starts, nodes + found[0..$limit - size(nodes)] AS nodes, found[0..$limit - size(nodes)] AS added,
     truncated OR size(found) > $limit - size(nodes) AS truncated
