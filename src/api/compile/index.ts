/**
 * The compiler (README "The compiler"): a GraphQL selection asking for relation fields (and
 * mentions) is read in ONE Cypher statement built from the selection, as @neo4j/graphql
 * compiles; the resolvers then find its rows in the request's DataLoaders. plan.ts reads the selection, statement.ts writes
 * the statement from cypher/compiled-*.cypher, prefetch.ts runs it and primes the loaders.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { ApiContext } from '../context';
import { entityById } from '../services/entities';
import type { EntityValue } from '../values';
import { prefetchBelow } from './prefetch';

export { compileEntities } from './statement';
export { planEntity, planDepth } from './plan';
export { planOf, prefetch, prefetchBelow, COMPILED_STATEMENT } from './prefetch';

/** `entity(id:)`: with relation fields below, the entity and all of them in one statement. */
export async function compiledEntity(ctx: ApiContext, id: string, info: GraphQLResolveInfo): Promise<EntityValue | null> {
  await prefetchBelow(ctx, info, [id], [[]]);
  return entityById(ctx, id);
}
