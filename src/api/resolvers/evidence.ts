import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context';
import { entityById } from '../services/entities';
import { Evidence } from '../types/evidence';
import { kindClass } from '../types/registry';
import type { EvidenceValue } from '../values';

@Resolver(() => Evidence)
export class EvidenceResolver {
  // Through the entity DataLoader: a page of relations with many entries is one round trip.
  @FieldResolver(() => kindClass('Document'), { nullable: true })
  document(@Root() e: EvidenceValue, @Ctx() ctx: ApiContext) {
    return e.documentId ? entityById(ctx, e.documentId) : null;
  }
}
