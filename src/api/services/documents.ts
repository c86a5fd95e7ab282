import type { ApiContext } from '../context';
import { charged } from '../guard/budget';
import type { DocumentEntityValue, EntityValue, ParagraphValue } from '../values';
import { PAGES, pageSize } from './pages';

/** A document by id, or null when the id is unknown or names another kind. */
export async function documentById(ctx: ApiContext, id: string): Promise<EntityValue | null> {
  const e = await charged(ctx, () => ctx.loaders.entity.load(id));
  return e && e.kind === 'Document' ? e : null;
}

/** The entities a document names, optionally of some kinds only. */
export async function entitiesInDocument(
  ctx: ApiContext,
  id: string,
  kinds: string[] | null | undefined,
  first: number | null | undefined,
): Promise<DocumentEntityValue[]> {
  const size = pageSize('first', first, PAGES.documentEntities);
  if (size === 0) return [];
  return charged(ctx, () => ctx.loaders.entitiesInDocument.load({ id, kinds: kinds && kinds.length ? [...kinds] : null, first: size }), []);
}

/** A page of a document's paragraphs in order, from ordinal `offset`. */
export async function paragraphsOf(ctx: ApiContext, id: string, first: number | null | undefined, offset: number | null | undefined): Promise<ParagraphValue[]> {
  const size = pageSize('first', first, PAGES.paragraphs);
  const from = offset ?? 0;
  if (!Number.isInteger(from) || from < 0) pageSize('offset', from, { dflt: 0, max: Number.MAX_SAFE_INTEGER });
  if (size === 0) return [];
  return charged(ctx, () => ctx.loaders.paragraphs.load({ id, first: size, offset: from }), []);
}
