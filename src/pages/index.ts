/**
 * The server side of the web pages (playground, explorer, document reader, export), wired to the
 * API's services: the export builds its subgraph with the API's own neighbourhood service (same
 * Cypher, same bounds as the GraphQL `neighbourhood` query). Composed by the command that serves
 * them (src/cli/serve.ts `withPages`); the API server does not import this folder.
 */
import type { Router } from 'express';
import { ApiDeps, apiConfig, createContext } from '../api/context';
import { neighbourhood } from '../api/services/graph';
import { readerDocument } from './reader-data';
import { webRouter } from './router';

export { webRouter } from './router';
export type { WebDeps } from './router';

export function pagesRouterFor(api: ApiDeps, graphqlPath = '/graphql'): Router {
  const config = apiConfig(api);
  return webRouter({
    graphqlPath,
    // A context per export, as per GraphQL request (its Db counts and bounds this request's statements).
    neighbourhood: (args) => neighbourhood(createContext(api, config, null).db, args),
    document: (id) => readerDocument(createContext(api, config, null).db, id),
  });
}
