/**
 * Runs a compiled read and hands its rows to the resolvers through the request's DataLoaders:
 * each relation list is primed under exactly the key its field's resolver will load
 * (services/relations.ts; the key names the other end's properties the rows carry, the fields
 * selected under `entity`, so a field asking for more never finds rows that lack them), and each
 * whole entity under its id, so the resolvers run unchanged
 * and find everything in the cache: no further round trip for what the statement covered.
 * Anything it did not cover (Evidence.document, paragraphs, a document's entities, a field whose
 * arguments it left to the resolver) still goes through the batched loaders.
 */
import type { FieldNode, FragmentDefinitionNode, GraphQLOutputType, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { getNamedType, GraphQLInterfaceType, GraphQLObjectType, visit } from 'graphql';
import type { ApiContext } from '../context';
import type { Loaders } from '../loaders';
import type { EntityValue, MentionValue, RelationValue } from '../values';
import { num, str, toEntity } from '../values';
import { projectionParts, WHOLE_NODE } from '../selection';
import type { Row } from '../../graph/db';
import { planDepth, planEntity, type EntityPlan, type SelectionSource } from './plan';
import { compileEntities, type Compiled } from './statement';

/** The name onQuery and the metrics see for compiled reads. */
export const COMPILED_STATEMENT = 'compiled-entity';

/**
 * The other end of a relation row: with a summary projection, the list of its properties' values
 * in the projection's order then the labels (cypher/compiled-node-summary.cypher), named again
 * here; the whole node's map otherwise (`props` null).
 */
function otherEnd(v: unknown, props: readonly string[] | null): EntityValue {
  if (!props) return toEntity(v);
  const values = v as unknown[];
  const r: Record<string, unknown> = { _labels: values[props.length] };
  for (let i = 0; i < props.length; i++) r[props[i]] = values[i];
  return toEntity(r);
}

/** The property names of a relation ask's summary rows, in the statement's order; null for whole nodes. */
export function rowProperties(projection: string): string[] | null {
  const { end } = projectionParts(projection);
  return end === WHOLE_NODE ? null : end.split(',');
}

/**
 * What a row of a list selecting only `entity` (src/api/selection.ts ENDS_ONLY) holds besides its
 * other end: nothing was read. It is primed only under that list's key, which no field reading
 * the relation's own fields asks for, so these stand-ins are never read.
 */
const NO_DETAILS = { type: '', direction: 'OUT', count: 0, documentCount: 0, confidence: null, evidence: [] } as const;

/**
 * One relation row of the statement (cypher/compiled-relation.cypher: a list, [type, direction,
 * other, count, documentCount, confidence, evidence], each evidence entry [text, documentId,
 * paragraph, confidence], or [text, documentId, paragraph] for the best entry alone, whose
 * confidence is the row's) as the relations loader shapes it (src/api/loaders.ts); `props` as
 * rowProperties gives them for the ask's projection.
 */
export function toRelationValue(m: unknown, props: readonly string[] | null): RelationValue {
  const [type, direction, other, count, documentCount, confidence, evidence] = m as unknown[];
  return {
    type: String(type),
    direction: direction as 'OUT' | 'IN',
    entity: otherEnd(other, props),
    count: Number(count ?? 0),
    documentCount: Number(documentCount ?? 0),
    confidence: num(confidence),
    // Lists cannot hold null: the writer stores '' for no sentence or paragraph.
    // An entry of 3 values is the best one (cypher/compiled-evidence-first.cypher): its confidence is the row's.
    evidence: ((evidence as unknown[][]) ?? []).map((e) => ({
      text: str(e[0]) || null,
      documentId: str(e[1]) || null,
      paragraph: str(e[2]) || null,
      confidence: num(e.length === 3 ? confidence : e[3]),
    })),
  };
}

/** One mention row as the mentions loader shapes it (src/api/loaders.ts). */
function toMentionValue(r: Row): MentionValue {
  // Lists cannot hold null: the loader stores '' for a mention outside numbered paragraphs.
  return { documentId: String(r.documentId), paragraph: str(r.paragraph) || null, text: String(r.text), start: Number(r.start), end: Number(r.end) };
}

/** Primes the loaders with every relation field of the plan, for every entity the statement read it for. */
function prime(loaders: Loaders, plan: EntityPlan, fields: Row, c: Compiled): void {
  for (const ask of plan.mentions) {
    const keys = c.mentionKeys.get(ask)!;
    for (const { id, rows } of (fields[keys.rows] as { id: string; rows: Row[] }[]) ?? []) loaders.mentions.prime({ id, ...ask.loader }, rows.map(toMentionValue));
    for (const d of (fields[keys.documents] as unknown[]) ?? []) {
      const e = toEntity(d);
      loaders.entity.prime(e.id, e);
    }
  }
  for (const ask of plan.relations) {
    const props = rowProperties(ask.projection);
    const endsOnly = projectionParts(ask.projection).endsOnly;
    for (const { id, rows } of (fields[c.keys.get(ask)!] as { id: string; rows: unknown[][] }[]) ?? []) {
      // Under the key of each field that asked (its projection): the rows hold all of them.
      const values = endsOnly ? rows.map((row): RelationValue => ({ ...NO_DETAILS, evidence: [], entity: otherEnd(row, props) })) : rows.map((row) => toRelationValue(row, props));
      for (const p of ask.projections) loaders.relations.prime({ id, ...ask.loader, fields: p }, values);
      if (props === null) for (const v of values) loaders.entity.prime(v.entity.id, v.entity);
    }
    prime(loaders, ask.other, fields, c);
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
  await run(ctx, ids, plan, compileEntities(plan));
}

async function run(ctx: ApiContext, ids: string[], plan: EntityPlan, c: Compiled): Promise<void> {
  // One row per item of each result (cypher/compiled-entity.cypher), gathered back by key.
  const fields: Record<string, unknown[]> = {};
  for (const { key, item } of await ctx.db.readCompiled(COMPILED_STATEMENT, c.text, { ...c.params, ids })) (fields[String(key)] ??= []).push(item);
  for (const n of fields.nodes ?? []) {
    const e = toEntity(n);
    ctx.loaders.entity.prime(e.id, e);
  }
  prime(ctx.loaders, plan, fields, c);
  // An unknown id is known to be absent: no second look.
  for (const id of ids) ctx.loaders.entity.prime(id, null);
}

type Info = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues' | 'schema' | 'returnType'>;

/** The field nodes reached from `nodes` by the field names of `path` (through fragments), and their type. */
function fieldsAt(info: Info, path: string[]): { nodes: FieldNode[]; type: GraphQLOutputType } | null {
  let nodes = info.fieldNodes as FieldNode[];
  let type: GraphQLOutputType = info.returnType;
  for (const name of path) {
    const parent = getNamedType(type);
    if (!(parent instanceof GraphQLObjectType || parent instanceof GraphQLInterfaceType)) return null;
    const def = parent.getFields()[name];
    if (!def) return null;
    const next: FieldNode[] = [];
    const visit = (set: SelectionSetNode | undefined, seen: Set<string>) => {
      for (const s of set?.selections ?? []) {
        if (s.kind === 'Field') {
          if (s.name.value === name) next.push(s);
        } else if (s.kind === 'InlineFragment') visit(s.selectionSet, seen);
        else if (!seen.has(s.name.value)) {
          seen.add(s.name.value);
          visit(info.fragments[s.name.value]?.selectionSet, seen);
        }
      }
    };
    for (const n of nodes) visit(n.selectionSet, new Set());
    if (next.length === 0) return null;
    nodes = next;
    type = def.type;
  }
  return { nodes, type };
}

/**
 * For a list of entities a root field returned (a page's `nodes` and `edges.node`, search hits'
 * `entity`): reads the relation fields its selection asks for, for all of them, in one statement.
 * With the list's own statement, two round trips whatever the depth.
 */
export async function prefetchBelow(ctx: ApiContext, info: Info, ids: string[], paths: string[][]): Promise<void> {
  if (!compiling(ctx) || ids.length === 0) return;
  const prepared = preparedBelow(info, paths);
  if (prepared) await run(ctx, ids, prepared.plan, prepared.compiled);
}

function planBelow(info: Info, paths: string[][]): EntityPlan | null {
  let plan: EntityPlan | null = null;
  for (const path of paths) {
    const at = fieldsAt(info, path);
    const p = at ? planOf({ ...info, fieldNodes: at.nodes, returnType: at.type }) : null;
    if (!p) continue;
    if (plan) p.relations.forEach((a) => plan!.relations.push(a));
    else plan = p;
  }
  return plan;
}

/**
 * Plans and statements already built, by selection and the variables it uses: the same query
 * text gives the same field nodes (Apollo keeps parsed documents), and a plan depends only on
 * them, the fragments of their document and the values of the variables under them, so a
 * repeated query skips the planner and the statement builder (the entity ids stay parameters).
 * Bounded: emptied when it reaches MAX_PREPARED entries.
 */
interface Prepared {
  plan: EntityPlan;
  compiled: Compiled;
}

const MAX_PREPARED = 1000;
const MAX_KEY = 4000;
const prepared = new Map<string, Prepared | null>();
const nodeIds = new WeakMap<FieldNode, number>();
let nextNodeId = 0;
const variablesOf = new WeakMap<FieldNode, string[]>();

function nodeId(n: FieldNode): number {
  let id = nodeIds.get(n);
  if (id === undefined) nodeIds.set(n, (id = ++nextNodeId));
  return id;
}

/** The variables a field's selection refers to (arguments and directives, through fragments). */
function variablesUnder(node: FieldNode, fragments: Record<string, FragmentDefinitionNode>): string[] {
  let names = variablesOf.get(node);
  if (names) return names;
  const found = new Set<string>();
  const seen = new Set<string>();
  const walk = (n: FieldNode | FragmentDefinitionNode) =>
    visit(n, {
      Variable: (v) => void found.add(v.name.value),
      FragmentSpread: (f) => {
        if (seen.has(f.name.value)) return;
        seen.add(f.name.value);
        const def = fragments[f.name.value];
        if (def) walk(def);
      },
    });
  walk(node);
  names = [...found].sort();
  variablesOf.set(node, names);
  return names;
}

function preparedBelow(info: Info, paths: string[][]): Prepared | null {
  const vars = info.variableValues;
  const used = new Set<string>();
  for (const n of info.fieldNodes) for (const v of variablesUnder(n, info.fragments)) used.add(v);
  // Absent and null are different values for an argument: [value] when given, 0 when absent.
  const values = JSON.stringify([...used].sort().map((v) => (Object.prototype.hasOwnProperty.call(vars, v) ? [vars[v]] : 0)));
  const key = `${info.fieldNodes.map(nodeId).join(',')}|${String(info.returnType)}|${JSON.stringify(paths)}|${values}`;
  if (prepared.has(key)) return prepared.get(key)!;
  const plan = planBelow(info, paths);
  const entry = plan ? { plan, compiled: compileEntities(plan) } : null;
  if (key.length > MAX_KEY) return entry; // long variable values: not worth keeping
  if (prepared.size >= MAX_PREPARED) prepared.clear();
  prepared.set(key, entry);
  return entry;
}

/** Compiling is on unless the request runs in the naive mode (no batching) or KG_COMPILE=off. */
export function compiling(ctx: ApiContext): boolean {
  return ctx.config.batching && ctx.config.compile;
}
