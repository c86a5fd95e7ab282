import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Float, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { compiledEntity, prefetchBelow } from '../compile';
import type { ApiContext } from '../context';
import { charge } from '../guard/budget';
import { entityById, entityPage } from '../services/entities';
import { PAGES } from '../services/pages';
import { DEFAULT_RELATIONS_FIRST, FIRST_MENTIONS, FIRST_RELATIONS, MIN_CONFIDENCE_DOC, mentionCountOf, mentionsOf, relationsOf } from '../services/relations';
import { EntityConnection } from '../types/connection';
import { Entity } from '../types/entity';
import { Direction, EntityOrderField, Kind, RelationType } from '../types/enums';
import { EntityFilter, EntityOrder } from '../types/inputs';
import { Mention } from '../types/mention';
import { Relation } from '../types/relation';
import type { EntityValue } from '../values';

/** Queries returning entities of any kind, and the fields every entity has. */
@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => Entity, { nullable: true, description: 'One entity by id (e.g. `agency:unodc`); null when unknown.' })
  entity(@Arg('id', () => ID, { description: 'Entity id.' }) id: string, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo) {
    // Relation fields below: one compiled statement reads them all (src/api/compile).
    return compiledEntity(ctx, id, info);
  }

  @Query(() => EntityConnection, { description: 'Entities of a kind (or all), filtered and ordered, as a cursor connection.' })
  entities(
    @Arg('kind', () => Kind, { nullable: true, description: 'Only this kind.' }) kind: string | null,
    @Arg('filter', () => EntityFilter, { nullable: true, description: 'Conditions on category, name, document, dates.' }) filter: EntityFilter | null,
    @Arg('orderBy', () => EntityOrder, { nullable: true, description: 'Order (default: by name).' }) orderBy: EntityOrder | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size (at most 200).' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts (pageInfo.endCursor).' }) after: string | null,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return entityPage(ctx.db, { kind, filter, order: orderBy?.field ?? EntityOrderField.NAME, first, after }).then(async (page) => {
      // Relation fields below the page: one compiled statement for all its entities.
      await prefetchBelow(ctx, info, page.nodes.map((n) => n.id), [['nodes'], ['edges', 'node']]);
      return charge(ctx, page);
    });
  }

  @FieldResolver(() => [Mention])
  mentions(
    @Root() e: EntityValue,
    @Arg('document', () => ID, { nullable: true, description: 'Only mentions in this document.' }) document: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: PAGES.mentions.dflt, description: FIRST_MENTIONS }) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return mentionsOf(ctx, e.id, document, first);
  }

  @FieldResolver(() => Int)
  mentionCount(@Root() e: EntityValue, @Ctx() ctx: ApiContext) {
    return mentionCountOf(ctx, e);
  }

  @FieldResolver(() => [Relation])
  relations(
    @Root() e: EntityValue,
    @Arg('types', () => [RelationType], { nullable: true, description: 'Only these relation types (default: all).' }) types: string[] | null,
    @Arg('direction', () => Direction, { defaultValue: Direction.BOTH, description: 'Which way (default: both).' }) direction: Direction,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_RELATIONS_FIRST, description: FIRST_RELATIONS }) first: number | null,
    @Arg('minConfidence', () => Float, { defaultValue: 0, description: MIN_CONFIDENCE_DOC }) minConfidence: number,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return relationsOf(ctx, e.id, types, direction, first, minConfidence, info);
  }
}
