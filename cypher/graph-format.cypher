// The graph format this store was last brought up to by the start-up migrations
// (src/graph/schema.ts GRAPH_FORMAT; null: a graph written by a version before the marker, or
// never started). One node, kept by a wipe (an empty graph is of the current format).
OPTIONAL MATCH (g:GraphFormat {key: 'graph'})
RETURN g.version AS version
