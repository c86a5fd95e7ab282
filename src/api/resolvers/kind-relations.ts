/**
 * The typed relationship fields of every kind, in both directions, generated from
 * model/relations.json: `field` on the kinds allowed at the source, `inverse` on the kinds allowed
 * at the target (e.g. Agency.administers / Programme.administeredBy). Adding a relation to the JSON
 * adds its fields; each goes through the relations DataLoader.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Float, Info, Int, Resolver, Root } from 'type-graphql';
import { KINDS, RELATIONS, RelationSpec } from '../../model';
import type { ApiContext } from '../context';
import type { RelationDirection } from '../loaders';
import { DEFAULT_RELATIONS_FIRST, FIRST_RELATIONS, MIN_CONFIDENCE_DOC, relationsOf } from '../services/relations';
import { kindClass } from '../types/kinds';
import { Relation } from '../types/relation';
import type { EntityValue } from '../values';

export interface RelationField {
  name: string;
  type: string;
  direction: RelationDirection;
  description: string;
}

/** The relation fields a kind has, from the model. */
export function relationFieldsOf(kind: string, relations: readonly RelationSpec[] = RELATIONS): RelationField[] {
  const fields: RelationField[] = [];
  for (const r of relations) {
    if (r.from.includes(kind as never)) {
      fields.push({
        name: r.field,
        type: r.type,
        // A symmetric relation is stated one way but holds both ways.
        direction: r.symmetric ? 'BOTH' : 'OUT',
        description: `${r.type}: this ${kind} ${r.description} (${r.to.join(', ')})${r.symmetric ? '; symmetric, either direction' : ''}. Each relation comes once, with its count and evidence.`,
      });
    }
    if (r.to.includes(kind as never)) {
      fields.push({
        name: r.inverse,
        type: r.type,
        direction: 'IN',
        description: `Inverse of ${r.field} (${r.type} from ${r.from.join(', ')}: "${r.description}"), with this ${kind} as the object. Each relation comes once, with its count and evidence.`,
      });
    }
  }
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f.name)) throw new Error(`model/relations.json gives ${kind} two fields named ${f.name}`);
    seen.add(f.name);
  }
  return fields;
}

/** A per-type relation field as a plain GraphQL resolver (src/api/lean.ts installs it; the decorated method below calls it). */
export function kindRelationResolver(f: RelationField) {
  return (root: EntityValue, args: { first?: number | null; minConfidence?: number | null }, ctx: ApiContext, info: GraphQLResolveInfo) =>
    relationsOf(ctx, root.id, [f.type], f.direction, args.first, args.minConfidence, info);
}

function defineKindRelationResolver(kind: string): Function {
  const cls = { [`${kind}RelationsResolver`]: class {} }[`${kind}RelationsResolver`];
  const proto = cls.prototype as Record<string, unknown>;
  for (const f of relationFieldsOf(kind)) {
    const resolve = kindRelationResolver(f);
    proto[f.name] = function (root: EntityValue, first: number | null, minConfidence: number, ctx: ApiContext, info: GraphQLResolveInfo) {
      return resolve(root, { first, minConfidence }, ctx, info);
    };
    const descriptor = Object.getOwnPropertyDescriptor(proto, f.name)!;
    FieldResolver(() => [Relation], { description: f.description })(proto, f.name, descriptor);
    Root()(proto, f.name, 0);
    Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_RELATIONS_FIRST, description: FIRST_RELATIONS })(proto, f.name, 1);
    Arg('minConfidence', () => Float, { defaultValue: 0, description: MIN_CONFIDENCE_DOC })(proto, f.name, 2);
    Ctx()(proto, f.name, 3);
    Info()(proto, f.name, 4);
  }
  Resolver(() => kindClass(kind))(cls);
  return cls;
}

export const KIND_RELATION_RESOLVERS: Function[] = KINDS.map((k) => defineKindRelationResolver(k.name));
