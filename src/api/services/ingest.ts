/**
 * Writes through the API: the ingest and remove mutations, allowed only with the configured write
 * token (KG_WRITE_TOKEN) sent as `Authorization: Bearer <token>`. Ingestion goes through a bounded
 * queue whose extraction runs in a worker thread (src/ingest/queue.ts): a full queue answers
 * INGEST_BUSY at once (retry later), and readers are not stalled by a heavy document.
 */
import { timingSafeEqual } from 'crypto';
import { GraphQLError } from 'graphql';
import { badUserInput } from '../guard/errors';
import { isUnavailable } from '../../graph/db';
import { DocumentRefusedError } from '../../graph/rows';
import { DocumentNotFoundError, removeDocuments } from '../../graph/remove';
import { DatabaseUnavailableError, InputRefusedError, ingestText } from '../../ingest';
import { ExtractionQueue, IngestBusyError } from '../../ingest/queue';
import type { ApiContext } from '../context';

/** One queue per process: its capacity bounds the ingestions in flight across all requests. */
let queue: ExtractionQueue | null = null;
export function ingestQueue(): ExtractionQueue {
  queue ??= new ExtractionQueue();
  return queue;
}

export interface RemoveResultValue {
  documentId: string;
  file: string;
}

/** The refusals a writer can act on, as GraphQL errors with their README codes. */
function writeError(err: unknown): unknown {
  if (err instanceof IngestBusyError) return new GraphQLError(err.message, { extensions: { code: err.code, retryable: true } });
  if (err instanceof InputRefusedError) {
    const code = err.code === 'BAD_FILE_NAME' ? 'BAD_FILE_NAME' : 'BAD_USER_INPUT';
    return new GraphQLError(`document refused: ${err.message}`, { extensions: { code } });
  }
  if (err instanceof DocumentRefusedError) return new GraphQLError(`document refused: ${err.message}`, { extensions: { code: err.code } });
  if (err instanceof DocumentNotFoundError) return new GraphQLError(err.message, { extensions: { code: err.code } });
  if (err instanceof DatabaseUnavailableError) return new GraphQLError(err.message, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  return err;
}

export interface IngestArgs {
  text?: string | null;
  /** The file itself, base64 (PDF, DOCX, HTML or text), instead of `text`. */
  content?: string | null;
  file: string;
  metadata?: Record<string, unknown> | null;
}

export interface IngestResultValue {
  documentId: string;
  changed: boolean;
  outcome: string;
  entities: number;
  relations: number;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Throws the GraphQL error a client can act on unless the request carries the write token. */
export function requireWriteToken(ctx: ApiContext): void {
  const token = ctx.config.writeToken;
  if (!token) {
    throw new GraphQLError('writes are disabled on this server: start it with KG_WRITE_TOKEN=<secret> to allow them', {
      extensions: { code: 'FORBIDDEN' },
    });
  }
  const m = /^Bearer\s+(.+)$/i.exec(ctx.authorization ?? '');
  if (!m) {
    throw new GraphQLError('this mutation needs the write token: send the header "Authorization: Bearer <KG_WRITE_TOKEN>"', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  if (!sameSecret(m[1].trim(), token)) {
    throw new GraphQLError('the write token sent in the Authorization header is not the one configured (KG_WRITE_TOKEN)', {
      extensions: { code: 'FORBIDDEN' },
    });
  }
}


/** The document as given: the text, or the bytes of a file sent base64-encoded in `content`. */
function documentInput(args: IngestArgs): string | Buffer {
  const hasText = args.text !== null && args.text !== undefined;
  const hasContent = args.content !== null && args.content !== undefined;
  if (hasText === hasContent) throw badUserInput('give either text (plain text) or content (a PDF, DOCX or HTML file, base64-encoded), not both or neither');
  if (hasText) {
    if (!args.text!.trim()) throw badUserInput('text is empty: give the full text of the document');
    return args.text!;
  }
  const b64 = args.content!.replace(/\s+/g, '');
  if (!b64 || b64.length % 4 === 1 || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(b64)) {
    throw badUserInput('content is not base64: send the file\'s bytes base64-encoded (e.g. `base64 -w0 report.pdf`)');
  }
  return Buffer.from(b64, 'base64');
}

export async function ingestDocument(ctx: ApiContext, args: IngestArgs): Promise<IngestResultValue> {
  requireWriteToken(ctx);
  const input = documentInput(args);
  if (!args.file.trim()) throw new GraphQLError('file is empty: give a file name that identifies the document', { extensions: { code: 'BAD_FILE_NAME' } });
  const meta = Object.fromEntries(Object.entries(args.metadata ?? {}).filter(([, v]) => v !== null && v !== undefined));
  const ingest = ctx.deps.ingestText ?? ingestText;
  try {
    const r = await ingest(ctx.deps.driver, input, args.file, meta, { database: ctx.deps.database, queue: ingestQueue() });
    if (r.outcome === 'failed') {
      throw new GraphQLError(`ingestion failed: ${r.error ?? 'unknown reason'}`, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    }
    return {
      // Every outcome but 'failed' names its document, 'unchanged' included (the one stored with this content).
      documentId: r.documentId ?? '',
      changed: r.outcome !== 'unchanged',
      outcome: r.outcome,
      entities: r.counts?.entities ?? 0,
      relations: r.counts?.relations ?? 0,
    };
  } catch (err) {
    throw writeError(err);
  }
}

/** Takes an ingested document back out (by id or file name), all or nothing. */
export async function removeDocument(ctx: ApiContext, ref: string): Promise<RemoveResultValue> {
  requireWriteToken(ctx);
  if (!ref.trim()) throw badUserInput('give the id or the file name of an ingested document');
  try {
    const [r] = await removeDocuments(ctx.deps.driver, [ref.trim()], { database: ctx.deps.database });
    return { documentId: r.documentId, file: r.file };
  } catch (err) {
    if (isUnavailable(err)) throw writeError(new DatabaseUnavailableError(err));
    throw writeError(err);
  }
}
