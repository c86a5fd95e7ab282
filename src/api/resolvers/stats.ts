import { Arg, Ctx, FieldResolver, Int, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../context';
import { charge } from '../guard/budget';
import { checkFirst } from '../services/entities';
import { mostConnected, stats } from '../services/stats';
import { ConnectedEntity, Stats } from '../types/stats';

@Resolver(() => Stats)
export class StatsResolver {
  @Query(() => Stats, { description: 'Size and shape of the graph: counts per kind and relation type, most connected entities.' })
  stats(@Ctx() ctx: ApiContext) {
    return stats(ctx.db);
  }

  @FieldResolver(() => [ConnectedEntity])
  mostConnected(@Arg('first', () => Int, { defaultValue: 10, description: 'How many (at most 200).' }) first: number, @Ctx() ctx: ApiContext) {
    return mostConnected(ctx.db, checkFirst(first)).then((list) => charge(ctx, list));
  }
}
