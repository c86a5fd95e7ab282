/**
 * Ingestion alone, in steps, for comparing builds (no API measured): wipes the benchmark's Neo4j,
 * ingests the synthetic corpus (bench/corpus.ts) up to each size and prints, per step, the wall
 * time, the load average and (with --statements) the time of each loader statement (client wall
 * and Neo4j's own, summed over the step). `--root` loads another build's compiled sources (e.g.
 * /work/main/dist) so two builds run on the same corpus and database, interleaved by the caller.
 *
 *   node dist/bench/ingest-steps.js [--sizes 1000,3000] [--root dist] [--statements] [--batch 100] [--inline]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureCorpus } from './corpus';
import { connect, resetGraph } from './lib/setup';

function opt(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface Stat {
  calls: number;
  wall: number;
  server: number;
}

async function main(): Promise<void> {
  const sizes = (opt('sizes') ?? '1000,3000').split(',').map(Number);
  const root = path.resolve(opt('root') ?? path.join(__dirname, '..'));
  const batchSize = opt('batch') ? Number(opt('batch')) : undefined;
  const log = (l: string) => process.stderr.write(`${l}\n`);
  const driver = await connect(log);
  // The build under test: its ingestion and its statement runner (patched to time each statement).
  const db = require(path.join(root, 'src/graph/db')) as { run: (tx: unknown, name: string, p: unknown) => Promise<{ summary: { resultAvailableAfter: unknown; resultConsumedAfter: unknown } }> };
  const { ingestPaths } = require(path.join(root, 'src/ingest')) as typeof import('../src/ingest');
  // --inline: extraction on the main thread (a custom extractor), as before the worker.
  const extractor = process.argv.includes('--inline') ? (require(path.join(root, 'src/ingest/extractor')) as typeof import('../src/ingest/extractor')).pipelineExtractor : undefined;
  const stats = new Map<string, Stat>();
  let dumping = false;
  let dumped = 0;
  const time = (name: string, t: bigint, server = 0) => {
    const s = stats.get(name) ?? { calls: 0, wall: 0, server: 0 };
    s.calls++;
    s.wall += Number(process.hrtime.bigint() - t) / 1e9;
    s.server += server;
    stats.set(name, s);
  };
  if (process.argv.includes('--statements')) {
    // Whole write transactions (rows, statements, commit) beside their statements.
    const load = require(path.join(root, 'src/graph/load')) as { loadDocuments: (...a: unknown[]) => Promise<unknown> };
    const loadDocuments = load.loadDocuments;
    const rows = require(path.join(root, 'src/graph/rows')) as { toRows: (...a: unknown[]) => unknown };
    const toRows = rows.toRows;
    rows.toRows = (...a: unknown[]) => {
      const t = process.hrtime.bigint();
      try {
        return toRows(...a);
      } finally {
        time('(toRows)', t);
      }
    };
    load.loadDocuments = async (...a: unknown[]) => {
      const t = process.hrtime.bigint();
      try {
        return await loadDocuments(...a);
      } finally {
        time('(transaction)', t);
        dumping = false;
      }
    };
    const orig = db.run;
    // --dump DIR: the statements of the first transaction after the last size but one, with
    // their parameters, to PROFILE them on that graph (bench/profile-statements.ts).
    const dump = opt('dump');
    db.run = async (tx, name, p) => {
      if (dump && dumping) {
        fs.mkdirSync(dump, { recursive: true });
        fs.writeFileSync(path.join(dump, `${String(dumped++).padStart(2, '0')}-${name}.json`), JSON.stringify(p));
      }
      const t = process.hrtime.bigint();
      const res = await orig(tx, name, p);
      time(name, t, (Number(res.summary.resultAvailableAfter) + Number(res.summary.resultConsumedAfter)) / 1000);
      return res;
    };
  }
  try {
    const corpus = ensureCorpus({ docs: Math.max(...sizes) });
    await resetGraph(driver);
    let prev = 0;
    let cumulative = 0;
    const steps = [];
    for (const [i, n] of sizes.entries()) {
      stats.clear();
      dumping = i === sizes.length - 1 && i > 0;
      const load0 = os.loadavg()[0];
      const cpu0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      const summary = await ingestPaths(driver, corpus.files.slice(prev, n), { batchSize, extractor });
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const cpu = process.cpuUsage(cpu0);
      cumulative += seconds;
      const step = {
        root,
        docs: `${prev}..${n - 1}`,
        seconds: +seconds.toFixed(1),
        cumulative: +cumulative.toFixed(1),
        clientCpu: +((cpu.user + cpu.system) / 1e6).toFixed(1),
        load: [+load0.toFixed(1), +os.loadavg()[0].toFixed(1)],
        failed: summary.failed.length,
        statements: Object.fromEntries([...stats].map(([k, s]) => [k, { calls: s.calls, wall: +s.wall.toFixed(1), neo4j: +s.server.toFixed(1) }])),
      };
      steps.push(step);
      log(JSON.stringify(step));
      prev = n;
    }
    process.stdout.write(`${JSON.stringify(steps)}\n`);
  } finally {
    await driver.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
