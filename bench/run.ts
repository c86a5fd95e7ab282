/**
 * The benchmark, one command: `npm run bench` (or `node dist/bench/run.js [options]`).
 *
 *   --quick              3 s per measurement, 1 and 10 connections, corpus sizes 100 and 1000
 *   --duration S         seconds per measurement (default 10)
 *   --connections 1,10,50
 *   --repeats N          measurements per cell, interleaved across variants; medians reported (default 1)
 *   --sizes 100,1000,10000   synthetic corpus sizes for the scale section
 *   --render             only rewrite BENCHMARKS.md from bench/results/latest.json
 *   --only ingest,api,scale  sections to run (default all); results of sections not run are kept
 *                            from bench/results/latest.json, so BENCHMARKS.md stays whole
 *
 * Sections: ingest (seeds: extraction MB/s, writes/s), api (ours vs @neo4j/graphql vs naive vs
 * raw Cypher, round trips), scale (synthetic corpus: ingestion time and latency per size).
 * Everything runs on loopback against the benchmark's own Neo4j (bench/lib/setup.ts).
 */
import 'reflect-metadata';
import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as readline from 'readline';
import neo4j, { type Driver } from 'neo4j-driver';
import { startServer } from '../src/api/server';
import { checkInput, extractDocument } from '../src/extract/pipeline';
import { cypher } from '../src/graph/cypher';
import { packageRoot, RELATION_TYPES } from '../src/model';
import { ensureCorpus } from './corpus';
import { cannon, floorLoad, graphql, LoadResult, median, Statement } from './lib/load';
import { OpName, operations, Operation, pageQueries, Targets } from './lib/operations';
import { connect, IngestMeasure, neo4jVersion, resetGraph, timedIngest } from './lib/setup';
import { renderMarkdown } from './lib/report';

export interface Options {
  duration: number;
  connections: number[];
  repeats: number;
  sizes: number[];
  only: Set<string>;
  quick: boolean;
}

export type Variant = 'floor' | 'ours' | 'naive' | 'theirs';
export const VARIANTS: Variant[] = ['floor', 'ours', 'naive', 'theirs'];

export interface Cell {
  op: OpName;
  connections: number;
  variant: Variant;
  runs: LoadResult[];
}

export interface RunMeta {
  date: string;
  commit: string;
  options: Record<string, unknown>;
}

export interface Results {
  machine?: Record<string, string | number>;
  /** When and how each section was last measured (sections may come from different runs). */
  runs?: Partial<Record<'ingest' | 'api' | 'scale', RunMeta>>;
  options?: Record<string, unknown>;
  ingest?: { seeds: IngestMeasure; extractOnly: { bytes: number; seconds: number[] }; load: number[] };
  api?: {
    targets: Targets;
    ops: { name: OpName; label: string; theirsNote: string; statements: string[] }[];
    roundTrips: { op: OpName; batched: number; naive: number }[];
    responseBytes: Record<string, Record<Variant, number>>;
    cells: Cell[];
    load: number[];
  };
  scale?: {
    sizes: {
      docs: number;
      corpusBytes: number;
      ingest: IngestMeasure;
      cumulativeSeconds: number;
      graph: { entities: number; relations: number; mentions: number };
      /** The operations from the best connected entity, then (op name + " (typical)") from a typical one. */
      latency: { op: string; p50: number; p99: number; rps1: number; rps10: number }[];
    }[];
    load: number[];
  };
}

const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const resultsDir = () => path.join(packageRoot(), 'bench', 'results');

