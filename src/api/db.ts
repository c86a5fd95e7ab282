/**
 * The API's only door to Neo4j: runs named, parameterised statements from cypher/api-*.cypher.
 * Every call is one round trip; `onQuery` lets tests and benchmarks count them.
 */
import neo4j, { Driver } from 'neo4j-driver';
import { cypher } from '../graph/cypher';

export type Row = Record<string, unknown>;

export interface DbOptions {
  database?: string;
  /** Called once per round trip with the statement's name (used to count them). */
  onQuery?: (name: string, params: Record<string, unknown>) => void;
}

/** JavaScript numbers reach Cypher as floats; LIMIT and friends need integers. */
function asCypherParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Number.isSafeInteger(v) ? neo4j.int(v as number) : v]));
}

export class Db {
  constructor(
    readonly driver: Driver,
    private readonly options: DbOptions = {},
  ) {}

  /** Runs cypher/<name>.cypher in a read transaction and returns its rows as plain objects. */
  async read(name: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    const text = cypher(name);
    this.options.onQuery?.(name, params);
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: 'READ' });
    try {
      const res = await session.executeRead((tx) => tx.run(text, asCypherParams(params)));
      return res.records.map((r) => r.toObject() as Row);
    } finally {
      await session.close();
    }
  }

  /** Checks the server answers; throws with the driver's reason otherwise. */
  async ping(): Promise<void> {
    await this.read('api-ping');
  }
}
