// The lock nodes of ingest-lock go at the end of the writer's transaction (their locks are
// released at commit), so the graph holds no trace of them.
UNWIND $keys AS key
MATCH (l:WriteLock {key: key})
DELETE l
