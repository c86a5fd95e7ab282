/**
 * Bounded load test (loopback only): N concurrent clients send mixed GraphQL queries for D seconds
 * to the real API, which runs in its own process so its memory is measured alone.
 *
 *   npm run build && node dist/bench/load.js [--clients 50] [--seconds 30] [--no-seed] [--ingest 100]
 *
 * `--ingest N`: meanwhile, one writer sends N new documents (cut from the seeds, each with its own
 * symbol) through the `ingestDocument` mutation, evenly spread over the measured period (a busy
 * queue, INGEST_BUSY, is retried after 1 s); they are removed again with `removeDocument` after
 * the measurement. The writes' figures are reported beside the reads'.
 *
 * Neo4j: NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD or the local server of scripts/neo4j
 * (NEO4J_BOLT_PORT). The seeds are ingested first (skipped when already stored).
 * Passes (exit 0) when no request failed (HTTP status other than 200, a GraphQL error, a network
 * error or a 30 s timeout) and the server's heap after GC grew by less than --max-heap-growth MB
 * (default 32) and its RSS by less than --max-rss-growth MB (default 128) between the end of the
 * warm-up and the end of the run. Prints the figures as one JSON object.
 */
import 'reflect-metadata';
import { fork, ChildProcess } from 'child_process';
import * as path from 'path';

interface Mem {
  rss: number;
  heapUsed: number;
}

type Msg = { type: 'url'; url: string } | { type: 'mem'; mem: Mem };

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

// ---- server side: `node --expose-gc dist/bench/load.js --serve` (forked with an IPC channel) ----

async function serve(): Promise<void> {
  const { createDriver, neo4jConfig } = await import('../src/graph/driver');
  const { startServer } = await import('../src/api/server');
  const cfg = neo4jConfig();
  const driver = createDriver(cfg);
  const server = await startServer({ driver, database: cfg.database, writeToken: process.env.KG_LOAD_WRITE_TOKEN || null }, 0, '127.0.0.1');
  const send = (m: Msg) => process.send!(m);
  process.on('message', (m: { type: string }) => {
    if (m.type === 'mem') {
      (global as { gc?: () => void }).gc?.();
      const u = process.memoryUsage();
      send({ type: 'mem', mem: { rss: u.rss, heapUsed: u.heapUsed } });
    } else if (m.type === 'stop') {
      void server.close().then(() => driver.close()).then(() => process.exit(0));
    }
  });
  send({ type: 'url', url: `${server.url.replace('localhost', '127.0.0.1')}/graphql` });
}

// ---- client side ----

export interface Op {
  name: string;
  query: string;
  variables: () => Record<string, unknown>;
}

function pick<T>(xs: T[]): T {
  return xs[Math.floor(Math.random() * xs.length)];
}

/** Two different ids (a path from an entity to itself is refused as bad input). */
function pickTwo(ids: string[]): { a: string; b: string } {
  const a = pick(ids);
  let b = pick(ids);
  while (b === a && ids.length > 1) b = pick(ids);
  return { a, b };
}

/** The query mix (also used by tests/integration/load.test.ts for a correctness check). */
export function operations(entityIds: string[], documentIds: string[]): Op[] {
  const words = ['الأمم المتحدة', 'الاتجار بالأشخاص', 'يونيسيف', 'UNODC', 'مكتب الأمم المتحدة المعني بالمخدرات والجريمة', 'human rights', 'المغرب', 'بروتوكول'];
  return [
    { name: 'search', query: 'query S($t: String!) { search(text: $t, first: 10) { score entity { id name kind } } }', variables: () => ({ t: pick(words) }) },
    {
      name: 'entity',
      query: 'query E($id: ID!) { entity(id: $id) { id name kind aliases mentionCount relations { type direction entity { id name } } mentions(first: 5) { text start end } } }',
      variables: () => ({ id: pick(entityIds) }),
    },
    { name: 'entities', query: 'query L($n: Int!) { entities(first: $n) { edges { cursor node { id name kind } } pageInfo { hasNextPage endCursor } } }', variables: () => ({ n: 20 + Math.floor(Math.random() * 30) }) },
    {
      name: 'neighbourhood',
      query: 'query N($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 2, limit: 100) { nodes { id label kind } edges { id source target type } truncated } }',
      variables: () => ({ ids: [pick(entityIds)] }),
    },
    { name: 'document', query: 'query D($id: ID!) { document(id: $id) { id name mentionCount relations { type entity { id } } } }', variables: () => ({ id: pick(documentIds) }) },
    { name: 'stats', query: '{ stats { entities relations mentions byKind { kind count } } }', variables: () => ({}) },
    { name: 'timeline', query: '{ timeline(first: 50) { date kind entity { id name } } }', variables: () => ({}) },
    { name: 'path', query: 'query P($a: ID!, $b: ID!) { path(from: $a, to: $b, maxLength: 3) { nodes { id } edges { type } truncated } }', variables: () => pickTwo(entityIds) },
  ];
}

