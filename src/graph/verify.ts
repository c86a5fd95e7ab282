/**
 * `kg verify`: recomputes every ingested document's contribution from its stored source (the text
 * and metadata kept on its Contribution) with the current extractor, and compares the graph with
 * what a fresh ingest of those documents would hold:
 *
 *   document   its node's header fields, MENTIONS, typed relations, paragraphs and contribution
 *   entity     names, aliases, searchKey, mentionCount, kind properties (recompute rules), and
 *              entities nothing refers to any more
 *   edges      CO_OCCURS weights against the sum of the documents' shares; typed relations:
 *              one relationship per (type, from, to) with its evidence lists in canonical order
 *              and count / documents / confidence matching them, no entry citing a document
 *              that is not stored (stray)
 *
 * `repair` first folds wrong typed relations into their one canonical relationship (dropping
 * stray entries), then rewrites drifted documents from their stored source (a forced
 * replacement), recomputes drifted entities and resets co-occurrence weights; a second pass then
 * reports what is left (nothing, unless writers ran meanwhile).
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { normaliseKey } from '../extract/arabic';
import type { ExtractedDocument } from '../extract/types';
import { pipelineExtractor, type Extractor } from '../ingest/extractor';
import { readRows, writeTimeoutMs, writeTransaction } from './db';
import { loadDocuments, run, settleEntities } from './load';
import { recomputedProps } from './recompute';
import { markRanks, settleStaleRanksAfter } from './rank';
import { rowLimits, toRows, type DocumentRows } from './rows';

export interface Drift {
  kind: 'document' | 'entity' | 'cooccurrence' | 'relation' | 'stray';
  id: string;
  what: string;
}

export interface VerifyReport {
  documents: number;
  entities: number;
  drift: Drift[];
  /** `strays`: typed relations rewritten (stray entries dropped, duplicates folded, lists put in order). */
  repaired?: { documents: number; entities: number; cooccurrences: number; strays: number };
}

