/**
 * Per-request DataLoaders: every relationship field goes through one of these, so a nested query
 * costs one Cypher round trip per level and loader, whatever the number of parents.
 * With batching off (KG_BATCHING=off or deps.batching=false) the same loaders call the database
 * once per key, the naive resolver behaviour the benchmark compares against.
 */
import DataLoader from 'dataloader';
import { RELATION_TYPES } from '../model';
import type { Db, Row } from '../graph/db';
import { DocumentEntityValue, EntityValue, MentionValue, num, ParagraphValue, RelationValue, str, toEntity, toParagraph } from './values';

export type RelationDirection = 'OUT' | 'IN' | 'BOTH';

export interface RelationKey {
  id: string;
  /** Relation types of the model joined by ',' (sorted), or ANY_TYPE for all of them. */
  type: string;
  direction: RelationDirection;
  /** At most this many (in the statement's order); absent: DEFAULT_RELATIONS_PAGE. */
  first?: number | null;
  /** Only relations (and evidence entries) at or above this confidence (0: all). */
  minConfidence?: number;
  /** Evidence entries per relation: the largest `evidence(first:)` the query asks (absent: DEFAULT_EVIDENCE_PAGE). */
  evidence?: number;
  /**
   * What the rows carry of the other end (src/api/selection.ts entityProjection); absent: the
   * summary. This loader always reads the whole summary, enough for any projection; a compiled
   * read primes rows with only the projection's properties, under its key.
   */
  fields?: string;
}

export const ANY_TYPE = '*';

/** Page of relations when a key gives none (the API always gives one: src/api/services/pages.ts). */
const DEFAULT_RELATIONS_PAGE = 100;
/** Evidence entries per relation when a key gives none (the default of `evidence(first:)`). */
const DEFAULT_EVIDENCE_PAGE = 3;

/** A page of an entity's mentions (optionally in one document). */
export interface MentionKey {
  id: string;
  document: string | null;
  first: number;
}

/** A page of a document's paragraphs, from ordinal `offset`. */
export interface ParagraphKey {
  id: string;
  first: number;
  offset: number;
}

/** A page of the entities a document names (optionally of some kinds). */
export interface DocumentEntitiesKey {
  id: string;
  kinds: string[] | null;
  first: number;
}

export interface Loaders {
  entity: DataLoader<string, EntityValue | null>;
  mentions: DataLoader<MentionKey, MentionValue[], string>;
  /** Number of mentions of an entity, without reading them. */
  mentionCount: DataLoader<string, number>;
  relations: DataLoader<RelationKey, RelationValue[], string>;
  paragraphs: DataLoader<ParagraphKey, ParagraphValue[], string>;
  /** Entities named by a document. */
  entitiesInDocument: DataLoader<DocumentEntitiesKey, DocumentEntityValue[], string>;
}

/**
 * Runs one statement per distinct page shape (LIMIT/SKIP must be parameters, not row values):
 * usually one round trip, since a query asks for one page size per field.
 */
