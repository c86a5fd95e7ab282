/**
 * Writes extracted documents into Neo4j, several per transaction for bulk ingestion: each
 * document is committed whole or not at all (with the removal of its previous version), and a
 * batch of documents shares one transaction so that it costs the same handful of round trips
 * as a single document. Idempotent by content hash.
 *
 *   same sha256 stored            -> 'unchanged', nothing written
 *   same id or file, other hash   -> 'replaced': the old contribution is undone, the new written
 *   otherwise                     -> 'ingested'
 *
 * Each stage is one UNWIND statement over a batch of rows (src/graph/rows.ts).
 */
import { createHash } from 'crypto';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { ExtractedDocument } from '../extract/types';
import { normaliseKey } from '../extract/arabic';
import { cypher } from './cypher';
import { batches, documentBatches, mergeCoOccurrences, mergeEntityRows, toRows, type CoOccurrenceRow, type DocumentRows, type Normaliser } from './rows';

export type LoadOutcome = 'ingested' | 'unchanged' | 'replaced';

export interface LoadResult {
  outcome: LoadOutcome;
  documentId: string;
  /** What this document wrote (zero when unchanged). */
  counts: { entities: number; mentions: number; relations: number; cooccurrences: number; paragraphs: number };
  warnings: string[];
}

export interface LoadOptions {
  database?: string;
  /** Folds names into search keys; the extractor's, so the API can normalise queries the same way. */
  normalise?: Normaliser;
}

export function sha256Of(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The ids of the documents stored with these content hashes (absent: not stored). Lets ingestion skip extraction altogether. */
export async function storedDocumentIds(driver: Driver, hashes: string[], opts: { database?: string } = {}): Promise<Map<string, string>> {
  if (hashes.length === 0) return new Map();
  const res = await driver.executeQuery(cypher('ingest-stored'), { hashes }, { database: opts.database, routing: neo4j.routing.READ });
  return new Map(res.records.map((r) => [r.get('sha256') as string, r.get('id') as string]));
}

/** Properties that are real numbers; every other whole number is an integer in the graph. */
const FLOAT_KEYS = new Set(['confidence']);

/**
 * The driver sends every JavaScript number as a FLOAT: offsets, counts and years would be stored
 * as 12.0. Whole numbers become Neo4j INTEGERs here, at the boundary (the rows stay plain data).
 */
export function withIntegers(value: unknown, key = ''): unknown {
  if (neo4j.isInt(value)) return value;
  if (typeof value === 'number') return Number.isInteger(value) && !FLOAT_KEYS.has(key) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map((v) => withIntegers(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withIntegers(v, k)]));
  }
  return value;
}

function run(tx: ManagedTransaction, name: string, params: Record<string, unknown>) {
  return tx.run(cypher(name), withIntegers(params) as Record<string, unknown>);
}

async function runBatched(tx: ManagedTransaction, name: string, rows: unknown[], params: Record<string, unknown> = {}): Promise<void> {
  for (const batch of batches(rows)) await run(tx, name, { ...params, rows: batch });
}

/**
 * Co-occurrence rows as columns, their ends as positions in one list of ids (see
 * cypher/ingest-cooccurs): a document has hundreds of pairs, and sending numbers instead of
 * maps of strings keeps the driver's encoding cheap.
 */
export function byPosition(
  rows: (CoOccurrenceRow & { documents?: number })[],
  ids: string[] = [],
): { ids: string[]; a: number[]; b: number[]; weight: number[]; documents: number[] } {
  const pos = new Map<string, number>(ids.map((id, i) => [id, i]));
  const at = (id: string) => {
    let i = pos.get(id);
    if (i === undefined) pos.set(id, (i = pos.size));
    return i;
  };
  return {
    a: rows.map((r) => at(r.a)),
    b: rows.map((r) => at(r.b)),
    weight: rows.map((r) => r.weight),
    documents: rows.map((r) => r.documents ?? 1),
    ids: [...pos.keys()],
  };
}

/** A stored document and what it contributed (from its Contribution node). */
interface Previous {
  id: string;
  entityIds: string[];
  cooccurrences: CoOccurrenceRow[];
}

/** Undoes what a stored document contributed (mentions, its relations, co-occurrence shares, paragraphs). */
async function removeContribution(tx: ManagedTransaction, prev: Previous): Promise<void> {
  const params = { documentId: prev.id, entityIds: [...new Set([...prev.entityIds, prev.id])] };
  await run(tx, 'ingest-remove-mentions', params);
  await run(tx, 'ingest-remove-relations', params);
  await runBatched(tx, 'ingest-remove-cooccurs', prev.cooccurrences);
  await run(tx, 'ingest-remove-paragraphs', params);
}

