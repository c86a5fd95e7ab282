/**
 * Ingestion orchestration, with the I/O at the edges: read bytes -> hash (skip when stored) ->
 * text (the read step, ./formats: PDF, DOCX, HTML or plain text, bad input refused) -> extract
 * (pure) -> load (one transaction). A refused or failing
 * file is reported and the others go on; a database that goes away stops the run (rerunning
 * the same command finishes the job: stored documents are skipped by content hash).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import type { DocumentMeta, ExtractedDocument } from '../extract/types';
import { loadDocuments, rowsFor, storedDocumentIds, sha256Of, type LoadResult } from '../graph/load';
import { settleStaleRanksAfter } from '../graph/rank';
import { isUnavailable } from '../graph/db';
import { documentIdFor, fileNameProblem, type DocumentRows } from '../graph/rows';
import { expandPaths } from './files';
import { pipelineExtractor, type Extractor } from './extractor';
import { ExtractionQueue, type Extracted } from './queue';

export type FileOutcome = 'ingested' | 'unchanged' | 'replaced' | 'failed';

export interface FileResult {
  file: string;
  outcome: FileOutcome;
  documentId?: string;
  counts?: LoadResult['counts'];
  warnings?: string[];
  error?: string;
}

export interface IngestSummary {
  files: number;
  ingested: number;
  unchanged: number;
  replaced: number;
  failed: { file: string; error: string }[];
}

export interface IngestOptions {
  database?: string;
  /** Called after each file, in order. */
  onFile?: (result: FileResult, index: number, total: number) => void;
  extractor?: Extractor;
  /**
   * Documents written per transaction (default DEFAULT_BATCH_SIZE, at most BATCH_BYTES of text). Each document is
   * still stored whole or not at all; a batch that fails is retried in halves down to single
   * documents, so only the bad document fails.
   */
  batchSize?: number;
  /** Called after each file extracted: its size and the seconds extraction took (benchmarks). */
  onExtracted?: (bytes: number, seconds: number) => void;
}

/**
 * 200: every batch that states a hub fact rewrites its whole evidence lists (Neo4j rewrites a list
 * property whole), so the relation stage costs (corpus / batch) x hub list size. At 10,000
 * documents the rewrite, not the sort, is the cost (PROFILE variants of cypher/ingest-relations on
 * a real batch: reading the lists ~1 s, sorting ~0.3 s, writing them back ~3 s), so halving the
 * rewrites is what pays: 200 new documents on the 10,000-document graph (transactions rolled back
 * before commit, 3 rounds interleaved) took 9.8-11.8 s in one batch against 16.5-24.2 s in two of
 * 100 (bench/findings.md "ingest helper, issue 11"). Not 25 (relation stage 20.1 s vs 9.5 s at
 * 100, documents 1,000-2,000). 400 gains ~15% more at 10,000 but 400-document batches once failed
 * in Neo4j from ~4,000 documents (bench/findings.md "Ingest helper"; a failed batch is now retried
 * in halves), and a large batch holds more in memory on both sides.
 */
export const DEFAULT_BATCH_SIZE = 200;
/** Text per write transaction: many small documents share one, a large one goes alone. */
export const BATCH_BYTES = 4 * 1024 * 1024;

/** A file the product will not ingest, with a message saying why and what to do. */
export class InputRefusedError extends Error {
  constructor(readonly file: string, message: string, readonly code: string = 'BAD_DOCUMENT') {
    super(message);
    this.name = 'InputRefusedError';
  }
}

/** The database went away or refused us: stop the whole run rather than fail every file. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Neo4j is not reachable (${reason(cause)}); start it with \`bash scripts/neo4j start\` or set NEO4J_URI, then rerun: documents already stored are skipped`);
    this.name = 'DatabaseUnavailableError';
  }
}

/** The driver's messages are long; the root cause ("connect ECONNREFUSED 127.0.0.1:7687") says it all. */
function reason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return /Caused by: (.*)$/s.exec(msg)?.[1].trim() ?? msg;
}

/** The door's classification (src/graph/db.ts): the database is away, so every file would fail alike. */
const isConnectionError = isUnavailable;

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Overrides of the header fields, e.g. given with the API's ingest mutation. */
export type MetaOverrides = Partial<DocumentMeta>;

