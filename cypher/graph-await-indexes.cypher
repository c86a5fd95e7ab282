// Blocks until every index is online (or the time runs out).
CALL db.awaitIndexes($seconds)
