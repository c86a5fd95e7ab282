// The other end of a compiled relation when its selection asks only for summary fields
// (src/api/selection.ts SUMMARY_FIELDS): only the properties those fields read, __properties__
// (id and kind always; selection.ts entityProjection, in its order), as @neo4j/graphql returns
// only the fields selected. A list of their values, not a map: the driver decodes no key per row
// (4 to 8 per relation; src/api/compile/prefetch.ts names them again from the projection). The
// rows prime the relations DataLoader under a key naming that projection. The last item, the
// labels, only stands in for a missing kind (values.ts toEntity reads them then).
[__properties__, CASE WHEN coalesce(b.kind, '') = '' THEN labels(b) END]