function withMeta(doc: ExtractedDocument, meta?: MetaOverrides): ExtractedDocument {
  if (!meta) return doc;
  const defined = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined));
  return { ...doc, document: { ...doc.document, ...defined } };
}

/** A file extracted and ready to load. */
interface Loadable {
  file: string;
  doc: ExtractedDocument;
  text: string;
  sha256: string;
  /** Metadata overrides it was extracted with (kept with the document to verify it). */
  meta?: MetaOverrides;
  /** Its rows, computed while the previous batch is written (absent: loadDocuments makes them, or refuses the document). */
  rows?: DocumentRows;
}

/** Refuse bad input, then extract (pure, CPU): everything before the write but the hash check. */
async function extractOne(bytes: Buffer, file: string, sha256: string, opts: IngestOptions): Promise<Loadable> {
  const extractor = opts.extractor ?? pipelineExtractor;
  let text: string;
  try {
    text = await extractor.check(bytes, file);
  } catch (err) {
    throw new InputRefusedError(file, message(err));
  }
  let doc: ExtractedDocument;
  try {
    doc = extractor.extract(text, file);
  } catch (err) {
    throw new Error(`extraction failed: ${message(err)}`);
  }
  return { file, doc, text, sha256 };
}

/**
 * extractOne in the queue's worker thread when there is one (the main thread stays free for the
 * writes), inline otherwise; same refusals and errors either way.
 */
async function extractVia(queue: ExtractionQueue | null, bytes: Buffer, file: string, sha256: string, opts: IngestOptions): Promise<Loadable> {
  const t0 = process.hrtime.bigint();
  const inline = async (b: Buffer, f: string): Promise<Extracted> => {
    try {
      const l = await extractOne(b, f, sha256, opts);
      return { text: l.text, doc: l.doc };
    } catch (err) {
      if (err instanceof InputRefusedError) return { refused: err.message };
      throw err;
    }
  };
  const got = queue ? await queue.extract(bytes, file, inline) : await inline(bytes, file);
  if ('refused' in got) throw new InputRefusedError(file, got.refused);
  opts.onExtracted?.(bytes.length, got.seconds ?? Number(process.hrtime.bigint() - t0) / 1e9);
  return { file, doc: got.doc, text: got.text, sha256 };
}

/**
 * The document's rows, made now (while the previous batch is being written) rather than at the
 * start of its own write transaction. A document they refuse gets none: loadDocuments then
 * refuses it with the same error, where a refusal is handled.
 */
function rowsAhead(p: Loadable): DocumentRows | undefined {
  try {
    return rowsFor(p.doc, { text: p.text, sha256: p.sha256, meta: p.meta });
  } catch {
    return undefined;
  }
}

function toResult(p: Loadable, res: LoadResult): FileResult {
  return { file: p.file, outcome: res.outcome, documentId: res.documentId, counts: res.counts, warnings: res.warnings };
}

function failure(file: string, err: unknown): FileResult {
  // The file is reported beside the error: do not name it twice.
  const prefix = `${path.basename(file)}: `;
  const msg = message(err);
  return { file, outcome: 'failed', error: msg.startsWith(prefix) ? msg.slice(prefix.length) : msg };
}

/** Splits loadable files into write batches whose documents have distinct ids and file names (a repeat replaces, so it goes later). */
function writeBatches(items: Loadable[]): Loadable[][] {
  const out: Loadable[][] = [];
  let ids = new Set<string>();
  let files = new Set<string>();
  for (const p of items) {
    const id = documentIdFor(p.doc);
    const file = path.basename(p.doc.file ?? p.file);
    if (!out.length || ids.has(id) || files.has(file)) {
      out.push([]);
      ids = new Set();
      files = new Set();
    }
    out[out.length - 1].push(p);
    ids.add(id);
    files.add(file);
  }
  return out;
}

/**
 * Writes loadable files, a batch per transaction. A batch that fails for another reason than the
 * database going away is retried in halves, down to single documents: one bad document fails
 * alone after ~2·log2(batch) transactions (not one per document of its batch), and a batch too
 * heavy for the write timeout (KG_WRITE_TIMEOUT_MS) is cut to a size that passes instead of being
 * written a document at a time. Connection errors propagate.
 */
