/** Router behaviour that needs no database: missing bundles and an unreachable Neo4j are explained. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as http from 'http';
import type { AddressInfo } from 'net';
import express from 'express';
import { webRouter, WebDeps } from '../../../src/pages/router';

async function serve(deps: WebDeps): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.use(webRouter(deps));
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const emptyDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kg-web-'));

it('answers 503 saying to build the pages when the bundles are missing', async () => {
  const s = await serve({ neighbourhood: async () => ({ nodes: [], edges: [], truncated: false }), assetsDir: emptyDir() });
  try {
    const res = await fetch(`${s.url}/playground`);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/npm run build/);
  } finally {
    await s.close();
  }
});

it('serves a page once its bundle exists, with the GraphQL path it was given', async () => {
  const dir = emptyDir();
  fs.writeFileSync(path.join(dir, 'explore.js'), '/* bundle */');
  const s = await serve({ neighbourhood: async () => ({ nodes: [], edges: [], truncated: false }), assetsDir: dir, graphqlPath: '/api/graphql' });
  try {
    const res = await fetch(`${s.url}/explore`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('"graphqlPath":"/api/graphql"');
    expect(await (await fetch(`${s.url}/assets/explore.js`)).text()).toBe('/* bundle */');
  } finally {
    await s.close();
  }
});

it('turns an unreachable Neo4j into 503 with what to do', async () => {
  const down = Object.assign(new Error('Could not perform discovery'), { code: 'ServiceUnavailable' });
  const s = await serve({ neighbourhood: async () => Promise.reject(down), assetsDir: emptyDir() });
  try {
    const res = await fetch(`${s.url}/export?ids=agency:unodc`);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/Neo4j is not reachable.*scripts\/neo4j start/);
  } finally {
    await s.close();
  }
});

it('passes the validated bounds to the neighbourhood service', async () => {
  const calls: unknown[] = [];
  const s = await serve({
    neighbourhood: async (args) => {
      calls.push(args);
      return { nodes: [{ id: 'a:1', label: 'أ', kind: 'Agency', category: null }], edges: [], truncated: false };
    },
    assetsDir: emptyDir(),
  });
  try {
    const res = await fetch(`${s.url}/export?ids=a:1&depth=2&limit=40&format=gexf`);
    expect(res.status).toBe(200);
    expect(calls).toEqual([{ ids: ['a:1'], depth: 2, limit: 40, coOccurrence: false, minConfidence: 0 }]);
  } finally {
    await s.close();
  }
});
