import { KIND_NAMES, RELATION_TYPES } from '../../model';
import type { Db } from '../../graph/db';
import { EntityValue, toEntity } from '../values';

export interface StatsValue {
  entities: number;
  relations: number;
  mentions: number;
  byKind: { kind: string; count: number }[];
  byRelationType: { type: string; count: number }[];
}

export async function stats(db: Db): Promise<StatsValue> {
  const [row] = await db.read('api-stats', { kinds: [...KIND_NAMES], types: [...RELATION_TYPES] });
  const byKind = (row.byKind as { kind: string; count: number }[]).map((x) => ({ kind: x.kind, count: Number(x.count) }));
  const byRelationType = (row.byType as { type: string; count: number }[]).map((x) => ({ type: x.type, count: Number(x.count) }));
  return {
    entities: byKind.reduce((n, x) => n + x.count, 0),
    relations: byRelationType.reduce((n, x) => n + x.count, 0),
    mentions: Number(row.mentions),
    byKind,
    byRelationType,
  };
}

export async function mostConnected(db: Db, limit: number): Promise<{ entity: EntityValue; degree: number }[]> {
  const rows = await db.read('api-most-connected', { types: [...RELATION_TYPES], limit });
  return rows.map((r) => ({ entity: toEntity(r.e), degree: Number(r.degree) }));
}
