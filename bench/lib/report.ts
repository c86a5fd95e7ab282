/** BENCHMARKS.md from the results (bench/results/latest.json): tables, ratios, the issue 11 targets. */
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from '../../src/model';
import { median } from './load';
import type { ApiResults, IngestResults, Results, ScaleLatency, ScaleResults, Variant } from './results';

const f1 = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(1) : '-');
const f2 = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(2) : '-');
const ok = (b: boolean) => (b ? 'met' : '**missed**');
/** Verdict over the known values only: cells where nothing completed are unknown, not a pass or a miss. */
const verdict = (xs: number[], pass: (x: number) => boolean) => {
  const known = xs.filter((x) => Number.isFinite(x) && x > 0);
  return known.length ? ok(known.every(pass)) + (known.length < xs.length ? ' (on the measured cells)' : '') : 'not measured';
};
const loads = (l: number[] | undefined) => `1-minute load average ${f1(l?.[0])} at the start, ${f1(l?.[l.length - 1])} at the end of the section`;

/** Issue 11's targets (the thresholds the Targets table checks). */
export const TARGETS = {
  /** Operations whose throughput must beat @neo4j/graphql's, and whose p50 must stay near the floor. */
  ops: ['search', 'entity2', 'entities', 'neighbourhood'] as string[],
  throughputVsTheirs: 1.2,
  p50VsFloor: 1.3,
  growth: 2,
  roundTrips: 2,
  roundTripDepth: 3,
  ingestDocs: 10000,
  ingestSeconds: 360,
  extractMBps: 1.4,
};

function apiStats(a: ApiResults) {
  const cell = (op: string, c: number, v: Variant) => a.cells.find((x) => x.op === op && x.connections === c && x.variant === v);
  // A run in which no request completed within the duration has no latency (shown as "-").
  const med = (op: string, c: number, v: Variant, k: 'p50' | 'p99' | 'rps') =>
    median(cell(op, c, v)?.runs.filter((x) => x.requests > 0 || k === 'rps').map((x) => x[k]) ?? []);
  const conns = [...new Set(a.cells.map((x) => x.connections))].sort((x, y) => x - y);
  return { cell, med, conns };
}

function apiTables(a: ApiResults): string[] {
  const { cell, med, conns } = apiStats(a);
  const out: string[] = [];
  for (const op of a.ops.filter((x) => x.timed !== false)) {
    out.push(`### ${op.label}`, '');
    out.push(`Raw Cypher floor: ${op.statements.map((s) => '`' + s + '`').join(' → ')}. @neo4j/graphql: ${op.theirsNote}`, '');
    out.push('| conns | floor p50 / p99 ms, req/s | ours | naive (no batching) | @neo4j/graphql | ours/theirs req/s | ours/floor p50 | ours/naive req/s |');
    out.push('|---:|---|---|---|---|---:|---:|---:|');
    for (const c of conns) {
      const show = (v: Variant) => `${f1(med(op.name, c, v, 'p50'))} / ${f1(med(op.name, c, v, 'p99'))}, ${f1(med(op.name, c, v, 'rps'))}`;
      const errs = (['ours', 'naive', 'theirs'] as Variant[])
        .map((v) => [v, (cell(op.name, c, v)?.runs ?? []).reduce((n, x) => n + x.errors, 0)] as const)
        .filter(([, n]) => n > 0);
      out.push(
        `| ${c} | ${show('floor')} | ${show('ours')} | ${show('naive')} | ${show('theirs')} | ${f2(med(op.name, c, 'ours', 'rps') / med(op.name, c, 'theirs', 'rps'))} | ${f2(
          med(op.name, c, 'ours', 'p50') / med(op.name, c, 'floor', 'p50'),
        )} | ${f2(med(op.name, c, 'ours', 'rps') / med(op.name, c, 'naive', 'rps'))} |` + (errs.length ? ` errors: ${errs.map(([v, n]) => `${v} ${n}`).join(', ')}` : ''),
      );
    }
    out.push('');
  }
  out.push('### Database round trips per request', '');
  out.push(`Counted through the API's \`onQuery\` hook (one call per Cypher statement sent). Target: at most ${TARGETS.roundTrips} for any query of depth ≤ ${TARGETS.roundTripDepth}.`, '');
  out.push('| operation | depth | ours | naive (no batching) | @neo4j/graphql | response bytes ours / theirs |');
  out.push('|---|---:|---:|---:|---:|---|');
  for (const t of a.roundTrips) {
    const b = a.responseBytes[t.op] ?? {};
    out.push(`| ${t.op} | ${t.depth ?? '?'} | ${t.batched} | ${t.naive} | 1 (one generated statement) | ${b.ours ?? '-'} / ${b.theirs ?? '-'} |`);
  }
  out.push('');
  return out;
}

