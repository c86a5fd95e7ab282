/**
 * kg up: the main job. Neo4j up (the project's local server unless NEO4J_URI is set), schema
 * applied, seeds/ ingested (unchanged seeds are skipped by content hash), API served.
 */
import * as path from 'path';
import { createDriver } from '../graph/driver';
import { ensureNeo4j } from '../graph/local-server';
import { applySchema } from '../graph/schema';
import { ingestPaths } from '../ingest';
import { createProgress } from '../ingest/progress';
import { packageRoot } from '../model';
import { parsePort, printUrls, serveApi, untilStopped, withPages } from './serve';

const USAGE = `usage: kg up [--port N] [--no-seeds]

Starts the local Neo4j (scripts/neo4j; or uses NEO4J_URI), applies cypher/schema.cypher, ingests
seeds/ (documents already stored are skipped) and serves the GraphQL API (PORT, default 4000).`;

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const port = parsePort(args);
  const t0 = Date.now();
  const secs = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

  console.error('kg up: starting Neo4j...');
  const { config } = await ensureNeo4j({ log: (l) => console.error(`  ${l}`) });
  console.error(`kg up: Neo4j ready at ${config.uri} (${secs(t0)} s)`);
  const driver = createDriver(config);
  try {
    await applySchema(driver, { database: config.database });
    if (!args.includes('--no-seeds')) {
      const seeds = path.join(packageRoot(), 'seeds');
      const t1 = Date.now();
      const progress = createProgress();
      const summary = await ingestPaths(driver, [seeds], { database: config.database, onFile: (r, i, n) => progress.file(r, i, n) });
      progress.done(summary, (Date.now() - t1) / 1000);
      if (summary.failed.length) console.error(`kg up: ${summary.failed.length} seed file(s) failed (listed above); serving the rest`);
    }
    const server = await serveApi(withPages({ driver, database: config.database }), port);
    console.error(`kg up: ready in ${secs(t0)} s`);
    printUrls(server, [`Playground:   ${server.url}/playground`, `Explorer:     ${server.url}/explore`]);
    return await untilStopped(server, driver);
  } catch (err) {
    await driver.close();
    throw err;
  }
}
