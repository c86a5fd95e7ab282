/**
 * Ranked pages of well-connected entities (issue 11, "hubs read only their page"). An entity
 * with more than K typed relations (K = KG_RANK_SIZE, default 100) stores its first K in the
 * order of a relation page (count descending, the other end's name then id, type, direction) as
 * list properties, with each relationship's element id (cypher/rank-build.cypher). A page of at
 * most K relations that the stored ones can answer (filters on type, direction and confidence
 * included) then seeks those relationships (cypher/api-relations.cypher,
 * compiled-relation.cypher) instead of reading all of a hub's; anything else reads them all.
 *
 * The lists are a function of the graph (a fresh ingest writes the same). Ingestion does not
 * rank inside its transaction (upkeep there cost seconds per batch of 100 at 10,000 documents):
 * it marks `rankStale` the ranked entities it names and, when a name changes, their ranked
 * neighbours (cypher/ingest-entities.cypher; a replacement's recomputed entities: rank-mark);
 * reads do not use stale lists (they scan, same page). After the commit, settleStaleRanks ranks
 * the stale entities and those that crossed K from scratch, in short transactions: once per
 * loadDocuments call, or once at the end of ingestPaths (`deferRanks`). A crash in between
 * leaves them marked; the start-up check (buildRanks) ranks them. Removal and `kg verify
 * --repair` do the same: their transaction marks what it recomputed (markRanks, rank-mark), the
 * settle follows the commit. One way to keep the lists: mark inside, rank from scratch after.
 * At start (applySchema), entities whose lists are missing, of another size or stale are ranked
 * (buildRanks). Entities with more than J typed relations but at most K keep the neighbour
 * ranking alone (rankNeighboursAbove); the same marks and settles keep it.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { readRows, run, writeTransaction } from './db';
import { logger } from '../observability';
import { batches, type DocumentRows } from './rows';

/** The entity properties holding the ranked page (recompute keeps them: they are not contributions). */
export const RANK_PROPERTIES: readonly string[] = [
  'rankCount', 'rankConf', 'rankName', 'rankOther', 'rankType', 'rankOut', 'rankRel',
  // The neighbour ranking (rank-build.cypher) the neighbourhood's hops read.
  'rankNb', 'rankNbScore', 'rankNbBound', 'rankNbBoundId',
];

/** Set (true) on an entity whose lists a committed write may have outdated; reads then scan. */
export const RANK_STALE = 'rankStale';

const DEFAULT_RANK_SIZE = 100;

let rankWrites = 0;

/**
 * How many rank builds this process has written (buildRanks, settleStaleRanks): a reader that
 * cached whether the graph holds rankings (the neighbourhood's statement choice) looks again
 * when this moves.
 */
export function rankGeneration(): number {
  return rankWrites;
}

/** K: relations kept per ranked entity, and the degree above which an entity is ranked (KG_RANK_SIZE). */
export function rankSize(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.KG_RANK_SIZE;
  if (raw === undefined || raw === '') return DEFAULT_RANK_SIZE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`KG_RANK_SIZE must be a whole number >= 1 (relations per ranked page), got "${raw}"`);
  return n;
}

/**
 * N: neighbours kept in a ranked entity's neighbour ranking (rankNb), 2K. A hop from one ranked
 * entity answers from its list when, after dropping the subgraph's nodes already taken (at most
 * limit of them) and the neighbours of other kinds, M = limit - taken + 1 remain: limit + 1 would
 * do for the default limit 100 (K) without a kind filter; the other K leave room for kinds.
 */
export function rankNeighbours(k: number): number {
  return 2 * k;
}

/**
 * J: an entity with more than J typed relations (and at most K: no ranked page) still keeps its
 * neighbour ranking, which then lists all its neighbours (at most K < 2K): a hop whose candidate
 * is such an entity takes its part with a ranked frontier entity from that list instead of
 * reading the candidate's relations (at 10,000 documents a typical document's hop 2 read 43
 * candidates of 26-100 relations: 4,828 of its 13,386 db hits; bench/findings.md "nbhop
 * helper"). KG_RANK_NEIGHBOURS_ABOVE, default K/4 (rounded down).
 */
