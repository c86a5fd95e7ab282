// Number of mentions of several entities, batched: the per-document counts summed as they stream
// by (one small property per document, never the occurrences themselves). A count stored on the
// entity by the ingest statements, when there is one, is used as is.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  OPTIONAL MATCH (:Document)-[m:MENTIONS]->(e)
  RETURN sum(coalesce(m.count, size(m.starts), 0)) AS summed
}
RETURN id, coalesce(e.mentionCount, summed) AS count
