/**
 * Subgraph export for Gephi, yEd, Cytoscape desktop and the like: GraphML and GEXF 1.3.
 * Pure functions: the router fetches the subgraph (through the API's neighbourhood service) and
 * passes it here.
 */
import { relationSpec } from '../model';
import { attrs, xmlEscape } from './xml';

/** The subgraph shape of the GraphQL `neighbourhood` query (extra fields are exported when present). */
export interface ExportNode {
  id: string;
  label: string;
  kind: string;
  category?: string | null;
}
export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  /** Statements of a typed relation, mentions (MENTIONS), paragraphs naming both (CO_OCCURS). */
  weight?: number | null;
  /** The best evidence entry of a typed relation (one edge per type and pair). */
  evidence?: string | null;
  document?: string | null;
  paragraph?: string | null;
  confidence?: number | null;
  /** Address of the document reader at this edge's evidence (set by the router). */
  reader?: string | null;
}
export interface ExportGraph {
  nodes: ExportNode[];
  edges: ExportEdge[];
  truncated: boolean;
}

export const EXPORT_FORMATS = {
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml' },
  gexf: { contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

export const EXPORT_LIMITS = { maxIds: 50, maxDepth: 3, defaultDepth: 1, defaultLimit: 300, maxLimit: 1000 } as const;

export interface ExportRequest {
  ids: string[];
  depth: number;
  limit: number;
  format: ExportFormat;
  /** Also CO_OCCURS edges (undirected, type CO_OCCURS in the file). */
  coOccurrence: boolean;
  /** Typed relations below this confidence are left out (default 0: all). */
  minConfidence: number;
}

/** A request the caller must fix; the message says how. */
export class ExportParamError extends Error {}

const USAGE = 'usage: /export?ids=agency:unodc,country:ma&depth=1&format=graphml|gexf[&limit=300][&coOccurrence=true][&minConfidence=0.8]';

function single(name: string, v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) {
    if (name === 'ids') return v.map(String).join(',');
    throw new ExportParamError(`"${name}" given more than once; ${USAGE}`);
  }
  if (typeof v !== 'string') throw new ExportParamError(`"${name}" must be a plain value; ${USAGE}`);
  return v;
}

function intParam(name: string, raw: string | undefined, dflt: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return dflt;
  if (!/^\d+$/.test(raw)) throw new ExportParamError(`"${name}" must be a whole number between ${min} and ${max}, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ExportParamError(`"${name}" must be between ${min} and ${max}, got ${n}`);
  return n;
}

function boolParam(name: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === '') return false;
  const v = raw.toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new ExportParamError(`"${name}" must be true or false, got "${raw}"`);
}

function confidenceParam(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  const n = Number(raw);
  if (!/^\d*\.?\d+$/.test(raw) || n < 0 || n > 1) throw new ExportParamError(`"minConfidence" must be a number from 0 to 1, got "${raw}"`);
  return n;
}

/** Validates the query string of /export. Throws ExportParamError with a message for the user. */
export function parseExportQuery(query: Record<string, unknown>): ExportRequest {
  const known = new Set(['ids', 'depth', 'limit', 'format', 'coOccurrence', 'minConfidence']);
  const unknown = Object.keys(query).filter((k) => !known.has(k));
  if (unknown.length) throw new ExportParamError(`unknown parameter(s) ${unknown.map((k) => `"${k}"`).join(', ')}; ${USAGE}`);

  const idsRaw = single('ids', query.ids);
  const ids = [...new Set((idsRaw ?? '').split(',').map((s) => s.trim()).filter(Boolean))];
  if (!ids.length) throw new ExportParamError(`"ids" is required: one or more entity ids separated by commas; ${USAGE}`);
  if (ids.length > EXPORT_LIMITS.maxIds) throw new ExportParamError(`at most ${EXPORT_LIMITS.maxIds} ids per export, got ${ids.length}`);
  const bad = ids.find((id) => id.length > 200 || /[\u0000-\u001F<>]/.test(id));
  if (bad !== undefined) throw new ExportParamError(`"${bad.slice(0, 40)}" is not an entity id (ids look like agency:unodc)`);

  const depth = intParam('depth', single('depth', query.depth), EXPORT_LIMITS.defaultDepth, 0, EXPORT_LIMITS.maxDepth);
  const limit = intParam('limit', single('limit', query.limit), EXPORT_LIMITS.defaultLimit, 1, EXPORT_LIMITS.maxLimit);
  if (limit < ids.length) throw new ExportParamError(`"limit" (${limit}) must be at least the number of ids (${ids.length})`);

  const format = (single('format', query.format) ?? 'graphml').toLowerCase();
  if (!(format in EXPORT_FORMATS)) throw new ExportParamError(`"format" must be graphml or gexf, got "${format}"`);
  const coOccurrence = boolParam('coOccurrence', single('coOccurrence', query.coOccurrence));
  const minConfidence = confidenceParam(single('minConfidence', query.minConfidence));
  return { ids, depth, limit, format: format as ExportFormat, coOccurrence, minConfidence };
}

/** Symmetric relations (and co-occurrences) are undirected edges; the model says which. */
function isDirected(type: string): boolean {
  if (type === 'CO_OCCURS') return false;
  return !relationSpec(type)?.symmetric;
}

const NODE_ATTRS = [
  { id: 'kind', get: (n: ExportNode) => n.kind },
  { id: 'category', get: (n: ExportNode) => n.category },
] as const;
const EDGE_ATTRS = [
  { id: 'type', type: 'string', get: (e: ExportEdge) => e.type },
  { id: 'weight', type: 'int', get: (e: ExportEdge) => e.weight },
  { id: 'evidence', type: 'string', get: (e: ExportEdge) => e.evidence },
  { id: 'document', type: 'string', get: (e: ExportEdge) => e.document },
  { id: 'paragraph', type: 'string', get: (e: ExportEdge) => e.paragraph },
  { id: 'confidence', type: 'double', get: (e: ExportEdge) => e.confidence },
  { id: 'reader', type: 'string', get: (e: ExportEdge) => e.reader },
] as const;

/** The reader's deep link to an edge's evidence (`read/<document>?type&source&target#focus`), relative to `base`. */
export function readerLink(base: string, e: ExportEdge): string | null {
  if (!e.document || e.type === 'CO_OCCURS') return null;
  const q = new URLSearchParams({ type: e.type, source: e.source, target: e.target });
  return `${base}read/${encodeURIComponent(e.document)}?${q.toString()}#focus`;
}

const present = (v: unknown): v is string | number => v !== null && v !== undefined && v !== '';

/** GraphML (http://graphml.graphdrawing.org/): node label/kind/category, edge type/weight/best evidence/document. */
export function toGraphML(g: ExportGraph, description = 'Subgraph of the UN anti-trafficking knowledge graph'): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <desc>${xmlEscape(description)}</desc>`,
    '  <key id="truncated" for="graph" attr.name="truncated" attr.type="boolean"/>',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    ...NODE_ATTRS.map((a) => `  <key id="${a.id}" for="node" attr.name="${a.id}" attr.type="string"/>`),
    ...EDGE_ATTRS.map((a) => `  <key id="e_${a.id}" for="edge" attr.name="${a.id}" attr.type="${a.type}"/>`),
    '  <graph id="G" edgedefault="directed">',
    `    <data key="truncated">${g.truncated}</data>`,
  ];
  for (const n of g.nodes) {
    out.push(`    <node${attrs({ id: n.id })}>`, `      <data key="label">${xmlEscape(n.label)}</data>`);
    for (const a of NODE_ATTRS) {
      const v = a.get(n);
      if (present(v)) out.push(`      <data key="${a.id}">${xmlEscape(String(v))}</data>`);
    }
    out.push('    </node>');
  }
  for (const e of g.edges) {
    const directed = isDirected(e.type) ? undefined : 'false';
    out.push(`    <edge${attrs({ id: e.id, source: e.source, target: e.target, directed })}>`);
    for (const a of EDGE_ATTRS) {
      const v = a.get(e);
      if (present(v)) out.push(`      <data key="e_${a.id}">${xmlEscape(String(v))}</data>`);
    }
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

/** GEXF 1.3 (https://gexf.net/): what Gephi opens natively. */
export function toGEXF(g: ExportGraph, description = 'Subgraph of the UN anti-trafficking knowledge graph', now = new Date()): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${now.toISOString().slice(0, 10)}">`,
    '    <creator>un-trafficking-kg</creator>',
    `    <description>${xmlEscape(description + (g.truncated ? ' (truncated by the limit)' : ''))}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node" mode="static">',
    ...NODE_ATTRS.map((a) => `      <attribute id="${a.id}" title="${a.id}" type="string"/>`),
    '    </attributes>',
    '    <attributes class="edge" mode="static">',
    ...EDGE_ATTRS.map((a) => `      <attribute id="${a.id}" title="${a.id}" type="${a.type === 'int' ? 'integer' : a.type}"/>`),
    '    </attributes>',
    '    <nodes>',
  ];
  const attvalues = (vals: [string, unknown][], indent: string) => {
    const kept = vals.filter(([, v]) => present(v));
    if (!kept.length) return [];
    return [
      `${indent}<attvalues>`,
      ...kept.map(([id, v]) => `${indent}  <attvalue${attrs({ for: id, value: String(v) })}/>`),
      `${indent}</attvalues>`,
    ];
  };
  for (const n of g.nodes) {
    out.push(`      <node${attrs({ id: n.id, label: n.label })}>`);
    out.push(...attvalues(NODE_ATTRS.map((a) => [a.id, a.get(n)]), '        '));
    out.push('      </node>');
  }
  out.push('    </nodes>', '    <edges>');
  for (const e of g.edges) {
    const type = isDirected(e.type) ? undefined : 'undirected';
    // GEXF's own edge weight (Gephi sizes edges by it), also kept as an attribute like GraphML's.
    const weight = present(e.weight) ? String(e.weight) : undefined;
    out.push(`      <edge${attrs({ id: e.id, source: e.source, target: e.target, type, label: e.type, weight })}>`);
    out.push(...attvalues(EDGE_ATTRS.map((a) => [a.id, a.get(e)]), '        '));
    out.push('      </edge>');
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}
