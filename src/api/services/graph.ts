/**
 * Subgraphs for drawing: neighbourhood (breadth-first with a node limit, one statement) and shortest paths,
 * as {nodes, edges, truncated} in the shape sigma.js / Cytoscape.js / vis-network take.
 * Also used by the web router's GraphML/GEXF export, so both agree.
 */
import { RELATION_TYPES } from '../../model';
import type { Db, Row } from '../../graph/db';
import { EntityValue, num, str, toEntity } from '../values';
import { PAGES, pageSize } from './pages';
import { checkMinConfidence } from './relations';
import { badUserInput } from '../guard/errors';
import { rankGeneration } from '../../graph/rank';

export const MAX_DEPTH = 3;
/** Largest `limit` of a neighbourhood, and most start `ids` it takes (the documented cap). */
export const MAX_LIMIT = 1000;
export const MAX_PATH_LENGTH = 6;
/** Edge types beyond the model's typed relations that a caller may opt into. */
export const CO_OCCURS = 'CO_OCCURS';
export const MENTIONS = 'MENTIONS';

export interface GraphNodeValue {
  id: string;
  label: string;
  kind: string;
  category: string | null;
}
export interface GraphEdgeValue {
  id: string;
  source: string;
  target: string;
  type: string;
  /** Typed relation: its count of statements; MENTIONS: mentions; CO_OCCURS: paragraphs naming both. */
  weight: number;
  evidence: string | null;
  document: string | null;
  paragraph: string | null;
  confidence: number | null;
}
export interface SubgraphValue {
  nodes: GraphNodeValue[];
  edges: GraphEdgeValue[];
  truncated: boolean;
}

export interface EdgeTypeOptions {
  relationTypes?: string[] | null;
  coOccurrence?: boolean;
  mentions?: boolean;
  /** Typed relations below this confidence are neither followed nor drawn (CO_OCCURS and MENTIONS have none). */
  minConfidence?: number | null;
}

export interface NeighbourhoodArgs extends EdgeTypeOptions {
  ids: string[];
  depth: number;
  kinds?: string[] | null;
  limit: number;
  /** At most this many edges (default PAGES.edges): typed relations first, co-occurrences last. */
  edgeLimit?: number | null;
  /**
   * False: edges come without their best evidence, document, paragraph and confidence (null), and
   * Neo4j does not read the evidence lists (the resolver passes it when the selection asks none).
   */
  details?: boolean;
}

/** The edge types to follow: the given relation types (validated by the enum) or all, plus opt-ins. */
export function edgeTypes(o: EdgeTypeOptions): string[] {
  const types = o.relationTypes && o.relationTypes.length ? [...o.relationTypes] : [...RELATION_TYPES];
  for (const t of types) if (!RELATION_TYPES.includes(t)) throw badUserInput(`unknown relation type ${t}; use one of ${RELATION_TYPES.join(', ')}`);
  if (o.coOccurrence) types.push(CO_OCCURS);
  if (o.mentions) types.push(MENTIONS);
  return types;
}

/** Longest label a subgraph node carries; the full name stays on the entity. */
export const MAX_LABEL = 80;

/** Whitespace that collapsing would change (other than single spaces inside): tested first, 3x cheaper than replacing. */
const UNTIDY = /[^\S ]| {2}|^ | $/;

/**
 * A name fit to show: a document's title from its header (else its symbol), else the entity's
 * name; whitespace (newlines from PDF text) collapsed, and at most `max` characters.
 */
