/**
 * Section "api": over the seeds graph, each timed operation (bench/lib/operations.ts) at each
 * number of connections, four variants interleaved: the raw-Cypher floor (the statements ours
 * sent, replayed with neo4j-driver), ours, ours without batching (naive) and @neo4j/graphql.
 * Before anything is timed: the round trips of every operation (the depth-3 probe included) and
 * one answer from every variant, without errors.
 */
import * as os from 'os';
import type { Driver } from 'neo4j-driver';
import { cannon, floorLoad, graphql, type Statement } from '../lib/load';
import { operations, type OpName } from '../lib/operations';
import { VARIANTS, type ApiResults, type Cell, type Options, type Variant } from '../lib/results';
import { log, settle, spawnServer, stopServer, type Child, type ServerVariant } from '../lib/servers';
import { mostConnected, statementsOf, targetsFor } from '../lib/targets';

export async function apiSection(driver: Driver, o: Options): Promise<ApiResults> {
  const load = [os.loadavg()[0]];
  const entityId = await mostConnected(driver);
  log(`api: servers starting (entity-centred operations start from ${entityId})`);
  const servers: Record<ServerVariant, Child> = {
    ours: await spawnServer('ours'),
    naive: await spawnServer('naive'),
    theirs: await spawnServer('theirs'),
  };
  try {
    const targets = await targetsFor(driver, servers.theirs.url, entityId);
    const ops = operations(targets);
    const batched = await statementsOf(driver, ops, true);
    const naive = await statementsOf(driver, ops, false);
    const roundTrips = ops.map((op) => ({ op: op.name, depth: op.depth, batched: batched.get(op.name)!.length, naive: naive.get(op.name)!.length }));
    log(`api: round trips batched/naive: ${roundTrips.map((r) => `${r.op} ${r.batched}/${r.naive}`).join(', ')}`);

    // Every variant answers every operation without errors before anything is timed (and warms up plans).
    const responseBytes: ApiResults['responseBytes'] = {};
    for (const op of ops) {
      responseBytes[op.name] = {};
      for (const v of ['ours', 'naive', 'theirs'] as const) {
        const req = v === 'theirs' ? op.theirs : op.ours;
        for (let i = 0; i < 3; i++) {
          const r = await graphql(servers[v].url, req);
          if (r.errors) throw new Error(`${v} ${op.name}: ${r.errors.map((e) => e.message).join('; ')}`);
          responseBytes[op.name][v] = JSON.stringify(r).length;
        }
      }
    }

    const timed = ops.filter((op) => op.timed);
    const cells: Cell[] = [];
    const total = timed.length * o.connections.length * o.repeats * VARIANTS.length;
    let done = 0;
    for (const op of timed) {
      for (const c of o.connections) {
        const row = new Map<Variant, Cell>(VARIANTS.map((v) => [v, { op: op.name, connections: c, variant: v, runs: [] }]));
        for (let rep = 0; rep < o.repeats; rep++) {
          // Interleaved: a burst of load from the other developers hits all variants alike.
          for (const v of VARIANTS) {
            const res =
              v === 'floor'
                ? await floorLoad(driver, batched.get(op.name) as Statement[], c, o.duration)
                : await cannon(servers[v].url, v === 'theirs' ? op.theirs : op.ours, c, o.duration);
            row.get(v)!.runs.push(res);
            if (v === 'naive') {
              // Naive requests still running when the clients stop (one per relation field) would
              // weigh on the next variant: drop them with their server.
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
      ops: ops.map((op) => ({
        name: op.name as OpName,
        label: op.label,
        theirsNote: op.theirsNote,
        depth: op.depth,
        timed: op.timed,
        statements: batched.get(op.name)!.map((s) => s.name),
      })),
      roundTrips,
      responseBytes,
      cells,
      load,
    };
  } finally {
    for (const s of Object.values(servers)) await stopServer(s);
  }
}
