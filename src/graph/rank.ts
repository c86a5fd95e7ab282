/**
 * Ranked pages of well-connected entities (issue 11, "hubs read only their page"). An entity
 * with more than K typed relations (K = KG_RANK_SIZE, default 100) stores its first K in the
 * order of a relation page (count descending, the other end's name then id, type, direction) as
 * list properties (cypher/ingest-rank.cypher). A page of at most K relations that the stored
 * ones can answer then reads only those relationships (cypher/api-relations.cypher,
 * compiled-relation.cypher) instead of all of a hub's; anything else reads them all, as before.
 *
 * The lists are a function of the graph (a fresh ingest writes the same), kept after every
 * write transaction for the entities it touched:
 *
 *   new documents only   ranked ends of the written relations merge their stored K with the
 *                        batch's relationships (counts only grow): no hub scan;
 *   removal, replacement every touched entity is ranked again from all its relations;
 *   a renamed entity     its ranked neighbours whose page it may enter or leave, likewise;
 *   start (applySchema)  entities whose lists are missing or of another size (buildRanks).
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { readRows, run, writeTransaction } from './db';
import { batches, type DocumentRows } from './rows';

/** The entity properties holding the ranked page (recompute keeps them: they are not contributions). */
export const RANK_PROPERTIES: readonly string[] = ['rankCount', 'rankName', 'rankOther', 'rankType', 'rankOut'];

const DEFAULT_RANK_SIZE = 100;

/** K: relations kept per ranked entity, and the degree above which an entity is ranked (KG_RANK_SIZE). */
export function rankSize(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.KG_RANK_SIZE;
  if (raw === undefined || raw === '') return DEFAULT_RANK_SIZE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`KG_RANK_SIZE must be a whole number >= 1 (relations per ranked page), got "${raw}"`);
  return n;
}

interface Changed {
  o: string;
  t: string;
  out: boolean;
}

/** Per entity, the typed relationships the written documents gave it (each once). */
export function changedRelations(written: readonly DocumentRows[]): Map<string, Changed[]> {
  const out = new Map<string, Map<string, Changed>>();
  const add = (id: string, c: Changed) => {
    let m = out.get(id);
    if (!m) out.set(id, (m = new Map()));
    m.set(`${c.t}\u0000${c.o}\u0000${c.out}`, c);
  };
  for (const d of written) {
    for (const r of d.relations) {
      add(r.from, { o: r.to, t: r.type, out: true });
      add(r.to, { o: r.from, t: r.type, out: false });
    }
  }
  return new Map([...out].map(([id, m]) => [id, [...m.values()]]));
}

/**
 * Brings the ranked pages up to date at the end of a write transaction: `written` are the
 * documents whose rows it wrote, `settled` the entities a removal or replacement recomputed
 * (src/graph/load.ts settleEntities); with none, the incremental merge applies.
 */
export async function settleRanks(tx: ManagedTransaction, written: readonly DocumentRows[], settled: readonly string[] = []): Promise<void> {
  const k = rankSize();
  const changed = changedRelations(written);
  const documents = written.map((d) => d.documentId);
  const all = settled.length > 0;
  // Entities the batch may have renamed: it names them (or ingests them), or a removal recomputed them.
  const named = [...new Set([...written.flatMap((d) => d.entities.map((e) => e.id)), ...documents, ...settled])].sort();
  const full = new Set<string>();
  for (const ids of batches(named, 1000)) {
    const res = await run(tx, 'ingest-rank-renamed', { ids, documents, all });
    for (const r of res.records) full.add(r.get('id') as string);
  }
  const ids = [...new Set([...changed.keys(), ...settled, ...full])].sort();
  const rows = ids.map((id) => ({ id, full: all || full.has(id), changed: changed.get(id) ?? [] }));
  for (const part of batches(rows, 500)) await run(tx, 'ingest-rank', { rows: part, k });
}

/**
 * The start-up migration: ranks the entities whose lists are missing, of another size or no
 * longer due (a graph written before ranked pages, or under another KG_RANK_SIZE), in
 * transactions of a few hundred entities. Nothing to write once done.
 */
export async function buildRanks(driver: Driver, opts: { database?: string } = {}): Promise<number> {
  const k = rankSize();
  const ids = (await readRows(driver, 'ingest-rank-outdated', { k }, opts.database)).map((r) => r.id as string).sort();
  for (const part of batches(ids, 200)) {
    await writeTransaction(driver, opts.database, (tx) => run(tx, 'ingest-rank', { rows: part.map((id) => ({ id, full: true, changed: [] })), k }));
  }
  return ids.length;
}
