/**
 * The web pages wired to the API: the export builds its subgraph with the API's own neighbourhood
 * service (same Cypher, same bounds as the GraphQL `neighbourhood` query).
 * Mounted by src/api/server.ts: `app.use(webRouterFor(deps, GRAPHQL_PATH))`.
 */
import type { Router } from 'express';
import { ApiDeps, apiConfig, createContext } from '../api/context';
import { neighbourhood } from '../api/services/graph';
import { webRouter } from './router';

export { webRouter } from './router';
export type { WebDeps } from './router';

export function webRouterFor(api: ApiDeps, graphqlPath = '/graphql'): Router {
  const config = apiConfig(api);
  return webRouter({
    graphqlPath,
    neighbourhood: (args) => {
      // A context per export, as per GraphQL request: loaders must not cache across requests.
      const ctx = createContext(api, config, null);
      return neighbourhood(ctx.db, args, (ids) =>
        ctx.loaders.entity.loadMany(ids).then((xs) => xs.map((x) => (x instanceof Error ? null : x))),
      );
    },
  });
}
