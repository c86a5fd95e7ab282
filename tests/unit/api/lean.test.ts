/**
 * The direct resolvers of src/api/lean.ts call the decorated resolver methods with the arguments
 * they read from graphql-js: if a field gains an argument (or loses one), its direct resolver must
 * change with it, and this fails until it does.
 */
import { GraphQLInterfaceType, GraphQLObjectType, getNamedType, isEnumType, isScalarType } from 'graphql';
import { apiSchema } from '../../../src/api/schema';
import { leanFields } from '../../../src/api/lean';
import { entityTypeOf } from '../../../src/api/types/entity';
import { relationFieldsOf } from '../../../src/api/resolvers/kind-relations';

/** The arguments each direct resolver passes on, by field name. */
const READS: Record<string, string[]> = {
  'Relation.entity': [],
  'Relation.evidence': ['first'],
  'Relation.documentId': [],
  'Relation.paragraph': [],
  'Relation.document': [],
  'Evidence.document': [],
  'Mention.document': [],
  relations: ['direction', 'first', 'minConfidence', 'types'],
  mentions: ['document', 'first'],
  mentionCount: [],
  perType: ['first', 'minConfidence'],
};

test('every direct resolver replaces a resolved field, reads all its arguments, and only scalars or enums', async () => {
  const schema = await apiSchema();
  const fields = leanFields();
  expect(fields.length).toBeGreaterThan(20);
  for (const [type, name, resolve] of fields) {
    const t = schema.getType(type) as GraphQLObjectType;
    const field = t.getFields()[name];
    expect(field.resolve).toBe(resolve);
    const perType = relationFieldsOf(type).some((f) => f.name === name);
    const reads = READS[`${type}.${name}`] ?? READS[perType ? 'perType' : name];
    expect([`${type}.${name}`, field.args.map((a) => a.name).sort()]).toEqual([`${type}.${name}`, reads]);
    for (const a of field.args) expect(isScalarType(getNamedType(a.type)) || isEnumType(getNamedType(a.type))).toBe(true);
  }
  expect((schema.getType('Entity') as GraphQLInterfaceType).resolveType).toBe(entityTypeOf);
});

test('the Entity type of a value is its kind, answered synchronously', () => {
  expect(entityTypeOf({ kind: 'Agency' })).toBe('Agency');
});
