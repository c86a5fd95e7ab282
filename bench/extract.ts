/**
 * Extraction throughput, end to end (file read -> input checks -> extraction -> JSON text), on one
 * core: the seed documents copied into bench/corpus/extract/ until they total 20 MB (override with
 * BENCH_MB). Prints machine info and the numbers, and writes bench/results/extract.md.
 *
 *   npm run build && node dist/bench/extract.js          (prints; writes bench/results/extract.md)
 *   node dist/bench/extract.js --json                    (one JSON line: what `npm run bench` records)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkInput, extractDocument } from '../src/extract/pipeline';
import { defaultIndex } from '../src/extract/lexicon-index';
import { packageRoot } from '../src/model';

/**
 * CPU seconds of the main thread alone (Linux: /proc/self/task/<pid>/stat, clock ticks of 10 ms),
 * or null elsewhere. process.cpuUsage() also counts V8's garbage-collector helper threads and
 * libuv's, so it overstates what the extraction itself costs a core when another core is free.
 */
function mainThreadCpu(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime (fields 14, 15)
  } catch {
    return null;
  }
}

/** What the run measured (MB = 2^20 bytes); `npm run bench`'s ingest section records it. */
export interface ExtractBench {
  mb: number;
  files: number;
  wallSeconds: number;
  /** Process CPU (user + system, V8's compiler and collector threads included). */
  cpuSeconds: number;
  /** The main thread alone, when /proc gives it. */
  mainSeconds: number | null;
  /** Process CPU MB/s after the first quarter (the compiler's warm-up done). */
  steadyCpuMBps: number | null;
  load: number[];
}

function main(): void {
  const json = process.argv.includes('--json');
  const root = packageRoot();
  const targetMb = Number(process.env.BENCH_MB ?? 20);
  const seedsDir = path.join(root, 'seeds');
  const seeds = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
  // Its own folder: bench/corpus/seed-* holds the scale section's synthetic corpus.
  const corpus = path.join(root, 'bench', 'corpus', 'extract');
  fs.rmSync(corpus, { recursive: true, force: true });
  fs.mkdirSync(corpus, { recursive: true });
  let total = 0;
  let n = 0;
  while (total < targetMb * 1024 * 1024) {
    const f = seeds[n % seeds.length];
    const buf = fs.readFileSync(path.join(seedsDir, f));
    fs.writeFileSync(path.join(corpus, `${String(n).padStart(4, '0')}_${f}`), buf);
    total += buf.length;
    n++;
  }
  const files = fs.readdirSync(corpus).sort();

  const t0 = process.hrtime.bigint();
  defaultIndex(); // lexicon load and trie build, once per process
  const tIndex = Number(process.hrtime.bigint() - t0) / 1e9;

  let bytes = 0;
  let entities = 0;
  let relations = 0;
  let jsonBytes = 0;
  const t1 = process.hrtime.bigint();
  const c1 = process.cpuUsage();
  const m1 = mainThreadCpu();
  // The first quarter also pays for V8's optimising compiler (on its own threads, a few seconds
  // whatever the corpus size): the rest shows the throughput once the code is compiled.
  let warm: { bytes: number; cpu: NodeJS.CpuUsage; main: number | null } | null = null;
  for (const f of files) {
    if (!warm && bytes >= total / 4) warm = { bytes, cpu: process.cpuUsage(), main: mainThreadCpu() };
    const buf = fs.readFileSync(path.join(corpus, f));
    bytes += buf.length;
    const c = checkInput(buf, f);
    if (!c.ok) throw new Error(c.error);
    const d = extractDocument(c.text, f);
    entities += d.entities.length;
    relations += d.relations.length;
    jsonBytes += JSON.stringify(d).length;
  }
  const secs = Number(process.hrtime.bigint() - t1) / 1e9;
  const cu = process.cpuUsage(c1);
  const m2 = mainThreadCpu();
  const cpuSecs = (cu.user + cu.system) / 1e6;
  const mainSecs = m1 !== null && m2 !== null ? m2 - m1 : null;
  const gcFlags = process.execArgv.filter((a) => /gc/.test(a)).join(' ');
  let steady = '';
  let steadyCpuMBps: number | null = null;
  if (warm) {
    const wmb = (bytes - warm.bytes) / 1024 / 1024;
    const wu = process.cpuUsage(warm.cpu);
    steadyCpuMBps = wmb / ((wu.user + wu.system) / 1e6);
    const wmain = warm.main !== null && m2 !== null ? m2 - warm.main : null;
    steady = `${(wmb / ((wu.user + wu.system) / 1e6)).toFixed(2)} MB/s of process CPU time${wmain ? `, ${(wmb / wmain).toFixed(2)} MB/s of main-thread CPU time` : ''}`;
  }
  const mb = bytes / 1024 / 1024;
  if (json) {
    const r: ExtractBench = { mb, files: files.length, wallSeconds: secs, cpuSeconds: cpuSecs, mainSeconds: mainSecs, steadyCpuMBps, load: os.loadavg() };
    process.stdout.write(JSON.stringify(r) + '\n');
    return;
  }
  const cpus = os.cpus();
  const lines = [
    '# Extraction benchmark',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpus[0]?.model ?? 'unknown cpu'}, ${cpus.length} cores (one used), ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`,
    `- corpus: ${files.length} files (the ${seeds.length} seeds repeated), ${mb.toFixed(1)} MB of UTF-8 Arabic text`,
    `- lexicon load + trie build: ${tIndex.toFixed(2)} s (once per process)`,
    `- load average during the run: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (shared machine: wall time includes waiting for a core)`,
    `- end to end (read, checks, extract, JSON): ${secs.toFixed(2)} s wall; CPU ${cpuSecs.toFixed(2)} s for the process (garbage-collector threads included)${mainSecs !== null ? `, ${mainSecs.toFixed(2)} s for the main thread` : ''}${gcFlags ? ` (node ${gcFlags})` : ''}`,
    `- **throughput per core: ${(mb / cpuSecs).toFixed(2)} MB/s of process CPU time**${mainSecs ? ` (${(mb / mainSecs).toFixed(2)} MB/s of main-thread CPU time)` : ''}; ${(mb / secs).toFixed(2)} MB/s wall clock (${(files.length / secs).toFixed(1)} documents/s)`,
    `- after the first quarter (compiler warm-up done): ${steady}`,
    `- output: ${entities} entities, ${relations} relations, ${(jsonBytes / 1024 / 1024).toFixed(1)} MB of JSON`,
    '',
    'Command: `npm run build && node dist/bench/extract.js` (BENCH_MB=N for another corpus size; `node --single-threaded-gc dist/bench/extract.js` keeps the collector on the main thread, so process CPU = main thread).',
    '',
  ];
  console.log(lines.join('\n'));
  const results = path.join(root, 'bench', 'results');
  fs.mkdirSync(results, { recursive: true });
  fs.writeFileSync(path.join(results, 'extract.md'), lines.join('\n'));
}

if (require.main === module) main();
