/**
 * The compiled path (src/api/compile: one statement for the relation fields of a selection) and
 * the DataLoader path answer the same JSON on the seeded graph, in at most 2 round trips for a
 * query of depth <= 3; the one-statement neighbourhood equals the hop-by-hop one it replaced.
 */
import { Db } from '../../src/graph/db';
import { edgeId, edgeTypes, neighbourhood, toNode } from '../../src/api/services/graph';
import { num, str, toEntity } from '../../src/api/values';
import type { Row } from '../../src/graph/db';
import { Harness, ok, startHarness } from './api-harness';
import { fill } from '../../src/api/compile/fragments';

let compiled: Harness;
let loaders: Harness;
let hub: string;
let typical: string;

beforeAll(async () => {
  compiled = await startHarness({ batching: true, compile: true });
  loaders = await startHarness({ batching: true, compile: false });
  // The best-connected entity and one in the middle, found through the API itself.
  const data = ok(await loaders.gql('{ entities(first: 200) { nodes { id relations(first: 200) { type } } } }'));
  const ranked = (data.entities.nodes as { id: string; relations: unknown[] }[]).filter((n) => n.relations.length > 0).sort((a, b) => b.relations.length - a.relations.length || (a.id < b.id ? -1 : 1));
  hub = ranked[0].id;
  typical = ranked[Math.floor(ranked.length / 2)].id;
}, 600_000);

afterAll(async () => {
  await compiled?.close();
  await loaders?.close();
});

async function both(query: string, variables: Record<string, unknown>) {
  compiled.resetRoundTrips();
  const c = ok(await compiled.gql(query, variables));
  const cTrips = compiled.roundTrips();
  loaders.resetRoundTrips();
  const l = ok(await loaders.gql(query, variables));
  return { c, l, cTrips, lTrips: loaders.roundTrips() };
}

const TWO_LEVELS = `query($id: ID!) { entity(id: $id) { id name mentionCount
  relations(first: 20) { type direction count documentCount confidence evidence(first: 2) { text documentId paragraph confidence }
    entity { id name kind relations(first: 20) { type direction count entity { id name } } } } } }`;

const THREE_LEVELS = `query($id: ID!, $min: Float) { entity(id: $id) { id
  ... on Agency { memberOf(first: 5) { count entity { id name } } partnersWith(minConfidence: $min) { confidence entity { id } } }
  strong: relations(first: 10, minConfidence: $min) { type confidence evidence { confidence }
    entity { id aliases
      relations(first: 10, direction: OUT) { type
        entity { id ... on Country { ratified { entity { id name } } } relations(first: 5, types: [PARTICIPATED_IN, ORGANIZED]) { type entity { id } } } } } }
  all: relations(first: 50) { type count entity { id } } } }`;

const MENTIONS = `query($id: ID!) { entity(id: $id) { id mentionCount mentions(first: 30) { text start end paragraph document { id title file } }
  relations(first: 10) { type entity { id mentions(first: 3) { text document { id } } relations(first: 5) { type entity { name } } } } } }`;

