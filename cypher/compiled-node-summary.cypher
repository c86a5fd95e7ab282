// The other end of a compiled relation when its selection asks only for summary fields
// (src/api/selection.ts SUMMARY_FIELDS): only the properties those fields read, __properties__
// (id and kind always; selection.ts entityProjection), as @neo4j/graphql returns only the fields
// selected. The rows prime the relations DataLoader under a key naming that projection. The
// labels only stand in for a missing kind (values.ts toEntity reads them then).
b {__properties__, _labels: CASE WHEN coalesce(b.kind, '') = '' THEN labels(b) END}
