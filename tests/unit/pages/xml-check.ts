/** Parses GraphML/GEXF exports into plain node/edge lists (shared by the unit and integration tests). */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface ParsedGraph {
  root: string;
  nodes: { id: string; label?: string; attrs: Record<string, string> }[];
  edges: { id: string; source: string; target: string; directed?: string; label?: string; attrs: Record<string, string> }[];
  raw: Record<string, unknown>;
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function parse(xml: string): Record<string, unknown> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true,
  });
  return parser.parse(xml) as Record<string, unknown>;
}

type El = Record<string, unknown>;
const text = (d: unknown): string => (typeof d === 'object' && d !== null ? String((d as El)['#text'] ?? '') : String(d ?? ''));

export function parseGraphML(xml: string): ParsedGraph {
  const raw = parse(xml);
  const root = raw.graphml as El;
  if (!root) throw new Error('no <graphml> root');
  const graph = root.graph as El;
  const datas = (el: El) =>
    Object.fromEntries(asArray(el.data as El | El[]).map((d) => [String(d['@key']), text(d)]));
  return {
    root: 'graphml',
    raw,
    nodes: asArray(graph.node as El | El[]).map((n) => {
      const attrs = datas(n);
      return { id: String(n['@id']), label: attrs.label, attrs };
    }),
    edges: asArray(graph.edge as El | El[]).map((e) => ({
      id: String(e['@id']),
      source: String(e['@source']),
      target: String(e['@target']),
      directed: e['@directed'] as string | undefined,
      attrs: datas(e),
    })),
  };
}

export function parseGEXF(xml: string): ParsedGraph {
  const raw = parse(xml);
  const root = raw.gexf as El;
  if (!root) throw new Error('no <gexf> root');
  const graph = root.graph as El;
  const values = (el: El) =>
    Object.fromEntries(
      asArray(((el.attvalues as El | undefined)?.attvalue as El | El[] | undefined) ?? []).map((a) => [String(a['@for']), String(a['@value'])]),
    );
  return {
    root: 'gexf',
    raw,
    nodes: asArray((graph.nodes as El | undefined)?.node as El | El[]).map((n) => ({
      id: String(n['@id']),
      label: n['@label'] as string,
      attrs: values(n),
    })),
    edges: asArray((graph.edges as El | undefined)?.edge as El | El[]).map((e) => ({
      id: String(e['@id']),
      source: String(e['@source']),
      target: String(e['@target']),
      directed: e['@type'] as string | undefined,
      label: e['@label'] as string | undefined,
      attrs: values(e),
    })),
  };
}
