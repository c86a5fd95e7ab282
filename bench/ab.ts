/**
 * A/B of our server built from two trees, over the graph the benchmark's Neo4j holds now (run the
 * api section once first): one operation of bench/lib/operations.ts, variants interleaved
 * (A, B, theirs, A, B, theirs...), medians of req/s and p50 per variant, with the load average.
 *
 *   node dist/bench/ab.js --op search --connections 50 --duration 10 --repeats 5 --a /work/main/dist [--b dist] [--from hub|typical|<id>]
 *
 * `--from`: the entity the entity-centred operations start from (default the hub, as the api
 * section; `typical`: one of median typed degree, as the scale section's second row).
 *
 * Each variant is `<dist>/bench/server.js ours` (or `theirs`, @neo4j/graphql, from this tree).
 */
import 'reflect-metadata';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as readline from 'readline';
import { packageRoot } from '../src/model';
import { cannon, median } from './lib/load';
import { operations, type OpName } from './lib/operations';
import { connect } from './lib/setup';
import { log, settle, stopServer, type Child } from './lib/servers';
import { mostConnected, targetsFor, typicalEntity } from './lib/targets';

async function spawnFrom(dist: string, variant: 'ours' | 'theirs'): Promise<Child> {
  // As the benchmark runs them (bench/lib/servers.ts): graphql-js without its development checks.
  const env = { ...process.env, NODE_ENV: 'production' };
  const proc = spawn(process.execPath, [path.join(path.resolve(dist), 'bench', 'server.js'), variant], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const rl = readline.createInterface({ input: proc.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    rl.once('line', (line) => resolve(JSON.parse(line).url));
    proc.once('exit', (code) => reject(new Error(`server from ${dist} exited with ${code}`)));
  });
  return { url, proc };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
}

/** The benchmark Neo4j's pid (scripts/neo4j writes it in its instance directory). */
function neo4jPid(): number | undefined {
  const dir = path.resolve(packageRoot(), process.env.KG_NEO4J_DIR || '.neo4j/bench');
  try {
    return Number(fs.readFileSync(path.join(dir, 'run', 'neo4j.pid'), 'utf8').trim());
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const get = (n: string, d: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
  const op = get('--op', 'search') as OpName;
  const conns = get('--connections', '50').split(',').map(Number);
  const duration = Number(get('--duration', '10'));
  const repeats = Number(get('--repeats', '3'));
  process.env.LOG_LEVEL ||= 'warn';
  const driver = await connect(log);
  const servers: Record<string, Child> = {
    A: await spawnFrom(get('--a', '/work/main/dist'), 'ours'),
    B: await spawnFrom(get('--b', path.join(__dirname, '..')), 'ours'),
    theirs: await spawnFrom(path.join(__dirname, '..'), 'theirs'),
  };
  try {
    const from = get('--from', 'hub');
    const start = from === 'hub' ? await mostConnected(driver) : from === 'typical' ? await typicalEntity(driver) : from;
    log(`${op} from ${start}`);
    const targets = await targetsFor(driver, servers.theirs.url, start);
    const o = operations(targets).find((x) => x.name === op);
    if (!o) throw new Error(`no operation ${op}`);
    for (const v of Object.keys(servers)) for (let i = 0; i < 3; i++) await cannon(servers[v].url, v === 'theirs' ? o.theirs : o.ours, 1, 1);
    for (const c of conns) {
      const runs: Record<string, { rps: number; p50: number; node: number; db: number }[]> = { A: [], B: [], theirs: [] };
      const load: number[] = [];
      for (let r = 0; r < repeats; r++) {
        for (const v of Object.keys(servers)) {
          const [n0, d0] = [cpuSeconds(servers[v].proc.pid), cpuSeconds(neo4jPid())];
          const res = await cannon(servers[v].url, v === 'theirs' ? o.theirs : o.ours, c, duration);
          // CPU per request (ms) of the server's process and of Neo4j: what decides when cores are shared.
          const node = ((cpuSeconds(servers[v].proc.pid) - n0) * 1000) / res.requests;
          const db = ((cpuSeconds(neo4jPid()) - d0) * 1000) / res.requests;
          runs[v].push({ rps: res.rps, p50: res.p50, node, db });
          load.push(os.loadavg()[0]);
          log(`${op} c=${c} ${v}: ${res.rps.toFixed(1)} req/s, p50 ${res.p50.toFixed(2)} ms, CPU/request node ${node.toFixed(2)} ms neo4j ${db.toFixed(2)} ms${res.errors ? `, ${res.errors} errors` : ''}`);
          await settle(driver, 30);
        }
      }
      const m = (v: string, k: 'rps' | 'p50' | 'node' | 'db') => median(runs[v].map((x) => x[k]));
      log(
        `${op} c=${c} medians of ${repeats}: A ${m('A', 'rps').toFixed(1)} req/s p50 ${m('A', 'p50').toFixed(2)}; B ${m('B', 'rps').toFixed(1)} req/s p50 ${m('B', 'p50').toFixed(2)}; ` +
          `theirs ${m('theirs', 'rps').toFixed(1)} req/s p50 ${m('theirs', 'p50').toFixed(2)}; CPU/request node+neo4j ms A ${m('A', 'node').toFixed(2)}+${m('A', 'db').toFixed(2)}, ` +
          `B ${m('B', 'node').toFixed(2)}+${m('B', 'db').toFixed(2)}, theirs ${m('theirs', 'node').toFixed(2)}+${m('theirs', 'db').toFixed(2)}; A/theirs ${(m('A', 'rps') / m('theirs', 'rps')).toFixed(2)}, ` +
          `B/theirs ${(m('B', 'rps') / m('theirs', 'rps')).toFixed(2)}; load ${median(load).toFixed(2)} (${Math.min(...load).toFixed(2)}-${Math.max(...load).toFixed(2)})`,
      );
    }
  } finally {
    for (const s of Object.values(servers)) await stopServer(s);
    await driver.close();
  }
}

main().catch((err) => {
  process.stderr.write(`ab: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
