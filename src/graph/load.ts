/**
 * Writes extracted documents into Neo4j, several per transaction for bulk ingestion: each
 * document is committed whole or not at all (with the removal of its previous version), and a
 * batch of documents shares one transaction so that it costs the same handful of round trips
 * as a single document. Idempotent by content hash.
 *
 *   same sha256 stored                      -> 'unchanged', nothing written
 *   same file, other hash                   -> 'replaced': the old contribution is undone, the new written
 *   id owned by another file                -> refused (DOCUMENT_ID_TAKEN), nothing written
 *   otherwise                               -> 'ingested'
 *
 * Writers of one identity are serialised by lock nodes taken first in every write transaction
 * (cypher/ingest-lock.cypher): the second waits, then decides from what the first committed.
 * Entities a replaced or removed version touched are recomputed from the remaining
 * contributions (src/graph/recompute.ts), so the graph equals a fresh ingest of what is stored.
 * Each stage is one UNWIND statement over a batch of rows (src/graph/rows.ts).
 */
import { createHash } from 'crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { ExtractedDocument } from '../extract/types';
import { normaliseKey } from '../extract/arabic';
import { readRows, run, writeTransaction } from './db';
import { recomputeEntities } from './recompute';
import { markRanks, rankCandidates, settleStaleRanksAfter } from './rank';
import { batches, documentBatches, DocumentRefusedError, mergeCoOccurrences, mergeEntityRows, mergeRelationRows, rowLimits, toRows, type CoOccurrenceRow, type DocumentPart, type DocumentRows, type MentionRow, type Normaliser, type RowLimits } from './rows';

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
  /** Caps per document (default: rowLimits(), from the environment). */
  limits?: RowLimits;
  /** Rewrite even when the same content is stored (kg verify --repair). */
  force?: boolean;
  /**
   * Leave the ranked pages this call marks stale for the caller to settle: the entities that may
   * have crossed K are added to this set, for src/graph/rank.ts settleStaleRanks (ingestPaths
   * settles once at its end instead of after every batch). Reads are exact meanwhile (they scan
   * stale entities).
   */
  deferRanks?: Set<string>;
}

export function sha256Of(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The ids of the documents stored with these content hashes (absent: not stored). Lets ingestion skip extraction altogether. */
export async function storedDocumentIds(driver: Driver, hashes: string[], opts: { database?: string } = {}): Promise<Map<string, string>> {
  if (hashes.length === 0) return new Map();
  const rows = await readRows(driver, 'ingest-stored', { hashes }, opts.database);
  return new Map(rows.map((r) => [r.sha256 as string, r.id as string]));
}

// The integer coercion and the statement runner live in the one Neo4j door (src/graph/db.ts).
export { withIntegers, run } from './db';

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

/** Mention rows with their eKeys lists as positions in one list of distinct lists (cypher/ingest-mentions). */
export function keysByPosition(part: DocumentPart<MentionRow>[]): { docs: DocumentPart<{ id: string; keys: number; props: Omit<MentionRow['props'], 'eKeys'> }>[]; keys: string[][] } {
  const at = new Map<string, number>();
  const keys: string[][] = [];
  const docs = part.map(({ documentId, rows }) => ({
    documentId,
    rows: rows.map(({ id, props: { eKeys, ...props } }) => {
      const k = JSON.stringify(eKeys);
      let i = at.get(k);
      if (i === undefined) {
        at.set(k, (i = keys.length));
        keys.push(eKeys);
      }
      return { id, keys: i, props };
    }),
  }));
  return { docs, keys };
}

/** A stored document and what it contributed (from its Contribution node). */
export interface Previous {
  id: string;
  file: string | null;
  entityIds: string[];
  cooccurrences: CoOccurrenceRow[];
}

/** Takes the write locks of these identity keys until the transaction ends (sorted: no lock cycles). */
export async function lockKeys(tx: ManagedTransaction, keys: string[]): Promise<string[]> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length) await run(tx, 'ingest-lock', { keys: sorted });
  return sorted;
}

export async function unlockKeys(tx: ManagedTransaction, keys: string[]): Promise<void> {
  if (keys.length) await run(tx, 'ingest-unlock', { keys });
}

export const idKey = (id: string) => `id:${id}`;
export const fileKey = (file: string) => `file:${file}`;
export const shaKey = (sha: string) => `sha:${sha}`;