describe('compiled reads answer as the DataLoaders do', () => {
  test.each([
    ['two levels from the hub', TWO_LEVELS, () => ({ id: hub })],
    ['two levels from a typical entity', TWO_LEVELS, () => ({ id: typical })],
    ['three levels, per-type fields, aliases, minConfidence, from the hub', THREE_LEVELS, () => ({ id: hub, min: 0.8 })],
    ['three levels from a typical entity', THREE_LEVELS, () => ({ id: typical, min: 0.5 })],
    ['mentions with their documents beside relations, from the hub', MENTIONS, () => ({ id: hub })],
  ])('%s', async (_name, query, vars) => {
    const r = await both(query, vars());
    expect(r.c).toEqual(r.l);
    expect(r.c.entity).not.toBeNull();
    expect(r.cTrips).toBeLessThanOrEqual(2);
    expect(r.lTrips).toBeGreaterThan(r.cTrips);
  });

  test.each([
    ['an entities page', '{ entities(first: 15) { totalCount nodes { id relations(first: 5) { type count entity { id relations(first: 5) { type entity { id name } } } } } edges { cursor node { id ... on Agency { memberOf(first: 3) { entity { name } } } } } } }'],
    ['search hits', '{ search(text: "الأمم المتحدة", first: 8) { score entity { id relations(first: 10) { type entity { id relations(first: 3) { type } } } } } }'],
    ['documents', '{ documents(first: 5) { nodes { id ... on Document { cites(first: 5) { entity { id } } issuedBy { entity { id relations(first: 3) { type } } } } } } }'],
  ])('%s: the list, then one statement for the relations of all its entities', async (_name, query) => {
    const r = await both(query, {});
    expect(r.c).toEqual(r.l);
    expect(r.cTrips).toBeLessThanOrEqual(2);
    expect(r.lTrips).toBeGreaterThan(r.cTrips);
  });

  // The statement's rows carry only the other end's properties the selection reads, as a list of
  // values in the projection's order (cypher/compiled-node-summary.cypher); the loaders' rows carry
  // the whole summary as a map. The JSON must not differ, byte for byte, whatever is selected.
  const SUMMARY = 'id kind name nameAr nameEn acronym category mentionCount';
  test.each([
    ['trimmed: id only', 'id'],
    ['trimmed: name only (its fallbacks)', 'name'],
    ['trimmed: kind and __typename', 'kind __typename'],
    ['trimmed: names and counts without the id (the row list named from the projection)', 'nameEn acronym mentionCount nameAr'],
    ['the whole summary', SUMMARY],
    ['beyond the summary (the whole node)', `${SUMMARY} aliases`],
  ])('%s under relations two levels deep: the same JSON as the loaders', async (_name, fields) => {
    const q = `query($id: ID!) { entity(id: $id) { id relations(first: 20) { type count entity { ${fields} relations(first: 20) { type entity { ${fields} } } } } } }`;
    for (const id of [hub, typical]) {
      const r = await both(q, { id });
      expect(JSON.stringify(r.c)).toBe(JSON.stringify(r.l));
      expect(r.cTrips).toBeLessThanOrEqual(2);
    }
  });

  test("the row's one `name` value gives the name toEntity gives from the three properties", async () => {
    // cypher/compiled-node-name.cypher in Neo4j (b a map here, as a node in the statement) against
    // values.ts toEntity, for every mix of missing, null, empty and untidy names.
    const values = [undefined, null, '', 'اسم  مكتوب\nعلى سطرين', 'Name'];
    const cases: Record<string, unknown>[] = [];
    for (const name of values) for (const nameAr of values) for (const nameEn of values) {
      const b: Record<string, unknown> = { id: 'agency:x', kind: 'Agency' };
      Object.entries({ name, nameAr, nameEn }).forEach(([k, v]) => v !== undefined && (b[k] = v));
      cases.push(b);
    }
    const session = compiled.driver.session();
    try {
      const res = await session.run(`UNWIND $cases AS b RETURN ${fill('compiled-node-name', {}).text} AS name`, { cases });
      const shown = res.records.map((r) => r.get('name'));
      expect(shown.map((name) => toEntity({ id: 'agency:x', kind: 'Agency', name }).name)).toEqual(cases.map((b) => toEntity(b).name));
      expect(new Set(shown).size).toBeGreaterThan(3);
    } finally {
      await session.close();
    }
  });

  test('a field read after rows primed with fewer properties still gets its values', async () => {
    // `a` primes the relations of the hub carrying ids only; `b` asks the same page with more
    // fields, and `c` the same again through a fragment on the kind: none may see `a`'s rows.
    const q = `query($id: ID!) {
      a: entity(id: $id) { relations(first: 20) { type entity { id } } }
      b: entity(id: $id) { relations(first: 20) { type entity { id name nameEn acronym category mentionCount } } }
      c: entity(id: $id) { relations(first: 20) { type entity { id } } ... on Agency { relations(first: 20) { entity { acronym mentionCount } } } } }`;
    const r = await both(q, { id: hub });
    expect(JSON.stringify(r.c)).toBe(JSON.stringify(r.l));
    const others = r.c.b.relations.map((x: { entity: Record<string, unknown> }) => x.entity);
    expect(others.length).toBeGreaterThan(1);
    // Not vacuous: the later fields have values the trimmed rows did not carry.
    expect(others.every((e: Record<string, unknown>) => typeof e.name === 'string' && typeof e.mentionCount === 'number')).toBe(true);
    expect(others.some((e: Record<string, unknown>) => e.acronym !== null || e.category !== null || e.nameEn !== null)).toBe(true);
  });

  test('lists selecting only `entity` (rows carrying the other end alone) and the same pages with the relation\'s fields: the same JSON as the loaders', async () => {
    // `a` primes rows without type, counts or evidence (src/api/selection.ts ENDS_ONLY); `b`
    // asks the same pages with them, `c` the whole node and a per-type field: none may see
    // `a`'s rows, and `a` must answer as the loaders do.
    const q = `query($id: ID!) {
      a: entity(id: $id) { id relations(first: 20) { entity { id name kind relations(first: 20) { entity { id name kind } } } } }
      b: entity(id: $id) { relations(first: 20) { type direction count documentCount confidence evidence(first: 1) { text } entity { id name } } }
      c: entity(id: $id) { relations(first: 20) { __typename x: entity { id } y: entity { aliases } } ... on Agency { memberOf(first: 5) { entity { id } } } } }`;
    for (const id of [hub, typical]) {
      const r = await both(q, { id });
      expect(JSON.stringify(r.c)).toBe(JSON.stringify(r.l));
      expect(r.c.a.relations.length).toBeGreaterThan(0);
      // Not vacuous: the later list has the relation's fields the ends-only rows did not carry.
      const rels = r.c.b.relations as { type: string; count: number; evidence: unknown[] }[];
      expect(rels.every((x) => x.type.length > 0 && x.count > 0 && x.evidence.length === 1)).toBe(true);
    }
  });

  test('the hub has relations two levels deep (the comparison is not vacuous)', async () => {
    const r = await both(TWO_LEVELS, { id: hub });
    expect(r.c.entity.relations.length).toBeGreaterThan(1);
    expect(r.c.entity.relations.some((x: { entity: { relations: unknown[] } }) => x.entity.relations.length > 0)).toBe(true);
  });

  test('an unknown id is null in one round trip', async () => {
    const r = await both(TWO_LEVELS, { id: 'agency:no-such-thing' });
    expect(r.c).toEqual({ entity: null });
    expect(r.cTrips).toBe(1);
  });

  test('arguments the resolver refuses are refused as before', async () => {
    const q = 'query($id: ID!) { entity(id: $id) { id relations(first: 5, minConfidence: 2) { entity { relations(first: 5) { type } } } } }';
    const c = await compiled.gql(q, { id: hub });
    const l = await loaders.gql(q, { id: hub });
    expect(c.errors?.[0]?.message).toBe(l.errors?.[0]?.message);
    expect(c.errors?.[0]?.message).toMatch(/minConfidence must be/);
    expect(c.data).toEqual(l.data);
  });
});

