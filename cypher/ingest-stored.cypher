// Which of these content hashes are already stored, and as which document (checked before
// extracting, to skip the work). One row per stored hash.
UNWIND $hashes AS sha256
MATCH (d:Document {sha256: sha256})
RETURN sha256, min(d.id) AS id
