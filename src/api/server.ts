/**
 * The HTTP application: GraphQL at /graphql, /health and /ready probes, and a place for other
 * routers (the pages of src/pages, mounted by src/cli/serve.ts) to be mounted: pass them in
 * `deps.routers` (no catch-all route is installed, so later routes still match).
 */
import 'reflect-metadata';
import * as http from 'http';
import { AddressInfo } from 'net';
import express, { Express, RequestHandler } from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { GraphQLFormattedError } from 'graphql';
import { ApiContext, ApiDeps, apiConfig, createContext } from './context';
import { Db, isUnavailable } from '../graph/db';
import { apiSchema } from './schema';
import { applyServerLimits, bodyErrors, budgetPlugin, cors, errorHandler, formatGuardError, GuardConfig, guardConfig, jsonBody, queryGuard, rateLimit, responseCeiling, ResponseBudget, writerRequest } from './guard';
import { bindResponse, logger, observabilityPlugin, requestLogging } from '../observability';
import { warmNeighbourhood } from './services/graph';
import { installArgumentShortcut } from './execution';

export interface AppDeps extends ApiDeps {
  /** Extra routers mounted before the GraphQL endpoint, e.g. { path: '/playground', router }. */
  routers?: { path: string; router: RequestHandler }[];
}

export const GRAPHQL_PATH = '/graphql';

/** Turns a database outage into a message that says what to do, instead of a driver stack. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: { code?: string; message?: string } })?.originalError;
  if (original && isUnavailable(original)) {
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
  const guard = guardConfig(); // limits, CORS, introspection (src/api/guard)
  const limits = queryGuard<ApiContext>(guard);
  installArgumentShortcut(); // graphql-js's per-field arguments object, skipped where a field has none (./execution.ts)
  const apollo = new ApolloServer<ApiContext>({
    schema: await apiSchema(),
    // The playground is served by its own router, offline; Apollo's default page needs a CDN.
    // No cache hints are set, so Apollo's per-field cache-control bookkeeping is pure cost (bench/findings.md).
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ...limits.plugins, budgetPlugin<ApiContext>(guard), observabilityPlugin<ApiContext>()],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    introspection: guard.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatGuardError(formatError(formatted, error), error),
  });
  await apollo.start();
  // Neo4j plans the neighbourhood statement in 1-3 s: once now, in the background, not on a visitor's
  // request. That planning is expected, so it is logged as what it is, not as a slow statement.
  const warmStart = Date.now();
  warmNeighbourhood(new Db(deps.driver, { database: deps.database, slowMs: Infinity })).then(
    () => logger().info({ statement: 'api-neighbourhood', ms: Date.now() - warmStart }, 'neighbourhood plan warmed at start'),
    (err) => logger().debug({ err }, 'neighbourhood plan not warmed'),
  );

  const app = express();
  app.locals.apollo = apollo;
  app.locals.guard = guard;
  app.locals.shutdownGraceMs = guard.shutdownGraceMs;
  app.disable('x-powered-by');
  // Express's fallback handler prints stacks (with absolute paths) outside "production".
  app.set('env', 'production');
  if (guard.trustProxy) app.set('trust proxy', guard.trustProxy);
  app.use(requestLogging()); // request id + one log line per request (src/observability)
  app.use(rateLimit(guard)); // KG_RATE_LIMIT per client address (src/api/guard/connections)
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
  if (!guard.playground) {
    app.get('/playground', (_req, res) => {
      res.status(404).type('text/plain').send('The playground is switched off on this server (KG_PLAYGROUND=off).\n');
    });
  }
  // Pages (playground, explorer, reader, export) are composed by the command that serves them
  // (src/cli/serve.ts: src/pages), so the API knows nothing of them.
  for (const { path, router } of deps.routers ?? []) app.use(path, router);
  app.use(
    GRAPHQL_PATH,
    cors(guard),
    jsonBody(guard, (req) => writerRequest(req, config.writeToken)),
    bodyErrors(guard),
    responseCeiling(guard),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        bindResponse({ ...createContext(deps, config, req.headers.authorization ?? null), budget: new ResponseBudget(guard.maxResponseBytes) }, res),
    }),
  );
  app.use(errorHandler((err, req) => logger().error({ reqId: req.res?.getHeader('x-request-id'), path: req.path, err }, 'request failed')));
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
  applyServerLimits(server, app.locals.guard as GuardConfig); // timeouts, connection cap
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
      // Stop accepting, let in-flight requests finish (bounded by KG_SHUTDOWN_GRACE_MS), then stop Apollo.
      const grace = setTimeout(() => {
        logger().warn('shutdown grace period over: closing the remaining connections');
        server.closeAllConnections();
      }, app.locals.shutdownGraceMs as number);
      // Keep-alive connections go idle once their in-flight response is sent: close them as they do.
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      clearTimeout(grace);
      clearInterval(idle);
      await (app.locals.apollo as ApolloServer<ApiContext>).stop();
    },
  };
}
