/** Relationship fields: typed relations and mentions of an entity, through the request's loaders. */
import type { ApiContext } from '../context';
import { charged } from '../guard/budget';
import { ANY_TYPE, type RelationDirection } from '../loaders';
import type { MentionValue, RelationValue } from '../values';
import { PAGES, pageDoc, pageSize } from './pages';

/** Largest page of relations one field may ask for. */
export const MAX_RELATIONS_FIRST = PAGES.relations.max;
export const DEFAULT_RELATIONS_FIRST = PAGES.relations.dflt;
export const FIRST_RELATIONS = `${pageDoc('relations', PAGES.relations)} Ordered by type then the other end's name; hubs have thousands: page with a type filter.`;
export const FIRST_MENTIONS = `${pageDoc('mentions', PAGES.mentions)} Ordered by document then position.`;

export async function relationsOf(
  ctx: ApiContext,
  id: string,
  types: readonly string[] | null | undefined,
  direction: RelationDirection,
  first?: number | null,
): Promise<RelationValue[]> {
  const size = pageSize('first', first, PAGES.relations);
  // Several types: one ask for all of them, so that `first` counts across types (rows come
  // ordered by type, then by the other end's name).
  const type = types && types.length ? [...new Set(types)].sort().join(',') : ANY_TYPE;
  return charged(ctx, () => ctx.loaders.relations.load({ id, type, direction, first: size }), []);
}

/** A page of an entity's mentions, read page-sized from the database. */
export async function mentionsOf(ctx: ApiContext, id: string, documentId?: string | null, first?: number | null): Promise<MentionValue[]> {
  const size = pageSize('first', first, PAGES.mentions);
  if (size === 0) return [];
  return charged(ctx, () => ctx.loaders.mentions.load({ id, document: documentId || null, first: size }), []);
}

/** How many times the documents name an entity: the stored count when the row has it. */
export async function mentionCountOf(ctx: ApiContext, e: { id: string; mentionCount?: unknown }): Promise<number> {
  if (typeof e.mentionCount === 'number') return e.mentionCount;
  return ctx.loaders.mentionCount.load(e.id);
}
