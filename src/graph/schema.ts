/**
 * Applies cypher/schema.cypher (constraints, indexes, full-text index). Every statement is
 * `IF NOT EXISTS`, so this runs at every start; it waits until the indexes are online so that
 * the first ingest and the first search see them; then the migrations of data written by earlier
 * versions run (cypher/graph-migrate*.cypher: idempotent, nothing to do once done).
 */
import type { Driver } from 'neo4j-driver';
import { cypher, cypherStatements } from './cypher';
import { runAutoCommit } from './db';
import { buildRanks } from './rank';

export async function applySchema(driver: Driver, opts: { database?: string; awaitSeconds?: number } = {}): Promise<number> {
  const statements = cypherStatements('schema');
  await runAutoCommit(driver, opts.database, [
    // Schema commands cannot share a transaction with each other; one auto-commit each.
    ...statements.map((text) => ({ text })),
    { text: cypher('graph-await-indexes'), params: { seconds: opts.awaitSeconds ?? 120 } },
    { text: cypher('graph-migrate') },
    // Auto-commit: the fold of old-shape relations commits in bounded transactions.
    { text: cypher('graph-migrate-relations') },
    // Then evidence sentences stored as text become positions in their paragraphs.
    { text: cypher('graph-migrate-evidence') },
    // Then every fact gets its stored best entry (evBest).
    { text: cypher('graph-migrate-best') },
  ]);
  await buildRanks(driver, opts);
  return statements.length;
}
