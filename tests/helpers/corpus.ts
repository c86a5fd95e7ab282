/**
 * A generated corpus for fault and load tests: `n` distinct documents cut from the seeds (a few
 * KB each, on a paragraph boundary), each with its own symbol on the first line so that every
 * file becomes its own Document (ids document:a-test-2026-<i>).
 */
import * as fs from 'fs';
import * as path from 'path';
import { SEEDS_DIR } from './seeded';

export function writeCorpus(dir: string, n: number, approxChars = 4000): string[] {
  const seeds = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8'));
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const text = seeds[i % seeds.length];
    // Different documents take different windows of their seed, so they are not all alike.
    const round = Math.floor(i / seeds.length);
    const from = Math.min(text.length - approxChars, round * approxChars);
    const start = from <= 0 ? 0 : boundary(text, from) + 1;
    const end = Math.min(text.length, boundary(text, start + approxChars));
    const body = text.slice(start, end);
    const file = path.join(dir, `doc-${String(i).padStart(3, '0')}.txt`);
    fs.writeFileSync(file, `A/TEST/2026/${i + 1}\n\n${body}\n`, 'utf8');
    files.push(file);
  }
  return files;
}

/** The next line end after `at`, or the next space when the text has no line end nearby (one-line seeds). */
function boundary(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  if (nl >= 0 && nl - at < 2000) return nl;
  const sp = text.indexOf(' ', at);
  return sp >= 0 ? sp : text.length;
}
