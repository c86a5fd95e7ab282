// A neighbourhood in ONE statement (was one per hop plus one for the edges): the start entities
// of $ids (in that order, at most $limit), then breadth-first up to $depth hops (at most 3, the
// API's MAX_DEPTH: one block per hop, a hop beyond $depth or after the limit cut expands
// nothing), then the edges among the nodes. Each hop is cypher/api-neighbours.cypher and the
// edge set cypher/api-edges-among.cypher, as the service ran them one by one: the same entities
// best connected first (stored counts of typed relations, then co-occurrence and mention
// weights), the same order of edges, at most $edgeLimit + 1 of them (one more tells the service
// the edge limit cut). Types are data ($types: the model's relation types asked for, plus
// CO_OCCURS and MENTIONS when the caller opts in); each branch expands one family of types only.
// `starts` come whole (a document's title labels it), the entities reached as the summary a
// subgraph draws.
// The service pads $ids, $types and $kinds with '' (one cached plan for all requests; `$anyKind`:
// no kind filter). `$details` false (the selection asks no evidence, document, paragraph or
// confidence of edges) skips reading the evidence lists, the largest properties of the graph.
// (Keeping each hop's relationships to skip the second reading of the edges was tried: the hops'
// lists ride along every row of the edges' sort, which Neo4j counts whole per row: a few hundred
// co-occurrences passed the 512 MB transaction limit.)
// Reads skipped because they cannot change the answer (at 10,000 documents a hop reads all of
// a hub's relationships: 10,107 for agency:secretariat): the other end's `Entity` label (typed
// relations, MENTIONS and CO_OCCURS are written between entities only: ingest-relations,
// -mentions, -cooccurs) and, when $minConfidence is 0, each relationship's confidence (every typed
// relation stores its best one, between 0 and 1).
// Evidence text: an entry stores its position (cypher/ingest-relations.cypher), so the sentence is
// read here, for the entries returned only, as a slice of its Paragraph (a unique-id lookup).
CALL () {
  UNWIND range(0, size($ids) - 1) AS i
  MATCH (s:Entity {id: $ids[i]})
  WITH s ORDER BY i
  RETURN collect(s) AS found
}
WITH found[0..$limit] AS nodes, size(found) > $limit AS truncated
WITH size(nodes) AS starts, nodes, nodes AS added, truncated
// Hops 1 to 3 ($depth of them at most; a hop after the limit cut expands nothing), each the same
// block (cypher/fragment-neighbour-hop.cypher: a fast path from the stored neighbour rankings
// when they prove the answer, else every relationship of the frontier).
{{NEIGHBOUR_HOP(1)}}
{{NEIGHBOUR_HOP(2)}}
{{NEIGHBOUR_HOP(3)}}
// The edges of allowed types among the nodes, typed relations first, then mentions, then
// co-occurrences, each by its stored weight, ties by source id, target id and type: one
// relationship per (type, from, to), so the order is total and the edge limit cuts the same edges
// whatever order the store gives (no elementId tie-break: the service names an edge by its ends
// and type). Each node's relationships are expanded once, from the start side, so each edge is
// read once; one UNWIND per family (a family not asked for unwinds nothing: no subquery per node);
// the ids are read once per edge, for the sort and the answer alike. `$ranked` (the types asked
// for are exactly the model's typed relations, which the expansion already keeps to) skips the
// type test per relationship.
// The other end is tested as a member of the node list, not by id: with `b.id IN ids` the planner
// seeks every id in the index and joins each pair (Expand(Into)), 40x the db hits on the seeds' hub.
// `members` is the node list padded with 128 integers (no node equals one, and none is null, so
// `b IN members` is exactly `b IN nodes`): Neo4j tests membership in a list of fewer than 128
// values by scanning it, in a longer one through a hash set. The scan was
// ~2.5 ms of the statement at 100 nodes and 908 relationships (10,000 documents, a typical start),
// the hash set ~0.1 ms (bench/findings.md, "nbedge helper").
CALL (nodes) {
  WITH nodes, nodes + range(1, 128) AS members
  CALL (nodes, members) {
    UNWIND CASE WHEN size(nodes) > 1 THEN nodes ELSE [] END AS a
    MATCH (a)-[r:{{RELATION_TYPES}}]->(b) WHERE ($ranked OR type(r) IN $types) AND b IN members AND ($minConfidence <= 0 OR r.confidence >= $minConfidence)
    RETURN r, a, b, 0 AS rank, r.count AS weight
    UNION ALL
    UNWIND CASE WHEN size(nodes) > 1 AND 'MENTIONS' IN $types THEN nodes ELSE [] END AS a
    MATCH (a)-[r:MENTIONS]->(b) WHERE b IN members
    RETURN r, a, b, 1 AS rank, r.count AS weight
    UNION ALL
    UNWIND CASE WHEN size(nodes) > 1 AND 'CO_OCCURS' IN $types THEN nodes ELSE [] END AS a
    MATCH (a)-[r:CO_OCCURS]->(b) WHERE b IN members
    RETURN r, a, b, 2 AS rank, r.weight AS weight
  }
  WITH r, rank, weight, a.id AS source, b.id AS target, type(r) AS type
  ORDER BY rank, weight DESC, source, target, type
  LIMIT $edgeLimit + 1
  RETURN collect(CASE WHEN $details THEN [source, target, type, weight, {{EVIDENCE_TEXT(r, 0)}}, r.evDocument[0], r.evParagraph[0], r.confidence]
                  ELSE [source, target, type, weight] END) AS edges
}
// Rows are lists, not maps (the driver decodes every key of every map: a third of the API's CPU
// for this query); the service names the positions. Labels only for a node without `kind`.
// A reached node brings the one name its label shows (the first non-empty of name, nameAr,
// nameEn, as toEntity chooses), not all three (two of them Arabic, decoded for nothing).
RETURN [n IN nodes[0..starts] | [n.id, n.kind, n.name, n.nameAr, n.nameEn, n.category, CASE WHEN n.kind IS NULL THEN labels(n) END, n.title, n.symbol]] AS starts,
       [n IN nodes[starts..] | [n.id, n.kind, {{NODE_NAME(n)}}, n.category, CASE WHEN n.kind IS NULL THEN labels(n) END]] AS reached,
       edges, truncated
