/**
 * Applies cypher/schema.cypher (constraints, indexes, full-text index). Every statement is
 * `IF NOT EXISTS`, so this runs at every start; it waits until the indexes are online so that
 * the first ingest and the first search see them. Then the migrations of data written by earlier
 * versions (cypher/graph-migrate*.cypher: idempotent) run, unless the store's graph-format marker
 * (cypher/graph-format.cypher) says they already finished: each scans every entity or typed
 * relationship (78,000 of them at 10,000 documents), which an upgraded graph need not pay at
 * every start. A graph from a version before the marker has none and is upgraded, then marked.
 * A graph an older version wrote into after being marked is not supported; delete its
 * `GraphFormat` node and the next start migrates it again (`kg verify` reports the old shapes).
 */
import type { Driver } from 'neo4j-driver';
import { cypher, cypherStatements } from './cypher';
import { readRows, runAutoCommit } from './db';
import { buildRanks } from './rank';

/**
 * The format the migrations bring a graph to: one typed relationship per fact with positioned
 * evidence lists and a stored best entry (evBest), and `sortName`. A new migration appends its statement below and raises this.
 */
export const GRAPH_FORMAT = 1;

/** The migrations, in order, each an auto-commit statement (their folds commit in bounded transactions). */
const MIGRATIONS = [
  'graph-migrate',
  // One relationship per (type, from, to) ...
  'graph-migrate-relations',
  // ... then evidence sentences stored as text become positions in their paragraphs.
  'graph-migrate-evidence',
  // ... then every fact gets its stored best entry (evBest).
  'graph-migrate-best',
];

/** The graph-format marker of the store (0: none, a graph of a version before it). */
export async function graphFormat(driver: Driver, database?: string): Promise<number> {
  const [row] = await readRows(driver, 'graph-format', {}, database);
  return Number(row?.version ?? 0);
}

export async function applySchema(driver: Driver, opts: { database?: string; awaitSeconds?: number } = {}): Promise<number> {
  const statements = cypherStatements('schema');
  await runAutoCommit(driver, opts.database, [
    // Schema commands cannot share a transaction with each other; one auto-commit each.
    ...statements.map((text) => ({ text })),
    { text: cypher('graph-await-indexes'), params: { seconds: opts.awaitSeconds ?? 120 } },
  ]);
  if ((await graphFormat(driver, opts.database)) < GRAPH_FORMAT) {
    // Marked only once every migration finished: a start interrupted midway migrates again.
    await runAutoCommit(driver, opts.database, [
      ...MIGRATIONS.map((name) => ({ text: cypher(name) })),
      { text: cypher('graph-format-mark'), params: { version: GRAPH_FORMAT } },
    ]);
  }
  // Not behind the marker: it also ranks what a crash left stale, and follows KG_RANK_SIZE.
  await buildRanks(driver, opts);
  return statements.length;
}
