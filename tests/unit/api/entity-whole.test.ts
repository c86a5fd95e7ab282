/**
 * What an entity sent whole leaves out (cypher/fragment-entity-whole.cypher, `{{ENTITY_WHOLE(n)}}`):
 * only the graph's bookkeeping, which no GraphQL field reads. A new ranked list added to
 * src/graph/rank.ts must be left out there too, or every read of a hub decodes it again; and every
 * statement that sends whole entities uses that one projection.
 */
import { cypher } from '../../../src/graph/cypher';
import { RANK_PROPERTIES, RANK_STALE } from '../../../src/graph/rank';
import { apiSchema } from '../../../src/api/schema';
import { GraphQLInterfaceType, GraphQLObjectType } from 'graphql';

const nulled = (text: string): string[] => [...text.matchAll(/(\w+): null/g)].map((m) => m[1]);
const BOOKKEEPING = ['searchKey', 'sortName', 'namedBy'];
const READERS = ['api-entities-by-id', 'api-entities-page', 'api-entities-by-name', 'api-search', 'compiled-node-full'];

describe('an entity sent whole (cypher/fragment-entity-whole.cypher)', () => {
  test('projects every ranked list, the stale mark and the search, paging and provenance keys as null', () => {
    expect(nulled(cypher('fragment-entity-whole')).sort()).toEqual([...RANK_PROPERTIES, RANK_STALE, ...BOOKKEEPING].sort());
  });

  test.each(READERS)('%s sends entities through it, with nothing else left out', (name) => {
    const text = cypher(name);
    expect(text).toContain('_labels: labels(');
    expect(nulled(text).sort()).toEqual([...RANK_PROPERTIES, RANK_STALE, ...BOOKKEEPING].sort());
  });

  test('hides no property a GraphQL entity field reads', async () => {
    const schema = await apiSchema();
    const fields = new Set<string>();
    for (const t of Object.values(schema.getTypeMap())) {
      if (t instanceof GraphQLObjectType && t.getInterfaces().some((i: GraphQLInterfaceType) => i.name === 'Entity')) Object.keys(t.getFields()).forEach((f) => fields.add(f));
    }
    expect(fields.has('id')).toBe(true);
    expect(nulled(cypher('fragment-entity-whole')).filter((p) => fields.has(p))).toEqual([]);
  });
});
