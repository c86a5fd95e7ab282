// The document stored with this content hash (ingested documents only).
MATCH (d:Document {sha256: $sha256})
RETURN d.id AS id
LIMIT 1