export function displayName(e: { id: string; kind?: string; name?: string | null; nameEn?: string | null; title?: unknown; symbol?: unknown }, max = MAX_LABEL): string {
  const clean = (v: unknown) => (typeof v !== 'string' ? '' : UNTIDY.test(v) ? v.replace(/\s+/g, ' ').trim() : v);
  const doc = e.kind === 'Document' ? clean(e.title) || clean(e.symbol) : '';
  const text = doc || clean(e.name) || clean(e.nameEn) || e.id;
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function toNode(e: EntityValue): GraphNodeValue {
  return { id: e.id, label: displayName(e), kind: e.kind, category: e.category };
}

/**
 * An edge's id: its ends and type (`agency:a-MEMBER_OF->agency:b`). A subgraph has one edge per
 * (type, pair), so the id is unique in it, and it is the same in every answer, after a restart or
 * a re-ingestion (a client merging subgraphs, as the explorer does, finds the edge again); Neo4j
 * has no id to build and send (an elementId was ~40 characters a row: a fifth of the answer).
 */
export function edgeId(source: string, type: string, target: string): string {
  return `${source}-${type}->${target}`;
}

function toEdge(r: Row): GraphEdgeValue {
  return edge([r.source, r.target, r.type, r.weight, r.evidence, r.document, r.paragraph, r.confidence]);
}

/** An edge from its fields in the order cypher/api-neighbourhood.cypher lists them (the last four only with details). */
function edge([from, to, kind, weight, evidence, document, paragraph, confidence]: unknown[]): GraphEdgeValue {
  const source = String(from);
  const target = String(to);
  const type = String(kind);
  return {
    id: edgeId(source, type, target),
    source,
    target,
    type,
    weight: Number(weight ?? 0),
    // The writer stores '' for no sentence or paragraph (lists cannot hold null).
    evidence: str(evidence) || null,
    document: str(document) || null,
    paragraph: str(paragraph) || null,
    confidence: num(confidence),
  };
}

/** Fields of a reached node's row (a start's has 9). */
const REACHED_FIELDS = 5;

/**
 * A node from its fields in the order cypher/api-neighbourhood.cypher lists them: a start's whole
 * (id, kind, name, nameAr, nameEn, category, labels, title, symbol), a reached node's summary (id,
 * kind, the one name its label shows, category, labels).
 */
export function node(row: unknown[]): GraphNodeValue {
  const [id, kind, name, nameAr, nameEn, category, labels, title, symbol] = row.length === REACHED_FIELDS ? [row[0], row[1], row[2], null, null, row[3], row[4], null, null] : row;
  // Every key toEntity returns is already there (and `_labels` only when needed): V8 then copies
  // the object on its fast path, 4x faster than adding keys to a copy (measured: 1.6 vs 0.45 ms per 100 nodes).
  const raw = { id, kind, name, nameAr, nameEn, acronym: null, aliases: null, category, title, symbol };
  return toNode(toEntity(labels ? { ...raw, _labels: labels } : raw));
}

/** The neighbourhood statement with the hops' fast path from the neighbour rankings, and the one without (src/graph/cypher.ts VARIANTS). */
export type NeighbourhoodStatement = 'api-neighbourhood' | 'api-neighbourhood-plain';

/** How long a process trusts what it last saw of the graph's rankings (another process may rank it meanwhile). */
export const RANKED_RECHECK_MS = 10_000;

const rankedSeen = new WeakMap<object, { at: number; generation: number; ranked: Promise<boolean> }>();

/**
 * The neighbourhood statement for this graph: with the fast path when some entity holds a
 * ranked page (more than K typed relations), else the plain one (on the seeds, where no entity has more than K relations,
 * the fast path's empty branches cost Neo4j 0.4-1.0 ms a request: bench/findings.md, "nbhop
 * helper"). Both are exact on any graph, so the fact is cached per driver
 * (cypher/api-neighbour-ranked.cypher): looked at again after RANKED_RECHECK_MS, and as soon as
 * this process has built rankings (rankGeneration: ingestion's settle, start-up's buildRanks).
 * Concurrent requests share one look.
 */
export async function neighbourhoodStatement(db: Db): Promise<NeighbourhoodStatement> {
  const key = db.driver;
  const now = Date.now();
  const generation = rankGeneration();
  let seen = rankedSeen.get(key);
  if (!seen || seen.generation !== generation || now - seen.at >= RANKED_RECHECK_MS) {
    const ranked = db.read('api-neighbour-ranked').then(([row]) => Boolean(row?.ranked));
    seen = { at: now, generation, ranked };
    rankedSeen.set(key, seen);
    // A failed look is not remembered: the next request looks again.
    ranked.catch(() => rankedSeen.get(key) === seen && rankedSeen.delete(key));
  }
  return (await seen.ranked) ? 'api-neighbourhood' : 'api-neighbourhood-plain';
}

/**
 * `statement` forces one of the two (tests and benchmarks compare them); by default
 * neighbourhoodStatement chooses.
 */
export async function neighbourhood(db: Db, args: NeighbourhoodArgs, opts: { statement?: NeighbourhoodStatement } = {}): Promise<SubgraphValue> {
  if (!Number.isInteger(args.depth) || args.depth < 0 || args.depth > MAX_DEPTH) throw badUserInput(`depth must be between 0 and ${MAX_DEPTH}, got ${args.depth}`);
  if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > MAX_LIMIT) throw badUserInput(`limit must be between 1 and ${MAX_LIMIT}, got ${args.limit}`);
  if (args.ids.length === 0) throw badUserInput('give at least one entity id in ids');
  if (args.ids.length > MAX_LIMIT) throw badUserInput(`give at most ${MAX_LIMIT} entity ids in ids, got ${args.ids.length}`);
  const params = neighbourhoodParams({
    ids: [...new Set(args.ids)],
    depth: args.depth,
    limit: args.limit,
    types: edgeTypes(args),
    kinds: args.kinds && args.kinds.length ? args.kinds : null,
    minConfidence: checkMinConfidence(args.minConfidence),
    edgeLimit: pageSize('edgeLimit', args.edgeLimit, PAGES.edges, 1),
    details: args.details ?? true,
  });
  const edgeLimit = params.edgeLimit;
  // One statement (cypher/api-neighbourhood.cypher): the starts, every hop and the edges.
  // A request the rankings cannot answer (other types, a confidence filter) never takes the fast path.
  const statement = opts.statement ?? (params.ranked && params.minConfidence <= 0 ? await neighbourhoodStatement(db) : 'api-neighbourhood-plain');
  const [row] = await db.read(statement, params);
  const nodes = [...(row.starts as unknown[][]), ...(row.reached as unknown[][])].map(node);
  const found = (row.edges as unknown[][]).map(edge);
  // One more than asked for tells whether the edge limit cut the result.
  const truncated = Boolean(row.truncated) || found.length > edgeLimit;
  const edges = found.slice(0, edgeLimit).sort((a, b) => cmp(a.source, b.source) || cmp(a.target, b.target) || cmp(a.type, b.type) || cmp(a.id, b.id));
  return { nodes, edges, truncated };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Neo4j caches a plan per parameter type and per list-size bucket (1, 2-10, 11-100, 101+: a
 * 1-id request after a 2-id one, or one with `kinds`, was planned again, 1-3 s each). The lists
 * are padded with '' (no id, type or label is empty) so that every request of up to 10 ids shares
 * the one plan warmNeighbourhood makes at start; `kinds: null` becomes `anyKind`.
 */
export function neighbourhoodParams(p: { ids: string[]; depth: number; limit: number; types: string[]; kinds: string[] | null; minConfidence: number; edgeLimit: number; details: boolean }) {
  const pad = (xs: string[], n: number) => (xs.length >= n ? xs : [...xs, ...Array<string>(n - xs.length).fill('')]);
  const { kinds, ...rest } = p;
  return { ...rest, ids: pad(p.ids, 2), types: pad(p.types, 11), kinds: pad(kinds ?? [], 11), anyKind: kinds === null, ranked: followsRankedTypes(p.types) };
}

/**
 * Whether the hops may answer from the stored neighbour rankings (cypher/rank-build.cypher): they
 * score neighbours over every model relation type and nothing else. (The statement also checks
 * that no confidence filter is set.)
 */
function followsRankedTypes(types: readonly string[]): boolean {
  return RELATION_TYPES.every((t) => types.includes(t)) && types.every((t) => RELATION_TYPES.includes(t));
}

/**
 * Plans the neighbourhood statement once, at server start, with the parameter types and list
 * sizes of a request (no entity has the id ''), so that the first visitor does not wait 1-3 s for
 * Neo4j to plan it. Failures are the caller's to log: a server starts whether or not Neo4j is up.
 */
export async function warmNeighbourhood(db: Db): Promise<void> {
  const params = neighbourhoodParams({ ids: [''], depth: 1, limit: 1, types: edgeTypes({}), kinds: null, minConfidence: 0, edgeLimit: 1, details: false });
  // Both statements (a graph may be ranked while the server runs), the one this graph takes first.
  const first = await neighbourhoodStatement(db);
  await db.read(first, params);
  await db.read(first === 'api-neighbourhood' ? 'api-neighbourhood-plain' : 'api-neighbourhood', params);
}

export interface PathArgs extends EdgeTypeOptions {
  from: string;
  to: string;
  maxLength: number;
  /** At most this many shortest paths are merged into the result. */
  limit: number;
}

export async function paths(db: Db, args: PathArgs): Promise<SubgraphValue> {
  if (!Number.isInteger(args.maxLength) || args.maxLength < 1 || args.maxLength > MAX_PATH_LENGTH) {
    throw badUserInput(`maxLength must be between 1 and ${MAX_PATH_LENGTH}, got ${args.maxLength}`);
  }
  if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > 100) throw badUserInput(`limit must be between 1 and 100, got ${args.limit}`);
  if (args.from === args.to) throw badUserInput('from and to are the same entity');
  const rows = await db.read('api-path', {
    from: args.from,
    to: args.to,
    maxLength: args.maxLength,
    types: edgeTypes(args),
    paths: args.limit + 1,
    minConfidence: checkMinConfidence(args.minConfidence),
  });
  const nodes = new Map<string, GraphNodeValue>();
  const edges = new Map<string, GraphEdgeValue>();
  for (const r of rows.slice(0, args.limit)) {
    for (const n of r.nodes as unknown[]) {
      const e = toEntity(n);
      nodes.set(e.id, toNode(e));
    }
    for (const x of r.edges as Row[]) {
      const e = toEdge(x);
      edges.set(e.id, e);
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated: rows.length > args.limit };
}
