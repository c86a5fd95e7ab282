/** Stops the Neo4j that global-setup started; a server that was already running is left alone. */
import { stopLocalNeo4j } from '../../src/graph/local-server';

export default async function globalTeardown(): Promise<void> {
  if (process.env.KG_NEO4J_STARTED_BY_TESTS !== '1') return;
  delete process.env.KG_NEO4J_STARTED_BY_TESTS;
  // stopLocalNeo4j ignores NEO4J_URI (set by setup) and uses NEO4J_BOLT_PORT / KG_NEO4J_DIR.
  await stopLocalNeo4j({ log: (l) => process.stderr.write(`[neo4j] ${l}\n`) });
}
