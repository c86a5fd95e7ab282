/**
 * Worker thread of the ingest mutation and of bulk ingestion (ingestPaths): refuses bad input and
 * extracts (both CPU-bound) off the main event loop, so readers and /health stay fast while a heavy
 * document is being ingested, and a bulk load's writes are driven while the next batch is extracted.
 * One message in ({id, bytes, file}), one out ({id, text, doc, seconds} | {id, refused} | {id, error}).
 */
import { parentPort } from 'worker_threads';
import { rowLimits, trimPairs } from '../graph/rows';
import { pipelineExtractor } from './extractor';

export interface ExtractJob {
  id: number;
  bytes: Uint8Array;
  file: string;
}

export type ExtractReply =
  | { id: number; text: string; doc: ReturnType<typeof pipelineExtractor.extract>; seconds: number }
  | { id: number; refused: string }
  | { id: number; error: string };

parentPort?.on('message', async (job: ExtractJob) => {
  const t0 = process.hrtime.bigint();
  let text: string;
  try {
    // PDF, DOCX and HTML are read here too (src/ingest/formats), off the API's thread.
    text = await pipelineExtractor.check(Buffer.from(job.bytes), job.file);
  } catch (err) {
    parentPort!.postMessage({ id: job.id, refused: err instanceof Error ? err.message : String(err) } satisfies ExtractReply);
    return;
  }
  try {
    // The per-paragraph pair cap applied here already: a dense document's millions of pairs never
    // cross to the API's thread (the rows are the same, capPairs being idempotent).
    const doc = trimPairs(pipelineExtractor.extract(text, job.file), text, rowLimits().pairEntitiesPerParagraph);
    parentPort!.postMessage({ id: job.id, text, doc, seconds: Number(process.hrtime.bigint() - t0) / 1e9 } satisfies ExtractReply);
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: `extraction failed: ${err instanceof Error ? err.message : String(err)}` } satisfies ExtractReply);
  }
});
