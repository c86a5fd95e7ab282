import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context';
import { charge } from '../guard/budget';
import { entityById } from '../services/entities';
import { selectsOnly, SUMMARY_FIELDS } from '../selection';
import { Entity } from '../types/entity';
import { Relation } from '../types/relation';
import { kindClass } from '../types/registry';
import type { RelationValue } from '../values';

@Resolver(() => Relation)
export class RelationResolver {
  @FieldResolver(() => Entity, { description: 'The entity at the other end.' })
  entity(@Root() r: RelationValue, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo) {
    // The relation row carries the other end's summary; other properties need the whole entity.
    if (selectsOnly(info, SUMMARY_FIELDS)) return charge(ctx, r.entity);
    return entityById(ctx, r.entity.id).then((e) => e ?? r.entity);
  }

  @FieldResolver(() => kindClass('Document'), { nullable: true })
  document(@Root() r: RelationValue, @Ctx() ctx: ApiContext) {
    return r.documentId ? entityById(ctx, r.documentId) : null;
  }
}
