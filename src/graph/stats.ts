/** Whole-graph maintenance used by tests, benchmarks and operators. */
import type { Driver } from 'neo4j-driver';
import { cypherStatements } from './cypher';
import { readRows, runAutoCommit } from './db';

export interface GraphCounts {
  nodes: number;
  relationships: number;
  /** Documents ingested with their text (cited-only Document nodes excluded). */
  documents: number;
}

export async function graphCounts(driver: Driver, database?: string): Promise<GraphCounts> {
  const [r] = await readRows(driver, 'graph-counts', {}, database);
  return { nodes: Number(r.nodes), relationships: Number(r.relationships), documents: Number(r.documents) };
}

/** Removes every node and relationship; the schema stays. */
export async function wipeGraph(driver: Driver, database?: string): Promise<void> {
  // CALL IN TRANSACTIONS needs auto-commit transactions; relationships go first (graph-wipe).
  await runAutoCommit(driver, database, cypherStatements('graph-wipe').map((text) => ({ text })));
}
