/**
 * Direct resolvers for the fields that run once per item of a list: a relation's `entity` and
 * `evidence`, an entity's relation fields, mentions and counts, an evidence entry's or mention's
 * document. type-graphql wraps every resolver it builds: per call it looks the resolver instance up
 * in its container, sorts the parameter list and validates each argument through an async
 * function, so a field with an argument always answers a Promise and graphql-js completes its
 * object and list asynchronously; it also wraps the Entity interface's resolveType in an async
 * function, so every relation's `entity` is a Promise too. A two-level query of 420 relations made
 * thousands of promises per request that way (bench/findings.md, "gql helper").
 *
 * Here those fields call the same resolver methods with the arguments graphql-js has already
 * coerced and defaulted: they are scalars and enums, which type-graphql passes unchanged (the
 * schema is built with `validate: false` and no middleware or auth checker), and the roots are
 * plain values it passes unchanged too. Entity's resolveType is the type's own function, unwrapped.
 * What each field answers is unchanged; tests/unit/api/lean.test.ts checks that every replaced
 * field exists and had a resolver.
 */
import { GraphQLFieldResolver, GraphQLInterfaceType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import type { ApiContext } from './context';
import { EntityResolver } from './resolvers/entity';
import { EvidenceResolver } from './resolvers/evidence';
import { kindRelationResolver, relationFieldsOf } from './resolvers/kind-relations';
import { MentionResolver } from './resolvers/mention';
import { RelationResolver } from './resolvers/relation';
import { entityTypeOf } from './types/entity';
import { KIND_TYPES } from './types/kinds';
import type { Direction } from './types/enums';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Resolve = GraphQLFieldResolver<any, ApiContext, any>;

let fields: [string, string, Resolve][] | undefined;

/** The (type, field) pairs given a direct resolver, with it (built once). */
export function leanFields(): [string, string, Resolve][] {
  return (fields ??= buildLeanFields());
}

function buildLeanFields(): [string, string, Resolve][] {
  const entity = new EntityResolver();
  const relation = new RelationResolver();
  const evidence = new EvidenceResolver();
  const mention = new MentionResolver();
  const out: [string, string, Resolve][] = [
    ['Relation', 'entity', (r, _a, ctx, info) => relation.entity(r, ctx, info)],
    ['Relation', 'evidence', (r, a) => relation.evidence(r, a.first)],
    ['Relation', 'documentId', (r) => relation.documentId(r)],
    ['Relation', 'paragraph', (r) => relation.paragraph(r)],
    ['Relation', 'document', (r, _a, ctx) => relation.document(r, ctx)],
    ['Evidence', 'document', (e, _a, ctx) => evidence.document(e, ctx)],
    ['Mention', 'document', (m, _a, ctx) => mention.document(m, ctx)],
  ];
  for (const kind of KIND_TYPES.keys()) {
    out.push(
      [kind, 'relations', (e, a, ctx, info) => entity.relations(e, a.types, a.direction as Direction, a.first, a.minConfidence, ctx, info)],
      [kind, 'mentions', (e, a, ctx) => entity.mentions(e, a.document, a.first, ctx)],
      [kind, 'mentionCount', (e, _a, ctx) => entity.mentionCount(e, ctx)],
    );
    for (const f of relationFieldsOf(kind)) out.push([kind, f.name, kindRelationResolver(f)]);
  }
  return out;
}

export function leanResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const [type, field, resolve] of leanFields()) {
    const t = schema.getType(type);
    const f = t instanceof GraphQLObjectType ? t.getFields()[field] : undefined;
    if (!f?.resolve) throw new Error(`src/api/lean.ts: ${type}.${field} is not a resolved field of the schema`);
    f.resolve = resolve;
  }
  const entity = schema.getType('Entity');
  if (!(entity instanceof GraphQLInterfaceType)) throw new Error('src/api/lean.ts: the schema has no Entity interface');
  entity.resolveType = entityTypeOf;
  return schema;
}
