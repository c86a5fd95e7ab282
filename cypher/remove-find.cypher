// The ingested documents to remove, each named by its id or its file name: one row per entry of
// $refs, in order, with what it contributed (its Contribution) to undo it. No row's `id`: not found.
UNWIND range(0, size($refs) - 1) AS at
WITH at, $refs[at] AS ref
OPTIONAL MATCH (d:Document) WHERE d.sha256 IS NOT NULL AND (d.id = ref OR d.file = ref)
OPTIONAL MATCH (d)-[:HAS_CONTRIBUTION]->(c:Contribution)
RETURN at, ref, d.id AS id, d.file AS file, d.sha256 AS sha256,
  coalesce(c.entityIds, []) AS entityIds,
  [i IN range(0, size(coalesce(c.coA, [])) - 1) | {a: c.entityIds[c.coA[i]], b: c.entityIds[c.coB[i]], weight: c.coWeight[i]}] AS cooccurrences
ORDER BY at
