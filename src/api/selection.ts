/**
 * What a field's selection asks for, so that a resolver can answer from the summary it already
 * has instead of loading whole entities (relation rows carry the other end's summary only).
 */
import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode, valueFromASTUntyped } from 'graphql';
import { RELATIONS } from '../model';

/** Entity fields a summary answers: the summary's properties, and fields resolved from the id. */
export const SUMMARY_FIELDS: ReadonlySet<string> = new Set([
  '__typename', 'id', 'kind', 'name', 'nameAr', 'nameEn', 'acronym', 'category',
  'relations', 'mentions', 'mentionCount',
  ...RELATIONS.flatMap((r) => [r.field, r.inverse]),
]);

function only(set: SelectionSetNode | undefined, allowed: ReadonlySet<string>, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): boolean {
  if (!set) return true;
  for (const s of set.selections) {
    if (s.kind === 'Field') {
      if (!allowed.has(s.name.value)) return false;
    } else if (s.kind === 'InlineFragment') {
      if (!only(s.selectionSet, allowed, fragments, seen)) return false;
    } else {
      const name = s.name.value;
      if (seen.has(name)) continue;
      seen.add(name);
      if (!only(fragments[name]?.selectionSet, allowed, fragments, seen)) return false;
    }
  }
  return true;
}

/**
 * selectsOnly's answers by field node (or list of field nodes) and allowed set: a relation's
 * `entity` asks it once per relation, with the same nodes every time (the same document's).
 */
const onlyAnswers = new WeakMap<object, Map<ReadonlySet<string>, boolean>>();

/** True when every field selected under this field (fragments included) is in `allowed`. */
export function selectsOnly(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, allowed: ReadonlySet<string>): boolean {
  const key = info.fieldNodes.length === 1 ? info.fieldNodes[0] : info.fieldNodes;
  let known = onlyAnswers.get(key);
  let answer = known?.get(allowed);
  if (answer === undefined) {
    answer = info.fieldNodes.every((n) => only(n.selectionSet, allowed, info.fragments, new Set()));
    if (!known) onlyAnswers.set(key, (known = new Map()));
    known.set(allowed, answer);
  }
  return answer;
}

/**
 * The stored properties each summary field of an entity reads (values.ts toEntity); every entity
 * also gets `id` and `kind` (its GraphQL type). `name` falls back to the Arabic then the English
 * name: a compiled read projects it as the name to show, one value
 * (cypher/compiled-node-name.cypher), so it names no other property. Fields resolved from the id
 * (relation fields, mentions) read no property.
 */
export const SUMMARY_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  name: ['name'],
  nameAr: ['nameAr'],
  nameEn: ['nameEn'],
  acronym: ['acronym'],
  category: ['category'],
  mentionCount: ['mentionCount'],
};

/** An entity projection asking for the whole node (a field outside the summary is selected). */
export const WHOLE_NODE = '*';

/**
 * Marks a projection whose list selects nothing of the relations themselves, only their other
 * end (`relations { entity { id name } }`, as a list of related entities does): its rows need
 * carry neither type, direction, counts, confidence nor evidence, so a compiled read sends the
 * other end alone (src/api/compile/prefetch.ts). Part of the loader key like the properties, so
 * those rows are only ever found by such a list.
 */
export const ENDS_ONLY = 'ends:';

/** Relation fields a list of ends only may select. */
const END_FIELDS: ReadonlySet<string> = new Set(['__typename', 'entity']);

const projections = new WeakMap<object, string>();

/**
 * What a relation list's rows must carry for the fields selected under this field (any alias,
 * through fragments): of the other end, WHOLE_NODE when an `entity` asks beyond the summary, else
 * the properties its summary fields read, sorted and joined by ','; prefixed by ENDS_ONLY when
 * the list selects no field of the relation but `entity`. Part of the relations loader's key, so
 * that rows primed with less (a compiled read) are only ever found by a field that asks no more
 * (src/api/compile/prefetch.ts).
 */
