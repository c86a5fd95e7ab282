/**
 * Per-request DataLoaders: every relationship field goes through one of these, so a nested query
 * costs one Cypher round trip per level and loader, whatever the number of parents.
 * With batching off (KG_BATCHING=off or deps.batching=false) the same loaders call the database
 * once per key, the naive resolver behaviour the benchmark compares against.
 */
import DataLoader from 'dataloader';
import { RELATION_TYPES } from '../model';
import type { Db } from './db';
import { DocumentEntityValue, EntityValue, MentionValue, ParagraphValue, RelationValue, str, toEntity } from './values';

export type RelationDirection = 'OUT' | 'IN' | 'BOTH';

export interface RelationKey {
  id: string;
  /** Relation types of the model joined by ',' (sorted), or ANY_TYPE for all of them. */
  type: string;
  direction: RelationDirection;
  /** At most this many (in the statement's order); absent: all. */
  first?: number | null;
  /** Only relations at or above this confidence (0: all). */
  minConfidence?: number;
}

export const ANY_TYPE = '*';

export interface Loaders {
  entity: DataLoader<string, EntityValue | null>;
  mentions: DataLoader<string, MentionValue[]>;
  relations: DataLoader<RelationKey, RelationValue[], string>;
  paragraphs: DataLoader<string, ParagraphValue[]>;
  /** Entities named by a document (keyed by document id). */
  entitiesInDocument: DataLoader<string, DocumentEntityValue[]>;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

const relationKey = (k: RelationKey) => `${k.id}|${k.type}|${k.direction}|${k.first ?? ''}|${k.minConfidence ?? 0}`;

export function createLoaders(db: Db, batching = true): Loaders {
  const opts = batching ? {} : { batch: false, cache: false };

  const entity = new DataLoader<string, EntityValue | null>(async (ids) => {
    const rows = await db.read('api-entities-by-id', { ids: [...ids] });
    const byId = new Map(rows.map((r) => [String(r.id), toEntity(r.e)]));
    return ids.map((id) => byId.get(id) ?? null);
  }, opts);

  const mentions = new DataLoader<string, MentionValue[]>(async (ids) => {
    const rows = await db.read('api-mentions-by-entity', { ids: [...ids] });
    const byId = groupBy(rows, (r) => String(r.id));
    return ids.map((id) =>
      (byId.get(id) ?? []).map((r) => ({
        documentId: String(r.documentId),
        // Lists cannot hold null: the loader stores '' for a mention outside numbered paragraphs.
        paragraph: str(r.paragraph) || null,
        text: String(r.text),
        start: Number(r.start),
        end: Number(r.end),
      })),
    );
  }, opts);

  const relations = new DataLoader<RelationKey, RelationValue[], string>(
    async (keys) => {
      // One ask per distinct key; `first` is applied per ask in the statement, so a hub's
      // thousands of relations never leave the database when a page of them is asked for.
      const asks = keys.map((k) => ({
        key: relationKey(k),
        id: k.id,
        types: k.type === ANY_TYPE ? [...RELATION_TYPES] : k.type.split(','),
        direction: k.direction,
        first: k.first ?? null,
        minConfidence: k.minConfidence ?? 0,
      }));
      const rows = await db.read('api-relations', { asks });
      const byKey = groupBy(rows, (r) => String(r.key));
      return keys.map((k) =>
        (byKey.get(relationKey(k)) ?? []).map((r) => {
          // The other end's summary (id, names, kind, category): Relation.entity loads the rest
          // only when the query asks for more.
          const other = toEntity(r.other);
          return {
            type: String(r.type),
            direction: r.direction as 'OUT' | 'IN',
            entity: other,
            evidence: str(r.evidence),
            documentId: str(r.documentId),
            paragraph: str(r.paragraph),
            confidence: r.confidence === null || r.confidence === undefined ? null : Number(r.confidence),
          };
        }),
      );
    },
    { ...opts, cacheKeyFn: relationKey },
  );

  const paragraphs = new DataLoader<string, ParagraphValue[]>(async (ids) => {
    const rows = await db.read('api-paragraphs-by-document', { ids: [...ids] });
    const byId = groupBy(rows, (r) => String(r.id));
    return ids.map((id) =>
      (byId.get(id) ?? []).map((r) => {
        const p = r.p as Record<string, unknown>;
        return {
          id: String(p.id),
          number: str(p.number),
          ordinal: Number(p.ordinal),
          text: String(p.text ?? ''),
          start: Number(p.start),
          end: Number(p.end),
        };
      }),
    );
  }, opts);

  const entitiesInDocument = new DataLoader<string, DocumentEntityValue[]>(async (ids) => {
    const rows = await db.read('api-entities-in-document', { ids: [...ids] });
    const byId = groupBy(rows, (r) => String(r.id));
    return ids.map((id) =>
      (byId.get(id) ?? []).map((r) => ({
        entity: toEntity(r.e),
        count: Number(r.count ?? 0),
        paragraphs: Array.isArray(r.paragraphs) ? (r.paragraphs as string[]) : [],
      })),
    );
  }, opts);

  return { entity, mentions, relations, paragraphs, entitiesInDocument };
}
