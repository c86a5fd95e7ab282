/**
 * The one door to Neo4j. Every statement the product sends goes through here:
 *
 * - one integer coercion (`withIntegers`): JavaScript numbers reach Cypher as FLOATs; whole
 *   numbers become INTEGERs except the real-number properties of FLOAT_KEYS;
 * - one "database unavailable" classification (`isUnavailable`), used by the API, the pages and
 *   ingestion to say "start Neo4j" instead of a driver stack;
 * - one timeout policy: reads end after KG_QUERY_TIMEOUT_MS (default 15 s), write transactions
 *   after KG_WRITE_TIMEOUT_MS (default 300 s, 0 = none), inside Neo4j itself, so a runaway
 *   statement frees its memory and locks.
 *
 * `Db` is the API's per-request reader (round trips counted through `onQuery`); `run` and
 * `writeTransaction` are the write path's.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { cypher } from './cypher';
import { observeCypher } from '../observability';

export type Row = Record<string, unknown>;

/**
 * Properties that are real numbers; every other whole number is an integer in the graph. Also the
 * `minConfidence` parameter: an INTEGER 0 and a FLOAT 0.5 made Neo4j plan a statement twice.
 */
export const FLOAT_KEYS: ReadonlySet<string> = new Set(['confidence', 'evConfidence', 'minConfidence']);

/**
 * The driver sends every JavaScript number as a FLOAT: offsets, counts, years and LIMITs would be
 * 12.0. Whole numbers become Neo4j INTEGERs here, at the boundary (the rows stay plain data).
 */
export function withIntegers(value: unknown, key = ''): unknown {
  if (neo4j.isInt(value)) return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) && !FLOAT_KEYS.has(key) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map((v) => withIntegers(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withIntegers(v, k)]));
  }
  return value;
}

/** Runs cypher/<name>.cypher in a transaction the caller opened. */
export function run(tx: ManagedTransaction, name: string, params: Record<string, unknown>) {
  return tx.run(cypher(name), withIntegers(params) as Record<string, unknown>);
}

function intEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min} (milliseconds), got "${raw}"`);
  return n;
}

/** Cypher transaction timeout for reads, ms (KG_QUERY_TIMEOUT_MS). */
export function readTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  return intEnv(env, 'KG_QUERY_TIMEOUT_MS', 15_000, 1);
}

/** Cypher transaction timeout for write transactions, ms (KG_WRITE_TIMEOUT_MS; 0 = no timeout). */
export function writeTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  return intEnv(env, 'KG_WRITE_TIMEOUT_MS', 300_000, 0);
}

/** The driver's transaction config for a timeout (0: the server's default). */
function txConfig(ms: number): { timeout?: number } {
  return ms > 0 ? { timeout: ms } : {};
}

/** The transaction config every write transaction gets: `session.executeWrite(work, writeConfig())`. */
export function writeConfig(): { timeout?: number } {
  return txConfig(writeTimeoutMs());
}

/** Runs `work` in one write transaction (retried by the driver on transient errors) under the write timeout. */
export async function writeTransaction<T>(driver: Driver, database: string | undefined, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite(work, writeConfig());
  } finally {
    await session.close();
  }
}

/** Runs cypher/<name>.cypher once as a read (outside the API: CLI, verify, ingestion's look-ups). */
export async function readRows(driver: Driver, name: string, params: Record<string, unknown> = {}, database?: string): Promise<Row[]> {
  const res = await driver.executeQuery(cypher(name), withIntegers(params) as Record<string, unknown>, {
    database,
    routing: neo4j.routing.READ,
    transactionConfig: txConfig(readTimeoutMs()),
  });
  return res.records.map((r) => r.toObject() as Row);
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

function unavailableCode(code: string): boolean {
  return UNAVAILABLE_CODES.has(code) || /ECONN|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|connect/.test(code) || code.startsWith('Neo.ClientError.Security');
}

/**
 * True when `err` (or what it wraps: GraphQL's originalError, a service's cause) says the
 * database cannot be reached or used (down, restarting, refused credentials), as opposed to a
 * statement that failed. The one classification of the product.
 */
export function isUnavailable(err: unknown): boolean {
  let e = err as { code?: unknown; originalError?: unknown; cause?: unknown } | undefined;
  for (let i = 0; e && typeof e === 'object' && i < 4; i++) {
    if (typeof e.code === 'string' && unavailableCode(e.code)) return true;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return false;
}

export interface DbOptions {
  database?: string;
  /** Called once per round trip with the statement's name (used to count them). */
  onQuery?: (name: string, params: Record<string, unknown>) => void;
  /** Statements in flight at once for this Db (one per request): keeps the naive mode from draining the pool. */
  maxConcurrent?: number;
  /** Statements slower than this (ms) are logged as slow; default KG_SLOW_MS. The start-up warm-up plans on purpose and says so itself. */
  slowMs?: number;
}

/** The API's reader: named, parameterised statements from cypher/, one round trip per call. */
export class Db {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly driver: Driver,
    private readonly options: DbOptions = {},
  ) {}

  /** Runs cypher/<name>.cypher in a read transaction and returns its rows as plain objects. */
  async read(name: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.readText(name, cypher(name), params);
  }

  /**
   * Runs a statement the compiler assembled from cypher/compiled-* fragments (src/api/compile);
   * `name` is what onQuery and the metrics see.
   */
  async readCompiled(name: string, text: string, params: Record<string, unknown>): Promise<Row[]> {
    return this.readText(name, text, params);
  }

  private async readText(name: string, text: string, params: Record<string, unknown>): Promise<Row[]> {
    this.options.onQuery?.(name, params);
    await this.acquire();
    try {
      const started = process.hrtime.bigint();
      const sent = withIntegers(params) as Record<string, unknown>;
      let rows: Row[];
      try {
        rows = await this.autoCommit(text, sent);
      } catch (err) {
        // What executeRead's retry loop gave: a transient failure (leader switch, deadlock,
        // a connection dropped) is tried once more before it reaches the caller.
        if (!neo4j.Neo4jError.isRetryable(err)) throw err;
        rows = await this.autoCommit(text, sent);
      }
      observeCypher(name, started, this.options.slowMs);
      return rows;
    } finally {
      this.release();
    }
  }

  /**
   * One read as an auto-commit statement: one message exchange with Neo4j instead of the three of
   * a transaction function (BEGIN+RUN, PULL, COMMIT), which was about a third of the client's CPU
   * and of the time per statement for short reads. A single statement needs no transaction of its
   * own; the timeout still ends runaway reads in Neo4j itself.
   */
  private async autoCommit(text: string, params: Record<string, unknown>): Promise<Row[]> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: 'READ' });
    try {
      const res = await session.run(text, params, txConfig(readTimeoutMs()));
      return res.records.map((r) => r.toObject() as Row);
    } finally {
      await session.close();
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
