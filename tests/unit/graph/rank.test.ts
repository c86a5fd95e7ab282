/** The pure parts of the ranked pages (src/graph/rank.ts): K from the environment, the batch's relationships. */
import { rankSize, writtenRelations } from '../../../src/graph/rank';
import type { DocumentRows, RelationRow } from '../../../src/graph/rows';

const rel = (type: string, from: string, to: string): RelationRow => ({ type, from, to, props: { document: 'document:x', evidence: '', confidence: 0.9 } });
const doc = (documentId: string, relations: RelationRow[]) => ({ documentId, relations }) as unknown as DocumentRows;

test('K is 100 unless KG_RANK_SIZE says otherwise; a bad value is refused with what to do', () => {
  expect(rankSize({})).toBe(100);
  expect(rankSize({ KG_RANK_SIZE: '3' })).toBe(3);
  expect(() => rankSize({ KG_RANK_SIZE: '0' })).toThrow(/KG_RANK_SIZE must be a whole number >= 1/);
  expect(() => rankSize({ KG_RANK_SIZE: 'ten' })).toThrow(/KG_RANK_SIZE/);
});

test('every written relationship is listed once, whatever the number of documents stating it', () => {
  const written = writtenRelations([
    doc('document:a', [rel('MEMBER_OF', 'agency:x', 'agency:hub'), rel('PARTNERS_WITH', 'agency:hub', 'agency:x')]),
    doc('document:b', [rel('MEMBER_OF', 'agency:x', 'agency:hub'), rel('MEMBER_OF', 'agency:hub', 'agency:x')]),
  ]);
  expect(written).toEqual([
    { from: 'agency:x', to: 'agency:hub', type: 'MEMBER_OF' },
    { from: 'agency:hub', to: 'agency:x', type: 'PARTNERS_WITH' },
    { from: 'agency:hub', to: 'agency:x', type: 'MEMBER_OF' },
  ]);
  expect(writtenRelations([])).toEqual([]);
});
