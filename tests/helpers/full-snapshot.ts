/**
 * The whole graph, every node and relationship with ALL its properties, as sorted comparable
 * strings: entity names, aliases, search keys and counts included (they no longer depend on the
 * order documents arrived in), so "equals a fresh ingest" is checked property for property.
 */
import type { Driver } from 'neo4j-driver';
import { cypher } from '../../src/graph/cypher';

export interface FullSnapshot {
  nodes: string[];
  rels: string[];
}

// rankRel (src/graph/rank.ts) holds element ids: the store's identities, not the graph's content.
const sorted = (v: unknown) =>
  JSON.stringify(v, (k, x) => k === 'rankRel' && Array.isArray(x) ? `${x.length} element ids` : (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

export async function fullSnapshot(driver: Driver): Promise<FullSnapshot> {
  const rec = (await driver.executeQuery(cypher('graph-snapshot'))).records[0];
  const nodes = (rec.get('nodes') as { labels: string[] }[]).map((n) => sorted({ ...n, labels: [...n.labels].sort() }));
  return { nodes: nodes.sort(), rels: (rec.get('rels') as unknown[]).map(sorted).sort() };
}

/** The differences between two snapshots, for a readable failure. */
export function snapshotDiff(a: FullSnapshot, b: FullSnapshot): { onlyInFirst: string[]; onlyInSecond: string[] } {
  const sa = new Set([...a.nodes, ...a.rels]);
  const sb = new Set([...b.nodes, ...b.rels]);
  return { onlyInFirst: [...sa].filter((x) => !sb.has(x)).slice(0, 5), onlyInSecond: [...sb].filter((x) => !sa.has(x)).slice(0, 5) };
}
