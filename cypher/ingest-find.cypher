// What is stored for each document of a batch before writing it, one row per entry of $docs, in
// order: `same` = documents with this exact content (nothing to do); `previous` = the ingested
// document(s) it replaces or collides with (same id or same file name), each with its file and
// Contribution (what it added, needed to undo it). Index seeks only (sha256, id and file are indexed).
UNWIND range(0, size($docs) - 1) AS at
WITH at, $docs[at] AS q
RETURN at,
  COLLECT { MATCH (d:Document {sha256: q.sha256}) RETURN d.id } AS same,
  COLLECT {
    MATCH (d:Document) WHERE (d.id = q.documentId AND d.sha256 IS NOT NULL) OR d.file = q.file
    OPTIONAL MATCH (d)-[:HAS_CONTRIBUTION]->(c:Contribution)
    RETURN DISTINCT {
      id: d.id,
      file: d.file,
      entityIds: coalesce(c.entityIds, []),
      cooccurrences: [i IN range(0, size(coalesce(c.coA, [])) - 1) | {a: c.entityIds[c.coA[i]], b: c.entityIds[c.coB[i]], weight: c.coWeight[i]}]
    }
  } AS previous
ORDER BY at
