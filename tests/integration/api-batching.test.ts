/**
 * Relationship fields go through per-request DataLoaders: the Cypher round trips of a nested
 * query grow with its depth, not with the number of results. The naive mode (batching off) is
 * the comparison: one query per parent.
 */
import { Harness, ok, startHarness } from './api-harness';

// Three levels below the list: entity -> relations -> entity -> relations -> entity, plus mentions -> document.
const QUERY = `query($first: Int!) {
  entities(kind: Agency, first: $first, orderBy: { field: NAME }) {
    nodes {
      id
      mentions(first: 20) { document { id } }
      relations(first: 20) { type entity { id relations(first: 10) { type entity { id name } } } }
    }
  } }`;

function countResults(data: any): number {
  let n = 0;
  for (const e of data.entities.nodes) {
    n += 1 + e.mentions.length;
    for (const r of e.relations) n += 1 + r.entity.relations.length;
  }
  return n;
}

let batched: Harness;
let naive: Harness;
beforeAll(async () => {
  batched = await startHarness({ batching: true });
  naive = await startHarness({ batching: false });
}, 600_000);
afterAll(async () => {
  await batched?.close();
  await naive?.close();
});

async function run(h: Harness, first: number): Promise<{ trips: number; results: number; data: any }> {
  h.resetRoundTrips();
  const data = ok(await h.gql(QUERY, { first }));
  return { trips: h.roundTrips(), results: countResults(data), data };
}

test('round trips stay the same when the number of results grows (one per level and loader)', async () => {
  const few = await run(batched, 2);
  const many = await run(batched, 40);
  expect(many.results).toBeGreaterThan(few.results * 2);
  expect(many.results).toBeGreaterThan(many.trips * 20);
  // entities page, mentions, their documents, relations level 1, relations level 2 (+ an entity
  // batch at most): bounded by the depth of the query, whatever the results.
  expect(many.trips).toBeLessThanOrEqual(6);
  expect(many.trips).toBe(few.trips);
});

test('the naive mode answers the same with at least one query per parent, many more round trips', async () => {
  const b = await run(batched, 5);
  const n = await run(naive, 5);
  expect(n.data).toEqual(b.data);
  // Parents whose relations were resolved: the listed entities and the entities one hop away.
  const parents = b.data.entities.nodes.reduce((k: number, e: any) => k + 1 + e.relations.length, 0);
  expect(n.trips).toBeGreaterThanOrEqual(parents);
  // (one ask per parent covers all its relation types, so naive is "only" one trip per parent)
  expect(n.trips).toBeGreaterThan(b.trips * 3);
}, 180_000);
