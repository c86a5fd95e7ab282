import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context';
import { entityPage } from '../services/entities';
import { FIRST_RELATIONS, mentionsOf, relationsOf } from '../services/relations';
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
  entity(@Arg('id', () => ID, { description: 'Entity id.' }) id: string, @Ctx() ctx: ApiContext) {
    return ctx.loaders.entity.load(id);
  }

  @Query(() => EntityConnection, { description: 'Entities of a kind (or all), filtered and ordered, as a cursor connection.' })
  entities(
    @Arg('kind', () => Kind, { nullable: true, description: 'Only this kind.' }) kind: string | null,
    @Arg('filter', () => EntityFilter, { nullable: true, description: 'Conditions on category, name, document, dates.' }) filter: EntityFilter | null,
    @Arg('orderBy', () => EntityOrder, { nullable: true, description: 'Order (default: by name).' }) orderBy: EntityOrder | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size (at most 200).' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which the page starts (pageInfo.endCursor).' }) after: string | null,
    @Ctx() ctx: ApiContext,
  ) {
    return entityPage(ctx.db, { kind, filter, order: orderBy?.field ?? EntityOrderField.NAME, first, after });
  }

  @FieldResolver(() => [Mention])
  mentions(
    @Root() e: EntityValue,
    @Arg('document', () => ID, { nullable: true, description: 'Only mentions in this document.' }) document: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many mentions.' }) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return mentionsOf(ctx, e.id, document, first);
  }

  @FieldResolver(() => Int)
  async mentionCount(@Root() e: EntityValue, @Ctx() ctx: ApiContext) {
    // Stored at ingestion (cypher/ingest-mentions.cypher): one property, whatever the hub's size.
    // Graphs written before it existed fall back to counting (kg verify --repair stores it).
    if (e.mentionCount !== undefined) return Number(e.mentionCount ?? 0);
    return (await mentionsOf(ctx, e.id)).length;
  }

  @FieldResolver(() => [Relation])
  relations(
    @Root() e: EntityValue,
    @Arg('types', () => [RelationType], { nullable: true, description: 'Only these relation types (default: all).' }) types: string[] | null,
    @Arg('direction', () => Direction, { defaultValue: Direction.BOTH, description: 'Which way (default: both).' }) direction: Direction,
    @Arg('first', () => Int, { nullable: true, description: FIRST_RELATIONS }) first: number | null,
    @Ctx() ctx: ApiContext,
  ) {
    return relationsOf(ctx, e.id, types, direction, first);
  }
}