async function writeAll(driver: Driver, items: Loadable[], opts: IngestOptions, ranks?: Set<string>): Promise<FileResult[]> {
  const load = (b: Loadable[]) =>
    loadDocuments(driver, b.map((p) => ({ doc: p.doc, source: { text: p.text, sha256: p.sha256, meta: p.meta }, rows: p.rows })), {
      database: opts.database,
      deferRanks: ranks,
    });
  const write = async (batch: Loadable[]): Promise<FileResult[]> => {
    try {
      const res = await load(batch);
      return batch.map((p, i) => toResult(p, res[i]));
    } catch (err) {
      if (isConnectionError(err)) throw err;
      if (batch.length === 1) return [failure(batch[0].file, err)];
      const half = Math.ceil(batch.length / 2);
      return [...(await write(batch.slice(0, half))), ...(await write(batch.slice(half)))];
    }
  };
  const results: FileResult[] = [];
  for (const batch of writeBatches(items)) results.push(...(await write(batch)));
  return results;
}

/** One batch of files read and hashed: the content hashes already stored are looked up at once. */
interface Chunk {
  files: { name: string; bytes: Buffer; sha256: string }[];
}

/** Reads files in order into chunks of at most `size` files and BATCH_BYTES (a larger file alone). */
async function* readChunks(files: string[], size: number): AsyncGenerator<Chunk | { unreadable: string; error: unknown }> {
  let chunk: Chunk = { files: [] };
  let bytes = 0;
  for (const f of files) {
    const name = path.relative(process.cwd(), f) || f;
    let content: Buffer;
    try {
      content = await fs.readFile(f);
    } catch (err) {
      if (chunk.files.length) yield chunk;
      chunk = { files: [] };
      bytes = 0;
      yield { unreadable: name, error: err };
      continue;
    }
    if (chunk.files.length && (chunk.files.length >= size || bytes + content.length > BATCH_BYTES)) {
      yield chunk;
      chunk = { files: [] };
      bytes = 0;
    }
    chunk.files.push({ name, bytes: content, sha256: sha256Of(content) });
    bytes += content.length;
  }
  if (chunk.files.length) yield chunk;
}

/** A write in flight settles to its files' results, or to the database error that stops the run. */
type Settled = { results: FileResult[] } | { unavailable: unknown };

/**
 * Ingests files and folders (their .txt, .pdf, .docx and .html files, sorted; ./files). Never throws for a bad file (see
 * `failed`); throws DatabaseUnavailableError when Neo4j goes away. Files are taken in batches
 * (`batchSize`): their hashes are checked in one query (stored ones are not even extracted), the
 * others extracted and written in one transaction, while the next batch is already being read
 * and extracted: extraction (Node) and the write (Neo4j) overlap on two cores. Results are
 * reported in file order.
 */