/** Undoes what a stored document contributed (mentions, its relations, co-occurrence shares, paragraphs). */
export async function removeContribution(tx: ManagedTransaction, prev: Previous): Promise<void> {
  const params = { documentId: prev.id, entityIds: [...new Set([...prev.entityIds, prev.id])] };
  await run(tx, 'ingest-remove-mentions', params);
  await run(tx, 'ingest-remove-relations', params);
  await runBatched(tx, 'ingest-remove-cooccurs', prev.cooccurrences);
  await run(tx, 'ingest-remove-paragraphs', params);
}

/** After contributions were undone: entities nothing refers to go, the others are recomputed from what remains. */
export async function settleEntities(tx: ManagedTransaction, ids: Iterable<string>): Promise<void> {
  const all = [...new Set(ids)].sort();
  if (all.length === 0) return;
  await run(tx, 'ingest-prune', { entityIds: all });
  await recomputeEntities(tx, all);
}

/** A document's source, kept on its Contribution to verify or recompute it later. */
export interface StoredSource {
  text: string;
  /** JSON of the metadata overrides it was ingested with ('' when none). */
  meta: string;
}

/** Writes new documents (nothing stored under their ids or files), all stages batched across them. */
async function writeRows(tx: ManagedTransaction, docs: { rows: DocumentRows; source: StoredSource }[]): Promise<void> {
  if (docs.length === 0) return;
  await run(tx, 'ingest-document', {
    docs: docs.map(({ rows, source }) => {
      // Pairs are kept as positions in entityIds (every pair's ends are among them).
      const co = byPosition(rows.cooccurrences, rows.entityIds);
      return { row: rows.document, entityIds: co.ids, coA: co.a, coB: co.b, coWeight: co.weight, text: source.text, meta: source.meta };
    }),
  });
  const rowsOf = docs.map((d) => d.rows);
  // One row per entity and per pair for the whole batch (hubs are named by every document).
  await runBatched(tx, 'ingest-entities', mergeEntityRows(rowsOf.flatMap((d) => d.entities)));
  for (const part of documentBatches(rowsOf.map((d) => ({ documentId: d.documentId, rows: d.mentions })))) {
    await run(tx, 'ingest-mentions', keysByPosition(part));
  }
  // One row per (type, from, to) for the whole batch: each relationship is touched once.
  await runBatched(tx, 'ingest-relations', mergeRelationRows(rowsOf.flatMap((d) => d.relations)));
  for (const batch of batches(mergeCoOccurrences(rowsOf.flatMap((d) => d.cooccurrences)))) await run(tx, 'ingest-cooccurs', byPosition(batch));
  for (const part of documentBatches(rowsOf.map((d) => ({ documentId: d.documentId, rows: d.paragraphs })))) {
    await run(tx, 'ingest-paragraphs', { docs: part });
  }
}

/** Replaces stored version(s) of one document by its new rows; returns the entity ids to settle. */
async function replaceDocument(tx: ManagedTransaction, doc: { rows: DocumentRows; source: StoredSource }, previous: Previous[]): Promise<string[]> {
  for (const prev of previous) await removeContribution(tx, prev);
  await writeRows(tx, [doc]);
  for (const prev of previous) {
    if (prev.id !== doc.rows.documentId) await run(tx, 'ingest-retire-document', { documentId: prev.id });
  }
  return previous.flatMap((p) => [...p.entityIds, p.id]);
}

interface Pending {
  rows: DocumentRows;
  sha256: string;
  file: string;
  source: StoredSource;
}

/** The identity keys a batch's writers lock. */
function keysOf(docs: Pending[]): string[] {
  return docs.flatMap((d) => [idKey(d.rows.documentId), fileKey(d.file), shaKey(d.sha256)]);
}

/**
 * The transaction body: locks the batch's identities, decides from what is stored, then writes,
 * in the documents' order (runs of new documents together, a replacement on its own). Safe to
 * retry (it re-reads). Throws DocumentRefusedError (DOCUMENT_ID_TAKEN) when a document's id is
 * owned by another file: the whole batch rolls back, and the caller retries its documents alone.
 */
