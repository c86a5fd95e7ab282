/** The GraphQL schema follows model/kinds.json and model/relations.json. */
import { GraphQLEnumType, GraphQLInterfaceType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { KINDS, RELATIONS } from '../../../src/model';
import { apiSchema } from '../../../src/api/schema';
import { relationFieldsOf } from '../../../src/api/resolvers/kind-relations';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await apiSchema();
});

test('every kind is an object type implementing Entity, with its kind properties', () => {
  const entity = schema.getType('Entity') as GraphQLInterfaceType;
  for (const k of KINDS) {
    const t = schema.getType(k.name) as GraphQLObjectType;
    expect(t).toBeInstanceOf(GraphQLObjectType);
    expect(t.getInterfaces()).toContain(entity);
    expect(t.description).toBe(k.description);
    for (const p of k.properties) expect(t.getFields()[p.name]?.description).toBe(p.description);
  }
});

test('each relation gives its field on every source kind and its inverse on every target kind, only there', () => {
  for (const r of RELATIONS) {
    for (const k of KINDS) {
      const fields = (schema.getType(k.name) as GraphQLObjectType).getFields();
      expect(Boolean(fields[r.field])).toBe(r.from.includes(k.name));
      expect(Boolean(fields[r.inverse])).toBe(r.to.includes(k.name));
      if (fields[r.field]) expect(String(fields[r.field].type)).toBe('[Relation!]!');
    }
  }
});

test('a relation added to the model adds its fields', () => {
  const extra = [...RELATIONS, { type: 'HOSTS', from: ['Country'], to: ['Agency'], field: 'hosts', inverse: 'hostedBy', description: 'hosts' }] as never;
  expect(relationFieldsOf('Country', extra).map((f) => f.name)).toContain('hosts');
  expect(relationFieldsOf('Agency', extra).find((f) => f.name === 'hostedBy')?.direction).toBe('IN');
});

test('enums of kinds, relation types and categories come from the model', () => {
  const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name).sort();
  expect(values('Kind')).toEqual(KINDS.map((k) => k.name).sort());
  expect(values('RelationType')).toEqual(RELATIONS.map((r) => r.type).sort());
  expect(values('Category')).toEqual([...new Set(KINDS.flatMap((k) => k.categories))].sort());
});

test('every type and field of the API has a description', () => {
  const missing: string[] = [];
  for (const t of Object.values(schema.getTypeMap())) {
    if (t.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID', 'Query', 'Mutation'].includes(t.name)) continue;
    if (!t.description) missing.push(t.name);
    if (t instanceof GraphQLObjectType || t instanceof GraphQLInterfaceType) {
      for (const f of Object.values(t.getFields())) if (!f.description) missing.push(`${t.name}.${f.name}`);
    }
  }
  expect(missing).toEqual([]);
});