/** Extraction MB/s per core: of CPU time when measured (a shared machine's wall time is not one core's). */
const extractPerCore = (i: IngestResults) => i.extractOnly.bytes / 1e6 / median(i.extractOnly.cpuSeconds ?? i.extractOnly.seconds);

function ingestTable(i: IngestResults): string[] {
  const L: string[] = [];
  const ex = median(i.extractOnly.seconds);
  const s = i.seeds;
  const write = s.seconds - s.extractSeconds;
  const best = Math.min(...i.extractOnly.seconds);
  L.push('## Ingestion and extraction (the five seeds)', '');
  L.push(`| measure | value |`, '|---|---:|');
  L.push(
    `| extraction only (no database), 3 passes over ${(i.extractOnly.bytes / 1e6).toFixed(2)} MB | median ${f2(i.extractOnly.bytes / 1e6 / ex)} MB/s, best pass ${f2(i.extractOnly.bytes / 1e6 / best)} MB/s of wall time` +
      (i.extractOnly.cpuSeconds ? `; median ${f2(extractPerCore(i))} MB/s of CPU time (one core: extraction is single-threaded)` : '') +
      ' |',
  );
  L.push(`| ingestion end to end (${s.files} files, ${(s.bytes / 1e6).toFixed(2)} MB) | ${f1(s.seconds)} s, ${f2(s.bytes / 1e6 / s.seconds)} MB/s |`);
  L.push(`| of which extraction | ${f1(s.extractSeconds)} s |`);
  L.push(`| written: ${s.entities} entities + ${s.mentions} mentions (+ ${s.relations} relations, ${s.paragraphs} paragraphs) | ${f1((s.entities + s.mentions) / write)} entities+mentions/s of write time, ${f1((s.entities + s.mentions) / s.seconds)}/s end to end |`);
  const xb = i.extractBench;
  if (xb)
    L.push(
      `| extraction benchmark (bench/extract.ts, ${xb.files} files, ${f1(xb.mb)} MB, own process) | ${f2(xb.mb / xb.cpuSeconds)} MB/s of process CPU time` +
        `${xb.mainSeconds ? `, ${f2(xb.mb / xb.mainSeconds)} of main-thread CPU` : ''}, ${f2(xb.mb / xb.wallSeconds)} of wall time` +
        `${xb.steadyCpuMBps ? `; ${f2(xb.steadyCpuMBps)} MB/s of process CPU after the first quarter (compiler warm-up done)` : ''} |`,
    );
  if (s.failed.length) L.push(`| failed | ${s.failed.map((x) => `${x.file}: ${x.error.slice(0, 120)}`).join('; ')} |`);
  L.push('', `${loads(i.load)}.`, '');
  return L;
}

/** p50 of a scale measurement, NaN when no request completed in the window. */
const p50Of = (x: ScaleLatency | undefined) => (x && x.rps1 > 0 && typeof x.p50 === 'number' ? x.p50 : NaN);
const fromLabel = (from: string) => (from === 'hub' ? ' from the hub' : from === 'typical' ? ' from a typical entity' : '');

