/**
 * Runs a compiled read and hands its rows to the resolvers through the request's DataLoaders:
 * each relation list is primed under exactly the key its field's resolver will load
 * (services/relations.ts), and each whole entity under its id, so the resolvers run unchanged
 * and find everything in the cache: no further round trip for what the statement covered.
 * Anything it did not cover (mentions, documents, a field whose arguments it left to the
 * resolver) still goes through the batched loaders.
 */
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { getNamedType, GraphQLInterfaceType, GraphQLObjectType } from 'graphql';
import type { ApiContext } from '../context';
import type { Loaders } from '../loaders';
import type { EntityValue, RelationValue } from '../values';
import { str, toEntity } from '../values';
import type { Row } from '../../graph/db';
import { planDepth, planEntity, type EntityPlan, type SelectionSource } from './plan';
import { compileEntities, type Compiled } from './statement';

/** The name onQuery and the metrics see for compiled reads. */
export const COMPILED_STATEMENT = 'compiled-entity';

function num(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

/** One relation row of the statement as the relations loader shapes it (src/api/loaders.ts). */
export function toRelationValue(m: Row): RelationValue {
  return {
    type: String(m.type),
    direction: m.direction as 'OUT' | 'IN',
    entity: toEntity(m.other),
    count: Number(m.count ?? 0),
    documentCount: Number(m.documentCount ?? 0),
    confidence: num(m.confidence),
    // Lists cannot hold null: the writer stores '' for no sentence or paragraph.
    evidence: ((m.evidence as Row[]) ?? []).map((x) => ({
      text: str(x.text) || null,
      documentId: str(x.documentId) || null,
      paragraph: str(x.paragraph) || null,
      confidence: num(x.confidence),
    })),
  } as unknown as RelationValue;
}

/** Primes the loaders with one entity's relation fields (and, below, their other ends'). */
function prime(loaders: Loaders, id: string, plan: EntityPlan, fields: Row, c: Compiled): void {
  for (const ask of plan.relations) {
    const rows = (fields[c.keys.get(ask)!] as Row[]) ?? [];
    const values = rows.map(toRelationValue);
    loaders.relations.prime({ id, ...ask.loader } as never, values);
    rows.forEach((m, i) => {
      const other = values[i].entity as EntityValue;
      if (ask.other.full) loaders.entity.prime(other.id, toEntity(m.other));
      prime(loaders, other.id, ask.other, (m.fields as Row) ?? {}, c);
    });
  }
}

/** The plan of a resolver's selection (its field nodes and return type), or null when it asks no relation field. */
export function planOf(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues' | 'schema' | 'returnType'>): EntityPlan | null {
  const type = getNamedType(info.returnType);
  if (!(type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType)) return null;
  const src: SelectionSource = { schema: info.schema, fragments: info.fragments, variableValues: info.variableValues };
  const plan = planEntity(info.fieldNodes as FieldNode[], type, src);
  return planDepth(plan) > 0 ? plan : null;
}

/**
 * Reads the entities of `ids` with every relation field `plan` asks for in one statement and
 * primes the loaders with them; the entities themselves too (the caller then loads them from the
 * cache). One round trip, whatever the depth.
 */
export async function prefetch(ctx: ApiContext, ids: string[], plan: EntityPlan): Promise<void> {
  const c = compileEntities(plan);
  const rows = await ctx.db.readCompiled(COMPILED_STATEMENT, c.text, { ...c.params, ids });
  for (const r of rows) {
    const id = String(r.id);
    ctx.loaders.entity.prime(id, toEntity(r.node));
    prime(ctx.loaders, id, plan, (r.fields as Row) ?? {}, c);
  }
  // An unknown id is known to be absent: no second look.
  for (const id of ids) ctx.loaders.entity.prime(id, null);
}

/** Compiling is on unless the request runs in the naive mode (no batching) or KG_COMPILE=off. */
export function compiling(ctx: ApiContext): boolean {
  return ctx.config.batching && ctx.config.compile;
}
