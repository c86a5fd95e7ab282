/** The pure parts of the ranked pages (src/graph/rank.ts): K from the environment. */
import { rankSize } from '../../../src/graph/rank';

test('K is 100 unless KG_RANK_SIZE says otherwise; a bad value is refused with what to do', () => {
  expect(rankSize({})).toBe(100);
  expect(rankSize({ KG_RANK_SIZE: '3' })).toBe(3);
  expect(() => rankSize({ KG_RANK_SIZE: '0' })).toThrow(/KG_RANK_SIZE must be a whole number >= 1/);
  expect(() => rankSize({ KG_RANK_SIZE: 'ten' })).toThrow(/KG_RANK_SIZE/);
});
