/** Relationship fields: typed relations and mentions of an entity, through the request's loaders. */
import type { ApiContext } from '../context';
import { badUserInput } from '../guard/errors';
import { charged } from '../guard/budget';
import { ANY_TYPE, type RelationDirection } from '../loaders';
import type { MentionValue, RelationValue } from '../values';
import { PAGES, pageDoc, pageSize } from './pages';
import { entityProjection, largestArg, selectsAny, type SelectionInfo } from '../selection';

export const DEFAULT_RELATIONS_FIRST = PAGES.relations.dflt;
export const FIRST_RELATIONS = `${pageDoc('relations', PAGES.relations)} Ordered by count (how often the documents state it) descending, then the other end's name and id, type, direction (IN before OUT); only the page is read, however many relations a hub has.`;
export const FIRST_EVIDENCE = `${pageDoc('evidence entries', PAGES.evidence)} Best confidence first, then document and paragraph.`;
export const FIRST_MENTIONS = `${pageDoc('mentions', PAGES.mentions)} Ordered by document then position.`;

/**
 * Default of every `minConfidence` argument: 0, nothing hidden unless the caller asks. The
 * extractor calibrates confidence so that relations at 0.8 or more are right at least 90% of the
 * time on the dev sets (README, "Confidence"): pass 0.8 for those only.
 */
export const DEFAULT_MIN_CONFIDENCE = 0;
export const MIN_CONFIDENCE_DOC =
  'Only relations whose best extractor confidence is at least this, showing only the evidence at or above it (0 to 1; default 0: all; counts stay the totals). At 0.8 or more, relations are right at least 90% of the time on the dev sets.';

/** Validates a minConfidence argument (0 to 1). */
export function checkMinConfidence(v: number | null | undefined): number {
  if (v === null || v === undefined) return DEFAULT_MIN_CONFIDENCE;
  if (!Number.isFinite(v) || v < 0 || v > 1) {
    throw badUserInput(`minConfidence must be a number from 0 to 1, got ${v}`);
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
  info?: SelectionInfo,
): Promise<RelationValue[]> {
  const size = pageSize('first', first, PAGES.relations);
  // Several types: one ask for all of them, so that `first` counts across types.
  const type = types && types.length ? [...new Set(types)].sort().join(',') : ANY_TYPE;
  const evidence = evidencePage(info);
  // The other end's properties the selection reads: a compiled read primed rows holding those only.
  const fields = info ? entityProjection(info) : undefined;
  return charged(ctx, () => ctx.loaders.relations.load({ id, type, direction, first: size, minConfidence: checkMinConfidence(minConfidence), evidence, fields }), []);
}

/**
 * Evidence entries to read per relation: the largest `evidence(first:)` selected under the
 * relation list (0 when none; 1 for the deprecated best-entry fields); the default page without
 * a selection to read (a caller outside GraphQL).
 */
export function evidencePage(info?: SelectionInfo): number {
  if (!info) return PAGES.evidence.dflt;
  let n = largestArg(info, 'evidence', 'first', PAGES.evidence.dflt) ?? 0;
  if (n < 1 && selectsAny(info, ['documentId', 'document', 'paragraph'])) n = 1;
  return pageSize('evidence(first:)', n, PAGES.evidence);
}

/** A page of an entity's mentions, read page-sized from the database. */
export async function mentionsOf(ctx: ApiContext, id: string, documentId?: string | null, first?: number | null): Promise<MentionValue[]> {
  const size = pageSize('first', first, PAGES.mentions);
  if (size === 0) return [];
  return charged(ctx, () => ctx.loaders.mentions.load({ id, document: documentId || null, first: size }), []);
}

/** How many times the documents name an entity: the stored count when the row has it. */
export async function mentionCountOf(ctx: ApiContext, e: { id: string; mentionCount?: unknown }): Promise<number> {
  // Stored at ingestion (cypher/ingest-mentions.cypher): one property, whatever the hub's size.
  // Graphs written before it existed fall back to counting (kg verify --repair stores it).
  if (e.mentionCount !== undefined && e.mentionCount !== null) return Number(e.mentionCount);
  return ctx.loaders.mentionCount.load(e.id);
}
