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

const fragment = () => cypher('fragment-entity-whole');
const ALL = () => [...RANK_PROPERTIES, RANK_STALE, ...BOOKKEEPING].sort();

describe('an entity sent whole (cypher/fragment-entity-whole.cypher)', () => {
  test('an entity with ranked lists: every ranked list, the stale mark and the search, paging and provenance keys are null', () => {
    const [, ranked] = fragment().split(/\bELSE\b/);
    expect(nulled(ranked).sort()).toEqual(ALL());
  });

  test('the short projection (no ranked key sent as null) is only for an entity without any ranked list', () => {
    const [guard, rest] = fragment().split(/\bTHEN\b/);
    const [lean] = rest.split(/\bELSE\b/);
    expect(nulled(lean).sort()).toEqual([...BOOKKEEPING].sort());
    // rank-build writes the page's lists with rankCount and the neighbour lists with rankNb; the stale mark alone may outlive them.
    for (const p of ['rankNb', 'rankCount', RANK_STALE]) expect(guard).toContain(`__n__.${p} IS NULL`);
  });

  test.each(READERS)('%s sends entities through it, with nothing else left out', (name) => {
    const text = cypher(name);
    expect(text).toContain('_labels: labels(');
    expect(nulled(text).sort()).toEqual(nulled(fragment()).sort());
  });

  test('hides no property a GraphQL entity field reads', async () => {
    const schema = await apiSchema();
    const fields = new Set<string>();
    for (const t of Object.values(schema.getTypeMap())) {
      if (t instanceof GraphQLObjectType && t.getInterfaces().some((i: GraphQLInterfaceType) => i.name === 'Entity')) Object.keys(t.getFields()).forEach((f) => fields.add(f));
    }
    expect(fields.has('id')).toBe(true);
    expect(nulled(fragment()).filter((p) => fields.has(p))).toEqual([]);
  });
});
