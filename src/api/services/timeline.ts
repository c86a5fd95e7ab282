import { GraphQLError } from 'graphql';
import { KINDS } from '../../model';
import type { Db } from '../db';
import { EntityValue, toEntity } from '../values';

/** Kinds that carry a date (Meeting.startDate, Document.date), read from the model. */
export const DATED_KINDS: readonly string[] = KINDS.filter((k) => k.properties.some((p) => p.name === 'date' || p.name === 'startDate')).map((k) => k.name);

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export interface TimelineEventValue {
  date: string;
  kind: string;
  entity: EntityValue;
}

export async function timeline(db: Db, from: string | null, to: string | null, kinds: string[] | null, limit: number): Promise<TimelineEventValue[]> {
  for (const [name, v] of [['from', from], ['to', to]] as const) {
    if (v && !ISO_DATE.test(v)) throw new GraphQLError(`${name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got "${v}"`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  const wanted = kinds && kinds.length ? kinds.filter((k) => DATED_KINDS.includes(k)) : [...DATED_KINDS];
  const rows = await db.read('api-timeline', { kinds: wanted, from: from || null, to: to || null, limit });
  return rows.map((r) => {
    const entity = toEntity(r.e);
    return { date: String(r.date), kind: entity.kind, entity };
  });
}
