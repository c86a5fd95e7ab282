// The entities several documents name, batched, most mentioned first.
UNWIND $ids AS id
MATCH (:Document {id: id})-[m:MENTIONS]->(e:Entity)
RETURN id, e {.*, _labels: labels(e)} AS e, m.count AS count, m.paragraphs AS paragraphs
ORDER BY id, count DESC, e.id
