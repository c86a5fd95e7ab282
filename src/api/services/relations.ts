/** Relationship fields: typed relations and mentions of an entity, through the request's loaders. */
import type { ApiContext } from '../context';
import { GraphQLError } from 'graphql';
import { ANY_TYPE, type RelationDirection } from '../loaders';

/** Largest page of relations one field may ask for. */
export const MAX_RELATIONS_FIRST = 1000;
export const FIRST_RELATIONS = `At most this many (0 to ${MAX_RELATIONS_FIRST}), by type then name; default: all (hubs have thousands).`;
import type { MentionValue, RelationValue } from '../values';

/**
 * Default of every `minConfidence` argument: 0, nothing hidden unless the caller asks. The
 * extractor calibrates confidence so that relations at 0.8 or more are right at least 90% of the
 * time on the dev sets (README, "Confidence"): pass 0.8 for those only.
 */
export const DEFAULT_MIN_CONFIDENCE = 0;
export const MIN_CONFIDENCE_DOC =
  'Only relations whose extractor confidence is at least this (0 to 1; default 0: all). At 0.8 or more, relations are right at least 90% of the time on the dev sets.';

/** Validates a minConfidence argument (0 to 1). */
export function checkMinConfidence(v: number | null | undefined): number {
  if (v === null || v === undefined) return DEFAULT_MIN_CONFIDENCE;
  if (!Number.isFinite(v) || v < 0 || v > 1) {
    throw new GraphQLError(`minConfidence must be a number from 0 to 1, got ${v}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return v;
}

export async function relationsOf(
  ctx: ApiContext,
  id: string,
  types: readonly string[] | null | undefined,
  direction: RelationDirection,
  first?: number | null,
  minConfidence?: number | null,
): Promise<RelationValue[]> {
  if (first !== null && first !== undefined && (!Number.isInteger(first) || first < 0 || first > MAX_RELATIONS_FIRST)) {
    throw new GraphQLError(`first must be a whole number from 0 to ${MAX_RELATIONS_FIRST}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  // Several types: one ask for all of them, so that `first` counts across types (rows come
  // ordered by type, then by the other end's name).
  const type = types && types.length ? [...new Set(types)].sort().join(',') : ANY_TYPE;
  return ctx.loaders.relations.load({ id, type, direction, first, minConfidence: checkMinConfidence(minConfidence) });
}

export async function mentionsOf(ctx: ApiContext, id: string, documentId?: string | null, first?: number | null): Promise<MentionValue[]> {
  let list = await ctx.loaders.mentions.load(id);
  if (documentId) list = list.filter((m) => m.documentId === documentId);
  return first === null || first === undefined ? list : list.slice(0, Math.max(0, first));
}
