/**
 * Recomputes entities from the contributions that remain after a document was replaced or
 * removed, so that the graph equals a fresh ingest of the stored documents property for property:
 *
 *   names, category, kind properties  <- the MENTIONS (e* properties) of the smallest document id
 *   aliases, searchKey                <- union of the remaining surfaces / search keys (sorted),
 *                                        plus an ingested document's own (its Contribution)
 *   mentionCount                      <- sum of the remaining MENTIONS counts
 *
 * The rules are those of cypher/ingest-entities.cypher (namedBy), which applies them
 * incrementally when documents are added. An ingested document keeps its own header fields.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { isKind, kindSpec } from '../model';
import { run } from './load';
import { batches } from './rows';
import { RANK_PROPERTIES, RANK_STALE } from './rank';

/** Properties recompute never touches. */
const KEEP = new Set(['id', 'kind', 'sortName', ...RANK_PROPERTIES, RANK_STALE]);

interface FirstContribution {
  documentId: string;
  eName?: string;
  eNameAr?: string;
  eNameEn?: string;
  eAcronym?: string;
  eCategory?: string;
  eProps?: string;
}

interface ReadRow {
  id: string;
  ingested: boolean;
  keys: string[];
  kind: string | null;
  first: FirstContribution[];
  counts: unknown[];
  aliases: string[];
  searchKeys: string[];
}

/** What an entity's properties become, given the aggregated remaining contributions (pure). */
export function recomputedProps(r: ReadRow): Record<string, unknown> {
  const total = r.counts.reduce<number>((n, c) => n + Number(c), 0);
  const props: Record<string, unknown> = {
    aliases: r.aliases,
    searchKey: r.searchKeys.join(' | '),
    mentionCount: total > 0 ? total : null,
  };
  if (r.ingested) return props;
  const f = r.first[0];
  if (!f) return props; // kept by a relation only: nothing names it any more, its names stay
  Object.assign(props, {
    namedBy: f.documentId,
    name: f.eName ?? null,
    nameAr: f.eNameAr ?? null,
    nameEn: f.eNameEn ?? null,
    acronym: f.eAcronym ?? null,
    category: f.eCategory ?? null,
  });
  const kindProps = f.eProps ? (JSON.parse(f.eProps) as Record<string, unknown>) : {};
  const declared = r.kind && isKind(r.kind) ? (kindSpec(r.kind)?.properties ?? []).map((p) => p.name) : [];
  for (const name of declared) props[name] = kindProps[name] ?? null;
  // Anything else (the header fields of a document that is no longer ingested) goes.
  for (const k of r.keys) if (!KEEP.has(k) && !(k in props)) props[k] = null;
  return props;
}

export async function recomputeEntities(tx: ManagedTransaction, ids: string[]): Promise<void> {
  for (const part of batches(ids, 500)) {
    const res = await run(tx, 'ingest-recompute-read', { ids: part });
    const rows = res.records.map((rec) => {
      const r = rec.toObject() as unknown as ReadRow;
      return { id: r.id, props: recomputedProps(r) };
    });
    if (rows.length) await run(tx, 'ingest-recompute-write', { rows });
  }
}
