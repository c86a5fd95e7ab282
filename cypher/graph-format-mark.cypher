// Written once the start-up migrations (cypher/graph-migrate*.cypher) have all finished: later
// starts read it (graph-format.cypher) and skip their scans of every entity and relationship.
MERGE (g:GraphFormat {key: 'graph'})
SET g.version = $version