export function entityProjection(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): string {
  const key = info.fieldNodes.length === 1 ? info.fieldNodes[0] : info.fieldNodes;
  let answer = projections.get(key);
  if (answer !== undefined) return answer;
  const entities = info.fieldNodes.flatMap((n) => children(n.selectionSet, info.fragments, new Set(), []).filter((f) => f.name.value === 'entity'));
  if (!selectsOnly({ fieldNodes: entities, fragments: info.fragments }, SUMMARY_FIELDS)) answer = WHOLE_NODE;
  else {
    const props = new Set(['id', 'kind']);
    for (const e of entities) for (const f of children(e.selectionSet, info.fragments, new Set(), [])) for (const p of SUMMARY_PROPERTIES[f.name.value] ?? []) props.add(p);
    answer = [...props].sort().join(',');
  }
  if (selectsOnly(info, END_FIELDS)) answer = ENDS_ONLY + answer;
  projections.set(key, answer);
  return answer;
}

/** A projection's parts: whether its rows carry the other end only, and the other end's properties (or WHOLE_NODE). */
export function projectionParts(projection: string): { endsOnly: boolean; end: string } {
  const endsOnly = projection.startsWith(ENDS_ONLY);
  return { endsOnly, end: endsOnly ? projection.slice(ENDS_ONLY.length) : projection };
}

/** A projection holding both (rows read with it serve either): the relation's fields when either asks them. */
export function unionProjection(a: string, b: string): string {
  const [x, y] = [projectionParts(a), projectionParts(b)];
  const end = x.end === WHOLE_NODE || y.end === WHOLE_NODE ? WHOLE_NODE : [...new Set([...x.end.split(','), ...y.end.split(',')])].sort().join(',');
  return (x.endsOnly && y.endsOnly ? ENDS_ONLY : '') + end;
}

export type SelectionInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'> & { variableValues?: Record<string, unknown> };

/** The fields selected directly under this field (through inline and named fragments). */
function children(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>, out: FieldNode[]): FieldNode[] {
  if (!set) return out;
  for (const s of set.selections) {
    if (s.kind === 'Field') out.push(s);
    else if (s.kind === 'InlineFragment') children(s.selectionSet, fragments, seen, out);
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      children(fragments[s.name.value]?.selectionSet, fragments, seen, out);
    }
  }
  return out;
}

/**
 * The largest value of argument `arg` among the sub-fields `field` selected under this field
 * (`dflt` where a selection leaves it out or gives null), or null when none is selected. Lets a
 * list's loader read once what its items' page fields will slice (e.g. `evidence(first:)`).
 */
export function largestArg(info: SelectionInfo, field: string, arg: string, dflt: number): number | null {
  let best: number | null = null;
  for (const n of info.fieldNodes) {
    for (const f of children(n.selectionSet, info.fragments, new Set(), [])) {
      if (f.name.value !== field) continue;
      const a = f.arguments?.find((x) => x.name.value === arg);
      const v = a ? valueFromASTUntyped(a.value, info.variableValues ?? {}) : undefined;
      const size = typeof v === 'number' ? v : dflt;
      best = best === null ? size : Math.max(best, size);
    }
  }
  return best;
}

/** True when this field selects any of `names` directly (through fragments). */
export function selectsAny(info: SelectionInfo, names: readonly string[]): boolean {
  return info.fieldNodes.some((n) => children(n.selectionSet, info.fragments, new Set(), []).some((f) => names.includes(f.name.value)));
}

/**
 * True when every sub-field `field` of this field (any alias) selects only fields in `allowed`
 * (through fragments, at any depth): e.g. whether search hits' `entity` needs more than a summary.
 */
export function selectsOnlyUnder(info: SelectionInfo, field: string, allowed: ReadonlySet<string>): boolean {
  return info.fieldNodes.every((n) =>
    children(n.selectionSet, info.fragments, new Set(), [])
      .filter((f) => f.name.value === field)
      .every((f) => only(f.selectionSet, allowed, info.fragments, new Set())),
  );
}

/** True when a sub-field `field` of this field (any alias) selects any of `names` directly. */
export function selectsAnyUnder(info: SelectionInfo, field: string, names: readonly string[]): boolean {
  return info.fieldNodes.some((n) =>
    children(n.selectionSet, info.fragments, new Set(), [])
      .filter((f) => f.name.value === field)
      .some((f) => children(f.selectionSet, info.fragments, new Set(), []).some((g) => names.includes(g.name.value))),
  );
}