export function rankNeighboursAbove(k: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.KG_RANK_NEIGHBOURS_ABOVE;
  if (raw === undefined || raw === '') return Math.floor(k / 4);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > k) throw new Error(`KG_RANK_NEIGHBOURS_ABOVE must be a whole number from 0 to KG_RANK_SIZE (${k}), got "${raw}"`);
  return n;
}

/** The parameters of rank-build, rank-outdated and rank-stale: K, the list length 2K, and J. */
function rankParams(): { k: number; n: number; j: number } {
  const k = rankSize();
  return { k, n: rankNeighbours(k), j: rankNeighboursAbove(k) };
}

/**
 * The start-up migration: ranks the entities whose lists are missing, of another size or no
 * longer due (a graph written before ranked pages, or under another KG_RANK_SIZE), in
 * transactions of a few hundred entities. Nothing to write once done.
 */
export async function buildRanks(driver: Driver, opts: { database?: string } = {}): Promise<number> {
  const p = rankParams();
  const ids = (await readRows(driver, 'rank-outdated', p, opts.database)).map((r) => r.id as string).sort();
  for (const part of batches(ids, 200)) {
    await writeTransaction(driver, opts.database, (tx) => run(tx, 'rank-build', { ids: part, ...p }));
    rankWrites++;
  }
  return ids.length;
}

/**
 * Inside a write transaction that recomputed entities (a replacement, a removal, a repair): marks stale their ranked
 * pages and those that hold them or may take them in (cypher/rank-mark.cypher); settleStaleRanks
 * ranks them after the commit.
 */
export async function markRanks(tx: ManagedTransaction, recomputed: readonly string[]): Promise<void> {
  for (const ids of batches([...new Set(recomputed)].sort(), 1000)) await run(tx, 'rank-mark', { ids });
}

/** The ends of the typed relationships the documents wrote: the entities that may have crossed K. */
export function rankCandidates(written: readonly DocumentRows[]): string[] {
  const ids = new Set<string>();
  for (const d of written) for (const r of d.relations) ids.add(r.from).add(r.to);
  return [...ids];
}

/**
 * After a write committed: ranks from scratch every entity marked stale and those of `candidates`
 * that crossed K (cypher/rank-stale.cypher, rank-build.cypher), a few dozen per transaction (a
 * hub's build reads all its relations; short transactions keep ingestion's locks waiting little).
 * Returns how many it ranked. Safe with concurrent writers: rank-build locks the entity first,
 * so it ranks the committed graph, and clears the mark of what it ranked.
 */
export async function settleStaleRanks(driver: Driver, candidates: Iterable<string> = [], opts: { database?: string } = {}): Promise<number> {
  const p = rankParams();
  const t = Date.now();
  // rank-stale's UNION returns each id once.
  const ids = (await readRows(driver, 'rank-stale', { ids: [...new Set(candidates)], k: p.k, j: p.j }, opts.database)).map((r) => r.id as string).sort();
  for (const part of batches(ids, 20)) {
    await writeTransaction(driver, opts.database, (tx) => run(tx, 'rank-build', { ids: part, ...p }));
    rankWrites++;
  }
  if (ids.length) logger().debug({ entities: ids.length, ms: Date.now() - t }, 'ranked pages settled after a write');
  return ids.length;
}

/**
 * settleStaleRanks after a committed write, never failing it: the documents are stored and reads
 * are exact without the lists (they scan stale entities); what is left is ranked by the next
 * settle or at start.
 */
export async function settleStaleRanksAfter(driver: Driver, candidates: Iterable<string>, opts: { database?: string } = {}): Promise<void> {
  try {
    await settleStaleRanks(driver, candidates, opts);
  } catch (err) {
    logger().warn({ err }, 'ranked pages left stale after a committed write (ranked at the next write or start)');
  }
}
