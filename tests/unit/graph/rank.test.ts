/** The pure parts of the ranked pages (src/graph/rank.ts): K from the environment, the batch's relationships per entity. */
import { changedRelations, rankSize } from '../../../src/graph/rank';
import type { DocumentRows, RelationRow } from '../../../src/graph/rows';

const rel = (type: string, from: string, to: string): RelationRow => ({ type, from, to, props: { document: 'document:x', evidence: '', confidence: 0.9 } });
const doc = (documentId: string, relations: RelationRow[]) => ({ documentId, relations }) as unknown as DocumentRows;

test('K is 100 unless KG_RANK_SIZE says otherwise; a bad value is refused with what to do', () => {
  expect(rankSize({})).toBe(100);
  expect(rankSize({ KG_RANK_SIZE: '3' })).toBe(3);
  expect(() => rankSize({ KG_RANK_SIZE: '0' })).toThrow(/KG_RANK_SIZE must be a whole number >= 1/);
  expect(() => rankSize({ KG_RANK_SIZE: 'ten' })).toThrow(/KG_RANK_SIZE/);
});

test('every written relationship is listed once under each of its ends, with its direction from that end', () => {
  const changed = changedRelations([
    doc('document:a', [rel('MEMBER_OF', 'agency:x', 'agency:hub'), rel('PARTNERS_WITH', 'agency:hub', 'agency:x')]),
    doc('document:b', [rel('MEMBER_OF', 'agency:x', 'agency:hub')]),
  ]);
  expect(changed.get('agency:hub')).toEqual([
    { o: 'agency:x', t: 'MEMBER_OF', out: false },
    { o: 'agency:x', t: 'PARTNERS_WITH', out: true },
  ]);
  expect(changed.get('agency:x')).toEqual([
    { o: 'agency:hub', t: 'MEMBER_OF', out: true },
    { o: 'agency:hub', t: 'PARTNERS_WITH', out: false },
  ]);
  expect(changedRelations([]).size).toBe(0);
});
