/** Relationship fields: typed relations and mentions of an entity, through the request's loaders. */
import type { ApiContext } from '../context';
import type { RelationDirection } from '../loaders';
import { RELATION_TYPES } from '../../model';
import type { MentionValue, RelationValue } from '../values';

export async function relationsOf(
  ctx: ApiContext,
  id: string,
  types: readonly string[] | null | undefined,
  direction: RelationDirection,
): Promise<RelationValue[]> {
  const wanted = types && types.length ? types : RELATION_TYPES;
  const lists = await Promise.all(wanted.map((type) => ctx.loaders.relations.load({ id, type, direction })));
  return lists.flat();
}

export async function mentionsOf(ctx: ApiContext, id: string, documentId?: string | null, first?: number | null): Promise<MentionValue[]> {
  let list = await ctx.loaders.mentions.load(id);
  if (documentId) list = list.filter((m) => m.documentId === documentId);
  return first === null || first === undefined ? list : list.slice(0, Math.max(0, first));
}
