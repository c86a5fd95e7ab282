/** Progress of an ingest on stderr: a redrawn bar on a terminal, one plain line per file otherwise. */
import * as path from 'path';
import { EXTENSIONS } from './formats';
import type { FileResult, IngestSummary } from './index';

/** Per format (by file extension): files read, and how many of them failed or were refused. */
export type FormatCounts = Map<string, { files: number; failed: number }>;

function formatName(file: string): string {
  const ext = path.extname(file).toLowerCase();
  const f = EXTENSIONS[ext];
  return f === 'text' ? 'txt' : (f ?? (ext ? ext.slice(1) : 'no extension'));
}

export function countFormat(counts: FormatCounts, r: FileResult): void {
  const c = counts.get(formatName(r.file)) ?? { files: 0, failed: 0 };
  c.files++;
  if (r.outcome === 'failed') c.failed++;
  counts.set(formatName(r.file), c);
}

/** "by format: pdf 12 (1 failed), docx 3, txt 40" (formats read first, then refused ones). */
export function formatLine(counts: FormatCounts): string {
  const order = ['txt', 'pdf', 'docx', 'html'];
  const names = [...counts.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
  return 'by format: ' + names.map((n) => {
    const c = counts.get(n)!;
    return `${n} ${c.files}${c.failed ? ` (${c.failed === c.files ? 'all' : c.failed} failed)` : ''}`;
  }).join(', ');
}

export interface Progress {
  file(result: FileResult, index: number, total: number): void;
  done(summary: IngestSummary, seconds: number): void;
}

function describe(r: FileResult): string {
  if (r.outcome === 'failed') return `FAILED ${r.file}: ${r.error}`;
  if (r.outcome === 'unchanged') return `unchanged ${r.file} (same content already stored)`;
  const c = r.counts!;
  const w = r.warnings?.length ? `; ${r.warnings.length} item(s) dropped, e.g. ${r.warnings[0]}` : '';
  return `${r.outcome} ${r.file} -> ${r.documentId} (${c.entities} entities, ${c.mentions} mentions, ${c.relations} relations, ${c.paragraphs} paragraphs${w})`;
}

export function summaryLine(s: IngestSummary, seconds: number): string {
  return `${s.files} file(s) in ${seconds.toFixed(1)} s: ${s.ingested} ingested, ${s.replaced} replaced, ${s.unchanged} unchanged, ${s.failed.length} failed`;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = Boolean(stream.isTTY);
  const width = 30;
  let drawn = false;
  const formats: FormatCounts = new Map();
  const clear = () => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  return {
    file(r, index, total) {
      countFormat(formats, r);
      if (!tty) {
        stream.write(`[${index + 1}/${total}] ${describe(r)}\n`);
        return;
      }
      clear();
      // Failures and warnings stay on screen above the bar; successes only move the bar.
      if (r.outcome === 'failed') stream.write(`${describe(r)}\n`);
      const done = index + 1;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      const name = r.file.length > 40 ? '…' + r.file.slice(-39) : r.file;
      stream.write(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`);
      drawn = true;
    },
    done(summary, seconds) {
      clear();
      stream.write(`${summaryLine(summary, seconds)}\n`);
      if (formats.size > 1) stream.write(`  ${formatLine(formats)}\n`); // mixed batches only
      for (const f of summary.failed) stream.write(`  failed: ${f.file}: ${f.error}\n`);
    },
  };
}
