/**
 * The HTTP application: GraphQL at /graphql, /health and /ready probes, and a place for other
 * routers (playground, explorer, export) to be mounted: pass them in `deps.routers`, or `app.use`
 * them on the returned app (no catch-all route is installed, so later routes still match).
 */
import 'reflect-metadata';
import * as http from 'http';
import { AddressInfo } from 'net';
import express, { Express, RequestHandler } from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { GraphQLFormattedError } from 'graphql';
import { ApiContext, ApiDeps, apiConfig, createContext } from './context';
import { Db } from './db';
import { apiSchema } from './schema';
import { webRouterFor } from '../web';

export interface AppDeps extends ApiDeps {
  /** Extra routers mounted before the GraphQL endpoint, e.g. { path: '/playground', router }. */
  routers?: { path: string; router: RequestHandler }[];
}

export const GRAPHQL_PATH = '/graphql';

/** Turns a database outage into a message that says what to do, instead of a driver stack. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: { code?: string; message?: string } })?.originalError;
  if (original?.code === 'ServiceUnavailable' || original?.code === 'SessionExpired') {
    return {
      ...formatted,
      message: `Neo4j is not reachable (${original.message}). Start it with "scripts/neo4j start" or point NEO4J_URI at a running server.`,
      extensions: { ...formatted.extensions, code: 'SERVICE_UNAVAILABLE' },
    };
  }
  return formatted;
}

export async function createApp(deps: AppDeps): Promise<Express> {
  const config = apiConfig(deps);
  const apollo = new ApolloServer<ApiContext>({
    schema: await apiSchema(),
    // The playground is served by its own router, offline; Apollo's default page needs a CDN.
    plugins: [ApolloServerPluginLandingPageDisabled()],
    includeStacktraceInErrorResponses: false,
    formatError,
  });
  await apollo.start();

  const app = express();
  app.locals.apollo = apollo;
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await new Db(deps.driver, { database: deps.database }).ping();
      res.json({ status: 'ready' });
    } catch (err) {
      res.status(503).json({
        status: 'unavailable',
        reason: `Neo4j is not reachable: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  });
  for (const { path, router } of deps.routers ?? []) app.use(path, router);
  app.use(webRouterFor(deps, GRAPHQL_PATH)); // /playground, /explore, /export (src/web)
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: '10mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(deps, config, req.headers.authorization ?? null),
    }),
  );
  return app;
}

export interface RunningServer {
  url: string;
  port: number;
  app: Express;
  close(): Promise<void>;
}

/** Listens on `port` (0: any free port) on all interfaces unless `host` says otherwise. */
export async function startServer(deps: AppDeps, port: number, host?: string): Promise<RunningServer> {
  const app = await createApp(deps);
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${actual}`,
    port: actual,
    app,
    close: async () => {
      await (app.locals.apollo as ApolloServer<ApiContext>).stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