async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ ok: boolean; why?: string; code?: string }> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(120_000) });
    const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    if (res.status !== 200) return { ok: false, why: `HTTP ${res.status}` };
    if (body.errors?.length) return { ok: false, why: body.errors[0].message.slice(0, 200), code: body.errors[0].extensions?.code };
    return { ok: true };
  } catch (err) {
    return { ok: false, why: err instanceof Error ? err.message : String(err) };
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

/** N distinct documents cut from the seeds, each with its own symbol (a new one per run). */
function loadDocuments(n: number): { file: string; text: string }[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('fs') as typeof import('fs');
  const { packageRoot } = require('../src/model') as typeof import('../src/model');
  const dir = path.join(packageRoot(), 'seeds');
  const seeds = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const run = Date.now().toString(36);
  return Array.from({ length: n }, (_, i) => {
    const text = seeds[i % seeds.length];
    const size = 6000;
    const from = Math.max(0, Math.min(text.length - size, Math.floor(i / seeds.length) * 1500));
    const cut = text.indexOf(' ', from);
    const body = text.slice(cut < 0 ? 0 : cut, Math.min(text.length, from + size));
    return { file: `load-${run}-${i}.txt`, text: `A/LOAD/${run}/${i + 1}\n\n${body}\n` };
  });
}

async function main(): Promise<number> {
  const clients = arg('clients', 50);
  const seconds = arg('seconds', 30);
  const warmup = arg('warmup', 5);
  const maxHeapMb = arg('max-heap-growth', 32);
  const maxRssMb = arg('max-rss-growth', 128);
  const ingestN = arg('ingest', 0);
  const token = `load-${process.pid}-${Date.now()}`;
  if (ingestN > 0) process.env.KG_LOAD_WRITE_TOKEN = token;

  if (!process.argv.includes('--no-seed')) {
    const { createDriver } = await import('../src/graph/driver');
    const { applySchema } = await import('../src/graph/schema');
    const { ingestPaths } = await import('../src/ingest');
    const { packageRoot } = await import('../src/model');
    const driver = createDriver();
    try {
      await applySchema(driver);
      const s = await ingestPaths(driver, [path.join(packageRoot(), 'seeds')]);
      process.stderr.write(`seeds: ${s.ingested} ingested, ${s.unchanged} already stored, ${s.failed.length} failed\n`);
    } finally {
      await driver.close();
    }
  }

  // The server's logs go to our stderr so stdout stays one JSON result; slow-query warnings are
  // expected under this load, so only errors are logged unless LOG_LEVEL says otherwise.
  const child: ChildProcess = fork(__filename, ['--serve'], {
    execArgv: ['--expose-gc'],
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' },
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  const inbox: Msg[] = [];
  const waiters: ((m: Msg) => void)[] = [];
  child.on('message', (m: Msg) => (waiters.length ? waiters.shift()!(m) : inbox.push(m)));
  const next = () => new Promise<Msg>((resolve) => (inbox.length ? resolve(inbox.shift()!) : waiters.push(resolve)));
  const mem = async (): Promise<Mem> => {
    child.send({ type: 'mem' });
    const m = await next();
    if (m.type !== 'mem') throw new Error('unexpected message from the server');
    return m.mem;
  };
  const first = await next();
  if (first.type !== 'url') throw new Error('the server did not start');
  const url = first.url;
  if (!/^http:\/\/127\.0\.0\.1:/.test(url)) throw new Error(`refusing to load anything but loopback: ${url}`);

  // Ids to ask about, from the graph itself.
  const idsRes = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ entities(first: 200) { edges { node { id } } } documents(first: 50, ingestedOnly: true) { edges { node { id } } } }' }),
  });
  const ids = (await idsRes.json()) as { data: { entities: { edges: { node: { id: string } }[] }; documents: { edges: { node: { id: string } }[] } } };
  const entityIds = ids.data.entities.edges.map((e) => e.node.id);
  const documentIds = ids.data.documents.edges.map((e) => e.node.id);
  if (!entityIds.length || !documentIds.length) throw new Error('the graph is empty: ingest the seeds first (drop --no-seed)');
  const ops = operations(entityIds, documentIds);

  const latencies: number[] = [];
  const perOp: Record<string, { n: number; failed: number }> = {};
  const failures: Record<string, number> = {};
  let measuring = false;
  let stopAt = Date.now() + warmup * 1000;

  const client = async () => {
    while (Date.now() < stopAt) {
      const op = pick(ops);
      const t0 = performance.now();
      const r = await post(url, op.query, op.variables());
      if (!measuring) continue;
      latencies.push(performance.now() - t0);
      const s = (perOp[op.name] ??= { n: 0, failed: 0 });
      s.n++;
      if (!r.ok) {
        s.failed++;
        failures[`${op.name}: ${r.why}`] = (failures[`${op.name}: ${r.why}`] ?? 0) + 1;
      }
    }
  };

  // The writer: N new documents through the mutation, spread over the measured period.
  const writes = { sent: 0, ingested: 0, failed: 0, busyRetries: 0, latencies: [] as number[], failures: {} as Record<string, number>, removed: 0 };
  const docs = ingestN > 0 ? loadDocuments(ingestN) : [];
  const auth = { authorization: `Bearer ${token}` };
  const writer = async () => {
    const gap = (seconds * 1000) / Math.max(1, docs.length);
    for (const [i, d] of docs.entries()) {
      const slot = t0Writes + i * gap;
      if (Date.now() < slot) await new Promise((r) => setTimeout(r, slot - Date.now()));
      for (;;) {
        const t = performance.now();
        const r = await post(url, 'mutation($t: String!, $f: String!) { ingestDocument(text: $t, file: $f) { outcome } }', { t: d.text, f: d.file }, auth);
        if (r.code === 'INGEST_BUSY') {
          writes.busyRetries++;
          await new Promise((res) => setTimeout(res, 1000));
          continue;
        }
        writes.sent++;
        writes.latencies.push(performance.now() - t);
        if (r.ok) writes.ingested++;
        else {
          writes.failed++;
          writes.failures[r.why ?? '?'] = (writes.failures[r.why ?? '?'] ?? 0) + 1;
        }
        break;
      }
    }
  };
  let t0Writes = 0;

  process.stderr.write(`warm-up ${warmup} s with ${clients} clients...\n`);
  await Promise.all(Array.from({ length: clients }, client));
  const memStart = await mem();
  process.stderr.write(`measuring ${seconds} s with ${clients} clients against ${url}...\n`);
  measuring = true;
  const t0 = Date.now();
  stopAt = t0 + seconds * 1000;
  const samples: Mem[] = [memStart];
  const sampler = setInterval(() => void mem().then((m) => samples.push(m)), 5000);
  t0Writes = t0;
  const writing = docs.length ? writer() : Promise.resolve();
  await Promise.all(Array.from({ length: clients }, client));
  const readersDone = Date.now();
  await writing;
  const writesDone = Date.now();
  clearInterval(sampler);
  const elapsed = (Date.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 200)); // let a pending sample land
  const memEnd = await mem();
  const rssMax = Math.max(...samples.map((s) => s.rss), memEnd.rss);
  // Take the load documents back out (through the remove mutation).
  for (const d of docs) {
    const r = await post(url, 'mutation($d: String!) { removeDocument(document: $d) { documentId } }', { d: d.file }, auth);
    if (r.ok) writes.removed++;
  }
  child.send({ type: 'stop' });

  latencies.sort((a, b) => a - b);
  const failed = Object.values(perOp).reduce((n, s) => n + s.failed, 0);
  const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
  const heapGrowth = mb(memEnd.heapUsed - memStart.heapUsed);
  const rssGrowth = mb(memEnd.rss - memStart.rss);
  const result = {
    clients,
    seconds: Math.round(elapsed * 10) / 10,
    requests: latencies.length,
    failed,
    rps: Math.round(latencies.length / elapsed),
    latencyMs: { p50: Math.round(percentile(latencies, 50)), p95: Math.round(percentile(latencies, 95)), p99: Math.round(percentile(latencies, 99)), max: Math.round(latencies[latencies.length - 1] ?? 0) },
    perOperation: perOp,
    serverMemoryMb: {
      heapAfterGcStart: mb(memStart.heapUsed),
      heapAfterGcEnd: mb(memEnd.heapUsed),
      heapGrowth,
      rssStart: mb(memStart.rss),
      rssEnd: mb(memEnd.rss),
      rssGrowth,
      rssMax: mb(rssMax),
    },
    ...(docs.length
      ? {
          writes: {
            documents: docs.length,
            ingested: writes.ingested,
            failed: writes.failed,
            busyRetries: writes.busyRetries,
            latencyMs: (() => {
              const l = [...writes.latencies].sort((a, b) => a - b);
              return { p50: Math.round(percentile(l, 50)), p99: Math.round(percentile(l, 99)), max: Math.round(l[l.length - 1] ?? 0) };
            })(),
            writesEndedAfterReadersS: Math.round((writesDone - readersDone) / 100) / 10,
            removedAfterwards: writes.removed,
            failures: writes.failures,
          },
        }
      : {}),
    bounds: { maxHeapGrowthMb: maxHeapMb, maxRssGrowthMb: maxRssMb },
    failures,
  };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  const pass = failed === 0 && writes.failed === 0 && heapGrowth < maxHeapMb && rssGrowth < maxRssMb && latencies.length > 0;
  process.stderr.write(pass ? 'PASS\n' : 'FAIL\n');
  return pass ? 0 : 1;
}

if (require.main === module && process.argv.includes('--serve')) {
  serve().catch((err) => {
    process.stderr.write(`load server: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
} else if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`bench/load: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
