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

it('serves the reader for a known document, with the deep-linked relation in focus, and 404 for an unknown one', async () => {
  const text = 'وأنشأ المجلس الولاية.';
  const s = await serve({
    neighbourhood: async () => ({ nodes: [], edges: [], truncated: false }),
    document: async (id) =>
      id !== 'document:d1'
        ? null
        : {
            id,
            title: 'وثيقة تجريبية',
            symbol: 'A/1/1',
            date: '2020-01-01',
            body: null,
            session: null,
            paragraphs: [{ id: 'p1', number: '1', ordinal: 0, text, start: 0, end: text.length }],
            mentions: [{ entity: 'agency:c', kind: 'Agency', name: 'المجلس', start: 6, end: 12 }],
            relations: [{ type: 'ESTABLISHED', source: 'agency:c', sourceName: 'المجلس', target: 'rapporteur:r', targetName: 'الولاية', evidence: text, paragraph: '1', confidence: 0.9 }],
          },
  });
  try {
    const res = await fetch(`${s.url}/read/${encodeURIComponent('document:d1')}?type=ESTABLISHED&source=agency:c&target=rapporteur:r`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1 dir="auto">وثيقة تجريبية</h1>');
    expect(html).toContain('<span class="evidence focus" id="focus">');
    expect(html).toMatch(/<section class="para" id="p-1"/);
    const missing = await fetch(`${s.url}/read/document:nope`);
    expect(missing.status).toBe(404);
  } finally {
    await s.close();
  }
});

it('a missing asset or a traversal attempt answers a short JSON error, never a stack trace or a path', async () => {
  const dir = emptyDir();
  fs.writeFileSync(path.join(dir, 'explore.js'), '/* bundle */');
  const s = await serve({ neighbourhood: async () => ({ nodes: [], edges: [], truncated: false }), assetsDir: dir });
  try {
    for (const p of ['/assets/nope.js', '/assets/..%2f..%2fpackage.json']) {
      const res = await fetch(`${s.url}${p}`);
      expect([403, 404]).toContain(res.status);
      const body = await res.text();
      expect(JSON.parse(body).errors[0]).toEqual({ message: 'No such asset.', extensions: { code: 'NOT_FOUND' } });
      expect(body).not.toContain(dir);
    }
  } finally {
    await s.close();
  }
});
