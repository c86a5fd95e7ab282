/**
 * Writes one ExtractedDocument into Neo4j in ONE transaction: either the whole document (and the
 * removal of its previous version) is committed, or nothing is. Idempotent by content hash.
 *
 *   same sha256 stored            -> 'unchanged', nothing written
 *   same id or file, other hash   -> 'replaced': the old contribution is undone, the new written
 *   otherwise                     -> 'ingested'
 *
 * Each stage is one UNWIND statement over a batch of rows (src/graph/rows.ts), so a document
 * costs a handful of round trips whatever its size.
 */
import { createHash } from 'crypto';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { ExtractedDocument } from '../extract/types';
import { normaliseKey } from '../extract/normalise';
import { cypher } from './cypher';
import { batches, toRows, type CoOccurrenceRow, type DocumentRows, type Normaliser } from './rows';

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

/** The id of the document stored with this content hash, or null. Lets ingestion skip extraction altogether. */
export async function storedDocumentId(driver: Driver, sha256: string, opts: { database?: string } = {}): Promise<string | null> {
  const res = await driver.executeQuery(cypher('ingest-stored'), { sha256 }, { database: opts.database, routing: neo4j.routing.READ });
  return (res.records[0]?.get('id') as string | null) ?? null;
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
export function byPosition(rows: CoOccurrenceRow[], ids: string[] = []): { ids: string[]; a: number[]; b: number[]; weight: number[] } {
  const pos = new Map<string, number>(ids.map((id, i) => [id, i]));
  const at = (id: string) => {
    let i = pos.get(id);
    if (i === undefined) pos.set(id, (i = pos.size));
    return i;
  };
  return { a: rows.map((r) => at(r.a)), b: rows.map((r) => at(r.b)), weight: rows.map((r) => r.weight), ids: [...pos.keys()] };
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

async function writeRows(tx: ManagedTransaction, rows: DocumentRows): Promise<void> {
  const documentId = rows.documentId;
  // Pairs are kept as positions in entityIds (every pair's ends are among them).
  const co = byPosition(rows.cooccurrences, rows.entityIds);
  await run(tx, 'ingest-document', { row: rows.document, entityIds: co.ids, coA: co.a, coB: co.b, coWeight: co.weight });
  await runBatched(tx, 'ingest-entities', rows.entities);
  await runBatched(tx, 'ingest-mentions', rows.mentions, { documentId });
  await runBatched(tx, 'ingest-relations', rows.relations);
  for (const batch of batches(rows.cooccurrences)) await run(tx, 'ingest-cooccurs', byPosition(batch));
  await runBatched(tx, 'ingest-paragraphs', rows.paragraphs, { documentId });
}

/** The transaction body: decides from what is stored, then writes. Safe to retry (it re-reads). */
async function loadInTx(tx: ManagedTransaction, rows: DocumentRows, sha256: string, file: string): Promise<LoadOutcome> {
  const found = await run(tx, 'ingest-find', { sha256, documentId: rows.documentId, file });
  const same = found.records[0].get('same') as string[];
  if (same.length > 0) return 'unchanged';
  const previous = found.records[0].get('previous') as Previous[];

  for (const prev of previous) await removeContribution(tx, prev);
  await writeRows(tx, rows);
  if (previous.length === 0) return 'ingested';

  const newIds = new Set(rows.entityIds);
  for (const prev of previous) {
    if (prev.id !== rows.documentId) await run(tx, 'ingest-retire-document', { documentId: prev.id });
  }
  const orphans = [...new Set(previous.flatMap((p) => [...p.entityIds, p.id]))].filter((id) => !newIds.has(id));
  if (orphans.length) await run(tx, 'ingest-prune', { entityIds: orphans });
  return 'replaced';
}

/**
 * Loads one extracted document. `text` is the file's text as the extractor read it (mention
 * offsets index into it); `sha256` the hash of the file's bytes.
 */
export async function loadDocument(
  driver: Driver,
  doc: ExtractedDocument,
  source: { text: string; sha256: string },
  opts: LoadOptions = {},
): Promise<LoadResult> {
  const rows = toRows(doc, source, opts.normalise ?? normaliseKey);
  const session = driver.session({ database: opts.database });
  try {
    const outcome = await session.executeWrite((tx) => loadInTx(tx, rows, source.sha256, rows.document.props.file as string));
    const written = outcome !== 'unchanged';
    return {
      outcome,
      documentId: rows.documentId,
      counts: {
        entities: written ? rows.entities.length : 0,
        mentions: written ? rows.mentions.reduce((n, m) => n + m.props.count, 0) : 0,
        relations: written ? rows.relations.length : 0,
        cooccurrences: written ? rows.cooccurrences.length : 0,
        paragraphs: written ? rows.paragraphs.length : 0,
      },
      warnings: rows.warnings,
    };
  } finally {
    await session.close();
  }
}
