import { buildSchema, execute, parse, GraphQLSchema } from 'graphql';
import * as values from 'graphql/execution/values';
import { argumentValues, installArgumentShortcut, NO_ARGUMENTS } from '../../../src/api/execution';

const SDL = `
  type Query { items: [Item!]! }
  type Item { id: ID! page(first: Int = 3, kinds: [String!]): [Int!]! needs(n: Int!): Int }
`;

function schemaSeeing(seen: unknown[]): GraphQLSchema {
  const schema = buildSchema(SDL);
  const item = schema.getType('Item') as unknown as { getFields(): Record<string, { resolve?: unknown }> };
  const fields = item.getFields();
  fields.id.resolve = (src: { id: string }, args: unknown) => {
    seen.push(args);
    return src.id;
  };
  fields.page.resolve = (_s: unknown, args: { first: number; kinds?: string[] }) => {
    seen.push(args);
    return [args.first, args.kinds?.length ?? -1];
  };
  fields.needs.resolve = (_s: unknown, args: { n: number }) => args.n;
  return schema;
}

const run = (schema: GraphQLSchema, query: string, variableValues?: Record<string, unknown>) =>
  execute({ schema, document: parse(query), rootValue: { items: [{ id: 'a' }, { id: 'b' }] }, variableValues });

describe('graphql-js argument shortcut (src/api/execution.ts)', () => {
  const query = 'query Q($k: [String!]) { items { id page p2: page(first: 5, kinds: $k) } }';

  it('answers exactly what graphql-js answers, defaults and variables included', async () => {
    const before = await run(schemaSeeing([]), query, { k: ['x', 'y'] });
    installArgumentShortcut();
    expect(values.getArgumentValues).toBe(argumentValues);
    const after = await run(schemaSeeing([]), query, { k: ['x', 'y'] });
    expect(after).toEqual(before);
    expect(after.data).toEqual({ items: [{ id: 'a', page: [3, -1], p2: [5, 2] }, { id: 'b', page: [3, -1], p2: [5, 2] }] });
  });

  it('gives a field without arguments the shared empty object, which cannot be written', async () => {
    installArgumentShortcut();
    const seen: unknown[] = [];
    await run(schemaSeeing(seen), '{ items { id } }');
    expect(seen.length).toBe(2);
    expect(seen[0]).toBe(NO_ARGUMENTS);
    expect(Object.keys(NO_ARGUMENTS)).toEqual([]);
    expect(Object.isFrozen(NO_ARGUMENTS)).toBe(true);
  });

  it('computes the arguments of a field once per request, frozen, and afresh for other variables', async () => {
    installArgumentShortcut();
    const seen: unknown[] = [];
    const s2 = schemaSeeing(seen);
    const document = parse('query Q($k: [String!]) { items { page(kinds: $k) } }');
    const exec = (k: string[]) => execute({ schema: s2, document, rootValue: { items: [{ id: 'a' }, { id: 'b' }] }, variableValues: { k } });
    expect((await exec(['x'])).data).toEqual({ items: [{ page: [3, 1] }, { page: [3, 1] }] });
    expect((await exec(['x', 'y', 'z'])).data).toEqual({ items: [{ page: [3, 3] }, { page: [3, 3] }] });
    expect(seen.length).toBe(4);
    expect(seen[0]).toBe(seen[1]); // the two items of one request share it
    expect(seen[2]).toBe(seen[3]);
    expect(seen[2]).not.toBe(seen[0]); // the next request's variables give their own
    const args = seen[0] as { first: number; kinds: string[] };
    expect(Object.isFrozen(args) && Object.isFrozen(args.kinds)).toBe(true);
    expect(() => args.kinds.push('w')).toThrow(TypeError);
  });

  it('still refuses a missing required argument (fields with arguments go to graphql-js)', async () => {
    installArgumentShortcut();
    const res = await run(schemaSeeing([]), '{ items { needs } }');
    expect(res.errors?.[0].message).toMatch(/Argument "n" of required type "Int!" was not provided/);
  });
});
