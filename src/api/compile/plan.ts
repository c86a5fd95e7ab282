/**
 * The plan of a compiled read: which relation fields a GraphQL selection asks for under an
 * entity, with their arguments resolved (variables, defaults) exactly as the resolvers resolve
 * them, and what each asks for under the other end, to any depth. Only the selection's shape and
 * the model decide the plan's structure; argument values stay values (the statement's params).
 *
 * Fields are collected as GraphQL executes them: grouped by response key (aliases), through inline
 * and named fragments, honouring @skip/@include. Two selections with the same arguments (two
 * aliases, or a fragment repeating a field) share one sub-query, their sub-selections merged.
 */
import {
  FieldNode,
  FragmentDefinitionNode,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLObjectType,
  GraphQLInterfaceType,
  GraphQLSchema,
  GraphQLSkipDirective,
  type GraphQLField,
  SelectionSetNode,
} from 'graphql';
import { isKind, RELATION_TYPES } from '../../model';
import { ANY_TYPE, type RelationDirection } from '../loaders';
import { relationFieldsOf } from '../resolvers/kind-relations';
import { entityProjection, selectsOnly, SUMMARY_FIELDS, unionProjection } from '../selection';
import { PAGES, pageSize } from '../services/pages';
import { checkMinConfidence, evidencePage } from '../services/relations';

export interface RelationAsk {
  /** The relation loader's key without the entity id: what the statement reads and what it primes. */
  loader: { type: string; direction: RelationDirection; first: number; minConfidence: number; evidence: number };
  /**
   * What each field asking for it keys its loader by (the other end's projection,
   * src/api/selection.ts entityProjection): the rows are primed under each of them.
   */
  projections: string[];
  /** What the statement reads of the other end: the union of `projections`. */
  projection: string;
  /** Model types the pattern expands: all of them for `relations`, the one of a per-type field. */
  pattern: string[];
  /**
   * Only entities of these kinds (the type conditions the field was selected under: a per-type
   * field exists on its kinds only), or null for any. A parameter.
   */
  kinds: string[] | null;
  /** The response keys asking for it (for reading the plan; not used in the statement). */
  fields: string[];
  /** What the selection asks for at the other end. */
  other: EntityPlan;
}

/** A `mentions(document:, first:)` field: the mentions loader's key without the entity id. */
export interface MentionAsk {
  loader: { document: string | null; first: number };
  /** The selection asks for `Mention.document`: the statement reads the documents too. */
  documents: boolean;
}

export interface EntityPlan {
  /** The selection asks for more than the summary the relation rows carry. */
  full: boolean;
  relations: RelationAsk[];
  mentions: MentionAsk[];
}

export interface SelectionSource {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variableValues: Record<string, unknown>;
}

type Composite = GraphQLObjectType | GraphQLInterfaceType;

interface Collected {
  responseKey: string;
  parent: Composite;
  nodes: FieldNode[];
}

function included(node: { directives?: readonly unknown[] }, src: SelectionSource): boolean {
  const n = node as FieldNode;
  if (getDirectiveValues(GraphQLSkipDirective, n, src.variableValues)?.if === true) return false;
  if (getDirectiveValues(GraphQLIncludeDirective, n, src.variableValues)?.if === false) return false;
  return true;
}

/** The fields of selection sets, grouped by response key and the type that declares them. */
function collect(sets: { set: SelectionSetNode | undefined; parent: Composite }[], src: SelectionSource): Collected[] {
  const out = new Map<string, Collected>();
  const visit = (set: SelectionSetNode | undefined, parent: Composite, seen: Set<string>) => {
    for (const s of set?.selections ?? []) {
      if (!included(s, src)) continue;
      if (s.kind === 'Field') {
        const responseKey = s.alias?.value ?? s.name.value;
        const group = `${responseKey}|${s.name.value}|${parent.name}`;
        const c = out.get(group);
        if (c) c.nodes.push(s);
        else out.set(group, { responseKey, parent, nodes: [s] });
      } else if (s.kind === 'InlineFragment') {
        const t = s.typeCondition ? (src.schema.getType(s.typeCondition.name.value) as Composite) : parent;
        visit(s.selectionSet, t, seen);
      } else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const f = src.fragments[s.name.value];
        if (f) visit(f.selectionSet, src.schema.getType(f.typeCondition.name.value) as Composite, seen);
      }
    }
  };
  for (const { set, parent } of sets) visit(set, parent, new Set());
  return [...out.values()];
}

/** The relation field a field node names on its type, with the model's types and direction. */
function relationField(c: Collected, args: Record<string, unknown>): { types: string[] | null; direction: RelationDirection; pattern: string[] } | null {
  const name = c.nodes[0].name.value;
  if (name === 'relations') {
    // The types asked for are values: a parameter; the pattern expands every model type.
    const types = args.types as string[] | null | undefined;
    return { types: types && types.length ? types : null, direction: (args.direction as RelationDirection) ?? 'BOTH', pattern: [...RELATION_TYPES] };
  }
  if (!(c.parent instanceof GraphQLObjectType)) return null;
  // A per-type field: its type is the selection's shape (the field's name), from the model.
  const f = relationFieldsOf(c.parent.name).find((x) => x.name === name);
  return f ? { types: [f.type], direction: f.direction, pattern: [f.type] } : null;
}

