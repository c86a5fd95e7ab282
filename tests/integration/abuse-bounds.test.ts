/**
 * Greedy readers: small queries that ask for huge answers. Every list is paged and costed at its
 * page size (its default when `first` is left out), subgraph edges are bounded, fragment fan-out
 * is refused by cost, and no answer passes the response-size ceiling (KG_MAX_RESPONSE_KB).
 * Generated queries check the invariant behind all this: an accepted query's answer never holds
 * more values than its estimated cost. Normal queries are still answered afterwards.
 */
import 'reflect-metadata';
import { GraphQLSchema, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { apiSchema } from '../../src/api/schema';
import { costEstimator, guardConfig } from '../../src/api/guard';
import { PAGES } from '../../src/api/services/pages';
import { rng as prng } from '../../bench/corpus'; // deterministic (mulberry32): a failure can be replayed
import { Harness, ok, startHarness } from './api-harness';

type Err = { message: string; extensions?: { code?: string } };
const codes = (errors?: Err[]) => (errors ?? []).map((e) => e.extensions?.code);
const NORMAL = '{ stats { entities } search(text: "الأمم المتحدة", first: 3) { entity { id } } }';


/** Values in an answer: every scalar, object and list slot (what the cost must bound). */
function countValues(v: unknown): number {
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + countValues(x), 0);
  if (v && typeof v === 'object') return Object.values(v).reduce((n: number, x) => n + 1 + countValues(x), 0);
  return 0;
}

/** The issue's query: five aliases of a 200-entity page, each entity's mentions with their documents' paragraphs. */
export function greedyQuery(aliases = 5, page = 200): string {
  const one = (i: number) => `a${i}:entities(first:${page}){nodes{id mentions{text document{id ...on Document{paragraphs{number text}}}}}}`;
  return `{${Array.from({ length: aliases }, (_, i) => one(i)).join(' ')}}`;
}

