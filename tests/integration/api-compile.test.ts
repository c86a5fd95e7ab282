/**
 * The compiled path (src/api/compile: one statement for the relation fields of a selection) and
 * the DataLoader path answer the same JSON on the seeded graph, in at most 2 round trips for a
 * query of depth <= 3; the one-statement neighbourhood equals the hop-by-hop one it replaced.
 */
import { Db } from '../../src/graph/db';
import { edgeTypes, neighbourhood, toNode } from '../../src/api/services/graph';
import { toEntity } from '../../src/api/values';
import type { Row } from '../../src/graph/db';
import { Harness, ok, startHarness } from './api-harness';

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

/** The neighbourhood as the service computed it before, one statement per hop (the reference). */
async function hopByHop(db: Db, ids: string[], depth: number, limit: number, types: string[], minConfidence: number) {
  const starts = (await db.read('api-entities-by-id', { ids })).map((r) => toEntity(r.e));
  const ordered = ids.map((id) => starts.find((s) => s.id === id)).filter((e) => e !== undefined);
  let truncated = ordered.length > limit;
  const nodes = ordered.slice(0, limit);
  const visited = new Set(nodes.map((n) => n.id));
  let frontier = [...visited];
  for (let hop = 1; hop <= depth && frontier.length > 0 && !truncated; hop++) {
    const room = limit - nodes.length;
    const found = (await db.read('api-neighbours', { frontier, visited: [...visited], types, kinds: null, limit: room + 1, minConfidence })).map((r) => toEntity(r.b));
    if (found.length > room) truncated = true;
    const added = found.slice(0, room);
    for (const e of added) visited.add(e.id);
    nodes.push(...added);
    frontier = added.map((e) => e.id);
  }
  const edges = nodes.length > 1 ? await db.read('api-edges-among', { ids: nodes.map((n) => n.id), types, minConfidence, limit: 1001 }) : [];
  return { nodes: nodes.map(toNode), edgeIds: edges.map((e: Row) => String(e.id)).sort(), truncated: truncated || edges.length > 1000 };
}

describe('the neighbourhood in one statement', () => {
  test.each([
    [1, 100],
    [2, 100],
    [3, 40],
    [2, 5],
  ])('depth %i, limit %i: the same nodes, edges and truncation as hop by hop, in one round trip', async (depth, limit) => {
    let trips = 0;
    const db = new Db(compiled.driver, { onQuery: () => trips++ });
    const types = edgeTypes({});
    const one = await neighbourhood(db, { ids: [hub, typical], depth, limit, minConfidence: 0 });
    expect(trips).toBe(1);
    const ref = await hopByHop(db, [hub, typical], depth, limit, types, 0);
    expect(one.nodes).toEqual(ref.nodes);
    expect(one.edges.map((e) => e.id).sort()).toEqual(ref.edgeIds);
    expect(one.truncated).toBe(ref.truncated);
    expect(one.nodes.length).toBeGreaterThan(1);
  });
});
