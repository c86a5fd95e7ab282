// The entities several documents name, batched, most mentioned first: each ask (a document and
// optional kinds) gets at most $first of them (the loader groups asks by page size).
UNWIND $asks AS k
MATCH (d:Document {id: k.id})
CALL (d, k) {
  MATCH (d)-[m:MENTIONS]->(e:Entity)
  WHERE k.kinds IS NULL OR any(x IN k.kinds WHERE x IN labels(e))
  WITH e, m ORDER BY m.count DESC, e.id
  LIMIT $first
  RETURN e, m
}
RETURN k.key AS key, e {.*, _labels: labels(e)} AS e, m.count AS count, m.paragraphs AS paragraphs
