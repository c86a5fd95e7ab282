/**
 * The seeded graph for integration tests: schema applied and seeds/ ingested, once, into the
 * Neo4j given by the environment (tests/setup/global-setup.ts exports it). Idempotent: a seed
 * already stored is skipped by content hash, so every test file can call ensureSeeded().
 */
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { cypher } from '../../src/graph/cypher';
import { createDriver } from '../../src/graph/driver';
import { applySchema } from '../../src/graph/schema';
import { ingestPaths, type IngestSummary } from '../../src/ingest';
import { packageRoot } from '../../src/model';

export const SEEDS_DIR = path.join(packageRoot(), 'seeds');

export function seededDriver(): Driver {
  return createDriver();
}

export async function ensureSeeded(driver: Driver): Promise<IngestSummary> {
  await applySchema(driver);
  const summary = await ingestPaths(driver, [SEEDS_DIR]);
  if (summary.failed.length) {
    throw new Error(`seeding failed: ${summary.failed.map((f) => `${f.file}: ${f.error}`).join('; ')}`);
  }
  return summary;
}

export interface Snapshot {
  nodes: string[];
  rels: string[];
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

/**
 * The whole graph as sorted comparable strings. Entity display fields merged across documents
 * (names, aliases, search keys, kind properties) depend on the order documents arrived in, so
 * entities compare by id and labels; ingested documents, their paragraphs and contributions, and
 * every relationship compare with all their properties.
 */
export async function graphSnapshot(driver: Driver): Promise<Snapshot> {
  const res = await driver.executeQuery(cypher('graph-snapshot'));
  const rec = res.records[0];
  const nodes = (rec.get('nodes') as { labels: string[]; id: string; props: Record<string, unknown> }[]).map((n) => {
    const full = n.labels.includes('Paragraph') || n.labels.includes('Contribution') || n.props.sha256 !== undefined;
    return JSON.stringify({ labels: [...n.labels].sort(), id: n.id, props: full ? sortKeys(n.props) : undefined });
  });
  const rels = (rec.get('rels') as { type: string; from: string; to: string; props: Record<string, unknown> }[]).map((r) =>
    JSON.stringify({ type: r.type, from: r.from, to: r.to, props: sortKeys(r.props) }),
  );
  return { nodes: nodes.sort(), rels: rels.sort() };
}
