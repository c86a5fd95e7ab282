// The document already stored with this content hash, if any (checked before extracting, to skip work).
OPTIONAL MATCH (d:Document {sha256: $sha256})
RETURN d.id AS id
LIMIT 1
