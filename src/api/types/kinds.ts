/**
 * One GraphQL object type per kind of model/kinds.json, implementing Entity, with the kind's own
 * properties. Generated from the data so that a kind or property added there appears here.
 * (The typed relation fields are added by resolvers/kind-relations.ts.)
 */
import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { KINDS, KindSpec, PropertyType } from '../../model';
import { Entity } from './entity';
import { registerKindClass } from './registry';

const SCALAR: Record<PropertyType, () => unknown> = {
  string: () => String,
  int: () => Int,
  'string[]': () => [String],
};

function defineKindType(spec: KindSpec): ClassType {
  // A named class so that type-graphql's messages and stack traces say which kind.
  const cls = { [spec.name]: class {} }[spec.name] as ClassType;
  for (const p of spec.properties) {
    Field(SCALAR[p.type] as () => never, { nullable: true, description: p.description })(cls.prototype, p.name);
  }
  ObjectType(spec.name, { implements: Entity, description: spec.description })(cls);
  registerKindClass(spec.name, cls);
  return cls;
}

export const KIND_TYPES: ReadonlyMap<string, ClassType> = new Map(KINDS.map((k) => [k.name, defineKindType(k)]));

export { kindClass } from './registry';
