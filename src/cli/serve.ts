/** kg serve [--port N]: serves the GraphQL API (PORT, default 4000) over the configured Neo4j. */
import type { Driver } from 'neo4j-driver';
import { createDriver, neo4jConfig } from '../graph/driver';
import { applySchema } from '../graph/schema';
import { AppDeps, GRAPHQL_PATH, RunningServer, startServer } from '../api/server';
import { pagesRouterFor } from '../pages';

export const DEFAULT_PORT = 4000;

/** --port N / --port=N, else PORT, else 4000. */
export function parsePort(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  let raw: string | undefined = env.PORT;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--port') raw = args[++i];
    else if (args[i].startsWith('--port=')) raw = args[i].slice('--port='.length);
  }
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port "${raw}": give a number between 0 and 65535 (--port N or PORT)`);
  return port;
}

/** The API with the web pages (playground, explorer, reader, export) mounted at the site root. */
export function withPages(deps: AppDeps): AppDeps {
  return { ...deps, routers: [...(deps.routers ?? []), { path: '/', router: pagesRouterFor(deps, GRAPHQL_PATH) }] };
}

/** Starts the API, explaining the usual failure (port taken). */
export async function serveApi(deps: AppDeps, port: number): Promise<RunningServer> {
  try {
    return await startServer(deps, port);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`port ${port} is already in use: stop what uses it, or choose another with --port N (or PORT=N)`);
    }
    throw err;
  }
}

export function printUrls(server: RunningServer, extra: string[] = []): void {
  console.log(`GraphQL API:  ${server.url}${GRAPHQL_PATH}`);
  for (const line of extra) console.log(line);
  console.log(`health/ready: ${server.url}/health  ${server.url}/ready`);
}

/** Resolves when the process is asked to stop (Ctrl-C, SIGTERM), after closing the server and driver. */
export function untilStopped(server: RunningServer, driver: Driver): Promise<number> {
  return new Promise((resolve) => {
    const stop = async () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await server.close().catch(() => undefined);
      await driver.close().catch(() => undefined);
      resolve(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log('usage: kg serve [--port N]   (env: PORT, NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, KG_WRITE_TOKEN, KG_BATCHING=off)');
    return 0;
  }
  const port = parsePort(args);
  const cfg = neo4jConfig();
  const driver = createDriver(cfg);
  const server = await serveApi(withPages({ driver, database: cfg.database }), port);
  printUrls(server, [`Explorer:     ${server.url}/explore`]);
  try {
    await driver.verifyConnectivity();
    // Constraints, indexes and the migrations of data written by earlier versions (idempotent):
    // a graph built by an older version is upgraded before it is served.
    await applySchema(driver, { database: cfg.database });
  } catch (err) {
    console.error(
      `warning: Neo4j at ${cfg.uri} is not reachable yet (${(err as Error).message}); /ready answers 503 until it is. ` +
        'Start it with "scripts/neo4j start" (or "kg up"), or set NEO4J_URI.',
    );
  }
  return untilStopped(server, driver);
}
