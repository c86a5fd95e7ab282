/**
 * Neo4j caches one plan per statement, parameter types and list-size bucket (1, 2-10, 11-100,
 * 101+), and the neighbourhood statement takes 1-3 s to plan. Every usual request must therefore
 * send parameters of the same types and buckets as the plan warmed at server start.
 */
import neo4j from 'neo4j-driver';
import type { Db } from '../../../src/graph/db';
import { withIntegers } from '../../../src/graph/db';
import { neighbourhood, warmNeighbourhood, type NeighbourhoodArgs } from '../../../src/api/services/graph';

const bucket = (n: number) => (n <= 1 ? n : n <= 10 ? 10 : n <= 100 ? 100 : 1000);

/** What the plan cache keys on: each parameter's type, and a list's element type and size bucket. */
function signature(params: Record<string, unknown>): Record<string, string> {
  const sent = withIntegers(params) as Record<string, unknown>;
  const type = (v: unknown): string =>
    v === null ? 'null' : neo4j.isInt(v) ? 'integer' : typeof v === 'number' ? 'float' : Array.isArray(v) ? `list<${[...new Set(v.map(type))].join('|')}>[${bucket(v.length)}]` : typeof v;
  return Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, type(v)]));
}

async function sent(run: (db: Db) => Promise<unknown>): Promise<Record<string, unknown>> {
  let params: Record<string, unknown> = {};
  const db = { driver: {}, read: async (_name: string, p: Record<string, unknown>) => ((params = p), [{ starts: [], reached: [], edges: [], truncated: false }]) } as unknown as Db;
  await run(db);
  return params;
}

const base: NeighbourhoodArgs = { ids: ['agency:a'], depth: 2, limit: 100 };

test.each<[string, NeighbourhoodArgs]>([
  ['one id', base],
  ['ten ids', { ...base, ids: Array.from({ length: 10 }, (_, i) => `agency:a${i}`) }],
  ['kinds', { ...base, kinds: ['Agency', 'Country'] }],
  ['a fractional minConfidence', { ...base, minConfidence: 0.5 }],
  ['minConfidence 1', { ...base, minConfidence: 1 }],
  ['one relation type', { ...base, relationTypes: ['PARTNERS_WITH'] }],
  ['co-occurrences and mentions', { ...base, coOccurrence: true, mentions: true }],
  ['evidence asked, depth 3, limit 1000, edge limit 5000', { ...base, details: true, depth: 3, limit: 1000, edgeLimit: 5000 }],
])('%s: the parameters of the plan warmed at start', async (_name, args) => {
  const warmed = signature(await sent((db) => warmNeighbourhood(db)));
  expect(signature(await sent((db) => neighbourhood(db, args)))).toEqual(warmed);
});