async function loadInTx(tx: ManagedTransaction, docs: Pending[], force = false): Promise<{ outcome: LoadOutcome; documentId: string }[]> {
  const keys = await lockKeys(tx, keysOf(docs));
  const found = await run(tx, 'ingest-find', {
    docs: docs.map((d) => ({ sha256: d.sha256, documentId: d.rows.documentId, file: d.file })),
  });
  const results: { outcome: LoadOutcome; documentId: string }[] = [];
  const firstWithHash = new Map<string, string>();
  const settle: string[] = [];
  let fresh: Pending[] = [];
  const flush = async () => {
    await writeRows(tx, fresh);
    fresh = [];
  };
  for (const [i, d] of docs.entries()) {
    const same = force ? [] : (found.records[i].get('same') as string[]);
    const previous = found.records[i].get('previous') as Previous[];
    // Same content stored, or earlier in this batch: nothing to write.
    const sameId = same[0] ?? firstWithHash.get(d.sha256);
    if (sameId !== undefined) {
      results.push({ outcome: 'unchanged', documentId: sameId });
      continue;
    }
    const owner = previous.find((p) => p.id === d.rows.documentId && p.file !== d.file);
    if (owner) {
      throw new DocumentRefusedError(
        'DOCUMENT_ID_TAKEN',
        `${d.file}: its document id ${d.rows.documentId} already belongs to the document ingested from "${owner.file}" ` +
          `(same symbol, or a file name differing only in case, spaces or punctuation); send it under "${owner.file}" to replace that ` +
          `document, or remove that document first (kg remove ${d.rows.documentId})`,
      );
    }
    firstWithHash.set(d.sha256, d.rows.documentId);
    if (previous.length === 0) {
      fresh.push(d);
      results.push({ outcome: 'ingested', documentId: d.rows.documentId });
      continue;
    }
    await flush();
    settle.push(...(await replaceDocument(tx, d, previous)));
    results.push({ outcome: 'replaced', documentId: d.rows.documentId });
  }
  await flush();
  await settleEntities(tx, settle);
  // Ranked pages: marked stale here (ingest-entities.cypher for the entities written), ranked after the commit.
  if (settle.length) await markRanks(tx, settle);
  await unlockKeys(tx, keys);
  return results;
}

/** A document to load: what the extractor made of it, and the text and hash of its file. */
export interface LoadItem {
  doc: ExtractedDocument;
  /**
   * `text`: the file's text as the extractor read it (mention offsets index into it); `sha256`:
   * the hash of its bytes; `meta`: the metadata overrides it was extracted with (kept to verify it).
   */
  source: { text: string; sha256: string; meta?: Record<string, unknown> };
  /** `rowsFor(doc, source, opts)` computed ahead (ingestPaths does it while the previous batch is written). */
  rows?: DocumentRows;
}

/** What loadDocuments writes for one document (throws DocumentRefusedError for one it refuses). */
export function rowsFor(doc: ExtractedDocument, source: LoadItem['source'], opts: LoadOptions = {}): DocumentRows {
  return toRows(doc, source, opts.normalise ?? normaliseKey, opts.limits ?? rowLimits());
}

/**
 * Loads several extracted documents in ONE transaction: all of them are committed, or none.
 * Their ids and file names must be distinct (a later version of a document belongs in a later
 * call, as it replaces the earlier one); use `loadDocument` for one.
 */
export async function loadDocuments(driver: Driver, items: LoadItem[], opts: LoadOptions = {}): Promise<LoadResult[]> {
  const pending: Pending[] = items.map(({ doc, source, rows: ahead }) => {
    const rows = ahead ?? rowsFor(doc, source, opts);
    const meta = source.meta && Object.keys(source.meta).length ? JSON.stringify(source.meta) : '';
    return { rows, sha256: source.sha256, file: rows.document.props.file as string, source: { text: source.text, meta } };
  });
  const ids = new Set(pending.map((p) => p.rows.documentId));
  const files = new Set(pending.map((p) => p.file));
  if (ids.size < pending.length || files.size < pending.length) {
    throw new Error('loadDocuments: two documents of one batch share an id or a file name; load them in separate batches');
  }
  if (pending.length === 0) return [];
  const outcomes = await writeTransaction(driver, opts.database, (tx) => loadInTx(tx, pending, opts.force));
  const candidates = rankCandidates(pending.filter((_, i) => outcomes[i].outcome !== 'unchanged').map((p) => p.rows));
  if (opts.deferRanks) for (const id of candidates) opts.deferRanks.add(id);
  else await settleStaleRanksAfter(driver, candidates, opts);
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
}

/** Loads one extracted document in its own transaction. */
export async function loadDocument(
  driver: Driver,
  doc: ExtractedDocument,
  source: LoadItem['source'],
  opts: LoadOptions = {},
): Promise<LoadResult> {
  return (await loadDocuments(driver, [{ doc, source }], opts))[0];
}
