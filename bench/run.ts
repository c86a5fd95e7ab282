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
 * Sections, one file each in bench/sections/: ingest (seeds: extraction MB/s, writes/s), api (ours
 * vs @neo4j/graphql vs naive vs raw Cypher, round trips), scale (synthetic corpus: ingestion time,
 * latency per size from a hub and a typical entity). BENCHMARKS.md is rendered by bench/lib/report.ts.
 * Everything runs on loopback against the benchmark's own Neo4j (bench/lib/setup.ts).
 */
import 'reflect-metadata';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { packageRoot } from '../src/model';
import { renderMarkdown } from './lib/report';
import { SECTIONS, type Options, type Results } from './lib/results';
import { log } from './lib/servers';
import { benchEnv, connect, neo4jVersion } from './lib/setup';
import { apiSection } from './sections/api';
import { ingestSection } from './sections/ingest';
import { scaleSection } from './sections/scale';

const resultsDir = () => path.join(packageRoot(), 'bench', 'results');

export function parseOptions(argv: string[]): Options {
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
    only: new Set((get('--only') ?? SECTIONS.join(',')).split(',')),
  };
  for (const n of [opts.duration, opts.repeats, ...opts.connections, ...opts.sizes]) {
    if (!Number.isFinite(n) || n <= 0) throw new Error(`bad option value ${n}; see the usage at the top of bench/run.ts`);
  }
  const unknown = [...opts.only].filter((s) => !(SECTIONS as string[]).includes(s));
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')} in --only: use ${SECTIONS.join(', ')}`);
  return opts;
}

function gitHead(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: packageRoot(), encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** How the benchmark's Neo4j is sized (the local server's settings; a NEO4J_URI server is its own). */
function neo4jMemory(): string {
  const env = benchEnv();
  return env.NEO4J_URI ? `server at NEO4J_URI` : `local, scripts/neo4j, heap ${env.NEO4J_HEAP || '1g'}, page cache ${env.NEO4J_PAGECACHE}`;
}

function machine(neo4j: string): Record<string, string | number> {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 1e9),
    node: process.version,
    neo4j,
    neo4jMemory: neo4jMemory(),
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
    loadAtStart: os.loadavg()[0].toFixed(1),
    commit: gitHead(),
  };
}

async function main(): Promise<void> {
  const latestFile = path.join(resultsDir(), 'latest.json');
  const readLatest = (): Results => (fs.existsSync(latestFile) ? JSON.parse(fs.readFileSync(latestFile, 'utf8')) : {});
  if (process.argv.includes('--render')) {
    fs.writeFileSync(path.join(packageRoot(), 'BENCHMARKS.md'), renderMarkdown(readLatest()));
    return;
  }
  const o = parseOptions(process.argv.slice(2));
  // Access logs to a pipe would be measured too (and @neo4j/graphql logs nothing): warnings only.
  process.env.LOG_LEVEL ||= 'warn';
  fs.mkdirSync(resultsDir(), { recursive: true });
  const results: Results = readLatest();
  const driver = await connect(log);
  // Sections this run measured replace those on disk; the others are kept (a concurrent or earlier
  // run with other --only sections may have written them).
  const save = () => {
    const disk = readLatest();
    results.runs = { ...disk.runs, ...results.runs };
    for (const k of SECTIONS) {
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
