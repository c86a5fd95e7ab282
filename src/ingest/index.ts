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
import { isStored, loadDocument, sha256Of, type LoadResult } from '../graph/load';
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
    super(`Neo4j is not reachable (${cause instanceof Error ? cause.message : String(cause)}); start it with \`bash scripts/neo4j start\` or set NEO4J_URI, then rerun: documents already stored are skipped`);
    this.name = 'DatabaseUnavailableError';
  }
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

/** One file's bytes through the whole pipeline. Input problems come back as InputRefusedError. */
async function ingestBytes(driver: Driver, bytes: Buffer, file: string, opts: IngestOptions, meta?: MetaOverrides): Promise<FileResult> {
  const extractor = opts.extractor ?? pipelineExtractor;
  const sha256 = sha256Of(bytes);
  // Same content already stored: nothing to do, not even extraction.
  if (await isStored(driver, sha256, { database: opts.database })) return { file, outcome: 'unchanged' };
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
  const res = await loadDocument(driver, doc, { text, sha256 }, { database: opts.database });
  return { file, outcome: res.outcome, documentId: res.documentId, counts: res.counts, warnings: res.warnings };
}

/** Ingests files and folders (their .txt files, sorted). Never throws for a bad file; see `failed`. */
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
  for (const m of missing) report({ file: m, outcome: 'failed', error: `no such file or folder: ${m}` });
  for (const f of files) {
    const name = path.relative(process.cwd(), f) || f;
    let result: FileResult;
    try {
      const bytes = await fs.readFile(f);
      result = { ...(await ingestBytes(driver, bytes, path.basename(f), opts)), file: name };
    } catch (err) {
      if (isConnectionError(err)) throw new DatabaseUnavailableError(err);
      // The file is reported beside the error: do not name it twice.
      const prefix = `${path.basename(f)}: `;
      const msg = message(err);
      result = { file: name, outcome: 'failed', error: msg.startsWith(prefix) ? msg.slice(prefix.length) : msg };
    }
    report(result);
  }
  return summary;
}

/**
 * Ingests one text given as a string (the API's ingest mutation). `file` names the document
 * (a later ingest under the same name replaces it). Throws InputRefusedError for refused input.
 */
export async function ingestText(driver: Driver, text: string, file: string, meta?: MetaOverrides, opts: IngestOptions = {}): Promise<FileResult> {
  try {
    return await ingestBytes(driver, Buffer.from(text, 'utf8'), path.basename(file), opts, meta);
  } catch (err) {
    if (isConnectionError(err)) throw new DatabaseUnavailableError(err);
    throw err;
  }
}