function askKey(l: RelationAsk['loader']): string {
  return `${l.type}|${l.direction}|${l.first}|${l.minConfidence}|${l.evidence}`;
}

function mergePlans(into: EntityPlan, from: EntityPlan): void {
  into.full ||= from.full;
  for (const m of from.mentions) {
    const same = into.mentions.find((x) => x.loader.document === m.loader.document && x.loader.first === m.loader.first);
    if (same) same.documents ||= m.documents;
    else into.mentions.push(m);
  }
  for (const ask of from.relations) {
    const same = into.relations.find((a) => askKey(a.loader) === askKey(ask.loader));
    if (same) {
      same.fields.push(...ask.fields.filter((f) => !same.fields.includes(f)));
      // One sub-query reads what every field asks of the other end; each finds its own key.
      same.projections.push(...ask.projections.filter((p) => !same.projections.includes(p)));
      same.projection = unionProjection(same.projection, ask.projection);
      same.kinds = same.kinds && ask.kinds ? [...new Set([...same.kinds, ...ask.kinds])].sort() : null;
      mergePlans(same.other, ask.other);
    } else into.relations.push(ask);
  }
}

/**
 * The plan for the entities a field returns (`entity(id:)`, a relation's `entity`): `nodes` are
 * the field's nodes (one response key), `type` the entity type they select on.
 */
export function planEntity(nodes: readonly FieldNode[], type: Composite, src: SelectionSource): EntityPlan {
  const plan: EntityPlan = {
    full: !selectsOnly({ fieldNodes: nodes as FieldNode[], fragments: src.fragments }, SUMMARY_FIELDS),
    relations: [],
    mentions: [],
  };
  for (const c of collect(nodes.map((n) => ({ set: n.selectionSet, parent: type })), src)) {
    const def = c.parent.getFields()[c.nodes[0].name.value];
    if (def && c.nodes[0].name.value === 'mentions' && getNamedType(def.type).name === 'Mention') {
      const mention = mentionAsk(c, def, src);
      if (mention) mergePlans(plan, { full: false, relations: [], mentions: [mention] });
      continue;
    }
    if (!def || getNamedType(def.type).name !== 'Relation') continue;
    let ask: RelationAsk;
    const projection = entityProjection({ fieldNodes: c.nodes, fragments: src.fragments });
    try {
      const args = getArgumentValues(def, c.nodes[0], src.variableValues);
      const rel = relationField(c, args);
      if (!rel) continue;
      const relationType = getNamedType(def.type) as GraphQLObjectType;
      const below = collect(c.nodes.map((n) => ({ set: n.selectionSet, parent: relationType })), src);
      const entityNodes = below.filter((b) => b.nodes[0].name.value === 'entity').flatMap((b) => b.nodes);
      const entityType = getNamedType(relationType.getFields().entity.type) as Composite;
      ask = {
        loader: {
          type: rel.types ? [...new Set(rel.types)].sort().join(',') : ANY_TYPE,
          direction: rel.direction,
          first: pageSize('first', args.first as number | null | undefined, PAGES.relations),
          minConfidence: checkMinConfidence(args.minConfidence as number | null | undefined),
          // The same count the field's resolver asks its loader for (the key must match).
          evidence: evidencePage({ fieldNodes: c.nodes, fragments: src.fragments, variableValues: src.variableValues }),
        },
        // The other end's properties the rows carry: the projection the field's resolver keys by.
        projections: [projection],
        projection,
        pattern: rel.pattern,
        kinds: c.parent instanceof GraphQLObjectType && isKind(c.parent.name) ? [c.parent.name] : null,
        fields: [c.responseKey],
        other: entityNodes.length ? planEntity(entityNodes, entityType, src) : { full: false, relations: [], mentions: [] },
      };
    } catch {
      // Arguments the resolver will refuse with a clear message: leave that field to it.
      continue;
    }
    mergePlans(plan, { full: false, relations: [ask], mentions: [] });
  }
  return plan;
}

/** As services/relations.ts's mentionsOf keys its loader; null when it reads nothing (first: 0) or refuses the arguments. */
function mentionAsk(c: Collected, def: GraphQLField<unknown, unknown>, src: SelectionSource): MentionAsk | null {
  try {
    const args = getArgumentValues(def, c.nodes[0], src.variableValues);
    const first = pageSize('first', args.first as number | null | undefined, PAGES.mentions);
    if (first === 0) return null;
    const mentionType = getNamedType(def.type) as GraphQLObjectType;
    const below = collect(c.nodes.map((n) => ({ set: n.selectionSet, parent: mentionType })), src);
    return { loader: { document: (args.document as string | null | undefined) || null, first }, documents: below.some((b) => b.nodes[0].name.value === 'document') };
  } catch {
    return null;
  }
}

/** How deep the plan's relation fields go (0: none; mentions count as one level). */
export function planDepth(plan: EntityPlan): number {
  return plan.relations.reduce((d, a) => Math.max(d, 1 + planDepth(a.other)), plan.mentions.length ? 1 : 0);
}
