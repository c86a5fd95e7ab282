import type { ApiContext } from '../context';
import type { EntityValue } from '../values';

/** A document by id, or null when the id is unknown or names another kind. */
export async function documentById(ctx: ApiContext, id: string): Promise<EntityValue | null> {
  const e = await ctx.loaders.entity.load(id);
  return e && e.kind === 'Document' ? e : null;
}