async function byPage<K, R>(keys: readonly K[], page: (k: K) => string, run: (group: K[]) => Promise<R[]>): Promise<R[]> {
  const groups = new Map<string, K[]>();
  for (const k of keys) {
    const g = groups.get(page(k));
    if (g) g.push(k);
    else groups.set(page(k), [k]);
  }
  return (await Promise.all([...groups.values()].map(run))).flat();
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

const relationKey = (k: RelationKey) => `${k.id}|${k.type}|${k.direction}|${k.first ?? ''}|${k.minConfidence ?? 0}|${k.evidence ?? DEFAULT_EVIDENCE_PAGE}|${k.fields ?? ''}`;
const mentionKey = (k: MentionKey) => `${k.id}|${k.document ?? ''}|${k.first}`;
const paragraphKey = (k: ParagraphKey) => `${k.id}|${k.first}|${k.offset}`;
const documentEntitiesKey = (k: DocumentEntitiesKey) => `${k.id}|${k.kinds ? [...k.kinds].sort().join(',') : ''}|${k.first}`;

export function createLoaders(db: Db, batching = true): Loaders {
  const opts = batching ? {} : { batch: false, cache: false };

  const entity = new DataLoader<string, EntityValue | null>(async (ids) => {
    const rows = await db.read('api-entities-by-id', { ids: [...ids] });
    const byId = new Map(rows.map((r) => [String(r.id), toEntity(r.e)]));
    return ids.map((id) => byId.get(id) ?? null);
  }, opts);

  const mentions = new DataLoader<MentionKey, MentionValue[], string>(
    async (keys) => {
      const rows = await byPage(keys, (k) => String(k.first), (group) =>
        db.read('api-mentions-by-entity', { asks: group.map((k) => ({ key: mentionKey(k), id: k.id, document: k.document })), first: group[0].first }),
      );
      const byKey = groupBy(rows, (r) => String(r.key));
      return keys.map((k) =>
        (byKey.get(mentionKey(k)) ?? []).map((r) => ({
          documentId: String(r.documentId),
          // Lists cannot hold null: the loader stores '' for a mention outside numbered paragraphs.
          paragraph: str(r.paragraph) || null,
          text: String(r.text),
          start: Number(r.start),
          end: Number(r.end),
        })),
      );
    },
    { ...opts, cacheKeyFn: mentionKey },
  );

  const mentionCount = new DataLoader<string, number>(async (ids) => {
    const rows = await db.read('api-mention-counts', { ids: [...ids] });
    const byId = new Map(rows.map((r) => [String(r.id), Number(r.count ?? 0)]));
    return ids.map((id) => byId.get(id) ?? 0);
  }, opts);

  const relations = new DataLoader<RelationKey, RelationValue[], string>(
    async (keys) => {
      // One ask per distinct key, one statement per page size: each ask's page is cut in the
      // statement, so a hub's thousands of relations never leave the database.
      // Keys differing only by projection read the same rows (this statement reads the whole
      // summary): one ask for them.
      const read = (k: RelationKey) => relationKey({ ...k, fields: undefined });
      const distinct = [...new Map(keys.map((k) => [read(k), k])).values()];
      const rows = await byPage(distinct, (k) => String(k.first ?? DEFAULT_RELATIONS_PAGE), (group) =>
        db.read('api-relations', {
          asks: group.map((k) => ({
            key: read(k),
            id: k.id,
            types: k.type === ANY_TYPE ? [...RELATION_TYPES] : k.type.split(','),
            direction: k.direction,
            minConfidence: k.minConfidence ?? 0,
            evidence: k.evidence ?? DEFAULT_EVIDENCE_PAGE,
          })),
          first: group[0].first ?? DEFAULT_RELATIONS_PAGE,
        }),
      );
      const byKey = groupBy(rows, (r) => String(r.key));
      return keys.map((k) =>
        (byKey.get(read(k)) ?? []).map((r) => {
          // The other end's summary (id, names, kind, category): Relation.entity loads the rest
          // only when the query asks for more.
          const other = toEntity(r.other);
          return {
            type: String(r.type),
            direction: r.direction as 'OUT' | 'IN',
            entity: other,
            count: Number(r.count ?? 0),
            documentCount: Number(r.documentCount ?? 0),
            confidence: num(r.confidence),
            evidence: (r.evidence as Row[]).map((x) => ({
              // Lists cannot hold null: the writer stores '' for no sentence or paragraph.
              text: str(x.text) || null,
              documentId: str(x.documentId) || null,
              paragraph: str(x.paragraph) || null,
              confidence: num(x.confidence),
            })),
          };
        }),
      );
    },
    { ...opts, cacheKeyFn: relationKey },
  );

  const paragraphs = new DataLoader<ParagraphKey, ParagraphValue[], string>(
    async (keys) => {
      const rows = await byPage(
        keys,
        (k) => `${k.first}|${k.offset}`,
        async (group) => {
          const found = await db.read('api-paragraphs-by-document', { ids: group.map((k) => k.id), first: group[0].first, offset: group[0].offset });
          return found.map((r): Row => ({ ...r, key: paragraphKey({ ...group[0], id: String(r.id) }) }));
        },
      );
      const byKey = groupBy(rows, (r) => String(r.key));
      return keys.map((k) =>
        (byKey.get(paragraphKey(k)) ?? []).map((r) => toParagraph(r.p as Record<string, unknown>)),
      );
    },
    { ...opts, cacheKeyFn: paragraphKey },
  );

  const entitiesInDocument = new DataLoader<DocumentEntitiesKey, DocumentEntityValue[], string>(
    async (keys) => {
      const rows = await byPage(keys, (k) => String(k.first), (group) =>
        db.read('api-entities-in-document', { asks: group.map((k) => ({ key: documentEntitiesKey(k), id: k.id, kinds: k.kinds })), first: group[0].first }),
      );
      const byKey = groupBy(rows, (r) => String(r.key));
      return keys.map((k) =>
        (byKey.get(documentEntitiesKey(k)) ?? []).map((r) => ({
          entity: toEntity(r.e),
          count: Number(r.count ?? 0),
          paragraphs: Array.isArray(r.paragraphs) ? (r.paragraphs as string[]) : [],
        })),
      );
    },
    { ...opts, cacheKeyFn: documentEntitiesKey },
  );

  return { entity, mentions, mentionCount, relations, paragraphs, entitiesInDocument };
}
