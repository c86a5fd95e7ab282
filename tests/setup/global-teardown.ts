/**
 * Stops the test Neo4j when this was the last jest run using it and a test run started it;
 * a server that was already running before the tests is left alone.
 */
import { stopLocalNeo4j } from '../../src/graph/local-server';
import { instanceDir, releaseLease } from './leases';

export default async function globalTeardown(): Promise<void> {
  if (process.env.KG_NEO4J_MANAGED !== '1') return;
  if (!releaseLease(instanceDir())) return;
  // stopLocalNeo4j ignores NEO4J_URI (set by setup) and uses NEO4J_BOLT_PORT / KG_NEO4J_DIR.
  await stopLocalNeo4j({ log: (l) => process.stderr.write(`[neo4j] ${l}\n`) });
}
