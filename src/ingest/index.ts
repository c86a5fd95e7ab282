/**
 * Ingestion orchestration, with the I/O at the edges: read bytes -> hash (skip when stored) ->
 * refuse bad input (checkInput) -> extract (pure) -> load (one transaction). A refused or failing
 * file is reported and the others go on; a database that goes away stops the run (rerunning
 * the same command finishes the job: stored documents are skipped by content hash).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Driver } from 'neo4j-driver';
import type { DocumentMeta, ExtractedDocument } from '../extract/types';
import { loadDocument, storedDocumentId, sha256Of, type LoadResult } from '../graph/load';
import { expandPaths } from './files';
import { pipelineExtractor, type Extractor } from './extractor';

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
}

/** A file the product will not ingest, with a message saying why and what to do. */
export class InputRefusedError extends Error {
  readonly code = 'BAD_DOCUMENT';
  constructor(readonly file: string, message: string) {
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

function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? '';
  return code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ECONNRESET|connect/.test(code) ||
    code.startsWith('Neo.ClientError.Security') || code === 'Neo.TransientError.General.DatabaseUnavailable';
}

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

/** A file ready to load, or already settled (same content stored). */
type Prepared = { done: FileResult } | { file: string; doc: ExtractedDocument; text: string; sha256: string };

/** Everything before the database write: hash (skip when stored), refuse bad input, extract. */
async function prepare(driver: Driver, bytes: Buffer, file: string, opts: IngestOptions, meta?: MetaOverrides): Promise<Prepared> {
  const extractor = opts.extractor ?? pipelineExtractor;
  const sha256 = sha256Of(bytes);
  // Same content already stored: nothing to do, not even extraction.
  const stored = await storedDocumentId(driver, sha256, { database: opts.database });
  if (stored) return { done: { file, outcome: 'unchanged', documentId: stored } };
  let text: string;
  try {
    text = extractor.check(bytes, file);
  } catch (err) {
    throw new InputRefusedError(file, message(err));
  }
  let doc: ExtractedDocument;
  try {
    doc = withMeta(extractor.extract(text, file), meta);
  } catch (err) {
    throw new Error(`extraction failed: ${message(err)}`);
  }
  return { file, doc, text, sha256 };
}

async function load(driver: Driver, p: Exclude<Prepared, { done: FileResult }>, opts: IngestOptions): Promise<FileResult> {
  const res = await loadDocument(driver, p.doc, { text: p.text, sha256: p.sha256 }, { database: opts.database });
  return { file: p.file, outcome: res.outcome, documentId: res.documentId, counts: res.counts, warnings: res.warnings };
}

function failure(file: string, err: unknown): FileResult {
  // The file is reported beside the error: do not name it twice.
  const prefix = `${path.basename(file)}: `;
  const msg = message(err);
  return { file, outcome: 'failed', error: msg.startsWith(prefix) ? msg.slice(prefix.length) : msg };
}

/** A write in flight settles to its file's result, or to the database error that stops the run. */
type Settled = { result: FileResult } | { unavailable: unknown };

/**
 * Ingests files and folders (their .txt files, sorted). Never throws for a bad file (see
 * `failed`); throws DatabaseUnavailableError when Neo4j goes away. Documents are written one
 * after the other in file order, while the next file is already being extracted: extraction
 * (Node) and the write (Neo4j) overlap on two cores.
 */
export async function ingestPaths(driver: Driver, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const { files, missing } = await expandPaths(paths);
  const summary: IngestSummary = { files: files.length + missing.length, ingested: 0, unchanged: 0, replaced: 0, failed: [] };
  const total = summary.files;
  let index = 0;
  const report = (r: FileResult) => {
    if (r.outcome === 'failed') summary.failed.push({ file: r.file, error: r.error ?? 'failed' });
    else summary[r.outcome]++;
    opts.onFile?.(r, index++, total);
  };
  for (const m of missing) report({ file: m, outcome: 'failed', error: 'no such file or folder' });

  // The write in flight. It never rejects (errors are settled into values at once), so a database
  // that dies while the next file is being prepared cannot become an unhandled rejection.
  let writing: Promise<Settled> | null = null;
  const settle = async () => {
    if (!writing) return;
    const s = await writing;
    writing = null;
    if ('unavailable' in s) throw new DatabaseUnavailableError(s.unavailable);
    report(s.result);
  };
  for (const f of files) {
    const name = path.relative(process.cwd(), f) || f;
    let next: Prepared;
    try {
      next = await prepare(driver, await fs.readFile(f), path.basename(f), opts);
    } catch (err) {
      if (isConnectionError(err)) {
        await settle();
        throw new DatabaseUnavailableError(err);
      }
      next = { done: failure(name, err) };
    }
    await settle(); // results are reported in file order
    if ('done' in next) report({ ...next.done, file: name });
    else {
      writing = load(driver, { ...next, file: name }, opts).then(
        (result): Settled => ({ result }),
        (err): Settled => (isConnectionError(err) ? { unavailable: err } : { result: failure(name, err) }),
      );
    }
  }
  await settle();
  return summary;
}

/**
 * Ingests one text given as a string (the API's ingest mutation). `file` names the document
 * (a later ingest under the same name replaces it). Throws InputRefusedError for refused input.
 */
export async function ingestText(driver: Driver, text: string, file: string, meta?: MetaOverrides, opts: IngestOptions = {}): Promise<FileResult> {
  try {
    const p = await prepare(driver, Buffer.from(text, 'utf8'), path.basename(file), opts, meta);
    return 'done' in p ? p.done : await load(driver, p, opts);
  } catch (err) {
    if (isConnectionError(err)) throw new DatabaseUnavailableError(err);
    throw err;
  }
}
