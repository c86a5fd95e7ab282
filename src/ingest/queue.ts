/**
 * The ingest mutation's bounded queue and extraction thread. At most `capacity` ingestions are
 * admitted at once (waiting or running; default 4, KG_INGEST_QUEUE); one more is refused at once
 * with IngestBusyError (code INGEST_BUSY: retry later) rather than piling up memory. Admitted
 * documents are extracted one at a time in a worker thread (src/ingest/extract-worker.ts), then
 * written from the main thread (I/O only). When the compiled worker is not there (running from
 * TypeScript sources), extraction runs inline.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { packageRoot } from '../model';
import { DocumentRefusedError } from '../graph/rows';
import type { ExtractJob, ExtractReply } from './extract-worker';
import type { ExtractedDocument } from '../extract/types';

/** Heap of the extraction worker (default 1024 MB, KG_INGEST_WORKER_MB). */
const WORKER_HEAP_MB = Math.max(64, Number(process.env.KG_INGEST_WORKER_MB) || 1024);

export class IngestBusyError extends Error {
  readonly code = 'INGEST_BUSY';
  constructor(readonly capacity: number) {
    super(`the server is already ingesting ${capacity} document(s) (KG_INGEST_QUEUE): retry in a few seconds`);
    this.name = 'IngestBusyError';
  }
}

/** Extraction's answer: the text and document, or why the input is refused. */
export type Extracted = { text: string; doc: ExtractedDocument; seconds?: number } | { refused: string };

function workerScript(): string | null {
  const beside = path.join(__dirname, 'extract-worker.js');
  if (fs.existsSync(beside)) return beside;
  const built = path.join(packageRoot(), 'dist', 'src', 'ingest', 'extract-worker.js');
  return fs.existsSync(built) ? built : null;
}

export class ExtractionQueue {
  private worker: Worker | null = null;
  private admitted = 0;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: Extracted) => void; reject: (e: Error) => void }>();

  constructor(readonly capacity = Math.max(1, Number(process.env.KG_INGEST_QUEUE) || 4)) {}

  /** Admits one ingestion or throws IngestBusyError; call `release` when it is done. */
  admit(): () => void {
    if (this.admitted >= this.capacity) throw new IngestBusyError(this.capacity);
    this.admitted++;
    let done = false;
    return () => {
      if (!done) this.admitted--;
      done = true;
    };
  }

  get inFlight(): number {
    return this.admitted;
  }

  private start(script: string): Worker {
    // A poisoned document cannot take the API's memory with it: the worker's heap is bounded.
    const w = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    w.on('message', (r: ExtractReply) => {
      const p = this.waiting.get(r.id);
      if (!p) return;
      this.waiting.delete(r.id);
      if (this.waiting.size === 0) w.unref();
      if ('refused' in r) p.resolve({ refused: r.refused });
      else if ('error' in r) p.reject(new Error(r.error));
      else p.resolve({ text: r.text, doc: r.doc, seconds: r.seconds });
    });
    const fail = (cause: Error) => {
      if (this.worker !== w && this.worker !== null) return; // an earlier worker's late exit
      const err =
        (cause as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new DocumentRefusedError('DOCUMENT_TOO_DENSE', `extracting this document needs more than ${WORKER_HEAP_MB} MB (KG_INGEST_WORKER_MB): split it into smaller documents`)
          : cause;
      for (const p of this.waiting.values()) p.reject(err);
      this.waiting.clear();
      this.worker = null;
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`the extraction worker stopped (exit code ${code})`)));
    // Keeps the process alive only while a job is waiting (after the listeners: adding one refs it).
    w.unref();
    return w;
  }

  /** Extracts in the worker thread (the worker takes jobs one at a time, in order). */
  extract(bytes: Buffer, file: string, inline: (bytes: Buffer, file: string) => Extracted | Promise<Extracted>): Promise<Extracted> {
    const script = workerScript();
    if (!script) return Promise.resolve().then(() => inline(bytes, file));
    this.worker ??= this.start(script);
    const id = this.nextId++;
    return new Promise<Extracted>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker!.ref();
      this.worker!.postMessage({ id, bytes, file } satisfies ExtractJob);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
