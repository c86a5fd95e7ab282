/**
 * The benchmark's queries stay valid as the API changes (no database): ours against the committed
 * schema/schema.graphql, theirs against the @neo4j/graphql schema generated from the model; and the
 * targets table calls a miss a miss.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { neo4jGraphqlTypeDefs } from '../../../bench/lib/neo4j-graphql';
import { operations, typedEntity2Query, type Targets } from '../../../bench/lib/operations';
import { renderMarkdown } from '../../../bench/lib/report';
import type { Results } from '../../../bench/lib/results';
import { packageRoot } from '../../../src/model';

const targets: Targets = { entityId: 'agency:unodc', searchText: 'المخدرات والجريمة', pageSize: 20, ourAfter: null, theirAfter: null };

const errorsOf = (schema: GraphQLSchema, query: string) => validate(schema, parse(query)).map((e) => e.message);

describe('bench queries', () => {
  test('ours: every operation is valid against the committed schema', () => {
    const schema = buildSchema(fs.readFileSync(path.join(packageRoot(), 'schema', 'schema.graphql'), 'utf8'));
    for (const op of operations(targets)) expect([op.name, errorsOf(schema, op.ours.query)]).toEqual([op.name, []]);
  });

  test("theirs: every operation is valid against @neo4j/graphql's schema over the same relationships", async () => {
    const schema = await new Neo4jGraphQL({ typeDefs: neo4jGraphqlTypeDefs() }).getSchema();
    for (const op of operations(targets)) expect([op.name, errorsOf(schema, op.theirs.query)]).toEqual([op.name, []]);
    // The typed form, not measured (BENCHMARKS.md says why), reads the same relationship properties.
    expect(errorsOf(schema, typedEntity2Query())).toEqual([]);
  });

  test('the relation selections are the same text for both products below the root', () => {
    for (const op of operations(targets).filter((x) => x.name === 'entity2' || x.name === 'entity3')) {
      const below = (q: string) => q.slice(q.indexOf('relations('));
      expect(below(op.theirs.query)).toBe(below(op.ours.query));
      expect(op.ours.query.match(/relations\(/g)).toHaveLength(op.depth);
    }
  });
});

describe('bench targets table', () => {
  const api = (batched: number): Results['api'] => ({
    targets,
    ops: [{ name: 'entity3', label: 'probe', theirsNote: '', depth: 3, timed: false, statements: [] }],
    roundTrips: [{ op: 'entity3', depth: 3, batched, naive: 43 }],
    responseBytes: {},
    cells: [],
    load: [1, 1],
  });
  const roundTripRow = (md: string) => md.split('\n').find((l) => l.includes('round trips for any query of depth'));

  test('more than 2 round trips at depth 3 is a miss, 2 is met', () => {
    expect(roundTripRow(renderMarkdown({ api: api(3) }))).toMatch(/entity3 3: \*\*missed\*\*/);
    expect(roundTripRow(renderMarkdown({ api: api(2) }))).toMatch(/entity3 2: met/);
  });
});
