// kg verify: typed relations citing a document that is not ingested any more (left by an
// interrupted or racing writer); CO_OCCURS and MENTIONS are checked elsewhere.
MATCH (a)-[r]->(b) WHERE r.document IS NOT NULL
  AND NOT EXISTS { MATCH (d:Document {id: r.document}) WHERE d.sha256 IS NOT NULL }
RETURN elementId(r) AS rid, type(r) AS type, a.id AS from, b.id AS to, r.document AS document
LIMIT 10000
