// Deletes every node and relationship (the schema stays, and the graph-format marker: an empty
// graph needs no migration, src/graph/schema.ts), in batches; auto-commit only.
// Relationships first: a hub's tens of thousands of them in one batch would exceed the
// transaction memory limit (dbms.memory.transaction.total.max).
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS;

MATCH (n) WHERE NOT n:GraphFormat
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS;
