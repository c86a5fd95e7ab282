/**
 * Section "scale": a synthetic corpus (bench/corpus.ts) ingested in steps (100, 1,000, 10,000
 * documents by default), and after each step every timed operation of ours, the entity-centred
 * ones twice: from the hub (the best-connected entity of that graph, whose degree grows with the
 * corpus) and from a typical entity (median typed degree). The target: at the largest size each
 * p50 within 2× its p50 at the smallest.
 */
import * as fs from 'fs';
import * as os from 'os';
import type { Driver } from 'neo4j-driver';
import { RELATION_TYPES } from '../../src/model';
import { ensureCorpus } from '../corpus';
import { cannon, graphql } from '../lib/load';
import { operations } from '../lib/operations';
import type { From, Options, ScaleLatency, ScaleResults, ScaleSize } from '../lib/results';
import { log, spawnServer, stopServer } from '../lib/servers';
import { resetGraph, timedIngest } from '../lib/setup';
import { mostConnected, startEntity, targetsFor, typicalEntity } from '../lib/targets';

async function graphCounts(driver: Driver) {
  const res = await driver.executeQuery(
    'MATCH (e:Entity) WITH count(e) AS entities CALL { MATCH ()-[r]->() WHERE type(r) IN $types RETURN count(r) AS relations } ' +
      'CALL { MATCH ()-[m:MENTIONS]->() RETURN count(m) AS mentions } RETURN entities, relations, mentions',
    { types: [...RELATION_TYPES] },
  );
  const r = res.records[0];
  return { entities: Number(r.get('entities')), relations: Number(r.get('relations')), mentions: Number(r.get('mentions')) };
}

export async function scaleSection(driver: Driver, o: Options, partial: (r: ScaleResults) => void): Promise<ScaleResults> {
  const load = [os.loadavg()[0]];
  const sizes = [...o.sizes].sort((a, b) => a - b);
  log(`scale: generating the synthetic corpus (${sizes[sizes.length - 1]} documents)`);
  const corpus = ensureCorpus({ docs: sizes[sizes.length - 1] });
  await resetGraph(driver);
  const out: ScaleSize[] = [];
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
      const hub = await startEntity(driver, await mostConnected(driver));
      const typical = await startEntity(driver, await typicalEntity(driver));
      log(`scale ${n}: hub ${hub.id} (${hub.relationships} relationships, ${hub.neighbours} neighbours), typical ${typical.id} (${typical.relationships}, ${typical.neighbours})`);
      const targets = await targetsFor(driver, null, hub.id);
      const runs: { from: From; op: ReturnType<typeof operations>[number] }[] = [];
      for (const op of operations(targets).filter((x) => x.timed)) {
        if (!op.entityCentred) runs.push({ from: 'none', op });
        else runs.push({ from: 'hub', op }, { from: 'typical', op: operations({ ...targets, entityId: typical.id }).find((x) => x.name === op.name)! });
      }
      const latency: ScaleLatency[] = [];
      for (const { from, op } of runs) {
        try {
          for (let i = 0; i < 3; i++) {
            const r = await graphql(server.url, op.ours);
            if (r.errors) throw new Error(r.errors.map((e) => e.message).join('; '));
          }
        } catch (err) {
          // A query that outgrows the fetch timeout at this size: report it, keep measuring the others.
          log(`scale ${n}: ${op.name} from ${from} failed (${err instanceof Error ? err.message : String(err)})`);
          latency.push({ op: op.name, from, p50: NaN, p99: NaN, rps1: 0, rps10: 0 });
          continue;
        }
        const one = await cannon(server.url, op.ours, 1, seconds);
        const ten = await cannon(server.url, op.ours, 10, seconds);
        latency.push({ op: op.name, from, p50: one.p50, p99: one.p99, rps1: one.rps, rps10: ten.rps });
        log(`scale ${n}: ${op.name} from ${from}: p50 ${one.p50} ms, ${ten.rps.toFixed(1)} req/s at 10`);
      }
      out.push({
        docs: n,
        corpusBytes: corpus.files.slice(0, n).reduce((s, f) => s + fs.statSync(f).size, 0),
        ingest: m,
        cumulativeSeconds: cumulative,
        graph: await graphCounts(driver),
        hub,
        typical,
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
