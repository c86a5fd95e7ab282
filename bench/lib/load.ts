/**
 * Load generation: autocannon against a GraphQL endpoint (loopback), and the raw-Cypher floor,
 * a closed loop of N concurrent workers replaying an operation's statements with neo4j-driver.
 */
import autocannon from 'autocannon';
import type { Driver } from 'neo4j-driver';
import { cypher } from '../../src/graph/cypher';
import { withIntegers } from '../../src/graph/db';
import type { GraphqlRequest } from './operations';

export interface LoadResult {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
}

export async function graphql(url: string, req: GraphqlRequest, timeoutMs = 120_000): Promise<{ data?: unknown; errors?: { message: string }[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(req),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return (await res.json()) as { data?: unknown; errors?: { message: string }[] };
}

export async function cannon(url: string, req: GraphqlRequest, connections: number, seconds: number): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(req),
    connections,
    duration: seconds,
    timeout: 60,
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.total / seconds,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * A statement as the API sent it: its name (cypher/<name>.cypher, or the compiler's name for a
 * statement it assembled), its text and its parameters as the driver received them.
 */
export interface Statement {
  name: string;
  params: Record<string, unknown>;
  /** Absent: cypher(name) with the parameters as JavaScript values. */
  text?: string;
}

/** The door's coercion (src/graph/db.ts), so the floor sends what the API sends. */
const cypherParams = (params: Record<string, unknown>) => withIntegers(params) as Record<string, unknown>;

/**
 * One operation at the floor: its statements in order, each an auto-commit read as the API's door
 * sends it (src/graph/db.ts), rows materialised.
 */
export async function replay(driver: Driver, statements: Statement[]): Promise<number> {
  let rows = 0;
  for (const s of statements) {
    const session = driver.session({ defaultAccessMode: 'READ' });
    try {
      const res = await (s.text !== undefined ? session.run(s.text, s.params) : session.run(cypher(s.name), cypherParams(s.params)));
      rows += res.records.map((r) => r.toObject()).length;
    } finally {
      await session.close();
    }
  }
  return rows;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function floorLoad(driver: Driver, statements: Statement[], connections: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < deadline) {
      const t = process.hrtime.bigint();
      try {
        await replay(driver, statements);
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), rps: latencies.length / seconds, requests: latencies.length, errors };
}

export function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
