// The fast path of a neighbourhood hop (cypher/fragment-neighbour-hop.cypher, {{NEIGHBOUR_FAST}}:
// the ranked neighbourhood statement has it, api-neighbourhood-plain, which the service sends while
// the graph holds no neighbour ranking, has not). Takes `nodes, frontier`; returns `nodes, frontier, fast`:
// `fast` the hop's answer when the rankings prove it (the frontier then empty), else null and the
// frontier whole, for the full read that follows it in the hop.
// Each hop has a fast path from the stored neighbour rankings (cypher/rank-build.cypher: an
// entity's first $n neighbours by summed typed counts, then id, and the first one outside them as
// a bound; kept by every entity above J typed relations, so one of at most K has them all and
// no bound: "ranked" below means holding these lists, "few" having no relation page), taken only when the hop follows every model relation type and nothing else
// ($ranked, set by the service) at no confidence filter: the rankings score exactly that. The
// frontier splits into `ranked` (fresh lists) and `scanned` (the rest, read whole as before).
// Candidates: the ranked lists' ids and the scanned neighbours, not in the subgraph, of an asked
// kind. A candidate's exact score sums every frontier entity's part: the stored score where a
// list holds it, the scanned reads, and the relationships to the ranked entities whose list
// lacks it: none to one whose list holds all its neighbours (no bound); at most its bound to
// another, and at most the bound - 1 when the candidate's id is below the bound's id (with the
// bound's score it would come before the bound in the list's (score DESC, id) order, so it would
// be listed; scores are sums of whole counts): none when that is 0 (the synthetic hub's bound is
// 1, so most candidates need no read of their part). So a candidate scores between `known` (what
// is listed or scanned) and `most` (known + those bounds); with m = $limit - size(nodes) and t the
// (m+1)-th candidate by (known DESC, id), the first m + 1 all come before any candidate c whose
// `most` is below t's known, or equal to it with an id above t's (each of them scores at least
// t's known, and at equal scores has a smaller id): such a c is not among the first m + 1 by
// score and is dropped unread. The relationships
// to the lacking ranked entities come from the candidate's own fresh ranking when it has one
// (a pair scores the same from both ends): its stored score when it lists the entity, 0 when it
// lists all its neighbours, or when its bound is 1 and the entity's id is below the bound's (the
// same rule from the other end). Else they are read: from the candidate's side when it is not ranked
// (at most K typed relations, read once for all the lacking entities), else by Expand(Into)
// between the two. (Expand(Into) from a hub to a small node cost 265-530 db hits a pair at
// 10,000 documents: Neo4j counted the small node's degree per relationship type.) A list is
// read into a variable once: `a.rankNb[i]` per row decoded the whole property each time.
// A neighbour that is no candidate is in no ranked list, so
// for each ranked a it scores at most a's bound, and exactly the bound only when its id is >=
// a's bound id (the bound is the first of a's neighbours outside its list in (score DESC, id)
// order; an a without a bound lists all its neighbours, and typed counts are >= 1, so such an a
// contributes 0 to it and its bound counts as 0). Summed: it scores at
// most B = the sum of the bounds, and when exactly B, it equals every bound, so its id is >=
// every bound id, hence >= the largest, `boundId`. With m = $limit - size(nodes) (the index of
// the one-more-than-room candidate, M = m + 1 entities), the first M candidates are the hop's
// answer when B = 0 (no ranked entity, or every neighbour listed: the candidates are all the
// neighbours), or when there are M and the M-th comes before any non-candidate in (score DESC,
// id) order: score > B, or score = B and id < boundId (a non-candidate at B has id >= boundId,
// and ids are unique). Ties at the boundary are the norm (the hub's neighbours nearly all score
// 1), and the strict `<` is what this order needs. Otherwise (`exact` false) the hop reads all
// as before, in the same statement; a hop that may not use the rankings, or whose frontier has no
// fresh ranking (the seeds: no entity has more than K relations), has `eligible` empty and reads
// all at once (the fast path's scan of an unranked frontier gives the same answer, 600 db hits and
// 1.5 ms more on the seeds' depth-2 neighbourhood).
  WITH nodes, frontier, CASE WHEN $ranked AND $minConfidence <= 0 THEN [a IN frontier WHERE a.rankStale IS NULL AND a.rankNb IS NOT NULL] ELSE [] END AS ranked
  // The ranked entities with a bound, as [entity, bound, bound id]: read once, for the candidates and the proof.
  WITH nodes, frontier, ranked, CASE WHEN size(ranked) > 0 THEN frontier ELSE [] END AS eligible,
       [a IN ranked WHERE a.rankNbBound IS NOT NULL | [a, a.rankNbBound, a.rankNbBoundId]] AS bounded
  CALL (nodes, eligible, ranked, bounded) {
    WITH nodes, ranked, bounded, [a IN eligible WHERE NOT a IN ranked] AS scanned, [n IN nodes | n.id] AS taken
    // Candidates by id: a node is sought only for the kind filter (when kinds are asked) and for
    // those left after the pruning (from a typical document at 10,000 documents: 103 of 590).
    CALL (ranked, scanned, taken) {
      UNWIND ranked AS a
      WITH a, taken, a.rankNb AS ids, a.rankNbScore AS scores
      UNWIND range(0, size(ids) - 1) AS i
      WITH a, ids[i] AS id, scores[i] AS score
      WHERE NOT id IN taken
      RETURN id, score, a AS lister
      UNION ALL
      UNWIND scanned AS a
      MATCH (a)-[r:{{RELATION_TYPES}}]-(b)
      WITH taken, b.id AS id, r.count AS score
      WHERE NOT id IN taken
      RETURN id, score, null AS lister
    }
    WITH nodes, bounded, id, score, lister
    WHERE $anyKind OR EXISTS { MATCH (x:Entity {id: id}) WHERE any(k IN $kinds WHERE k IN labels(x)) }
    WITH nodes, bounded, id, sum(score) AS known, collect(lister) AS listers
    // A bounded ranked entity not listing it may add its bound (- 1 below the bound's id) to it:
    // summed for every candidate; which ones are `missing` only for those the pruning keeps.
    WITH nodes, bounded, id, known, listers,
         known + reduce(s = 0, x IN bounded | s + CASE WHEN x[0] IN listers THEN 0 WHEN id < x[2] THEN x[1] - 1 ELSE x[1] END) AS most
    ORDER BY known DESC, id
    WITH $limit - size(nodes) AS m, bounded, collect([id, known, most, listers]) AS byKnown
    UNWIND [c IN byKnown WHERE size(byKnown) <= m OR c[2] > byKnown[m][1] OR (c[2] = byKnown[m][1] AND c[0] <= byKnown[m][0])] AS c
    MATCH (b:Entity {id: c[0]})
    WITH b, c[1] AS known, [x IN bounded WHERE NOT x[0] IN c[3] AND x[1] - CASE WHEN c[0] < x[2] THEN 1 ELSE 0 END > 0 | x[0]] AS missing
    // Its own id list only when a part is missing (the hub's hop 1 misses none: 200 lists unread),
    // its scores only for an entity it lists: reading rankNbScore as well for every candidate cost
    // ~2.5 ms for the 103 candidates from a typical document at 10,000 documents, which list none
    // of their missing entities (the two lists read together cost several times either alone:
    // measured, not explained). One row per candidate, a subquery only for the unread parts.
    WITH b, known, missing, CASE WHEN size(missing) > 0 AND b.rankStale IS NULL THEN b.rankNb END AS nbIds
    WITH b, known, [a IN missing | [a, CASE WHEN nbIds IS NULL THEN null
                                      WHEN a.id IN nbIds THEN b.rankNbScore[[i IN range(0, size(nbIds) - 1) WHERE nbIds[i] = a.id][0]]
                                      WHEN b.rankNbBound IS NULL OR (b.rankNbBound = 1 AND a.id < b.rankNbBoundId) THEN 0 END]] AS parts
    WITH b, known + reduce(s = 0, p IN parts | s + coalesce(p[1], 0)) AS known, [p IN parts WHERE p[1] IS NULL | p[0]] AS unread
    CALL (b, unread) {
      CALL (b, unread) {
        WITH b, unread WHERE size(unread) > 0 AND b.rankCount IS NULL
        MATCH (b)-[r:{{RELATION_TYPES}}]-(x) WHERE x IN unread
        RETURN r.count AS count
        UNION ALL
        WITH b, unread WHERE size(unread) > 0 AND b.rankCount IS NOT NULL
        UNWIND unread AS a
        MATCH (a)-[r:{{RELATION_TYPES}}]-(b)
        RETURN r.count AS count
      }
      RETURN sum(count) AS unlisted
    }
    WITH b, known + unlisted AS score
    ORDER BY score DESC, b.id
    LIMIT $limit + 1
    RETURN collect(b) AS fast, collect(score) AS scores
  }
  WITH nodes, frontier, eligible, fast, scores, $limit - size(nodes) AS m,
       reduce(s = 0, x IN bounded | s + x[1]) AS bound,
       reduce(s = '', x IN bounded | CASE WHEN x[2] > s THEN x[2] ELSE s END) AS boundId
  WITH nodes, frontier, fast,
       size(frontier) = 0 OR (size(eligible) > 0 AND (bound = 0 OR (size(fast) > m
         AND (scores[m] > bound OR (scores[m] = bound AND fast[m].id < boundId))))) AS exact
  WITH nodes, CASE WHEN exact THEN [] ELSE frontier END AS frontier, CASE WHEN exact THEN fast END AS fast
