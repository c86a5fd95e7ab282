import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../context';
import { charge } from '../guard/budget';
import { checkFirst } from '../services/entities';
import { timeline } from '../services/timeline';
import { Kind } from '../types/enums';
import { TimelineEvent } from '../types/timeline';

@Resolver(() => TimelineEvent)
export class TimelineResolver {
  @Query(() => [TimelineEvent], { description: 'Meetings and documents in date order (oldest first), optionally between two dates.' })
  timeline(
    @Arg('from', () => String, { nullable: true, description: 'ISO date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.' }) from: string | null,
    @Arg('to', () => String, { nullable: true, description: 'ISO date, inclusive.' }) to: string | null,
    @Arg('kinds', () => [Kind], { nullable: true, description: 'Only these dated kinds (default: all dated kinds, i.e. Meeting and Document).' }) kinds: string[] | null,
    @Arg('first', () => Int, { defaultValue: 100, description: 'At most this many events (at most 200).' }) first: number,
    @Ctx() ctx: ApiContext,
  ) {
    return timeline(ctx.db, from, to, kinds, checkFirst(first)).then((events) => charge(ctx, events));
  }
}
