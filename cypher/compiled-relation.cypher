// One relation field of a compiled read (`relations(...)` or a per-type field such as
// `organized`) for every entity of the set __from__ of the kinds $__p__kinds (null: any; a
// per-type field selected under `... on Agency` is read for agencies only), read as the relations DataLoader reads it
// (cypher/api-relations.cypher): each entity's page of typed relations of $__p__types (null:
// any) in direction $__p__direction whose best confidence reaches $__p__minConfidence, by count
// then the other end's name and id, type and direction (OUT after IN), each with its first
// $__p__evidence evidence entries at or above the minimum. A well-connected entity's page comes
// from its ranked lists (src/graph/rank.ts: its first K relations in this order) when they hold
// $__p__first relations passing the filters: those relationships are looked up from their other
// end (Expand(Into)), not all of a hub's read; otherwise, or when fewer pass, all of them are
// read and sorted. Both give the same page. __types__ is the model's relation types the field
// can expand (all of them, or the per-type field's one); __projection__ the other end's
// properties (compiled-node-summary or compiled-node-full). Gives __out__ (per entity: its rows)
// and __set__ (the distinct other ends, the set the fields below this one start from).
CALL (__from__) {
  UNWIND __from__ AS a
  WITH a WHERE $__p__kinds IS NULL OR any(k IN $__p__kinds WHERE k IN labels(a))
  CALL (a) {
    WITH a, coalesce(a.rankOther, []) AS others
    WITH a, [i IN range(0, size(others) - 1) WHERE size(others) >= $__p__first
        AND ($__p__types IS NULL OR a.rankType[i] IN $__p__types)
        AND ($__p__direction = 'BOTH' OR a.rankOut[i] = ($__p__direction = 'OUT'))] AS picked
    // Without a confidence floor every picked relation passes: look up only the page. The hint
// keeps the other end found by its id (the planner otherwise expands all of a hub's relations per entry).
    UNWIND CASE WHEN $__p__minConfidence > 0 THEN picked ELSE picked[0..$__p__first] END AS i
    MATCH (b:Entity {id: a.rankOther[i]}) USING INDEX b:Entity(id)
    MATCH (a)-[r:__types__]-(b)
    WHERE type(r) = a.rankType[i] AND (startNode(r) = a) = a.rankOut[i] AND r.confidence >= $__p__minConfidence
    WITH r, b ORDER BY i
    LIMIT $__p__first
    RETURN collect({r: r, b: b}) AS ranked
  }
  CALL (a, ranked) {
    WITH a WHERE size(ranked) < $__p__first
    MATCH (a)-[r:__types__]-(b:Entity)
    WHERE ($__p__types IS NULL OR type(r) IN $__p__types)
      AND ($__p__direction = 'BOTH' OR (startNode(r) = a) = ($__p__direction = 'OUT'))
      AND r.confidence >= $__p__minConfidence
    WITH a, r, b
    ORDER BY r.count DESC, coalesce(b.name, b.id), b.id, type(r), startNode(r) = a
    LIMIT $__p__first
    RETURN collect({r: r, b: b}) AS scanned
  }
  CALL (a, ranked, scanned) {
    UNWIND CASE WHEN size(ranked) >= $__p__first THEN ranked ELSE scanned END AS hit
    WITH a, hit.r AS r, hit.b AS b
    WITH a, r, b, coalesce(r.evConfidence, [])[0..$__p__evidence] AS top
    RETURN collect({
      type: type(r), direction: CASE WHEN startNode(r) = a THEN 'OUT' ELSE 'IN' END,
      other: __projection__, count: r.count, documentCount: r.documents, confidence: r.confidence,
      evidence: [i IN range(0, size(top) - 1) WHERE top[i] >= $__p__minConfidence |
        {text: r.evText[i], documentId: r.evDocument[i], paragraph: r.evParagraph[i], confidence: top[i]}]
    }) AS rows, collect(b) AS reached
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