function parseOptions(argv: string[]): Options {
  const get = (n: string) => {
    const i = argv.indexOf(n);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const list = (s: string | undefined, d: number[]) => (s ? s.split(',').map(Number) : d);
  const quick = argv.includes('--quick');
  const opts: Options = {
    quick,
    duration: Number(get('--duration') ?? (quick ? 3 : 10)),
    connections: list(get('--connections'), quick ? [1, 10] : [1, 10, 50]),
    repeats: Number(get('--repeats') ?? 1),
    sizes: list(get('--sizes'), quick ? [100, 1000] : [100, 1000, 10000]),
    only: new Set((get('--only') ?? 'ingest,api,scale').split(',')),
  };
  for (const n of [opts.duration, opts.repeats, ...opts.connections, ...opts.sizes]) {
    if (!Number.isFinite(n) || n <= 0) throw new Error(`bad option value ${n}; see the usage at the top of bench/run.ts`);
  }
  return opts;
}

function gitHead(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: packageRoot(), encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function machine(neo4j: string): Record<string, string | number> {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 1e9),
    node: process.version,
    neo4j,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
    loadAtStart: os.loadavg()[0].toFixed(1),
    commit: gitHead(),
  };
}

// ---------------------------------------------------------------- ingest (seeds)

async function ingestSection(driver: Driver): Promise<NonNullable<Results['ingest']>> {
  const load = [os.loadavg()[0]];
  await resetGraph(driver);
  const seedsDir = path.join(packageRoot(), 'seeds');
  log('ingesting the seeds');
  const seeds = await timedIngest(driver, [seedsDir]);
  if (seeds.failed.length) log(`seeds that failed: ${JSON.stringify(seeds.failed)}`);
  // Extraction alone, no database: three passes over the seeds, median.
  const files = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => path.join(seedsDir, f));
  const texts = files.map((f) => {
    const c = checkInput(fs.readFileSync(f), path.basename(f));
    if (!c.ok) throw new Error(c.error);
    return { file: path.basename(f), text: c.text, bytes: fs.statSync(f).size };
  });
  const seconds: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const t = process.hrtime.bigint();
    for (const x of texts) extractDocument(x.text, x.file);
    seconds.push(Number(process.hrtime.bigint() - t) / 1e9);
  }
  load.push(os.loadavg()[0]);
  return { seeds, extractOnly: { bytes: texts.reduce((n, x) => n + x.bytes, 0), seconds }, load };
}

// ---------------------------------------------------------------- servers

interface Child {
  url: string;
  proc: ChildProcess;
}

