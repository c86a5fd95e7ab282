/** GraphQL enums generated from the model files (model/kinds.json, model/relations.json). */
import { registerEnumType } from 'type-graphql';
import { KINDS, RELATIONS } from '../../model';

function enumOf(values: readonly string[]): Record<string, string> {
  return Object.fromEntries(values.map((v) => [v, v]));
}

/** Node kinds: the values of Entity.kind. */
export const Kind = enumOf(KINDS.map((k) => k.name));
registerEnumType(Kind, {
  name: 'Kind',
  description: 'Kind of an entity (its GraphQL type and Neo4j label), from model/kinds.json.',
  valuesConfig: Object.fromEntries(KINDS.map((k) => [k.name, { description: k.description }])),
});

/** Typed relation types between entities. */
export const RelationType = enumOf(RELATIONS.map((r) => r.type));
registerEnumType(RelationType, {
  name: 'RelationType',
  description: 'Type of a typed relation between two entities, from model/relations.json.',
  valuesConfig: Object.fromEntries(
    RELATIONS.map((r) => [r.type, { description: `${r.from.join('|')} ${r.description} (${r.to.join('|')})` }]),
  ),
});

/** Every category of every kind (a value may serve several kinds, e.g. OTHER). */
const categoryKinds = new Map<string, string[]>();
for (const k of KINDS) for (const c of k.categories) categoryKinds.set(c, [...(categoryKinds.get(c) ?? []), k.name]);
export const Category = enumOf([...categoryKinds.keys()]);
registerEnumType(Category, {
  name: 'Category',
  description: "Sub-kind of an entity; each kind allows the categories listed in model/kinds.json.",
  valuesConfig: Object.fromEntries([...categoryKinds].map(([c, ks]) => [c, { description: `category of ${ks.join(', ')}` }])),
});

/** Which way a relation field follows the edge. */
export enum Direction {
  OUT = 'OUT',
  IN = 'IN',
  BOTH = 'BOTH',
}
registerEnumType(Direction, {
  name: 'Direction',
  description: 'Direction of a relation as seen from the entity holding the field.',
  valuesConfig: {
    OUT: { description: 'this entity is the subject (source) of the relation' },
    IN: { description: 'this entity is the object (target) of the relation' },
    BOTH: { description: 'either way (symmetric relations)' },
  },
});

export enum EntityOrderField {
  NAME = 'NAME',
  ID = 'ID',
  DATE = 'DATE',
  MENTIONS = 'MENTIONS',
}
registerEnumType(EntityOrderField, {
  name: 'EntityOrderField',
  description: 'Order of an entities connection; ties are broken by id so pages never overlap.',
  valuesConfig: {
    NAME: { description: 'display name, alphabetical' },
    ID: { description: 'stable id' },
    DATE: { description: 'date (documents) or start date (meetings), oldest first; undated last' },
    MENTIONS: { description: 'number of mentions across documents, most mentioned first' },
  },
});
