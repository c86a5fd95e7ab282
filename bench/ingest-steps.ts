/**
 * Ingestion alone, in steps, for comparing two builds interleaved (the scale section also serves
 * the API after each step). Times each step's ingestPaths and, inside it, the typed-relation
 * statement (cypher/ingest-relations.cypher), whose cost grows with the evidence lists.
 *
 *   node dist/bench/ingest-steps.js --steps 0,2000,2500 [--dist /work/main/dist]
 *
 * `--dist`: the build whose ingestion runs (default this one); the synthetic corpus always comes
 * from this checkout's bench/corpus.ts (git-ignored folder here), so both builds read the same files.
 * Neo4j: NEO4J_BOLT_PORT as for the benchmark. Prints one JSON line per step.
 */
import * as os from 'os';
import * as path from 'path';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { ensureCorpus } from './corpus';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The driver, its write transactions timing the statement `text`. */
function timing(driver: Driver, text: string, spent: { seconds: number; calls: number }): Driver {
  const wrapTx = (tx: ManagedTransaction) =>
    new Proxy(tx, {
      get(target, key) {
        if (key !== 'run') return Reflect.get(target, key);
        return (q: string, p?: Record<string, unknown>) => {
          const res = target.run(q, p);
          if (q === text) {
            const t = process.hrtime.bigint();
            void Promise.resolve(res).then(
              () => ((spent.seconds += Number(process.hrtime.bigint() - t) / 1e9), spent.calls++),
              () => undefined,
            );
          }
          return res;
        };
      },
    });
  return new Proxy(driver, {
    get(target, key) {
      if (key !== 'session') return Reflect.get(target, key);
      return (...a: Parameters<Driver['session']>) => {
        const s = target.session(...a);
        const write = s.executeWrite.bind(s);
        s.executeWrite = ((work: (tx: ManagedTransaction) => unknown, cfg?: unknown) => write((tx) => work(wrapTx(tx)) as never, cfg as never)) as typeof s.executeWrite;
        return s;
      };
    },
  });
}

async function main(): Promise<void> {
  const dist = path.resolve(arg('dist') ?? path.join(__dirname, '..'));
  const steps = (arg('steps') ?? '0,1000').split(',').map(Number);
  const corpus = ensureCorpus({ docs: steps[steps.length - 1] });
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { createDriver, neo4jConfig } = require(path.join(dist, 'src/graph/driver'));
  const { wipeGraph } = require(path.join(dist, 'src/graph/stats'));
  const { applySchema } = require(path.join(dist, 'src/graph/schema'));
  const { cypher } = require(path.join(dist, 'src/graph/cypher'));
  const { ingestPaths } = require(path.join(dist, 'src/ingest'));
  const raw: Driver = createDriver(neo4jConfig());
  try {
    await wipeGraph(raw);
    await applySchema(raw);
    for (let i = 1; i < steps.length; i++) {
      const spent = { seconds: 0, calls: 0 };
      const driver = timing(raw, cypher('ingest-relations'), spent);
      const load = os.loadavg()[0];
      const t0 = process.hrtime.bigint();
      const summary = await ingestPaths(driver, corpus.files.slice(steps[i - 1], steps[i]));
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const failed = summary.failed.length;
      console.log(JSON.stringify({ dist, docs: `${steps[i - 1]}..${steps[i]}`, seconds: +seconds.toFixed(1), relationSeconds: +spent.seconds.toFixed(1), relationCalls: spent.calls, failed, load: [+load.toFixed(1), +os.loadavg()[0].toFixed(1)] }));
    }
  } finally {
    await raw.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
