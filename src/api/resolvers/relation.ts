import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context';
import { charge } from '../guard/budget';
import { entityById } from '../services/entities';
import { PAGES, pageSize } from '../services/pages';
import { FIRST_EVIDENCE } from '../services/relations';
import { selectsOnly, SUMMARY_FIELDS } from '../selection';
import { Entity } from '../types/entity';
import { Evidence } from '../types/evidence';
import { Relation } from '../types/relation';
import { kindClass } from '../types/registry';
import type { EvidenceValue, RelationValue } from '../values';

const BEST = 'The best evidence entry has it: use evidence(first: 1).';

@Resolver(() => Relation)
export class RelationResolver {
  @FieldResolver(() => Entity, { description: 'The entity at the other end.' })
  entity(@Root() r: RelationValue, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo) {
    // The relation row carries the other end's summary; other properties need the whole entity.
    if (selectsOnly(info, SUMMARY_FIELDS)) return charge(ctx, r.entity);
    return entityById(ctx, r.entity.id).then((e) => e ?? r.entity);
  }

  @FieldResolver(() => [Evidence], { description: 'The sentences stating the relation, best confidence first (under minConfidence, only the entries reaching it).' })
  evidence(
    @Root() r: RelationValue,
    @Arg('first', () => Int, { nullable: true, defaultValue: PAGES.evidence.dflt, description: FIRST_EVIDENCE }) first: number | null,
  ): EvidenceValue[] {
    // The loader read as many entries as the largest `first` asked under this list: a slice.
    return r.evidence.slice(0, pageSize('first', first, PAGES.evidence));
  }

  @FieldResolver(() => String, { nullable: true, deprecationReason: BEST, description: 'Id of the document of the best evidence entry.' })
  documentId(@Root() r: RelationValue): string | null {
    return r.evidence[0]?.documentId ?? null;
  }

  @FieldResolver(() => String, { nullable: true, deprecationReason: BEST, description: 'Paragraph of the best evidence entry.' })
  paragraph(@Root() r: RelationValue): string | null {
    return r.evidence[0]?.paragraph ?? null;
  }

  @FieldResolver(() => kindClass('Document'), { nullable: true, deprecationReason: BEST, description: 'Document of the best evidence entry.' })
  document(@Root() r: RelationValue, @Ctx() ctx: ApiContext) {
    const id = r.evidence[0]?.documentId;
    return id ? entityById(ctx, id) : null;
  }
}
