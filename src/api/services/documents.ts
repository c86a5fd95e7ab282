import type { ApiContext } from '../context';
import type { DocumentEntityValue, EntityValue } from '../values';

/** A document by id, or null when the id is unknown or names another kind. */
export async function documentById(ctx: ApiContext, id: string): Promise<EntityValue | null> {
  const e = await ctx.loaders.entity.load(id);
  return e && e.kind === 'Document' ? e : null;
}

/** The entities a document names, optionally of some kinds only. */
export async function entitiesInDocument(
  ctx: ApiContext,
  id: string,
  kinds: string[] | null | undefined,
  first: number | null | undefined,
): Promise<DocumentEntityValue[]> {
  let list = await ctx.loaders.entitiesInDocument.load(id);
  if (kinds && kinds.length) list = list.filter((x) => kinds.includes(x.entity.kind));
  return first === null || first === undefined ? list : list.slice(0, Math.max(0, first));
}
