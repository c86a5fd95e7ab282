/**
 * A plan (./plan.ts) as ONE Cypher statement, the way @neo4j/graphql translates a read: every
 * relation field is a `CALL (node) { MATCH ... ORDER BY ... LIMIT ... RETURN collect(...) }`
 * sub-query nested inside its parent's, so a query two or three levels deep is one round trip.
 * Text comes from cypher/compiled-*.cypher only; each field's arguments are parameters p<n>_*.
 */
import { fill, generated, join, Text, typeUnion } from './fragments';
import { ANY_TYPE } from '../loaders';
import type { EntityPlan, RelationAsk } from './plan';

export interface Compiled {
  text: string;
  params: Record<string, unknown>;
  /** Field keys (f<n>) of each relation ask, in plan order, as the decoder walks them. */
  keys: Map<RelationAsk, string>;
}

interface Build {
  n: number;
  params: Record<string, unknown>;
  keys: Map<RelationAsk, string>;
}

/** The sub-queries of an entity's relation fields, and the `fields` map entries naming their results. */
function relationCalls(node: string, plan: EntityPlan, b: Build): { calls: Text; fields: Text } {
  const calls: Text[] = [];
  const fields: Text[] = [];
  for (const ask of plan.relations) {
    const i = ++b.n;
    const [rel, other, out, top, nested, p, key] = [`r${i}`, `n${i}`, `v${i}`, `t${i}`, `m${i}`, `p${i}_`, `f${i}`].map(generated);
    b.keys.set(ask, key);
    Object.assign(b.params, {
      [`${p}types`]: ask.loader.type === ANY_TYPE ? null : ask.loader.type.split(','),
      [`${p}direction`]: ask.loader.direction,
      [`${p}minConfidence`]: ask.loader.minConfidence,
      [`${p}first`]: ask.loader.first,
      [`${p}evidence`]: ask.loader.evidence,
    });
    const inner = relationCalls(other, ask.other, b);
    calls.push(
      fill('compiled-relation', {
        node: generated(node),
        rel,
        other,
        types: typeUnion(ask.pattern),
        p,
        calls: inner.calls,
        top,
        fields: inner.fields,
        nested,
        projection: fill(ask.other.full ? 'compiled-node-full' : 'compiled-node-summary', { node: other }),
        out,
      }),
    );
    fields.push(fill('compiled-field', { key, var: out }));
  }
  return { calls: join(calls), fields: join(fields, ', ') };
}

/** The statement reading the entities of $ids with the relation fields of `plan`. */
export function compileEntities(plan: EntityPlan): Compiled {
  const b: Build = { n: 0, params: {}, keys: new Map() };
  const { calls, fields } = relationCalls('this', plan, b);
  return { text: fill('compiled-entity', { calls, fields }).text, params: b.params, keys: b.keys };
}
