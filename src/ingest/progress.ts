/** Progress of an ingest on stderr: a redrawn bar on a terminal, one plain line per file otherwise. */
import type { FileResult, IngestSummary } from './index';

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
  const clear = () => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  return {
    file(r, index, total) {
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
      for (const f of summary.failed) stream.write(`  failed: ${f.file}: ${f.error}\n`);
    },
  };
}
