// Is a document with this content hash already stored? (checked before extracting, to skip work)
RETURN EXISTS { MATCH (d:Document {sha256: $sha256}) } AS stored
