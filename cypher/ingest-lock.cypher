// Serialises writers of one document identity: every writer (ingest, replace, remove, repair)
// first takes a lock node per key it touches ("id:<document id>", "file:<file name>",
// "sha:<content hash>"), sorted so that two writers never wait for each other in a cycle. The
// unique constraint on WriteLock.key makes a second MERGE of a key wait until the first
// transaction ends; the SET takes the node's write lock when it already exists. The nodes are
// deleted at the end of the same transaction (ingest-unlock), the locks held until commit.
UNWIND $keys AS key
MERGE (l:WriteLock {key: key})
SET l.holders = coalesce(l.holders, 0) + 1
