/**
 * One GraphQL server under test, in its own process so that the load generator does not share
 * its event loop: `node dist/bench/server.js ours|naive|theirs`. Prints one JSON line
 * {"url": ...} when it listens (127.0.0.1, any free port), stops on SIGTERM.
 */
import 'reflect-metadata';
import { createDriver, neo4jConfig } from '../src/graph/driver';
import { startServer } from '../src/api/server';
import { startNeo4jGraphqlServer } from './lib/neo4j-graphql';

export type Variant = 'ours' | 'naive' | 'theirs';

async function main(): Promise<void> {
  const variant = process.argv[2] as Variant;
  if (!['ours', 'naive', 'theirs'].includes(variant)) throw new Error('usage: server.js ours|naive|theirs');
  const driver = createDriver(neo4jConfig());
  let url: string;
  let close: () => Promise<void>;
  if (variant === 'theirs') {
    const s = await startNeo4jGraphqlServer(driver, 0);
    url = s.url;
    close = s.close;
  } else {
    // Mutations stay refused (no write token): the benchmark only reads.
    const s = await startServer({ driver, batching: variant === 'ours', writeToken: null }, 0, '127.0.0.1');
    url = `http://127.0.0.1:${s.port}/graphql`;
    close = s.close;
  }
  process.stdout.write(JSON.stringify({ url }) + '\n');
  const stop = async () => {
    await close();
    await driver.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  process.stderr.write(`bench server: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
