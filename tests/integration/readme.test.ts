/**
 * Every GraphQL example of README.md is valid against the schema and answers with data on the
 * seeded graph (no errors, no empty answer), so the README cannot promise what the API does not
 * give. Mutations are skipped (they need a write token and change the graph; api-ingest tests them).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse, validate } from 'graphql';
import { apiSchema } from '../../src/api/schema';
import { packageRoot } from '../../src/model';
import { Harness, startHarness } from './api-harness';

/** The operations of the README's ```graphql blocks: a block may hold several, one after the other. */
export function readmeOperations(markdown: string): string[] {
  const ops: string[] = [];
  for (const m of markdown.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    let depth = 0;
    let start = 0;
    const text = m[1];
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) {
        ops.push(text.slice(start, i + 1).trim());
        start = i + 1;
      }
    }
  }
  return ops.filter((op) => !/^mutation\b/.test(op));
}

const OPS = readmeOperations(fs.readFileSync(path.join(packageRoot(), 'README.md'), 'utf8'));

/** True when some list in the answer has items or some field holds a value. */
function hasData(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (v && typeof v === 'object') return Object.values(v).some(hasData);
  return v !== null && v !== undefined;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 300_000);
afterAll(async () => {
  await h?.close();
});

it('finds the examples', () => {
  expect(OPS.length).toBeGreaterThanOrEqual(10);
});

it.each(OPS.map((op) => [op.replace(/\s+/g, ' ').slice(0, 70), op]))('README example %s… is valid and answers with data', async (_title, op) => {
  expect(validate(await apiSchema(), parse(op))).toEqual([]);
  const r = await h.gql(op);
  expect(r.errors).toBeUndefined();
  for (const [field, value] of Object.entries(r.data as Record<string, unknown>)) {
    expect({ field, hasData: hasData(value) }).toEqual({ field, hasData: true });
    // Subgraphs must not be empty (the path example used to return no nodes).
    if (value && typeof value === 'object' && 'nodes' in (value as object)) expect(((value as { nodes: unknown[] }).nodes ?? []).length).toBeGreaterThan(1);
  }
});
