/**
 * The neighbourhood statement the service sends: with the hops' fast path (api-neighbourhood)
 * when some entity of the graph has a ranked page and the request is one the rankings score, else the plain one
 * (api-neighbourhood-plain). The graph's answer is cached: looked at again after
 * RANKED_RECHECK_MS, or as soon as this process builds rankings.
 */
import type { Db } from '../../../src/graph/db';
import { neighbourhood, RANKED_RECHECK_MS, type NeighbourhoodArgs } from '../../../src/api/services/graph';
import * as rank from '../../../src/graph/rank';

/** A reader over a graph that is ranked or not (`graph.ranked`), recording the statements sent. */
function fakeDb(graph: { ranked: boolean }) {
  const names: string[] = [];
  // Its own driver object: the service caches what it saw of the graph per driver.
  const db = {
    driver: {},
    read: async (name: string) => {
      names.push(name);
      return name === 'api-neighbour-ranked' ? [{ ranked: graph.ranked }] : [{ starts: [], reached: [], edges: [], truncated: false }];
    },
  } as unknown as Db;
  return { db, names };
}

const args: NeighbourhoodArgs = { ids: ['agency:a'], depth: 2, limit: 100 };
let now = 1_000_000;
beforeEach(() => {
  jest.spyOn(Date, 'now').mockImplementation(() => now);
});
afterEach(() => jest.restoreAllMocks());

test('a graph without rankings gets the plain statement, a ranked one the fast path; the look is cached', async () => {
  for (const ranked of [false, true]) {
    const { db, names } = fakeDb({ ranked });
    await neighbourhood(db, args);
    await neighbourhood(db, args);
    const statement = ranked ? 'api-neighbourhood' : 'api-neighbourhood-plain';
    expect(names).toEqual(['api-neighbour-ranked', statement, statement]);
  }
});

test('requests the rankings do not score take the plain statement without looking', async () => {
  const { db, names } = fakeDb({ ranked: true });
  await neighbourhood(db, { ...args, minConfidence: 0.5 });
  await neighbourhood(db, { ...args, relationTypes: ['PARTNERS_WITH'] });
  await neighbourhood(db, { ...args, coOccurrence: true });
  expect(names).toEqual(['api-neighbourhood-plain', 'api-neighbourhood-plain', 'api-neighbourhood-plain']);
});

test('the cached answer is looked at again after RANKED_RECHECK_MS (another process ranked the graph)', async () => {
  const graph = { ranked: false };
  const { db, names } = fakeDb(graph);
  await neighbourhood(db, args);
  graph.ranked = true;
  now += RANKED_RECHECK_MS - 1;
  await neighbourhood(db, args);
  now += 1;
  await neighbourhood(db, args);
  expect(names).toEqual(['api-neighbour-ranked', 'api-neighbourhood-plain', 'api-neighbourhood-plain', 'api-neighbour-ranked', 'api-neighbourhood']);
});

test('a rank build in this process makes the next request look again at once', async () => {
  const graph = { ranked: false };
  const { db, names } = fakeDb(graph);
  await neighbourhood(db, args);
  graph.ranked = true;
  const generation = rank.rankGeneration();
  jest.spyOn(rank, 'rankGeneration').mockReturnValue(generation + 1);
  await neighbourhood(db, args);
  expect(names).toEqual(['api-neighbour-ranked', 'api-neighbourhood-plain', 'api-neighbour-ranked', 'api-neighbourhood']);
});

test('a failed look is not cached', async () => {
  const names: string[] = [];
  let fail = true;
  // Its own driver object: the service caches what it saw of the graph per driver.
  const db = {
    driver: {},
    read: async (name: string) => {
      names.push(name);
      if (name === 'api-neighbour-ranked' && fail) throw new Error('database unavailable');
      return name === 'api-neighbour-ranked' ? [{ ranked: true }] : [{ starts: [], reached: [], edges: [], truncated: false }];
    },
  } as unknown as Db;
  await expect(neighbourhood(db, args)).rejects.toThrow(/unavailable/);
  fail = false;
  await neighbourhood(db, args);
  expect(names).toEqual(['api-neighbour-ranked', 'api-neighbour-ranked', 'api-neighbourhood']);
});
