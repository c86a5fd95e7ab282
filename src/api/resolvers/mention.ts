import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context';
import { entityById } from '../services/entities';
import { Mention } from '../types/mention';
import { kindClass } from '../types/registry';
import type { MentionValue } from '../values';

@Resolver(() => Mention)
export class MentionResolver {
  @FieldResolver(() => kindClass('Document'))
  document(@Root() m: MentionValue, @Ctx() ctx: ApiContext) {
    return entityById(ctx, m.documentId);
  }
}
