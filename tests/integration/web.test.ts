/**
 * The web side of the API over HTTP, on the real seeded Neo4j: offline pages (no external URL),
 * their bundles, the preloaded examples (valid and answering), and the GraphML/GEXF export.
 */
import { parse, validate } from 'graphql';
import { apiSchema } from '../../src/api/schema';
import { RELATION_TYPES } from '../../src/model';
import type { PageConfig } from '../../src/pages/config';
import { EXAMPLE_QUERIES } from '../../src/pages/examples';
import { ensureWebBundle, graphql, SeededServer, startSeededServer } from '../browser/harness';
import { parseGEXF, parseGraphML } from '../unit/pages/xml-check';

let s: SeededServer;
let base: string;

beforeAll(async () => {
  ensureWebBundle();
  s = await startSeededServer();
  base = s.server.url;
}, 300_000);

afterAll(async () => {
  await s?.close();
});

const get = (path: string, init?: RequestInit) => fetch(`${base}${path}`, { redirect: 'manual', ...init });

/** Anything in a page that would make the browser go to the network. */
const EXTERNAL = /\b(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?\/\/|url\(\s*["']?(?:https?:)?\/\/|@import\s+["']?(?:https?:)?\/\//i;
const CDN = /unpkg\.com|jsdelivr\.net|cdnjs\.|googleapis\.com|gstatic\.com|esm\.sh|skypack/i;

function pageConfigOf(html: string): PageConfig {
  const m = /<script id="kg-config" type="application\/json">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no kg-config in page');
  return JSON.parse(m[1]) as PageConfig;
}

describe('pages', () => {
  it('redirects / to the playground', async () => {
    const res = await get('/');
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location') ?? '', `${base}/`).pathname).toBe('/playground');
  });

  it.each(['playground', 'explore'])('serves /%s with only local assets and a same-origin-only CSP', async (name) => {
    const res = await get(`/${name}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await res.text();
    expect(html).not.toMatch(EXTERNAL);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain(`src="assets/${name}.js"`);
    expect(html).toContain(`href="assets/${name}.css"`);
    const config = pageConfigOf(html);
    expect(config.graphqlPath).toBe('/graphql');
    expect(config.kinds.map((k) => k.name)).toContain('Agency');
  });

  it('serves the explorer as an Arabic right-to-left page', async () => {
    const html = await (await get('/explore')).text();
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
  });

  it.each([
    ['playground.js', /javascript/, 500_000],
    ['playground.css', /css/, 10_000],
    ['explore.js', /javascript/, 100_000],
    ['explore.css', /css/, 500],
  ])('serves the bundle %s from the server itself, with no CDN reference', async (file, type, minSize) => {
    const res = await get(`/assets/${file}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(type);
    const body = await res.text();
    expect(body.length).toBeGreaterThan(minSize);
    expect(body).not.toMatch(CDN);
    if (file.endsWith('.css')) expect(body).not.toMatch(EXTERNAL);
  });

  it('answers 404 for an unknown asset', async () => {
    expect((await get('/assets/nope.js')).status).toBe(404);
  });
});

describe('playground examples', () => {
  it('preloads the Arabic and English examples in the page', async () => {
    const config = pageConfigOf(await (await get('/playground')).text());
    expect(config.examples).toEqual(EXAMPLE_QUERIES);
    expect(config.examples.some((e) => e.query.includes('يونيسيف'))).toBe(true);
    expect(config.examples.some((e) => JSON.stringify(e.variables ?? {}).includes('UNODC'))).toBe(true);
  });

  it.each(EXAMPLE_QUERIES.map((e) => [e.title, e] as const))('example "%s" is valid and finds data', async (_t, example) => {
    const schema = await apiSchema();
    expect(validate(schema, parse(example.query))).toEqual([]);
    const data = await graphql<Record<string, unknown>>(s.server, example.query, example.variables ?? {});
    const [value] = Object.values(data);
    if (Array.isArray(value)) expect(value.length).toBeGreaterThan(0);
    else expect(value).not.toBeNull();
    const json = JSON.stringify(data);
    if (example.query.includes('search(')) expect(json).toMatch(/"agency:(unicef|unodc)"/);
    if (example.query.includes('neighbourhood(')) expect((data.neighbourhood as { nodes: unknown[] }).nodes.length).toBeGreaterThan(1);
    if (example.query.includes('relations(')) expect((data.entity as { relations: unknown[] }).relations.length).toBeGreaterThan(0);
  });
});

interface Sub {
  nodes: { id: string; label: string; kind: string; category: string | null }[];
  edges: { id: string; source: string; target: string; type: string; weight: number; evidence: string | null }[];
  truncated: boolean;
}
const NEIGHBOURHOOD = `query($ids: [ID!]!, $depth: Int!, $limit: Int!) {
  neighbourhood(ids: $ids, depth: $depth, limit: $limit) {
    nodes { id label kind category } edges { id source target type weight evidence } truncated
  }
}`;

describe('/export', () => {
  let expected: Sub;
  beforeAll(async () => {
    ({ neighbourhood: expected } = await graphql<{ neighbourhood: Sub }>(s.server, NEIGHBOURHOOD, {
      ids: ['agency:unodc'],
      depth: 1,
      limit: 300,
    }));
  });

  it('the seeded UNODC neighbourhood is a real graph (sanity of the data the export is checked on)', () => {
    expect(expected.nodes.length).toBeGreaterThan(5);
    expect(expected.edges.length).toBeGreaterThan(5);
    expect(expected.edges.some((e) => e.evidence && /[\u0600-\u06FF]/.test(e.evidence))).toBe(true);
    // One edge per (type, pair), weighted by how often it is stated.
    expect(new Set(expected.edges.map((e) => `${e.type}|${e.source}|${e.target}`)).size).toBe(expected.edges.length);
    for (const e of expected.edges) expect(e.weight).toBeGreaterThanOrEqual(1);
  });

  it('exports GraphML with the same nodes and edges as the neighbourhood query, Arabic labels intact', async () => {
    const res = await get('/export?ids=agency:unodc&depth=1&format=graphml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="kg-subgraph\.graphml"/);
    const g = parseGraphML(await res.text());
    expect(g.nodes.map((n) => n.id).sort()).toEqual(expected.nodes.map((n) => n.id).sort());
    expect(g.edges.map((e) => e.id).sort()).toEqual(expected.edges.map((e) => e.id).sort());
    const unodc = g.nodes.find((n) => n.id === 'agency:unodc')!;
    expect(unodc.label).toBe(expected.nodes.find((n) => n.id === 'agency:unodc')!.label);
    expect(unodc.label).toMatch(/[\u0600-\u06FF]/);
    expect(unodc.attrs.kind).toBe('Agency');
    for (const e of g.edges) expect(RELATION_TYPES).toContain(e.attrs.e_type);
    const withEvidence = expected.edges.find((e) => e.evidence)!;
    expect(g.edges.find((e) => e.id === withEvidence.id)!.attrs.e_evidence).toBe(withEvidence.evidence);
    for (const e of g.edges) expect(Number(e.attrs.e_weight)).toBe(expected.edges.find((x) => x.id === e.id)!.weight);
  });

  it('exports GEXF 1.3 with the same subgraph', async () => {
    const res = await get('/export?ids=agency:unodc&depth=1&format=gexf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/gexf+xml; charset=utf-8');
    const g = parseGEXF(await res.text());
    expect((g.raw.gexf as Record<string, string>)['@version']).toBe('1.3');
    expect(g.nodes.map((n) => n.id).sort()).toEqual(expected.nodes.map((n) => n.id).sort());
    expect(g.edges.length).toBe(expected.edges.length);
    const byId = new Map(expected.nodes.map((n) => [n.id, n]));
    for (const n of g.nodes) {
      expect(n.label).toBe(byId.get(n.id)!.label);
      expect(n.attrs.kind).toBe(byId.get(n.id)!.kind);
    }
  });

  it('depth 0 exports just the given entities and the edges among them', async () => {
    const { neighbourhood: two } = await graphql<{ neighbourhood: Sub }>(s.server, NEIGHBOURHOOD, {
      ids: ['agency:unodc', 'agency:unicef'],
      depth: 0,
      limit: 10,
    });
    const g = parseGraphML(await (await get('/export?ids=agency:unodc,agency:unicef&depth=0')).text());
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['agency:unicef', 'agency:unodc']);
    expect(g.edges.map((e) => e.id).sort()).toEqual(two.edges.map((e) => e.id).sort());
  });

  it('bounds the size with limit and says when it cut', async () => {
    const res = await get('/export?ids=agency:unodc&depth=2&limit=5&format=gexf');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-subgraph-truncated')).toBe('true');
    expect(parseGEXF(await res.text()).nodes).toHaveLength(5);
  });

  it.each([
    ['/export', /"ids" is required/],
    ['/export?ids=agency:unodc&format=csv', /"format" must be graphml or gexf/],
    ['/export?ids=agency:unodc&depth=9', /"depth" must be between 0 and 3/],
    ['/export?ids=agency:unodc&limit=5000', /"limit" must be between 1 and 1000/],
    ['/export?id=agency:unodc', /unknown parameter/],
  ])('%s -> 400 with a message saying what to fix', async (path, message) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(message);
  });

  it('an unknown id -> 404 naming it', async () => {
    const res = await get('/export?ids=agency:no-such-thing');
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/No entity with id agency:no-such-thing/);
  });
});

describe('/export with co-occurrence and a confidence threshold', () => {
  const HOOD = `query($co: Boolean!, $min: Float!) {
    neighbourhood(ids: ["agency:unicef"], depth: 1, limit: 300, coOccurrence: $co, minConfidence: $min) { nodes { id } edges { id type confidence } }
  }`;

  it('coOccurrence=true exports the CO_OCCURS edges too, undirected, as the neighbourhood query does', async () => {
    const { neighbourhood: want } = await graphql<{ neighbourhood: { nodes: { id: string }[]; edges: { id: string; type: string }[] } }>(s.server, HOOD, { co: true, min: 0 });
    expect(want.edges.some((e) => e.type === 'CO_OCCURS')).toBe(true);
    const res = await get('/export?ids=agency:unicef&depth=1&coOccurrence=true&format=graphml');
    expect(res.status).toBe(200);
    const xml = await res.text();
    const g = parseGraphML(xml);
    expect(g.edges.map((e) => e.id).sort()).toEqual(want.edges.map((e) => e.id).sort());
    const co = g.edges.filter((e) => e.attrs.e_type === 'CO_OCCURS');
    expect(co.length).toBeGreaterThan(0);
    expect(xml).toMatch(/<edge [^>]*directed="false"/);
  });

  it('minConfidence=0.8 keeps only typed relations at 0.8 or more; typed edges link to the reader', async () => {
    const all = parseGraphML(await (await get('/export?ids=agency:unicef&depth=1')).text());
    const high = parseGraphML(await (await get('/export?ids=agency:unicef&depth=1&minConfidence=0.8')).text());
    expect(all.edges.some((e) => Number(e.attrs.e_confidence) < 0.8)).toBe(true);
    expect(high.edges.length).toBeGreaterThan(0);
    expect(high.edges.length).toBeLessThan(all.edges.length);
    for (const e of high.edges) expect(Number(e.attrs.e_confidence)).toBeGreaterThanOrEqual(0.8);
    const linked = all.edges.find((e) => e.attrs.e_document)!;
    expect(linked.attrs.e_reader).toMatch(new RegExp(`^${base}/read/document%3A[^?]+\\?type=[A-Z_]+&source=[^&]+&target=[^#]+#focus$`));
    expect((await get(linked.attrs.e_reader.slice(base.length))).status).toBe(200);
  });

  it.each([
    ['/export?ids=agency:unicef&coOccurrence=maybe', /"coOccurrence" must be true or false/],
    ['/export?ids=agency:unicef&minConfidence=2', /"minConfidence" must be a number from 0 to 1/],
  ])('%s -> 400 saying what to fix', async (path, message) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(message);
  });
});

describe('minConfidence on the API', () => {
  const Q = `query($min: Float!) {
    entity(id: "agency:unicef") {
      relations(minConfidence: $min) { type direction entity { id } count confidence evidence(first: 100) { confidence } }
      ... on Agency { partnersWith(minConfidence: $min) { confidence } }
    }
    neighbourhood(ids: ["agency:unicef"], minConfidence: $min) { edges { confidence } }
    path(from: "agency:unicef", to: "agency:unodc", maxLength: 6, minConfidence: $min) { edges { confidence } }
  }`;
  type Rel = { type: string; direction: string; entity: { id: string }; count: number; confidence: number; evidence: { confidence: number }[] };
  type R = { entity: { relations: Rel[]; partnersWith: { confidence: number }[] }; neighbourhood: { edges: { confidence: number }[] }; path: { edges: { confidence: number }[] } };

  it('default 0 returns everything; a threshold filters relation fields, neighbourhood and path alike', async () => {
    const all = await graphql<R>(s.server, Q, { min: 0 });
    const high = await graphql<R>(s.server, Q, { min: 0.8 });
    const lists = (r: R) => [r.entity.relations, r.entity.partnersWith, r.neighbourhood.edges, r.path.edges];
    expect(all.entity.relations.some((x) => x.confidence < 0.8)).toBe(true);
    expect(high.entity.relations.length).toBeLessThan(all.entity.relations.length);
    for (const list of lists(high)) for (const x of list) expect(x.confidence).toBeGreaterThanOrEqual(0.8);
    const dflt = await graphql<{ entity: { relations: unknown[] } }>(s.server, '{ entity(id: "agency:unicef") { relations { type } } }');
    expect(dflt.entity.relations.length).toBe(all.entity.relations.length);
  });

  it('a relation is kept by its best confidence; its evidence then shows only the entries at or above the threshold, its count stays the total', async () => {
    const all = await graphql<R>(s.server, Q, { min: 0 });
    const key = (r: Rel) => `${r.type}|${r.direction}|${r.entity.id}`;
    for (const r of all.entity.relations) {
      expect(r.evidence.length).toBe(Math.min(r.count, 100));
      expect(r.confidence).toBe(r.evidence[0].confidence);
    }
    // A threshold inside some relation's range of evidence: between its best and its worst entry.
    const mixed = all.entity.relations.find((r) => r.evidence.some((e) => e.confidence < r.confidence));
    const mins = mixed ? [0.8, (mixed.confidence + Math.min(...mixed.evidence.map((e) => e.confidence))) / 2] : [0.8];
    for (const min of mins) {
      const high = await graphql<R>(s.server, Q, { min });
      const kept = new Map(high.entity.relations.map((r) => [key(r), r]));
      for (const r of all.entity.relations) {
        const h = kept.get(key(r));
        expect(!!h).toBe(r.confidence >= min);
        if (!h) continue;
        expect(h.count).toBe(r.count);
        expect(h.evidence.map((e) => e.confidence)).toEqual(r.evidence.map((e) => e.confidence).filter((c) => c >= min));
      }
    }
  });

  it('a threshold outside 0..1 is BAD_USER_INPUT', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ neighbourhood(ids: ["agency:unicef"], minConfidence: 1.5) { truncated } }' }),
    });
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/minConfidence must be a number from 0 to 1/);
  });
});