export async function ingestPaths(driver: Driver, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const { files, missing, refused } = await expandPaths(paths);
  const summary: IngestSummary = { files: files.length + missing.length + refused.length, ingested: 0, unchanged: 0, replaced: 0, failed: [] };
  const total = summary.files;
  let index = 0;
  const report = (r: FileResult) => {
    if (r.outcome === 'failed') summary.failed.push({ file: r.file, error: r.error ?? 'failed' });
    else summary[r.outcome]++;
    opts.onFile?.(r, index++, total);
  };
  for (const m of missing) report({ file: m, outcome: 'failed', error: 'no such file or folder' });
  for (const r of refused) report(failure(r.file, r.reason));

  // The write in flight. It never rejects (errors are settled into values at once), so a database
  // that dies while the next batch is being prepared cannot become an unhandled rejection.
  let writing: Promise<Settled> | null = null;
  const settle = async () => {
    if (!writing) return;
    const s = await writing;
    writing = null;
    if ('unavailable' in s) throw new DatabaseUnavailableError(s.unavailable);
    s.results.forEach(report);
  };
  // Extraction in a worker thread (unless a custom extractor is given): the main thread encodes
  // and sends the write in flight while the next batch is extracted, instead of taking turns.
  const queue = opts.extractor ? null : new ExtractionQueue(1);
  // Ranked pages the batches mark stale are ranked once, at the end (src/graph/rank.ts).
  const ranks = new Set<string>();
  try {
    for await (const chunk of readChunks(files, Math.max(1, opts.batchSize ?? DEFAULT_BATCH_SIZE))) {
      if ('unreadable' in chunk) {
        await settle();
        report(failure(chunk.unreadable, chunk.error));
        continue;
      }
      let stored: Map<string, string>;
      try {
        stored = await storedDocumentIds(driver, chunk.files.map((f) => f.sha256), { database: opts.database });
      } catch (err) {
        await settle().catch(() => undefined);
        throw isConnectionError(err) ? new DatabaseUnavailableError(err) : err;
      }
      // Slots in file order: settled already, or the position of the file among those to write.
      const slots: (FileResult | number)[] = [];
      const toWrite: Loadable[] = [];
      for (const f of chunk.files) {
        const id = stored.get(f.sha256);
        if (id) {
          slots.push({ file: f.name, outcome: 'unchanged', documentId: id });
          continue;
        }
        // Inline extraction is synchronous CPU work: let the write in flight send its next
        // statement between files (in the worker it runs beside the write anyway).
        if (writing && !queue) await new Promise((resolve) => setImmediate(resolve));
        try {
          // One file at a time even in the worker: a document that kills it (out of memory) fails alone.
          const p = await extractVia(queue, f.bytes, path.basename(f.name), f.sha256, opts);
          slots.push(toWrite.length);
          toWrite.push({ ...p, file: f.name, rows: rowsAhead(p) });
        } catch (err) {
          slots.push(failure(f.name, err));
        }
      }
      await settle(); // results are reported in file order
      writing = writeAll(driver, toWrite, opts, ranks).then(
        (written): Settled => ({ results: slots.map((s) => (typeof s === 'number' ? written[s] : s)) }),
        (err): Settled => (isConnectionError(err) ? { unavailable: err } : { results: slots.map((s) => (typeof s === 'number' ? failure(toWrite[s].file, err) : s)) }),
      );
    }
    await settle();
    // After a failure instead, the next write's settle ranks what stays marked, the start-up check the rest.
    await settleStaleRanksAfter(driver, ranks, { database: opts.database });
  } finally {
    await queue?.close();
  }
  return summary;
}

/** Only the overrides actually given (undefined and null left out). */
function definedMeta(meta?: MetaOverrides): MetaOverrides | undefined {
  if (!meta) return undefined;
  const defined = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined && v !== null));
  return Object.keys(defined).length ? defined : undefined;
}

/**
 * Ingests one text given as a string, or one file's bytes in any format read (the API's ingest
 * mutation). `file` names the document (a later ingest under the same name replaces it); it must
 * be a bare, usable file name (fileNameProblem). Throws InputRefusedError for refused input (code
 * BAD_DOCUMENT or BAD_FILE_NAME), DocumentRefusedError from the load (DOCUMENT_ID_TAKEN,
 * DOCUMENT_TOO_DENSE) and, with a `queue`, IngestBusyError when it is full; extraction then runs in
 * its worker thread.
 */
export async function ingestText(
  driver: Driver,
  text: string | Buffer,
  file: string,
  meta?: MetaOverrides,
  opts: IngestOptions & { queue?: ExtractionQueue } = {},
): Promise<FileResult> {
  const problem = fileNameProblem(file);
  if (problem) throw new InputRefusedError(file, problem, 'BAD_FILE_NAME');
  const release = opts.queue?.admit();
  try {
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    const sha256 = sha256Of(bytes);
    // Same content already stored: nothing to do, not even extraction.
    const stored = (await storedDocumentIds(driver, [sha256], { database: opts.database })).get(sha256);
    if (stored) return { file, outcome: 'unchanged', documentId: stored };
    const overrides = definedMeta(meta);
    const got = await extractVia(opts.queue && !opts.extractor ? opts.queue : null, bytes, file, sha256, opts);
    const p: Loadable = { ...got, doc: withMeta(got.doc, overrides), meta: overrides };
    const [res] = await loadDocuments(driver, [{ doc: p.doc, source: { text: p.text, sha256, meta: overrides } }], { database: opts.database });
    return toResult(p, res);
  } catch (err) {
    if (isConnectionError(err)) throw new DatabaseUnavailableError(err);
    throw err;
  } finally {
    release?.();
  }
}
