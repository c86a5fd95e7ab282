/**
 * The browser side of the API: GraphiQL playground (/playground, / redirects there), graph
 * explorer (/explore), document reader (/read/<id>), their locally bundled assets (/assets/*) and
 * subgraph export (/export). Built by ./index.ts (`pagesRouterFor`) and mounted by the command
 * that serves the API (src/cli/serve.ts `withPages`); the API server does not import it.
 */
import * as fs from 'fs';
import * as path from 'path';
import express, { Router, Request, Response, NextFunction } from 'express';
import { CODES, errorBody } from '../api/guard/errors';
import { isUnavailable } from '../graph/db';
import { KINDS, RELATIONS, packageRoot } from '../model';
import type { PageConfig } from './config';
import { EXAMPLE_QUERIES } from './examples';
import { EXPORT_FORMATS, ExportGraph, ExportParamError, parseExportQuery, readerLink, toGEXF, toGraphML } from './export';
import { ASSET_PATH, CONTENT_SECURITY_POLICY, explorerHtml, playgroundHtml } from './html';
import { readerHtml } from './reader';
import type { ReaderDocument } from './reader-data';

export interface WebDeps {
  /**
   * Builds the subgraph around `ids`: the same service the GraphQL `neighbourhood` query uses,
   * so the export and the API agree.
   */
  neighbourhood(args: { ids: string[]; depth: number; limit: number; coOccurrence: boolean; minConfidence: number }): Promise<ExportGraph>;
  /** The document reader's data (null when no document has the id). */
  document?(id: string): Promise<ReaderDocument | null>;
  /** Path of the GraphQL endpoint relative to the site root (default `/graphql`). */
  graphqlPath?: string;
  /** Folder holding the bundles (default `<package>/dist/browser`, written by `npm run build:browser`). */
  assetsDir?: string;
}

export function defaultAssetsDir(): string {
  return path.join(packageRoot(), 'dist', 'browser');
}

const MISSING_BUNDLE =
  'The playground and explorer pages are not built. Run `npm run build` (or `npm run build:browser`) and restart the server.';

export function webRouter(deps: WebDeps): Router {
  const assetsDir = deps.assetsDir ?? defaultAssetsDir();
  const config: PageConfig = {
    graphqlPath: deps.graphqlPath ?? '/graphql',
    exportPath: 'export',
    kinds: KINDS.map((k) => ({
      name: k.name,
      description: k.description,
      labelAr: k.labelAr ?? k.name,
      labelEn: k.labelEn ?? k.name,
      categories: Object.fromEntries(k.categories.map((c) => [c, k.categoryLabels?.[c] ?? { ar: c, en: c }])),
    })),
    relations: RELATIONS.map((r) => ({ type: r.type, labelAr: r.labelAr ?? r.type, labelEn: r.labelEn ?? r.type, symmetric: !!r.symmetric })),
    examples: EXAMPLE_QUERIES,
  };
  const pages = { playground: playgroundHtml(config), explore: explorerHtml(config) };
  const router = express.Router();

  const page = (name: keyof typeof pages) => (_req: Request, res: Response) => {
    if (!fs.existsSync(path.join(assetsDir, `${name}.js`))) {
      res.status(503).type('text/plain; charset=utf-8').send(MISSING_BUNDLE + '\n');
      return;
    }
    res.set('Content-Security-Policy', CONTENT_SECURITY_POLICY).set('Cache-Control', 'no-cache').type('html').send(pages[name]);
  };

  router.get('/', (_req, res) => res.redirect(302, 'playground'));
  router.get('/playground', page('playground'));
  router.get('/explore', page('explore'));
  router.get('/read/:id', async (req: Request, res: Response, next: NextFunction) => {
    if (!deps.document) return next();
    const id = String(req.params.id);
    try {
      const doc = id.length <= 200 ? await deps.document(id) : null;
      if (!doc) {
        res.status(404).type('text/plain; charset=utf-8').send(`No document with id "${id.slice(0, 200)}". Document ids look like document:a-hrc-10-64; list them with the GraphQL "documents" query (see /playground).\n`);
        return;
      }
      const q = req.query as Record<string, unknown>;
      const one = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : null);
      const [type, source, target] = [one('type'), one('source'), one('target')];
      const focus = type && source && target ? { type, source, target } : null;
      res.set('Content-Security-Policy', CONTENT_SECURITY_POLICY).set('Cache-Control', 'no-cache').type('html').send(readerHtml(doc, config, focus));
    } catch (err) {
      next(err);
    }
  });
  router.use(`/${ASSET_PATH}`, express.static(assetsDir, { index: false, fallthrough: false, maxAge: 0 }));
  // A missing or refused asset (404, 403 for a traversal attempt) answers a short JSON error with
  // the API's codes: never a stack trace or the server's paths.
  router.use(`/${ASSET_PATH}`, (err: { status?: number; statusCode?: number }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status ?? err.statusCode ?? 500;
    res.status(status === 403 ? 403 : 404).json(errorBody('No such asset.', CODES.notFound));
  });

  router.get('/export', async (req: Request, res: Response, next: NextFunction) => {
    let params;
    try {
      params = parseExportQuery(req.query as Record<string, unknown>);
    } catch (err) {
      if (err instanceof ExportParamError) {
        res.status(400).type('text/plain; charset=utf-8').send(`Bad export request: ${err.message}\n`);
        return;
      }
      return next(err);
    }
    try {
      const graph = await deps.neighbourhood({ ids: params.ids, depth: params.depth, limit: params.limit, coOccurrence: params.coOccurrence, minConfidence: params.minConfidence });
      const found = new Set(graph.nodes.map((n) => n.id));
      const missing = params.ids.filter((id) => !found.has(id));
      if (missing.length) {
        res
          .status(404)
          .type('text/plain; charset=utf-8')
          .send(`No entity with id ${missing.join(', ')}. Find ids with the GraphQL "search" query (see /playground).\n`);
        return;
      }
      // Each edge links to the reader at its evidence, on this server.
      const base = `${req.protocol}://${req.get('host')}${req.baseUrl}/`;
      graph.edges = graph.edges.map((e) => ({ ...e, reader: readerLink(base, e) }));
      const fmt = EXPORT_FORMATS[params.format];
      const description = `Neighbourhood (depth ${params.depth}) of ${params.ids.join(', ')} in the UN anti-trafficking knowledge graph`;
      const body = params.format === 'gexf' ? toGEXF(graph, description) : toGraphML(graph, description);
      res
        .status(200)
        .set('Content-Type', fmt.contentType)
        .set('Content-Disposition', `attachment; filename="kg-subgraph.${fmt.extension}"`)
        .set('X-Subgraph-Truncated', String(graph.truncated))
        .send(body);
    } catch (err) {
      const e = err as { code?: string; message?: string; extensions?: { code?: string } };
      if (e.extensions?.code === 'BAD_USER_INPUT') {
        res.status(400).type('text/plain; charset=utf-8').send(`Bad export request: ${e.message}\n`);
      } else if (isUnavailable(e)) {
        res
          .status(503)
          .type('text/plain; charset=utf-8')
          .send(`Neo4j is not reachable (${e.message}). Start it with "scripts/neo4j start" or point NEO4J_URI at a running server.\n`);
      } else {
        next(err);
      }
    }
  });

  return router;
}
