/**
 * The API's only door to Neo4j: runs named, parameterised statements from cypher/api-*.cypher.
 * Every call is one round trip; `onQuery` lets tests and benchmarks count them.
 */
import neo4j, { Driver } from 'neo4j-driver';
import { cypher } from '../graph/cypher';
import { observeCypher } from '../observability';
import { queryTimeoutMs } from './guard/config';

export type Row = Record<string, unknown>;

export interface DbOptions {
  database?: string;
  /** Called once per round trip with the statement's name (used to count them). */
  onQuery?: (name: string, params: Record<string, unknown>) => void;
  /** Statements in flight at once for this Db (one per request): keeps the naive mode from draining the pool. */
  maxConcurrent?: number;
}

/** JavaScript numbers reach Cypher as floats; LIMIT and friends need integers. */
function asCypherParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Number.isSafeInteger(v) ? neo4j.int(v as number) : v]));
}

export class Db {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly driver: Driver,
    private readonly options: DbOptions = {},
  ) {}

  /** Runs cypher/<name>.cypher in a read transaction and returns its rows as plain objects. */
  async read(name: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    const text = cypher(name);
    this.options.onQuery?.(name, params);
    await this.acquire();
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: 'READ' });
    try {
      const started = process.hrtime.bigint();
      // The timeout ends runaway reads in Neo4j itself (KG_QUERY_TIMEOUT_MS, src/api/guard).
      const res = await session.executeRead((tx) => tx.run(text, asCypherParams(params)), { timeout: queryTimeoutMs() });
      observeCypher(name, started);
      return res.records.map((r) => r.toObject() as Row);
    } finally {
      await session.close();
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.running < (this.options.maxConcurrent ?? 16)) {
      this.running++;
      return;
    }
    // The releasing call hands its slot over directly.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  /** Checks the server answers; throws with the driver's reason otherwise. */
  async ping(): Promise<void> {
    await this.read('api-ping');
  }
}
