/** Opaque cursors for keyset pagination: the sort key of the last item seen. */
import { badUserInput } from '../guard/errors';

export interface SortKey {
  nk: number;
  sk: string;
  id: string;
}

export function encodeCursor(k: SortKey): string {
  return Buffer.from(JSON.stringify([k.nk, k.sk, k.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): SortKey {
  try {
    const [nk, sk, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof nk === 'number' && typeof sk === 'string' && typeof id === 'string') return { nk, sk, id };
  } catch {
    /* reported below */
  }
  throw badUserInput(`invalid cursor "${cursor}": pass a cursor returned by this connection (pageInfo.endCursor)`);
}
