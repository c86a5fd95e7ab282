/**
 * Takes ingested documents back out: their mentions, relations, co-occurrence shares, paragraphs
 * and contribution go, entities nothing refers to any more are deleted and the others are
 * recomputed from what remains (src/graph/recompute.ts), so the graph equals a fresh ingest of
 * the other documents. All the documents of one call go in ONE transaction (all or nothing),
 * under the same identity locks as ingestion (cypher/ingest-lock.cypher). Ranked pages are
 * marked stale inside it and ranked again after the commit (src/graph/rank.ts), as ingestion does.
 */
import * as path from 'path';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { fileKey, idKey, lockKeys, removeContribution, run, settleEntities, shaKey, unlockKeys, type Previous } from './load';
import { writeTransaction } from './db';
import { markRanks, settleStaleRanksAfter } from './rank';

export interface RemovedDocument {
  /** What was asked for (an id or a file name). */
  ref: string;
  documentId: string;
  file: string;
}

/** Some of the documents asked for are not stored (nothing was removed). */
export class DocumentNotFoundError extends Error {
  readonly code = 'DOCUMENT_NOT_FOUND';
  constructor(readonly refs: string[]) {
    super(`no ingested document has the id or file name ${refs.map((r) => JSON.stringify(r)).join(', ')}: nothing was removed (list documents with the API's documents(ingestedOnly: true) query)`);
    this.name = 'DocumentNotFoundError';
  }
}

interface Found extends Previous {
  ref: string;
  sha256: string | null;
}

async function find(tx: ManagedTransaction, refs: string[]): Promise<Found[]> {
  const res = await run(tx, 'remove-find', { refs });
  return res.records.map((r) => r.toObject() as unknown as Found);
}

/** A reference as given on the command line: a document id, or a file (its bare name identifies it). */
export function documentRef(arg: string): string {
  return /^[a-z]+:/.test(arg) ? arg : path.basename(arg);
}

export async function removeDocuments(driver: Driver, refs: string[], opts: { database?: string } = {}): Promise<RemovedDocument[]> {
  const wanted = [...new Set(refs.map(documentRef))];
  if (wanted.length === 0) return [];
  const removed = await writeTransaction(driver, opts.database, async (tx) => {
    // Look, lock what was found, look again under the locks (a concurrent writer may have moved it).
    const seen = await find(tx, wanted);
    const keys = await lockKeys(tx, seen.filter((f) => f.id).flatMap((f) => [idKey(f.id), fileKey(f.file ?? ''), shaKey(f.sha256 ?? '')]));
    const found = await find(tx, wanted);
    const missing = found.filter((f) => !f.id).map((f) => f.ref);
    if (missing.length) throw new DocumentNotFoundError(missing);
    const settle: string[] = [];
    const done = new Set<string>();
    for (const f of found) {
      if (done.has(f.id)) continue; // an id and a file naming the same document
      done.add(f.id);
      await removeContribution(tx, f);
      await run(tx, 'ingest-retire-document', { documentId: f.id });
      settle.push(...f.entityIds, f.id);
    }
    await settleEntities(tx, settle);
    await markRanks(tx, settle);
    await unlockKeys(tx, keys);
    return found.map((f) => ({ ref: f.ref, documentId: f.id, file: f.file ?? '' }));
  });
  // Removal only lowers counts: no entity crosses K upwards, the marked ones are all there is.
  await settleStaleRanksAfter(driver, [], opts);
  return removed;
}
