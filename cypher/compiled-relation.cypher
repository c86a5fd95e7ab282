// One relation field of a compiled read (`relations(...)` or a per-type field such as
// `organized`) for every entity of the set __from__ of the kinds $__p__kinds (null: any; a
// per-type field selected under `... on Agency` is read for agencies only), read as the relations DataLoader reads it
// (cypher/api-relations.cypher): each entity's page of typed relations of $__p__types (null:
// any) in direction $__p__direction whose best confidence reaches $__p__minConfidence, by count
// then the other end's name and id, type and direction (OUT after IN), each with its first
// $__p__evidence evidence entries at or above the minimum. A well-connected entity's page comes
// from its ranked lists (src/graph/rank.ts: its first K relations in this order, with type,
// direction and best confidence) when they hold $__p__first relations passing the filters; else
// all of its relations are read and sorted. Both give the same page (stale lists, written since
// and settled after the ingestion's commit, are not used). __types__ is the model's relation types the field
// can expand (all of them, or the per-type field's one); __row__ a row of the relation `r` to
// the other end `b` (cypher/compiled-relation-row.cypher). Gives __out__ (per entity: its rows)
// and __set__ (the distinct other ends, the set the fields below this one start from; empty when
// $__p__below is false: no field below reads it, and the last level of a two-level read has ~400).
CALL (__from__) {
  UNWIND __from__ AS a
  WITH a WHERE $__p__kinds IS NULL OR any(k IN $__p__kinds WHERE k IN labels(a))
  // The ranked lists' entries passing the filters, computed once for both ways below (each list
  // read once: an indexed property read loads the whole list). Only the first $__p__first of them
  // are used, and whether there are that many: with no type or direction asked and the first
  // $__p__first entries all at or above the minimum, those are the answer, without scanning the
  // K entries (a null or missing confidence fails `all`, and the scan decides as before).
  WITH a, CASE WHEN a.rankStale IS NULL THEN coalesce(a.rankRel, []) ELSE [] END AS rels, a.rankType AS types, a.rankOut AS outs, a.rankConf AS confs
  WITH a, rels, types, outs,
    CASE WHEN $__p__types IS NULL AND $__p__direction = 'BOTH' AND size(rels) >= $__p__first
        AND all(i IN range(0, $__p__first - 1) WHERE confs[i] >= $__p__minConfidence) THEN range(0, $__p__first - 1)
      ELSE [i IN range(0, size(rels) - 1) WHERE ($__p__types IS NULL OR types[i] IN $__p__types)
        AND ($__p__direction = 'BOTH' OR outs[i] = ($__p__direction = 'OUT'))
        AND confs[i] >= $__p__minConfidence] END AS picked
  CALL (a, rels, types, outs, picked) {
    CALL (a, rels, types, outs, picked) {
      // From the ranked lists when the stored relations passing the filters fill the page: each
      // sought by its element id (no other relation of a hub is read).
      WITH a, rels, types, outs, picked WHERE size(picked) >= $__p__first
      UNWIND picked[0..$__p__first] AS i
      MATCH (x)-[r]->(y) WHERE elementId(r) = rels[i] AND type(r) = types[i]
      WITH a, i, r, CASE WHEN outs[i] THEN y ELSE x END AS b
      ORDER BY i
      RETURN r, b
      UNION ALL
      // Otherwise all of them, sorted.
      WITH a, picked WHERE size(picked) < $__p__first
      MATCH (a)-[r:__types__]-(b:Entity)
      WHERE ($__p__types IS NULL OR type(r) IN $__p__types)
        AND ($__p__direction = 'BOTH' OR (startNode(r) = a) = ($__p__direction = 'OUT'))
        AND r.confidence >= $__p__minConfidence
      WITH a, r, b
      ORDER BY r.count DESC, coalesce(b.name, b.id), b.id, type(r), startNode(r) = a
      LIMIT $__p__first
      RETURN r, b
    }
    WITH a, r, b
    // A row: cypher/compiled-relation-row.cypher, or the other end alone (__row__).
    RETURN collect(__row__) AS rows, collect(CASE WHEN $__p__below THEN b END) AS reached
  }
  WITH collect({id: a.id, rows: rows}) AS found, collect(reached) AS reached
  CALL (reached) {
    UNWIND reached AS list
    UNWIND list AS b
    WITH DISTINCT b
    RETURN collect(b) AS others
  }
  RETURN found AS __out__, others AS __set__
}