/** Rows of the scale table: each (operation, start) measured at the first size. */
function scaleRows(sc: ScaleResults): { op: string; from: string; xs: (ScaleLatency | undefined)[]; growth: number }[] {
  const first = sc.sizes[0]?.latency ?? [];
  return first.map((l) => {
    const xs = sc.sizes.map((z) => z.latency.find((x) => x.op === l.op && x.from === l.from));
    return { op: l.op, from: l.from, xs, growth: p50Of(xs[xs.length - 1]) / p50Of(xs[0]) };
  });
}

function scaleTables(sc: ScaleResults): string[] {
  const L: string[] = [];
  L.push('## Scale (synthetic corpus, bench/corpus.ts)', '');
  L.push('| documents | corpus MB | ingest s (this step) | cumulative s | extraction s | MB/s | entities | typed relationships | mentions | hub: relationships / neighbours | typical: relationships / neighbours |');
  L.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
  for (const z of sc.sizes) {
    const who = (e: typeof z.hub) => (e ? `\`${e.id}\` ${e.relationships} / ${e.neighbours}` : '-');
    L.push(
      `| ${z.docs} | ${(z.corpusBytes / 1e6).toFixed(1)} | ${f1(z.ingest.seconds)} | ${f1(z.cumulativeSeconds)} | ${f1(z.ingest.extractSeconds)} | ${f2(z.ingest.bytes / 1e6 / z.ingest.seconds)} | ${z.graph.entities} | ${z.graph.relations} | ${z.graph.mentions} | ${who(z.hub)} | ${who(z.typical)} |`,
    );
  }
  L.push('');
  const first = sc.sizes[0];
  const last = sc.sizes[sc.sizes.length - 1];
  L.push(
    `Latency of ours (p50 / p99 ms at 1 connection; req/s at 10 connections). The hub is the entity with the most typed relationships at each size, ` +
      `the typical entity one of median typed degree at that size; search and the entities page start from no entity. ` +
      `Target: p50 at ${last?.docs} documents ≤ ${TARGETS.growth}× p50 at ${first?.docs}.`,
    '',
  );
  L.push(`| operation | ${sc.sizes.map((z) => `${z.docs} docs`).join(' | ')} | p50 at ${last?.docs} / p50 at ${first?.docs} | ≤ ${TARGETS.growth}× |`);
  L.push(`|---|${sc.sizes.map(() => '---').join('|')}|---:|---|`);
  for (const r of scaleRows(sc)) {
    const show = (x: ScaleLatency | undefined) => (x && x.rps1 > 0 ? `${f1(x.p50)} / ${f1(x.p99)}` : '- / -') + `, ${f1(x?.rps10)} req/s`;
    L.push(`| ${r.op}${fromLabel(r.from)} | ${r.xs.map(show).join(' | ')} | ${f2(r.growth)} | ${Number.isFinite(r.growth) ? ok(r.growth <= TARGETS.growth) : '-'} |`);
  }
  L.push('', `${loads(sc.load)}.`, '');
  return L;
}

