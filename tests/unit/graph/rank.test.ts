/** The pure parts of the ranked pages (src/graph/rank.ts): K from the environment. */
import { rankNeighboursAbove, rankSize } from '../../../src/graph/rank';

test('K is 100 unless KG_RANK_SIZE says otherwise; a bad value is refused with what to do', () => {
  expect(rankSize({})).toBe(100);
  expect(rankSize({ KG_RANK_SIZE: '3' })).toBe(3);
  expect(() => rankSize({ KG_RANK_SIZE: '0' })).toThrow(/KG_RANK_SIZE must be a whole number >= 1/);
  expect(() => rankSize({ KG_RANK_SIZE: 'ten' })).toThrow(/KG_RANK_SIZE/);
});

test('J (neighbour rankings without a page above it) is K/4 unless KG_RANK_NEIGHBOURS_ABOVE says otherwise, from 0 to K', () => {
  expect(rankNeighboursAbove(100, {})).toBe(25);
  expect(rankNeighboursAbove(3, {})).toBe(0);
  expect(rankNeighboursAbove(100, { KG_RANK_NEIGHBOURS_ABOVE: '100' })).toBe(100);
  expect(() => rankNeighboursAbove(100, { KG_RANK_NEIGHBOURS_ABOVE: '101' })).toThrow(/from 0 to KG_RANK_SIZE \(100\)/);
  expect(() => rankNeighboursAbove(100, { KG_RANK_NEIGHBOURS_ABOVE: '-1' })).toThrow(/KG_RANK_NEIGHBOURS_ABOVE must be a whole number/);
});