interface HoodCase {
  ids: () => string[];
  depth: number;
  limit: number | (() => number);
  kinds?: string[];
  coOccurrence?: boolean;
  mentions?: boolean;
  minConfidence?: number;
  edgeLimit?: number;
}

// The reference's ids are elementIds; the service names an edge by its ends and type.
const edgeOf = (e: Row) => ({
  id: edgeId(String(e.source), String(e.type), String(e.target)),
  source: String(e.source),
  target: String(e.target),
  type: String(e.type),
  weight: Number(e.weight ?? 0),
  evidence: str(e.evidence) || null,
  document: str(e.document) || null,
  paragraph: str(e.paragraph) || null,
  confidence: num(e.confidence),
});
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byEnds = (a: { source: string; target: string; type: string; id: string }, b: typeof a) =>
  cmp(a.source, b.source) || cmp(a.target, b.target) || cmp(a.type, b.type) || cmp(a.id, b.id);

const limitOf = (c: HoodCase): number => (typeof c.limit === 'number' ? c.limit : c.limit());

/** The neighbourhood as the service computed it before, one statement per hop and one for the edges (the reference). */
async function hopByHop(db: Db, hood: HoodCase) {
  const c = { ...hood, limit: limitOf(hood) };
  const ids = [...new Set(c.ids())];
  const types = edgeTypes(c);
  const minConfidence = c.minConfidence ?? 0;
  const edgeLimit = c.edgeLimit ?? 1000;
  const starts = (await db.read('api-entities-by-id', { ids })).map((r) => toEntity(r.e));
  const ordered = ids.map((id) => starts.find((s) => s.id === id)).filter((e) => e !== undefined);
  let truncated = ordered.length > c.limit;
  const nodes = ordered.slice(0, c.limit);
  const visited = new Set(nodes.map((n) => n.id));
  let frontier = [...visited];
  for (let hop = 1; hop <= c.depth && frontier.length > 0 && !truncated; hop++) {
    const room = c.limit - nodes.length;
    const rows = await db.read('api-neighbours', { frontier, visited: [...visited], types, kinds: c.kinds ?? null, limit: room + 1, minConfidence });
    const found = rows.map((r) => toEntity(r.b));
    if (found.length > room) truncated = true;
    const added = found.slice(0, room);
    for (const e of added) visited.add(e.id);
    nodes.push(...added);
    frontier = added.map((e) => e.id);
  }
  const edges = nodes.length > 1 ? await db.read('api-edges-among', { ids: nodes.map((n) => n.id), types, minConfidence, limit: edgeLimit + 1 }) : [];
  return {
    nodes: nodes.map(toNode),
    edges: edges.slice(0, edgeLimit).map(edgeOf).sort(byEnds),
    truncated: truncated || edges.length > edgeLimit,
  };
}