function targetsTable(r: Results): string[] {
  const L: string[] = [];
  L.push('## Targets (issue 11)', '');
  L.push('Same run, same data, same selection for both products (see each operation above for what @neo4j/graphql cannot express).', '');
  L.push('| target | result |', '|---|---|');
  if (r.api) {
    const a = r.api;
    const { med, conns } = apiStats(a);
    const timed = a.ops.filter((op) => op.timed !== false);
    const c = `conns ${conns.join(' / ')}`;
    for (const op of timed) {
      const target = TARGETS.ops.includes(op.name);
      const ratios = conns.map((n) => med(op.name, n, 'ours', 'rps') / med(op.name, n, 'theirs', 'rps'));
      const note = target ? '' : ' (informative: not one of the target operations)';
      L.push(`| ${op.name}: throughput ≥ ${TARGETS.throughputVsTheirs}× @neo4j/graphql${note} | ${ratios.map(f2).join(' / ')} (${c}): ${verdict(ratios, (x) => x >= TARGETS.throughputVsTheirs)} |`);
    }
    for (const op of timed) {
      const target = TARGETS.ops.includes(op.name);
      const p50 = conns.map((n) => med(op.name, n, 'ours', 'p50') / med(op.name, n, 'floor', 'p50'));
      const note = target ? '' : ' (informative)';
      L.push(`| ${op.name}: p50 ≤ ${TARGETS.p50VsFloor}× the raw-Cypher floor${note} | ${p50.map(f2).join(' / ')} (${c}): ${verdict(p50, (x) => x <= TARGETS.p50VsFloor)} |`);
    }
    const probed = a.roundTrips.filter((t) => (t.depth ?? 0) <= TARGETS.roundTripDepth);
    L.push(
      `| ≤ ${TARGETS.roundTrips} round trips for any query of depth ≤ ${TARGETS.roundTripDepth} | ${probed.map((t) => `${t.op} ${t.batched}`).join(', ')}: ${ok(probed.every((t) => t.batched <= TARGETS.roundTrips))} |`,
    );
  } else L.push('| throughput, p50 vs floor, round trips | api section not run |');
  if (r.scale && r.scale.sizes.length) {
    const sc = r.scale;
    const first = sc.sizes[0];
    const last = sc.sizes[sc.sizes.length - 1];
    const rows = scaleRows(sc);
    const ops = [...new Set(rows.map((x) => x.op))];
    const per = ops.map((op) => `${op} ${rows.filter((x) => x.op === op).map((x) => (x.from === 'none' ? '' : `${x.from} `) + f2(x.growth)).join(', ')}`);
    const full = first.docs <= 100 && last.docs >= 10000 ? '' : ` (sizes ${first.docs}–${last.docs} only: the target is 100 → 10,000)`;
    L.push(`| p50 at ${last.docs} ≤ ${TARGETS.growth}× p50 at ${first.docs} documents, from the hub and a typical entity${full} | ${per.join('; ')}: ${verdict(rows.map((x) => x.growth), (x) => x <= TARGETS.growth)} |`);
    const at = sc.sizes.find((z) => z.docs === TARGETS.ingestDocs);
    L.push(
      `| ingestion of 10,000 documents < ${TARGETS.ingestSeconds / 60} min | ${
        at ? `${f1(at.cumulativeSeconds)} s: ${ok(at.cumulativeSeconds < TARGETS.ingestSeconds)}` : `not run (largest size ${last.docs}: ${f1(last.cumulativeSeconds)} s)`
      } |`,
    );
  } else L.push('| growth 100 → 10,000 documents; ingestion of 10,000 | scale section not run |');
  const xb = r.ingest?.extractBench;
  if (xb) {
    const x = xb.mb / xb.cpuSeconds;
    L.push(`| extraction ≥ ${TARGETS.extractMBps} MB/s per core | ${f2(x)} MB/s of process CPU time over ${f1(xb.mb)} MB (bench/extract.ts; ${f2(xb.mb / xb.wallSeconds)} of wall time): ${ok(x >= TARGETS.extractMBps)} |`);
  } else if (r.ingest) {
    const x = extractPerCore(r.ingest);
    const wall = r.ingest.extractOnly.bytes / 1e6 / median(r.ingest.extractOnly.seconds);
    const what = r.ingest.extractOnly.cpuSeconds ? `median ${f2(x)} MB/s of CPU time (${f2(wall)} of wall time)` : `median ${f2(x)} MB/s of wall time`;
    L.push(`| extraction ≥ ${TARGETS.extractMBps} MB/s per core | ${what} over the seeds; \`npm run bench:extract\` measures 20 MB: ${ok(x >= TARGETS.extractMBps)} |`);
  } else L.push('| extraction MB/s | ingest section not run |');
  L.push('');
  return L;
}

