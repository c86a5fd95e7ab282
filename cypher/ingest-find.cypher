// What is stored for this file before ingesting it: `same` = a document with this exact content
// (nothing to do); `previous` = the ingested document(s) it replaces (same id or same file name),
// each with its Contribution (what it added, needed to undo it).
RETURN
  COLLECT { MATCH (d:Document {sha256: $sha256}) RETURN d.id } AS same,
  COLLECT {
    MATCH (d:Document) WHERE (d.id = $documentId AND d.sha256 IS NOT NULL) OR d.file = $file
    OPTIONAL MATCH (d)-[:HAS_CONTRIBUTION]->(c:Contribution)
    RETURN DISTINCT {
      id: d.id,
      entityIds: coalesce(c.entityIds, []),
      cooccurrences: [i IN range(0, size(coalesce(c.coA, [])) - 1) | {a: c.entityIds[c.coA[i]], b: c.entityIds[c.coB[i]], weight: c.coWeight[i]}]
    }
  } AS previous