/** Canonical JSON: keys sorted, nulls dropped (absent and null are the same in Neo4j). */
function canon(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).filter(([, y]) => y !== null && y !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

const sortBy = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

interface StoredDocument {
  id: string;
  props: Record<string, unknown>;
  contribution: Record<string, unknown> | null;
  mentions: { id: string; props: Record<string, unknown> }[];
  /** The evidence entries this document gave typed relations (one per entry of their lists). */
  relations: { type: string; from: string; to: string; paragraph: string; evidence: string; confidence: number }[];
  paragraphs: Record<string, unknown>[];
}

/** The rows a fresh ingest of this stored document would write, or why they cannot be made. */
function freshRows(d: StoredDocument, extractor: Extractor): { rows: DocumentRows; doc: ExtractedDocument; text: string; meta?: Record<string, unknown> } | string {
  const c = d.contribution;
  if (!c || typeof c.text !== 'string') return 'no stored source (ingested by an earlier version): ingest its file again';
  const meta = typeof c.meta === 'string' && c.meta ? (JSON.parse(c.meta) as Record<string, unknown>) : undefined;
  const file = String(d.props.file ?? '');
  let doc = extractor.extract(c.text, file);
  if (meta) doc = { ...doc, document: { ...doc.document, ...meta } };
  const rows = toRows(doc, { text: c.text, sha256: String(d.props.sha256) }, normaliseKey, rowLimits());
  return { rows, doc, text: c.text, meta };
}

/** What differs between a stored document and its fresh rows (empty: none). */
function documentDrift(d: StoredDocument, rows: DocumentRows): string[] {
  const out: string[] = [];
  if (rows.documentId !== d.id) return [`a fresh ingest gives the id ${rows.documentId}`];
  const own = Object.fromEntries(Object.keys(rows.document.props).map((k) => [k, d.props[k] ?? null]));
  if (canon(own) !== canon(rows.document.props)) out.push('header fields');
  const ms = (xs: { id: string; props: unknown }[]) => canon(sortBy(xs, (x) => x.id));
  if (ms(d.mentions) !== ms(rows.mentions)) out.push('mentions');
  const entries = rows.relations.map((r) => ({ type: r.type, from: r.from, to: r.to, paragraph: r.props.paragraph ?? '', evidence: r.props.evidence, confidence: r.props.confidence }));
  const rk = (r: object) => canon(r);
  if (canon(sortBy(d.relations, rk).map(rk)) !== canon(sortBy(entries, rk).map(rk))) out.push('relations');
  const ps = d.paragraphs.map((p) => ({ ...p, documentId: undefined }) as Record<string, unknown>);
  if (canon(sortBy(ps, (p) => String(p.id))) !== canon(sortBy(rows.paragraphs.map((p) => ({ id: p.id, ...p.props })), (p) => p.id))) out.push('paragraphs');
  const c = d.contribution ?? {};
  const pairs = (ids: string[], a: number[], b: number[], w: number[]) => a.map((x, i) => `${ids[x]}|${ids[b[i]]}|${w[i]}`).sort();
  const storedPairs = pairs((c.entityIds as string[]) ?? [], (c.coA as number[]) ?? [], (c.coB as number[]) ?? [], (c.coWeight as number[]) ?? []);
  if (canon(storedPairs) !== canon(rows.cooccurrences.map((p) => `${p.a}|${p.b}|${p.weight}`).sort())) out.push('co-occurrences');
  if (canon([...((c.entityIds as string[]) ?? [])].sort()) !== canon(rows.entityIds)) out.push('entities touched');
  return out;
}

export async function verifyGraph(
  driver: Driver,
  opts: { database?: string; repair?: boolean; extractor?: Extractor; onProgress?: (done: number) => void } = {},
): Promise<VerifyReport> {
  const extractor = opts.extractor ?? pipelineExtractor;
  // Through the door, under the long-job timeout: verify reads the whole graph a page at a time.
  const read = (name: string, params: Record<string, unknown>) => readRows(driver, name, params, opts.database, writeTimeoutMs());
  const drift: Drift[] = [];
  const toReload: { doc: ExtractedDocument; text: string; sha256: string; meta?: Record<string, unknown> }[] = [];

  // 1. Documents, a page at a time.
  let documents = 0;
  for (let after = ''; ; ) {
    const rows = await read('verify-documents', { after, limit: 50 });
    if (rows.length === 0) break;
    for (const row of rows) {
      const d = row as unknown as StoredDocument;
      after = d.id;
      documents++;
      const fresh = freshRows(d, extractor);
      if (typeof fresh === 'string') {
        drift.push({ kind: 'document', id: d.id, what: fresh });
        continue;
      }
      const what = documentDrift(d, fresh.rows);
      if (what.length) {
        drift.push({ kind: 'document', id: d.id, what: `differs from a fresh ingest: ${what.join(', ')}` });
        toReload.push({ doc: fresh.doc, text: fresh.text, sha256: String(d.props.sha256), meta: fresh.meta });
      }
    }
    opts.onProgress?.(documents);
  }

  // 2. Entities against the recompute rules.
  let entities = 0;
  const recompute: string[] = [];
  for (let after = ''; ; ) {
    const rows = await read('verify-entities', { after, limit: 500 });
    if (rows.length === 0) break;
    for (const row of rows) {
      const r = row as Record<string, unknown> & { id: string; stored: Record<string, unknown>; ingested: boolean; linked: boolean };
      after = r.id;
      entities++;
      if (!r.ingested && !r.linked) {
        drift.push({ kind: 'entity', id: r.id, what: 'nothing refers to it any more' });
        recompute.push(r.id);
        continue;
      }
      const want = recomputedProps(r as never);
      const wrong = Object.keys(want).filter((k) => canon(r.stored[k] ?? null) !== canon(want[k] ?? null));
      if (wrong.length) {
        drift.push({ kind: 'entity', id: r.id, what: `differs from its contributions: ${wrong.join(', ')}` });
        recompute.push(r.id);
      }
    }
  }

  // 3. Co-occurrence weights.
  const co = (await read('verify-cooccurs', {}))[0];
  const expected = new Map<string, { a: string; b: string; weight: number; documents: number }>();
  for (const [ids, a, b, w] of co.shares as [string[], number[], number[], number[]][]) {
    (a ?? []).forEach((x, i) => {
      const key = `${ids[x]}\u0000${ids[b[i]]}`;
      const e = expected.get(key) ?? { a: ids[x], b: ids[b[i]], weight: 0, documents: 0 };
      e.weight += w[i];
      e.documents += 1;
      expected.set(key, e);
    });
  }
  const coFix: { a: string; b: string; weight: number; documents: number }[] = [];
  const seen = new Set<string>();
  for (const [a, b, weight, docs] of co.edges as [string, string, number, number][]) {
    const key = `${a}\u0000${b}`;
    const e = expected.get(key);
    if (seen.has(key) || !e || e.weight !== weight || e.documents !== docs) {
      drift.push({ kind: 'cooccurrence', id: `${a} ~ ${b}`, what: seen.has(key) ? 'duplicated edge' : e ? `weight ${weight}/${docs} documents, expected ${e.weight}/${e.documents}` : 'no document shares it' });
      coFix.push(e ?? { a, b, weight: 0, documents: 0 });
    }
    seen.add(key);
  }
  for (const [key, e] of expected) {
    if (!seen.has(key)) {
      drift.push({ kind: 'cooccurrence', id: `${e.a} ~ ${e.b}`, what: 'missing edge' });
      coFix.push(e);
    }
  }
  // 4. Typed relations, a page of start entities at a time.
  const relFix: { from: string; type: string; to: string }[] = [];
  for (let after = ''; ; ) {
    const rows = await read('verify-relations', { after, limit: 500 });
    if (rows.length === 0) break;
    for (const row of rows) {
      const from = row.id as string;
      after = from;
      for (const p of row.problems as { type: string; to: string; what: string | null; gone: string[] }[]) {
        const id = `${from} -${p.type}-> ${p.to}`;
        if (p.what) drift.push({ kind: 'relation', id, what: p.what });
        if (p.gone.length) drift.push({ kind: 'stray', id, what: `cites ${p.gone.join(', ')}, not an ingested document` });
        relFix.push({ from, type: p.type, to: p.to });
      }
    }
  }

  const report: VerifyReport = { documents, entities, drift };
  if (!opts.repair || drift.length === 0) return report;

  // Repair: relations first (a fact stored twice would take a document's entries twice), then
  // documents from their source, then weights and entities, each in its own transaction.
  const write = (work: (tx: ManagedTransaction) => Promise<void>) => writeTransaction(driver, opts.database, work);
  const touched = [...recompute, ...relFix.flatMap((r) => [r.from, r.to])];
  if (relFix.length) await write(async (tx) => void (await run(tx, 'repair-relations', { rows: relFix })));
  for (const item of toReload) {
    await loadDocuments(driver, [{ doc: item.doc, source: { text: item.text, sha256: item.sha256, meta: item.meta } }], { database: opts.database, force: true });
  }
  await write(async (tx) => {
    // Duplicated edges: drop them all, then write the expected one.
    if (coFix.length) {
      await run(tx, 'repair-cooccurs', { rows: coFix.map((c) => ({ ...c, documents: 0, weight: 0 })) });
      const keep = coFix.filter((c) => c.documents > 0);
      if (keep.length) await run(tx, 'repair-cooccurs', { rows: keep });
    }
    await settleEntities(tx, touched);
    await markRanks(tx, touched);
  });
  // Ranked pages after the commit (src/graph/rank.ts); the touched entities as candidates too: a
  // graph in drift may hold an entity above K without its page.
  await settleStaleRanksAfter(driver, touched, { database: opts.database });
  report.repaired = { documents: toReload.length, entities: recompute.length, cooccurrences: coFix.length, strays: relFix.length };
  return report;
}