describe('abuse: bounded answers', () => {
  let h: Harness;
  let schema: GraphQLSchema;
  const cfg = guardConfig({});
  const estimate = (q: string, variables: Record<string, unknown> = {}) => getComplexity({ schema, query: parse(q), variables, estimators: [costEstimator(cfg.listFactor)] });

  beforeAll(async () => {
    schema = await apiSchema();
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function refused(query: string, code: string, variables: Record<string, unknown> = {}) {
    h.resetRoundTrips();
    const r = await h.gql(query, variables);
    expect({ query: query.slice(0, 200), codes: codes(r.errors) }).toEqual({ query: query.slice(0, 200), codes: [code] });
    expect(r.data ?? null).toBeNull();
    expect(h.roundTrips()).toBe(0);
    return r;
  }

  test("the issue's 775-byte query (5 aliases × 200 entities × mentions × paragraphs) is refused by cost before any Cypher", async () => {
    const q = greedyQuery();
    expect(Buffer.byteLength(q)).toBeLessThan(1000);
    const r = await refused(q, 'QUERY_TOO_COMPLEX');
    expect(r.status).toBe(400);
    expect(r.errors![0].message).toMatch(/KG_MAX_COST/);
    // One alias, one entity, small pages: the same shape is answered.
    const small = ok(await h.gql('{ entities(first: 1) { nodes { id mentions(first: 3) { text document { id ... on Document { paragraphs(first: 2) { number } } } } } } }'));
    expect(small.entities.nodes).toHaveLength(1);
    expect(ok(await h.gql(NORMAL)).stats.entities).toBeGreaterThan(0);
  });

  test('a list without `first` is costed at its documented default, not at 5', () => {
    const base = estimate('{ entity(id: "x") { id } }');
    for (const [field, rule] of [
      ['relations { type }', PAGES.relations],
      ['mentions { text }', PAGES.mentions],
      ['... on Document { paragraphs { text } }', PAGES.paragraphs],
      ['... on Document { entities { count } }', PAGES.documentEntities],
    ] as const) {
      const q = `{ entity(id: "x") { id ${field} } }`;
      // The list itself (1) plus `dflt` items of one field each.
      expect({ field, cost: estimate(q) - base }).toEqual({ field, cost: 1 + rule.dflt });
      const explicit = q.replace(/(relations|mentions|paragraphs|entities) \{/, '$1(first: 3) {');
      expect({ field, cost: estimate(explicit) - base }).toEqual({ field, cost: 1 + 3 });
    }
  });

  test('page sizes over the maximum are refused with BAD_USER_INPUT, for every paged list field', async () => {
    for (const [sel, rule] of [
      ['relations(first: $n) { type }', PAGES.relations],
      ['mentions(first: $n) { text }', PAGES.mentions],
      ['... on Agency { partnersWith(first: $n) { type } }', PAGES.relations],
    ] as const) {
      const r = await h.gql(`query($n: Int) { entity(id: "agency:unodc") { ${sel} } }`, { n: rule.max + 1 });
      expect({ sel, codes: codes(r.errors) }).toEqual({ sel, codes: ['BAD_USER_INPUT'] });
    }
    const doc = await h.gql('query($n: Int) { documents(first: 1, ingestedOnly: true) { nodes { ... on Document { paragraphs(first: $n) { number } } } } }', { n: PAGES.paragraphs.max + 1 });
    expect(codes(doc.errors)).toEqual(['BAD_USER_INPUT']);
    const ids = Array.from({ length: 1001 }, (_, i) => `agency:x${i}`);
    const hood = await h.gql('query($ids: [ID!]!) { neighbourhood(ids: $ids) { truncated } }', { ids });
    expect(codes(hood.errors)).toEqual(['BAD_USER_INPUT']);
  });

  test('generated queries: an accepted answer never holds more values than its estimated cost; the rest is refused before any Cypher', async () => {
    const rnd = prng(14);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const page = (name = 'first') => pick(['', '', `(${name}: 1)`, `(${name}: 7)`, `(${name}: 40)`, `(${name}: 300)`]);
    const docSel = () => `... on Document { paragraphs${page()} { number text } entities${page()} { count entity { id } } }`;
    const entitySel = (depth: number): string =>
      [
        'id name',
        rnd() < 0.6 ? `mentions${page()} { text document { id ${rnd() < 0.5 ? docSel() : ''} } }` : '',
        depth > 0 && rnd() < 0.7 ? `relations${page()} { type entity { ${entitySel(depth - 1)} } }` : '',
        rnd() < 0.3 ? `... on Agency { partnersWith${page()} { entity { id } } }` : '',
      ].join(' ');
    const roots = [
      () => `entities(first: ${pick([1, 5, 20, 200])}) { nodes { ${entitySel(2)} } }`,
      () => `entity(id: "${pick(['agency:unodc', 'agency:un', 'agency:iom', 'instrument:trafficking-protocol'])}") { ${entitySel(2)} }`,
      () => `documents(first: ${pick([1, 5, 50])}, ingestedOnly: true) { nodes { id ${docSel()} } }`,
      () => `neighbourhood(ids: ["agency:unodc"], depth: ${pick([1, 2])}, coOccurrence: ${pick(['true', 'false'])}, limit: ${pick([10, 100, 1000])}${page('edgeLimit').replace('(', ', ').replace(')', '').replace(': 300', ': 3000')}) { nodes { id label } edges { id source target type evidence } }`,
    ];
    let accepted = 0;
    let refusedN = 0;
    for (let i = 0; i < 40; i++) {
      const aliases = pick([1, 1, 2, 5]);
      const q = `{ ${Array.from({ length: aliases }, (_, k) => `q${k}: ${pick(roots)()}`).join(' ')} }`;
      const cost = estimate(q);
      h.resetRoundTrips();
      const r = await h.gql(q);
      if (codes(r.errors)[0] === 'QUERY_TOO_DEEP') {
        // Nested deeper than KG_MAX_DEPTH: refused by the depth rule, just as early.
        refusedN++;
        expect(h.roundTrips()).toBe(0);
      } else if (cost > cfg.maxCost) {
        refusedN++;
        expect({ q, codes: codes(r.errors) }).toEqual({ q, codes: ['QUERY_TOO_COMPLEX'] });
        expect(h.roundTrips()).toBe(0);
      } else {
        accepted++;
        expect({ q, errors: r.errors }).toEqual({ q, errors: undefined });
        expect({ q, values: countValues(r.data) <= cost }).toEqual({ q, values: true });
      }
    }
    // Both outcomes were exercised.
    expect(accepted).toBeGreaterThan(5);
    expect(refusedN).toBeGreaterThan(5);
    expect(ok(await h.gql(NORMAL)).stats.entities).toBeGreaterThan(0);
  });

  test('co-occurrence edges of a subgraph are bounded by edgeLimit and counted by the cost analysis', async () => {
    const q = 'query($l: Int!, $e: Int!) { neighbourhood(ids: ["agency:unodc"], depth: 2, limit: $l, coOccurrence: true, edgeLimit: $e) { truncated nodes { id } edges { id source target type } } }';
    const all = ok(await h.gql(q, { l: 200, e: PAGES.edges.max })).neighbourhood;
    const co = all.edges.filter((e: { type: string }) => e.type === 'CO_OCCURS').length;
    expect(co).toBeGreaterThan(10); // the seeds give this neighbourhood co-occurrence edges to cut
    const cut = ok(await h.gql(q, { l: 200, e: 10 })).neighbourhood;
    expect(cut.edges).toHaveLength(10);
    expect(cut.truncated).toBe(true);
    // Typed relations are kept before co-occurrences.
    const typed = all.edges.filter((e: { type: string }) => e.type !== 'CO_OCCURS' && e.type !== 'MENTIONS').length;
    expect(cut.edges.filter((e: { type: string }) => e.type !== 'CO_OCCURS').length).toBe(Math.min(10, typed));
    const ids = new Set(cut.nodes.map((n: { id: string }) => n.id));
    for (const e of cut.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    // The default edgeLimit is counted when absent; the largest limits with many fields cost too much.
    const big = '{ neighbourhood(ids: ["agency:unodc"], limit: 1000, coOccurrence: true, edgeLimit: 5000) { nodes { id label kind category } edges { id source target type evidence document paragraph confidence } } }';
    await refused(big, 'QUERY_TOO_COMPLEX');
    expect(estimate('{ neighbourhood(ids: ["x"], limit: 10) { edges { id } } }')).toBeGreaterThan(PAGES.edges.dflt);
    const over = await h.gql(q, { l: 10, e: PAGES.edges.max + 1 });
    expect(codes(over.errors)).toEqual(['BAD_USER_INPUT']);
  });

  test('fragment fan-out is refused by cost (400 QUERY_TOO_COMPLEX), never a server error', async () => {
    for (const [width, levels] of [
      [2, 30],
      [3, 20],
      [10, 8],
      [2, 12],
    ]) {
      let frags = 'fragment F0 on Entity { id name relations { type } }\n';
      for (let i = 1; i < levels; i++) frags += `fragment F${i} on Entity { ${Array.from({ length: width }, () => `...F${i - 1}`).join(' ')} }\n`;
      const q = `{ entity(id: "agency:unodc") { ...F${levels - 1} } }\n${frags}`;
      h.resetRoundTrips();
      const r = await h.gql(q);
      expect({ width, levels, status: r.status, codes: codes(r.errors) }).toEqual({ width, levels, status: 400, codes: ['QUERY_TOO_COMPLEX'] });
      expect(h.roundTrips()).toBe(0);
    }
    expect(ok(await h.gql(NORMAL)).stats.entities).toBeGreaterThan(0);
  });
});

describe('abuse: the response-size ceiling (KG_MAX_RESPONSE_KB)', () => {
  let h: Harness;
  const saved = { ...process.env };
  beforeAll(async () => {
    process.env.KG_MAX_RESPONSE_KB = '64';
    h = await startHarness();
  });
  afterAll(async () => {
    process.env = saved;
    await h?.close();
  });

  test('an answer over the ceiling is replaced by one RESPONSE_TOO_LARGE error, with no partial data', async () => {
    const q = '{ documents(first: 5, ingestedOnly: true) { nodes { id ... on Document { paragraphs(first: 1000) { number text } } } } }';
    const r = await h.gql(q);
    expect(r.status).toBe(400);
    expect(codes(r.errors)).toEqual(['RESPONSE_TOO_LARGE']);
    expect(r.errors![0].message).toMatch(/KG_MAX_RESPONSE_KB/);
    expect(r.data ?? null).toBeNull();
  });

  test('aliases repeating a modest answer count each time', async () => {
    const one = (i: number) => `a${i}: documents(first: 1, ingestedOnly: true) { nodes { ... on Document { paragraphs(first: 40) { text } } } }`;
    const single = await h.gql(`{ ${one(0)} }`);
    expect(single.errors).toBeUndefined();
    const size = JSON.stringify(single.data).length;
    const n = Math.min(30, Math.ceil((64 * 1024) / size) + 2);
    const r = await h.gql(`{ ${Array.from({ length: n }, (_, i) => one(i)).join(' ')} }`);
    expect(codes(r.errors)).toEqual(['RESPONSE_TOO_LARGE']);
  });

  test('normal queries are still answered', async () => {
    expect(ok(await h.gql(NORMAL)).stats.entities).toBeGreaterThan(0);
  });
});