export function renderMarkdown(r: Results): string {
  const m = r.machine ?? {};
  const L: string[] = [];
  L.push('# Benchmarks', '');
  L.push('Generated by `npm run bench` (bench/run.ts; options at the top of that file; one file per section in bench/sections/). Do not edit by hand: rerun, or `node dist/bench/run.js --render`.', '');
  L.push('## Machine', '');
  L.push(`- CPU: ${m.cpu} × ${m.cores} cores, ${m.memoryGB} GB RAM; ${m.os}`);
  L.push(`- Node ${m.node}; Neo4j ${m.neo4j} (${m.neo4jMemory ?? 'local, scripts/neo4j, heap 1 GB, page cache 1 GB'})`);
  L.push(`- Last run: ${m.date} at commit ${m.commit ?? 'unknown'}; 1-minute load average ${m.loadAtStart} at start, ${m.loadAtEnd ?? '?'} at end`);
  L.push(
    '- Neo4j, the servers under test and the load generator share the machine (the load averages above and under each section say how ' +
      'busy it was): absolute figures are for this machine only. Variants are measured interleaved (floor, ours, naive, theirs, ' +
      'one after the other for each cell) so that ratios compare like with like; p50/p99 are whole milliseconds (autocannon), so ratios of ' +
      'latencies under 5 ms are coarse. Medians of the repeats are shown.',
  );
  for (const [section, run] of Object.entries(r.runs ?? {})) {
    if (!run) continue;
    const o = run.options as { duration?: number; connections?: number[]; repeats?: number; sizes?: number[] };
    const load = (r as Record<string, { load?: number[] } | undefined>)[section]?.load;
    const how =
      section === 'api'
        ? `${o.duration} s per measurement, connections ${o.connections?.join(', ')}, ${o.repeats} repeat(s); `
        : section === 'scale'
          ? `${Math.max(3, o.duration ?? 0)} s per measurement, connections 1 and 10, sizes ${o.sizes?.join(', ')}; `
          : '';
    L.push(`- Section ${section}: measured ${run.date} at commit ${run.commit}; ${how}${loads(load)}`);
  }
  L.push('');

  L.push('## What is measured', '');
  L.push(
    '- **API**: the operations of bench/lib/operations.ts over the seeds graph, with autocannon (programmatic, loopback, POST /graphql) at each number of concurrent connections: ' +
      '**ours** (the product), **naive** (the product with `batching: false`), ' +
      '**@neo4j/graphql** 7 (type definitions generated from model/relations.json in bench/lib/neo4j-graphql.ts, reading the same stored relationships, served by the same Apollo 5 + express 5 stack) ' +
      'and the **floor**: the very Cypher statements our API sent for that operation (recorded in-process with their text and parameters, compiled statements included) ' +
      'replayed in order with neo4j-driver by N concurrent workers, no HTTP, no GraphQL.',
  );
  L.push('- Relations are asked the same way of both products: `type direction count confidence evidence(first: 1) { text documentId paragraph confidence } entity { ... }`, a page of `first` per entity, ordered by count.');
  L.push('- Each server runs in its own Node process; the load generator in another. Latencies in ms; req/s = completed requests / duration.');
  L.push('');

  if (r.api) {
    const a = r.api;
    L.push('## API: ours vs @neo4j/graphql vs naive vs raw Cypher (seeds graph)', '');
    L.push(`Start entity: \`${a.targets.entityId}\` (most typed relationships); search text: "${a.targets.searchText}"; list page size ${a.targets.pageSize}, second page. ${loads(a.load)}.`, '');
    L.push(...apiTables(a));
  }
  if (r.ingest) L.push(...ingestTable(r.ingest));
  if (r.scale) L.push(...scaleTables(r.scale));
  L.push(...targetsTable(r));
  // Hand-written analysis of the latest results (profiles, causes, fixes) and of the other benchmarks.
  const findings = path.join(packageRoot(), 'bench', 'findings.md');
  if (fs.existsSync(findings)) L.push(fs.readFileSync(findings, 'utf8').trim(), '');
  return L.join('\n') + '\n';
}