/** Writes new documents (nothing stored under their ids or files), all stages batched across them. */
async function writeRows(tx: ManagedTransaction, docs: DocumentRows[]): Promise<void> {
  if (docs.length === 0) return;
  await run(tx, 'ingest-document', {
    docs: docs.map((rows) => {
      // Pairs are kept as positions in entityIds (every pair's ends are among them).
      const co = byPosition(rows.cooccurrences, rows.entityIds);
      return { row: rows.document, entityIds: co.ids, coA: co.a, coB: co.b, coWeight: co.weight };
    }),
  });
  // One row per entity and per pair for the whole batch (hubs are named by every document).
  await runBatched(tx, 'ingest-entities', mergeEntityRows(docs.flatMap((d) => d.entities)));
  for (const part of documentBatches(docs.map((d) => ({ documentId: d.documentId, rows: d.mentions })))) {
    await run(tx, 'ingest-mentions', { docs: part });
  }
  await runBatched(tx, 'ingest-relations', docs.flatMap((d) => d.relations));
  for (const batch of batches(mergeCoOccurrences(docs.flatMap((d) => d.cooccurrences)))) await run(tx, 'ingest-cooccurs', byPosition(batch));
  for (const part of documentBatches(docs.map((d) => ({ documentId: d.documentId, rows: d.paragraphs })))) {
    await run(tx, 'ingest-paragraphs', { docs: part });
  }
}

/** Replaces stored version(s) of one document by its new rows. */
async function replaceDocument(tx: ManagedTransaction, rows: DocumentRows, previous: Previous[]): Promise<void> {
  for (const prev of previous) await removeContribution(tx, prev);
  await writeRows(tx, [rows]);
  const newIds = new Set(rows.entityIds);
  for (const prev of previous) {
    if (prev.id !== rows.documentId) await run(tx, 'ingest-retire-document', { documentId: prev.id });
  }
  const orphans = [...new Set(previous.flatMap((p) => [...p.entityIds, p.id]))].filter((id) => !newIds.has(id));
  if (orphans.length) await run(tx, 'ingest-prune', { entityIds: orphans });
}

interface Pending {
  rows: DocumentRows;
  sha256: string;
  file: string;
}

/**
 * The transaction body: decides from what is stored, then writes, in the documents' order (runs
 * of new documents together, a replacement on its own). Safe to retry (it re-reads).
 */
async function loadInTx(tx: ManagedTransaction, docs: Pending[]): Promise<{ outcome: LoadOutcome; documentId: string }[]> {
  const found = await run(tx, 'ingest-find', {
    docs: docs.map((d) => ({ sha256: d.sha256, documentId: d.rows.documentId, file: d.file })),
  });
  const results: { outcome: LoadOutcome; documentId: string }[] = [];
  const firstWithHash = new Map<string, string>();
  let fresh: DocumentRows[] = [];
  for (const [i, d] of docs.entries()) {
    const same = found.records[i].get('same') as string[];
    const previous = found.records[i].get('previous') as Previous[];
    // Same content stored, or earlier in this batch: nothing to write.
    const sameId = same[0] ?? firstWithHash.get(d.sha256);
    if (sameId !== undefined) {
      results.push({ outcome: 'unchanged', documentId: sameId });
      continue;
    }
    firstWithHash.set(d.sha256, d.rows.documentId);
    if (previous.length === 0) {
      fresh.push(d.rows);
      results.push({ outcome: 'ingested', documentId: d.rows.documentId });
      continue;
    }
    await writeRows(tx, fresh);
    fresh = [];
    await replaceDocument(tx, d.rows, previous);
    results.push({ outcome: 'replaced', documentId: d.rows.documentId });
  }
  await writeRows(tx, fresh);
  return results;
}

/** A document to load: what the extractor made of it, and the text and hash of its file. */
export interface LoadItem {
  doc: ExtractedDocument;
  /** `text`: the file's text as the extractor read it (mention offsets index into it); `sha256`: the hash of its bytes. */
  source: { text: string; sha256: string };
}

/**
 * Loads several extracted documents in ONE transaction: all of them are committed, or none.
 * Their ids and file names must be distinct (a later version of a document belongs in a later
 * call, as it replaces the earlier one); use `loadDocument` for one.
 */
export async function loadDocuments(driver: Driver, items: LoadItem[], opts: LoadOptions = {}): Promise<LoadResult[]> {
  const pending: Pending[] = items.map(({ doc, source }) => {
    const rows = toRows(doc, source, opts.normalise ?? normaliseKey);
    return { rows, sha256: source.sha256, file: rows.document.props.file as string };
  });
  const ids = new Set(pending.map((p) => p.rows.documentId));
  const files = new Set(pending.map((p) => p.file));
  if (ids.size < pending.length || files.size < pending.length) {
    throw new Error('loadDocuments: two documents of one batch share an id or a file name; load them in separate batches');
  }
  if (pending.length === 0) return [];
  const session = driver.session({ database: opts.database });
  try {
    const outcomes = await session.executeWrite((tx) => loadInTx(tx, pending));
    return outcomes.map(({ outcome, documentId }, i) => {
      const rows = pending[i].rows;
      const written = outcome !== 'unchanged';
      return {
        outcome,
        documentId,
        counts: {
          entities: written ? rows.entities.length : 0,
          mentions: written ? rows.mentions.reduce((n, m) => n + m.props.count, 0) : 0,
          relations: written ? rows.relations.length : 0,
          cooccurrences: written ? rows.cooccurrences.length : 0,
          paragraphs: written ? rows.paragraphs.length : 0,
        },
        warnings: rows.warnings,
      };
    });
  } finally {
    await session.close();
  }
}

/** Loads one extracted document in its own transaction. */
export async function loadDocument(
  driver: Driver,
  doc: ExtractedDocument,
  source: { text: string; sha256: string },
  opts: LoadOptions = {},
): Promise<LoadResult> {
  return (await loadDocuments(driver, [{ doc, source }], opts))[0];
}