async function spawnServer(variant: 'ours' | 'naive' | 'theirs'): Promise<Child> {
  const proc = spawn(process.execPath, [path.join(__dirname, 'server.js'), variant], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  const rl = readline.createInterface({ input: proc.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    rl.once('line', (line) => resolve(JSON.parse(line).url));
    proc.once('exit', (code) => reject(new Error(`bench server ${variant} exited with ${code}`)));
  });
  return { url, proc };
}

async function stopServer(c: Child): Promise<void> {
  await new Promise<void>((resolve) => {
    c.proc.once('exit', () => resolve());
    c.proc.kill('SIGTERM');
  });
}

// ---------------------------------------------------------------- targets and recordings

async function mostConnected(driver: Driver): Promise<string> {
  const res = await driver.executeQuery(cypher('api-most-connected'), { types: [...RELATION_TYPES], limit: neo4j.int(1) });
  const id = (res.records[0]?.get('e') as { id?: string } | undefined)?.id;
  if (!id) throw new Error('the graph has no typed relation: ingest the seeds first');
  return id;
}

/** An entity of median typed degree (among those with typed relations): what most look-ups start from. */
async function typicalEntity(driver: Driver): Promise<string> {
  const res = await driver.executeQuery(
    'MATCH (e:Entity) WITH e, COUNT { (e)-[r]-() WHERE type(r) IN $types } AS degree WHERE degree > 0 ' +
      'WITH e, degree ORDER BY degree, e.id WITH collect(e.id) AS ids RETURN ids[size(ids) / 2] AS id',
    { types: [...RELATION_TYPES] },
  );
  return String(res.records[0].get('id'));
}

/** Our API in-process with a round-trip recorder: the statements each operation sends. */
async function record(driver: Driver, batching: boolean, fn: (url: string, take: () => Statement[]) => Promise<void>): Promise<void> {
  let seen: Statement[] = [];
  const server = await startServer({ driver, batching, writeToken: null, onQuery: (name, params) => seen.push({ name, params }) }, 0, '127.0.0.1');
  try {
    await fn(`http://127.0.0.1:${server.port}/graphql`, () => {
      const s = seen;
      seen = [];
      return s;
    });
  } finally {
    await server.close();
  }
}

async function targetsFor(driver: Driver, theirsUrl: string | null, entityId: string): Promise<Targets> {
  const t: Targets = { entityId, searchText: 'المخدرات والجريمة', pageSize: 20, ourAfter: null, theirAfter: null };
  const q = pageQueries();
  await record(driver, true, async (url) => {
    const r = (await graphql(url, { query: q.ours, variables: { first: t.pageSize, after: null } })) as { data?: { entities: { pageInfo: { endCursor: string } } } };
    t.ourAfter = r.data?.entities.pageInfo.endCursor ?? null;
  });
  if (theirsUrl) {
    const r = (await graphql(theirsUrl, { query: q.theirs, variables: { first: t.pageSize, after: null } })) as {
      data?: { entitiesConnection: { pageInfo: { endCursor: string } } };
    };
    t.theirAfter = r.data?.entitiesConnection.pageInfo.endCursor ?? null;
  }
  return t;
}

async function statementsOf(driver: Driver, ops: Operation[], batching: boolean): Promise<Map<OpName, Statement[]>> {
  const out = new Map<OpName, Statement[]>();
  await record(driver, batching, async (url, take) => {
    for (const op of ops) {
      take();
      const r = await graphql(url, op.ours);
      if (r.errors) throw new Error(`${op.name} (batching ${batching}): ${r.errors.map((e) => e.message).join('; ')}`);
      out.set(op.name, take());
    }
  });
  return out;
}

// ---------------------------------------------------------------- api

async function settle(driver: Driver, maxSeconds = 180): Promise<void> {
  const deadline = Date.now() + maxSeconds * 1000;
  while (Date.now() < deadline) {
    const res = await driver.executeQuery('SHOW TRANSACTIONS YIELD transactionId RETURN count(*) AS n');
    if (Number(res.records[0].get('n')) <= 1) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  log('settle: transactions still running after ' + maxSeconds + ' s; going on');
}

async function apiSection(driver: Driver, o: Options): Promise<NonNullable<Results['api']>> {
  const load = [os.loadavg()[0]];
  const entityId = await mostConnected(driver);
  log(`servers starting (2-level and neighbourhood start from ${entityId})`);
  const servers: Record<'ours' | 'naive' | 'theirs', Child> = {
    ours: await spawnServer('ours'),
    naive: await spawnServer('naive'),
    theirs: await spawnServer('theirs'),
  };
  try {
    const targets = await targetsFor(driver, servers.theirs.url, entityId);
    const ops = operations(targets);
    const batched = await statementsOf(driver, ops, true);
    const naive = await statementsOf(driver, ops, false);
    const roundTrips = ops.map((op) => ({ op: op.name, batched: batched.get(op.name)!.length, naive: naive.get(op.name)!.length }));
    log(`round trips batched/naive: ${roundTrips.map((r) => `${r.op} ${r.batched}/${r.naive}`).join(', ')}`);

    // Every variant answers every operation without errors before anything is timed (and warms up plans).
    const responseBytes: Record<string, Record<Variant, number>> = {};
    for (const op of ops) {
      responseBytes[op.name] = { floor: 0, ours: 0, naive: 0, theirs: 0 };
      for (const v of ['ours', 'naive', 'theirs'] as const) {
        const req = v === 'theirs' ? op.theirs : op.ours;
        for (let i = 0; i < 3; i++) {
          const r = await graphql(servers[v].url, req);
          if (r.errors) throw new Error(`${v} ${op.name}: ${r.errors.map((e) => e.message).join('; ')}`);
          responseBytes[op.name][v] = JSON.stringify(r).length;
        }
      }
    }

    const cells: Cell[] = [];
    const total = ops.length * o.connections.length * o.repeats * VARIANTS.length;
    let done = 0;
    for (const op of ops) {
      for (const c of o.connections) {
        const row = new Map<Variant, Cell>(VARIANTS.map((v) => [v, { op: op.name, connections: c, variant: v, runs: [] }]));
        for (let rep = 0; rep < o.repeats; rep++) {
          // Interleaved: a burst of load from the other developers hits all variants alike.
          for (const v of VARIANTS) {
            const res =
              v === 'floor'
                ? await floorLoad(driver, batched.get(op.name)!, c, o.duration)
                : await cannon(servers[v].url, v === 'theirs' ? op.theirs : op.ours, c, o.duration);
            row.get(v)!.runs.push(res);
            if (v === 'naive') {
              // Naive requests still running when the clients stop (a 2-level one is ~900 round
              // trips) would weigh on the next variant: drop them with their server.
              servers.naive.proc.kill('SIGKILL');
              servers.naive = await spawnServer('naive');
            }
            await settle(driver, 60);
            done++;
            log(`${done}/${total} ${op.name} c=${c} ${v}: p50 ${res.p50.toFixed(1)} ms, p99 ${res.p99.toFixed(1)} ms, ${res.rps.toFixed(1)} req/s${res.errors ? `, ${res.errors} errors` : ''}`);
          }
        }
        cells.push(...row.values());
      }
    }
    load.push(os.loadavg()[0]);
    return {
      targets,
      ops: ops.map((op) => ({ name: op.name, label: op.label, theirsNote: op.theirsNote, statements: batched.get(op.name)!.map((s) => s.name) })),
      roundTrips,
      responseBytes,
      cells,
      load,
    };
  } finally {
    for (const s of Object.values(servers)) await stopServer(s);
  }
}

// ---------------------------------------------------------------- scale

async function graphCounts(driver: Driver) {
  const res = await driver.executeQuery(
    'MATCH (e:Entity) WITH count(e) AS entities CALL { MATCH ()-[r]->() WHERE type(r) IN $types RETURN count(r) AS relations } ' +
      'CALL { MATCH ()-[m:MENTIONS]->() RETURN count(m) AS mentions } RETURN entities, relations, mentions',
    { types: [...RELATION_TYPES] },
  );
  const r = res.records[0];
  return { entities: Number(r.get('entities')), relations: Number(r.get('relations')), mentions: Number(r.get('mentions')) };
}

async function scaleSection(driver: Driver, o: Options, partial: (r: NonNullable<Results['scale']>) => void): Promise<NonNullable<Results['scale']>> {
  const load = [os.loadavg()[0]];
  const sizes = [...o.sizes].sort((a, b) => a - b);
  log(`generating the synthetic corpus (${sizes[sizes.length - 1]} documents)`);
  const corpus = ensureCorpus({ docs: sizes[sizes.length - 1] });
  await resetGraph(driver);
  const out: NonNullable<Results['scale']>['sizes'] = [];
  const seconds = Math.max(3, o.duration);
  let prev = 0;
  let cumulative = 0;
  for (const n of sizes) {
    log(`scale: ingesting documents ${prev}..${n - 1}`);
    const m = await timedIngest(driver, corpus.files.slice(prev, n));
    cumulative += m.seconds;
    log(`scale: ${n} documents, ${cumulative.toFixed(0)} s so far (${m.failed.length} failed)`);
    prev = n;
    const server = await spawnServer('ours');
    try {
      // Same operations at every size; the start entity is the best connected one of this graph
      // (a hub: its degree grows with the corpus), then a typical one (median degree) for the
      // 2-level and neighbourhood queries.
      const targets = await targetsFor(driver, null, await mostConnected(driver));
      const typical = operations({ ...targets, entityId: await typicalEntity(driver) })
        .filter((op) => op.name === 'entity2' || op.name === 'neighbourhood')
        .map((op) => ({ ...op, name: `${op.name} (typical)` }));
      const latency = [];
      for (const op of [...operations(targets), ...typical]) {
        try {
          for (let i = 0; i < 3; i++) await graphql(server.url, op.ours);
        } catch (err) {
          // A 2-level query from a hub can outgrow the fetch timeout: report it, keep measuring the others.
          log(`scale ${n}: ${op.name} warm-up failed (${err instanceof Error ? err.message : String(err)})`);
          latency.push({ op: op.name, p50: NaN, p99: NaN, rps1: 0, rps10: 0 });
          continue;
        }
        const one = await cannon(server.url, op.ours, 1, seconds);
        const ten = await cannon(server.url, op.ours, 10, seconds);
        latency.push({ op: op.name, p50: one.p50, p99: one.p99, rps1: one.rps, rps10: ten.rps });
        log(`scale ${n}: ${op.name} p50 ${one.p50} ms, ${ten.rps.toFixed(1)} req/s at 10`);
      }
      out.push({
        docs: n,
        corpusBytes: corpus.files.slice(0, n).reduce((s, f) => s + fs.statSync(f).size, 0),
        ingest: m,
        cumulativeSeconds: cumulative,
        graph: await graphCounts(driver),
        latency,
      });
      partial({ sizes: out, load: [...load, os.loadavg()[0]] }); // a long run keeps what it measured
    } finally {
      await stopServer(server);
    }
  }
  load.push(os.loadavg()[0]);
  return { sizes: out, load };
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  // Access logs to a pipe would be measured too (and @neo4j/graphql logs nothing): warnings only.
  process.env.LOG_LEVEL ||= 'warn';
  fs.mkdirSync(resultsDir(), { recursive: true });
  const latestFile = path.join(resultsDir(), 'latest.json');
  const results: Results = fs.existsSync(latestFile) ? JSON.parse(fs.readFileSync(latestFile, 'utf8')) : {};
  if (process.argv.includes('--render')) {
    fs.writeFileSync(path.join(packageRoot(), 'BENCHMARKS.md'), renderMarkdown(results));
    return;
  }
  const driver = await connect(log);
  // Sections this run measured replace those on disk; the others are kept (a concurrent or earlier
  // run with other --only sections may have written them).
  const save = () => {
    const disk: Results = fs.existsSync(latestFile) ? JSON.parse(fs.readFileSync(latestFile, 'utf8')) : {};
    results.runs = { ...disk.runs, ...results.runs };
    for (const k of ['ingest', 'api', 'scale'] as const) {
      if (!o.only.has(k) && disk[k]) {
        (results as Record<string, unknown>)[k] = disk[k];
        if (disk.runs?.[k]) results.runs[k] = disk.runs[k];
      } else if (o.only.has(k)) {
        results.runs[k] = { date: String(results.machine?.date), commit: String(results.machine?.commit), options: { ...o, only: [...o.only] } };
      }
    }
    fs.writeFileSync(latestFile, JSON.stringify(results, null, 1));
    fs.writeFileSync(path.join(packageRoot(), 'BENCHMARKS.md'), renderMarkdown(results));
  };
  try {
    results.machine = machine(await neo4jVersion(driver));
    results.options = { ...o, only: [...o.only] };
    // The api section measures the seeds graph, so it (re)builds it whether or not ingest is reported.
    if (o.only.has('ingest') || o.only.has('api')) {
      const ingest = await ingestSection(driver);
      if (o.only.has('ingest')) results.ingest = ingest;
      save();
    }
    if (o.only.has('api')) {
      results.api = await apiSection(driver, o);
      save();
    }
    if (o.only.has('scale')) {
      results.scale = await scaleSection(driver, o, (partialScale) => {
        results.scale = partialScale;
        save();
      });
      save();
    }
    results.machine.loadAtEnd = os.loadavg()[0].toFixed(1);
    save();
    fs.writeFileSync(path.join(resultsDir(), `${results.machine.date}.json`.replace(/:/g, '-')), JSON.stringify(results, null, 1));
    log('wrote BENCHMARKS.md and bench/results/latest.json');
  } finally {
    await driver.close();
  }
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
