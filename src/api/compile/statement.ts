/**
 * A plan (./plan.ts) as ONE Cypher statement. Like @neo4j/graphql, every relation field is a
 * `CALL { MATCH ... ORDER BY ... LIMIT ... RETURN collect(...) }` sub-query; unlike it, the
 * sub-queries are not nested per row but run level by level over the distinct entities the
 * level above reached (as the DataLoaders batch), so an entity reached from many parents (a hub)
 * is expanded once per field, not once per path. Text comes from cypher/compiled-*.cypher only;
 * each field's arguments are parameters p<n>_*.
 */
import { fill, generated, join, propertyList, Text, typeUnion } from './fragments';
import { projectionParts, WHOLE_NODE } from '../selection';
import { ANY_TYPE } from '../loaders';
import type { EntityPlan, MentionAsk, RelationAsk } from './plan';

export interface Compiled {
  text: string;
  params: Record<string, unknown>;
  /** Field keys (f<n>) of each relation ask, in plan order, as the decoder walks them. */
  keys: Map<RelationAsk, string>;
  /** Field keys of each mentions ask: its rows (f<n>) and its documents (g<n>). */
  mentionKeys: Map<MentionAsk, { rows: string; documents: string }>;
}

interface Build {
  n: number;
  params: Record<string, unknown>;
  keys: Map<RelationAsk, string>;
  mentionKeys: Map<MentionAsk, { rows: string; documents: string }>;
}

/**
 * A relation row's evidence entries: none, the first alone from the stored best entry (reads no
 * evidence list: a hub-to-hub fact's hold thousands), or a page sliced from the lists.
 */
function evidenceOf(page: number, p: string): Text {
  if (page <= 0) return new Text('[]');
  return fill(page === 1 ? 'compiled-evidence-first' : 'compiled-evidence-page', { p });
}

/**
 * A relation field's row (cypher/compiled-relation-row.cypher): the relation's fields and its
 * other end, or the other end alone when the field selects nothing else (src/api/selection.ts
 * ENDS_ONLY; its evidence page is then 0).
 */
function rowOf(ask: RelationAsk, p: string): Text {
  const { endsOnly, end } = projectionParts(ask.projection);
  const projection = end === WHOLE_NODE ? fill('compiled-node-full', {}) : fill('compiled-node-summary', { properties: propertyList(end.split(',')) });
  return endsOnly ? projection : fill('compiled-relation-row', { projection, evidence: evidenceOf(ask.loader.evidence, p) });
}

/**
 * The sub-queries of the relation fields of `plan`, for the entity set `from`, parents before
 * their children (each child starts from the set of other ends its parent reached).
 */
function relationCalls(from: string, plan: EntityPlan, b: Build, calls: Text[], fields: Text[]): void {
  for (const ask of plan.mentions) {
    const i = ++b.n;
    const [out, docs, p, key, docsKey] = [`v${i}`, `w${i}`, `p${i}_`, `f${i}`, `g${i}`].map(generated);
    b.mentionKeys.set(ask, { rows: key, documents: docsKey });
    Object.assign(b.params, { [`${p}document`]: ask.loader.document, [`${p}first`]: ask.loader.first, [`${p}documents`]: ask.documents });
    calls.push(fill('compiled-mentions', { from: generated(from), p, out, docs }));
    fields.push(fill('compiled-field', { key, var: out }), fill('compiled-field', { key: docsKey, var: docs }));
  }
  for (const ask of plan.relations) {
    const i = ++b.n;
    const [out, set, p, key] = [`v${i}`, `s${i}`, `p${i}_`, `f${i}`].map(generated);
    b.keys.set(ask, key);
    Object.assign(b.params, {
      [`${p}kinds`]: ask.kinds,
      [`${p}types`]: ask.loader.type === ANY_TYPE ? null : ask.loader.type.split(','),
      [`${p}direction`]: ask.loader.direction,
      [`${p}minConfidence`]: ask.loader.minConfidence,
      [`${p}first`]: ask.loader.first,
      [`${p}evidence`]: ask.loader.evidence,
      // Whether a field below starts from the other ends this one reaches (the set is built only then).
      [`${p}below`]: ask.other.relations.length + ask.other.mentions.length > 0,
    });
    calls.push(
      fill('compiled-relation', {
        from: generated(from),
        types: typeUnion(ask.pattern),
        p,
        row: rowOf(ask, p),
        out,
        set,
      }),
    );
    fields.push(fill('compiled-field', { key, var: out }));
    relationCalls(set, ask.other, b, calls, fields);
  }
}

/** The statement reading the entities of $ids with the relation fields of `plan`. */
export function compileEntities(plan: EntityPlan): Compiled {
  const b: Build = { n: 0, params: {}, keys: new Map(), mentionKeys: new Map() };
  const calls: Text[] = [];
  const fields: Text[] = [];
  relationCalls('s0', plan, b, calls, fields);
  return { text: fill('compiled-entity', { calls: join(calls), fields: join(fields, ', '), node: fill('compiled-node-full', {}) }).text, params: b.params, keys: b.keys, mentionKeys: b.mentionKeys };
}
