/**
 * What the compiled read's whole-node projection (cypher/compiled-node-full.cypher) leaves out:
 * only the graph's bookkeeping, which no GraphQL field reads. A new ranked list added to
 * src/graph/rank.ts must be left out there too, or every read of a hub decodes it again.
 */
import { cypher } from '../../../src/graph/cypher';
import { RANK_PROPERTIES, RANK_STALE } from '../../../src/graph/rank';
import { apiSchema } from '../../../src/api/schema';
import { GraphQLInterfaceType, GraphQLObjectType } from 'graphql';

const nulled = (): string[] => [...cypher('compiled-node-full').matchAll(/(\w+): null/g)].map((m) => m[1]);

describe('the whole node of a compiled read (cypher/compiled-node-full.cypher)', () => {
  test('projects every ranked list, the stale mark and the bookkeeping api-entities-by-id hides as null', () => {
    const hiddenByLoader = [...cypher('api-entities-by-id').matchAll(/(\w+): null/g)].map((m) => m[1]);
    expect(hiddenByLoader.length).toBeGreaterThan(0);
    expect(nulled().sort()).toEqual([...new Set([...RANK_PROPERTIES, RANK_STALE, ...hiddenByLoader])].sort());
  });

  test('hides no property a GraphQL entity field reads', async () => {
    const schema = await apiSchema();
    const fields = new Set<string>();
    for (const t of Object.values(schema.getTypeMap())) {
      if (t instanceof GraphQLObjectType && t.getInterfaces().some((i: GraphQLInterfaceType) => i.name === 'Entity')) Object.keys(t.getFields()).forEach((f) => fields.add(f));
    }
    expect(fields.has('id')).toBe(true);
    expect(nulled().filter((p) => fields.has(p))).toEqual([]);
  });
});
