/**
 * Which files an ingest covers: folders expand (recursively) to the files of a format the read
 * step takes (.txt, .pdf, .docx, .html), sorted; their other files are refused by name with a
 * reason (hidden files are passed over silently).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { unreadableByName } from './formats';

export interface Expanded {
  files: string[];
  /** Arguments that are neither a file nor a folder. */
  missing: string[];
  /** Files inside folders that are not of a format read, with the reason. */
  refused: { file: string; reason: string }[];
}

async function walk(dir: string, out: string[], refused: Expanded['refused']): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, out, refused);
    else if (e.isFile()) {
      const reason = unreadableByName(e.name);
      if (reason) refused.push({ file: path.relative(process.cwd(), p) || p, reason });
      else out.push(p);
    }
  }
}

/** Files named explicitly are taken as they are (the read step refuses them if it must); folders contribute the files of formats read. Sorted, no duplicates. */
export async function expandPaths(paths: string[]): Promise<Expanded> {
  const files: string[] = [];
  const missing: string[] = [];
  const refused: Expanded['refused'] = [];
  for (const p of paths) {
    const st = await fs.stat(p).catch(() => null);
    if (!st) missing.push(p);
    else if (st.isDirectory()) await walk(p, files, refused);
    else files.push(p);
  }
  const sorted = [...new Set(files.map((f) => path.resolve(f)))].sort();
  return { files: sorted, missing, refused: refused.sort((a, b) => a.file.localeCompare(b.file)) };
}
