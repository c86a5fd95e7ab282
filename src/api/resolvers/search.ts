import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { prefetchBelow } from '../compile';
import type { ApiContext } from '../context';
import { selectsOnlyUnder, SUMMARY_FIELDS } from '../selection';
import { checkFirst } from '../services/entities';
import { search } from '../services/search';
import { Kind } from '../types/enums';
import { SearchHit } from '../types/search';

@Resolver(() => SearchHit)
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Finds entities by name in Arabic or English: full name, short name or acronym, with Arabic normalisation (hamza, ta marbuta, alef maqsura, diacritics) and typo tolerance. Best match first.',
  })
  search(
    @Arg('text', () => String, { description: 'What to look for, e.g. "يونيسيف", "UNICEF" or "منظمة الأمم المتحدة للطفولة".' }) text: string,
    @Arg('kinds', () => [Kind], { nullable: true, description: 'Only these kinds (default: all).' }) kinds: string[] | null,
    @Arg('first', () => Int, { defaultValue: 10, description: 'At most this many hits (at most 200).' }) first: number,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Hits whose entity asks only summary fields read only the summary's properties (as a relation's `entity` does).
    const summary = selectsOnlyUnder(info, 'entity', SUMMARY_FIELDS);
    return search(ctx.db, text, kinds, checkFirst(first), summary).then(async (hits) => {
      // Relation fields below the hits: one compiled statement for all of them.
      await prefetchBelow(ctx, info, hits.map((h) => h.entity.id), [['entity']]);
      return hits;
    });
  }
}
