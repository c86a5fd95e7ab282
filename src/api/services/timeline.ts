import { KINDS } from '../../model';
import type { Db } from '../../graph/db';
import { EntityValue, toEntity } from '../values';
import { checkDate } from './entities';

/** Kinds that carry a date (Meeting.startDate, Document.date), read from the model. */
export const DATED_KINDS: readonly string[] = KINDS.filter((k) => k.properties.some((p) => p.name === 'date' || p.name === 'startDate')).map((k) => k.name);

export interface TimelineEventValue {
  date: string;
  kind: string;
  entity: EntityValue;
}

export async function timeline(db: Db, from: string | null, to: string | null, kinds: string[] | null, limit: number): Promise<TimelineEventValue[]> {
  const dates = { from: checkDate('from', from), to: checkDate('to', to) };
  const wanted = kinds && kinds.length ? kinds.filter((k) => DATED_KINDS.includes(k)) : [...DATED_KINDS];
  const rows = await db.read('api-timeline', { kinds: wanted, ...dates, limit });
  return rows.map((r) => {
    const entity = toEntity(r.e);
    return { date: String(r.date), kind: entity.kind, entity };
  });
}
