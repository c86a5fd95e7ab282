/** Whole-graph maintenance used by tests, benchmarks and operators. */
import type { Driver } from 'neo4j-driver';
import { cypher, cypherStatements } from './cypher';

export interface GraphCounts {
  nodes: number;
  relationships: number;
  /** Documents ingested with their text (cited-only Document nodes excluded). */
  documents: number;
}

export async function graphCounts(driver: Driver, database?: string): Promise<GraphCounts> {
  const res = await driver.executeQuery(cypher('graph-counts'), {}, { database, routing: 'READ' });
  const r = res.records[0];
  return { nodes: Number(r.get('nodes')), relationships: Number(r.get('relationships')), documents: Number(r.get('documents')) };
}

/** Removes every node and relationship; the schema stays. */
export async function wipeGraph(driver: Driver, database?: string): Promise<void> {
  const session = driver.session({ database });
  try {
    // CALL IN TRANSACTIONS needs auto-commit transactions; relationships go first (graph-wipe).
    for (const statement of cypherStatements('graph-wipe')) await session.run(statement);
  } finally {
    await session.close();
  }
}
