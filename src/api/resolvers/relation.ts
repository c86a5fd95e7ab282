import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context';
import { Relation } from '../types/relation';
import { kindClass } from '../types/registry';
import type { RelationValue } from '../values';

@Resolver(() => Relation)
export class RelationResolver {
  @FieldResolver(() => kindClass('Document'), { nullable: true })
  document(@Root() r: RelationValue, @Ctx() ctx: ApiContext) {
    return r.documentId ? ctx.loaders.entity.load(r.documentId) : null;
  }
}