describe('the neighbourhood in one statement', () => {
  // The hub's neighbours one and two hops away (limits that cut each hop halfway through).
  let near = 0;
  let far = 0;
  beforeAll(async () => {
    const db = new Db(compiled.driver);
    near = (await hopByHop(db, { ids: () => [hub], depth: 1, limit: 1000 })).nodes.length - 1;
    far = (await hopByHop(db, { ids: () => [hub], depth: 2, limit: 1000 })).nodes.length - 1 - near;
  });
  const cases: [string, HoodCase][] = [
    ['depth 1, limit 100, hub and typical', { ids: () => [hub, typical], depth: 1, limit: 100 }],
    ['depth 2, limit 100, hub and typical', { ids: () => [hub, typical], depth: 2, limit: 100 }],
    ['depth 3, limit 40, hub and typical', { ids: () => [hub, typical], depth: 3, limit: 40 }],
    ['depth 2, limit 5, hub and typical', { ids: () => [hub, typical], depth: 2, limit: 5 }],
    ['depth 2 from the hub, the first hop cut', { ids: () => [hub], depth: 2, limit: () => 1 + Math.ceil(near / 2) }],
    ['depth 2 from the hub, the second hop cut', { ids: () => [hub], depth: 2, limit: () => 1 + near + Math.ceil(far / 2) }],
    ['depth 3 from a typical entity, limit 1000', { ids: () => [typical], depth: 3, limit: 1000 }],
    ['depth 0, two starts', { ids: () => [typical, hub], depth: 0, limit: 10 }],
    ['more starts than the limit', { ids: () => [hub, typical, 'agency:no-such-thing'], depth: 2, limit: 1 }],
    ['co-occurrences and mentions, edge limit cutting', { ids: () => [hub], depth: 1, limit: 50, coOccurrence: true, mentions: true, edgeLimit: 40 }],
    ['co-occurrences only, depth 2', { ids: () => [typical], depth: 2, limit: 80, coOccurrence: true }],
    ['kinds and minConfidence', { ids: () => [hub], depth: 2, limit: 100, kinds: ['Agency', 'Country'], minConfidence: 0.7 }],
    ['edge limit 3', { ids: () => [hub], depth: 2, limit: 100, edgeLimit: 3 }],
  ];
  test.each(cases)('%s: the same nodes, edges (order, fields) and truncation as hop by hop, in one round trip', async (_name, c) => {
    // The look at whether the graph holds rankings (at most once per 10 s and process) is not the request's.
    const names: string[] = [];
    const db = new Db(compiled.driver, { onQuery: (name) => names.push(name) });
    const one = await neighbourhood(db, { ...c, ids: c.ids(), limit: limitOf(c), minConfidence: c.minConfidence ?? 0 });
    expect(names.filter((n) => n !== 'api-neighbour-ranked')).toHaveLength(1);
    expect(names.length).toBeLessThanOrEqual(2);
    const ref = await hopByHop(db, c);
    expect(one.nodes).toEqual(ref.nodes);
    expect(one.edges).toEqual(ref.edges);
    expect(one.truncated).toBe(ref.truncated);
    expect(one.nodes.length).toBeGreaterThan(c.depth > 0 && limitOf(c) > 1 ? 1 : 0);
  });

  test('the cases cut: by the node limit at the first and the second hop, and by the edge limit', async () => {
    const db = new Db(compiled.driver);
    const cut = async (c: HoodCase) => (await hopByHop(db, c)).truncated;
    expect(near).toBeGreaterThan(2);
    expect(far).toBeGreaterThan(2);
    expect(await cut({ ids: () => [hub], depth: 1, limit: 1 + Math.ceil(near / 2) })).toBe(true);
    expect(await cut({ ids: () => [hub], depth: 1, limit: 1 + near + Math.ceil(far / 2) })).toBe(false);
    expect(await cut({ ids: () => [hub], depth: 2, limit: 1 + near + Math.ceil(far / 2) })).toBe(true);
    expect(await cut({ ids: () => [hub], depth: 2, limit: 100, edgeLimit: 3 })).toBe(true);
  });

  test('without edge details the nodes and edges are the same, their evidence fields null', async () => {
    const db = new Db(compiled.driver);
    const args = { ids: [hub, typical], depth: 2, limit: 100, minConfidence: 0 };
    const full = await neighbourhood(db, args);
    const bare = await neighbourhood(db, { ...args, details: false });
    expect(bare.nodes).toEqual(full.nodes);
    expect(bare.truncated).toBe(full.truncated);
    expect(bare.edges).toEqual(full.edges.map((e) => ({ ...e, evidence: null, document: null, paragraph: null, confidence: null })));
    expect(full.edges.some((e) => e.evidence !== null)).toBe(true);
  });

  test('through GraphQL, evidence is read only when an edge field asks for it (fragments and aliases included)', async () => {
    const q = `query($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 2) { nodes { id } bare: edges { id } ...More } }
      fragment More on Subgraph { edges { ... on GraphEdge { why: evidence } } }`;
    const withDetails = ok(await compiled.gql(q, { ids: [hub] }));
    const plain = ok(await compiled.gql('query($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 2) { edges { id confidence } } }', { ids: [hub] }));
    expect(withDetails.neighbourhood.edges.some((e: { why: string | null }) => e.why)).toBe(true);
    expect(plain.neighbourhood.edges.some((e: { confidence: number | null }) => e.confidence !== null)).toBe(true);
  });
});
