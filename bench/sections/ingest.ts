/**
 * Section "ingest": the five seeds ingested into an empty graph (extraction timed apart from the
 * writes), then extraction alone, without a database, three passes over the same texts (wall and
 * CPU time), and the extraction benchmark (bench/extract.ts: 20 MB in a fresh process, what the
 * target "extraction >= 1.4 MB/s per core" is read from; the seeds' 0.3 MB are mostly V8 warm-up).
 * It leaves the seeds graph in place: the api section measures it.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import { checkInput, extractDocument } from '../../src/extract/pipeline';
import { packageRoot } from '../../src/model';
import type { ExtractBench } from '../extract';
import type { IngestResults } from '../lib/results';
import { log } from '../lib/servers';
import { resetGraph, timedIngest } from '../lib/setup';

export async function ingestSection(driver: Driver): Promise<IngestResults> {
  const load = [os.loadavg()[0]];
  await resetGraph(driver);
  const seedsDir = path.join(packageRoot(), 'seeds');
  log('ingest: the seeds');
  const seeds = await timedIngest(driver, [seedsDir]);
  if (seeds.failed.length) log(`seeds that failed: ${JSON.stringify(seeds.failed)}`);
  const files = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => path.join(seedsDir, f));
  const texts = files.map((f) => {
    const c = checkInput(fs.readFileSync(f), path.basename(f));
    if (!c.ok) throw new Error(c.error);
    return { file: path.basename(f), text: c.text, bytes: fs.statSync(f).size };
  });
  // Wall time and this process's CPU time: on a shared machine only the latter is "per core".
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const t = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    for (const x of texts) extractDocument(x.text, x.file);
    const used = process.cpuUsage(cpu);
    seconds.push(Number(process.hrtime.bigint() - t) / 1e9);
    cpuSeconds.push((used.user + used.system) / 1e6);
  }
  log('ingest: extraction benchmark (bench/extract.ts, 20 MB, its own process)');
  const extractBench = runExtractBench();
  load.push(os.loadavg()[0]);
  return { seeds, extractOnly: { bytes: texts.reduce((n, x) => n + x.bytes, 0), seconds, cpuSeconds }, extractBench, load };
}

/** `node dist/bench/extract.js --json` (BENCH_MB as set, 20 by default); null if it failed. */
function runExtractBench(): ExtractBench | null {
  try {
    const out = execFileSync(process.execPath, [path.join(__dirname, '..', 'extract.js'), '--json'], { encoding: 'utf8', maxBuffer: 1 << 20 });
    return JSON.parse(out.trim().split('\n').pop() ?? '') as ExtractBench;
  } catch (e) {
    log(`extraction benchmark failed: ${(e as Error).message.slice(0, 300)}`);
    return null;
  }
}