describe('/read/<document id>', () => {
  let docId: string;
  let rel: { type: string; source: string; target: string; evidence: string };
  beforeAll(async () => {
    type Ev = { text: string | null; documentId: string | null };
    const data = await graphql<{ entity: { relations: { type: string; direction: string; entity: { id: string }; evidence: Ev[] }[] } }>(
      s.server,
      '{ entity(id: "agency:unicef") { relations { type direction entity { id } evidence(first: 1) { text documentId } } } }',
    );
    const r = data.entity.relations.find((x) => x.evidence[0]?.text && x.evidence[0]?.documentId)!;
    docId = r.evidence[0].documentId!;
    rel = { type: r.type, source: r.direction === 'OUT' ? 'agency:unicef' : r.entity.id, target: r.direction === 'OUT' ? r.entity.id : 'agency:unicef', evidence: r.evidence[0].text! };
  });

  it('renders the document offline, right to left, with its mentions and the linked relation marked', async () => {
    const q = new URLSearchParams({ type: rel.type, source: rel.source, target: rel.target });
    const res = await get(`/read/${encodeURIComponent(docId)}?${q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await res.text();
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('src="../assets/read.js"');
    expect((html.match(/<mark class="m/g) ?? []).length).toBeGreaterThan(10);
    expect(html.match(/id="focus"/g)).toHaveLength(1);
    expect(html).toMatch(/<li class="focus"/);
    const focus = /<span class="evidence focus" id="focus">([\s\S]*?)<\/span>/.exec(html)![1].replace(/<[^>]+>/g, '');
    expect(rel.evidence.startsWith(focus)).toBe(true);
    const bundle = await get('/assets/read.js');
    expect(bundle.status).toBe(200);
  });

  it('an unknown document -> 404 saying how ids look', async () => {
    const res = await get('/read/document:no-such-doc');
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/No document with id "document:no-such-doc"/);
  });
});
