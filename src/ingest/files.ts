/** Which files an ingest covers: folders expand (recursively) to their .txt files, sorted. */
import { promises as fs } from 'fs';
import * as path from 'path';

export interface Expanded {
  files: string[];
  /** Arguments that are neither a file nor a folder. */
  missing: string[];
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile() && e.name.toLowerCase().endsWith('.txt')) out.push(p);
  }
}

/** Files named explicitly are taken as they are; folders contribute their .txt files. Sorted, no duplicates. */
export async function expandPaths(paths: string[]): Promise<Expanded> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const st = await fs.stat(p).catch(() => null);
    if (!st) missing.push(p);
    else if (st.isDirectory()) await walk(p, files);
    else files.push(p);
  }
  const sorted = [...new Set(files.map((f) => path.resolve(f)))].sort();
  return { files: sorted, missing };
}
