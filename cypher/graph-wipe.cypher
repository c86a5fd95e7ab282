// Deletes every node and relationship (the schema stays), in batches; auto-commit only.
MATCH (n)
CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
