/** What the commands that write or check the graph (ingest, remove, verify) share: the database they open. */
import type { Driver } from 'neo4j-driver';
import { createDriver, neo4jConfig } from '../graph/driver';
import { applySchema } from '../graph/schema';
import { DatabaseUnavailableError } from '../ingest';

/**
 * Opens the configured Neo4j (NEO4J_URI..., else the local server), checks that it answers,
 * applies the schema, runs `work` and closes the driver. Exit status 1, with what to do, when
 * Neo4j does not answer.
 */
export async function withGraph(command: string, work: (driver: Driver, database: string | undefined) => Promise<number>): Promise<number> {
  const cfg = neo4jConfig();
  const driver = createDriver(cfg);
  try {
    try {
      await driver.verifyConnectivity({ database: cfg.database });
    } catch (err) {
      console.error(`kg ${command}: ${new DatabaseUnavailableError(err).message.replace(/Neo4j/, `Neo4j at ${cfg.uri}`)}`);
      return 1;
    }
    await applySchema(driver, { database: cfg.database });
    return await work(driver, cfg.database);
  } finally {
    await driver.close();
  }
}
