import neo4j from 'neo4j-driver';
import { byPosition, withIntegers } from '../../../src/graph/load';

describe('withIntegers', () => {
  test('whole numbers become Neo4j integers, confidences and fractions stay floats', () => {
    const out = withIntegers({ rows: [{ props: { starts: [1, 20], count: 2, confidence: 1, ratio: 0.5, text: 'x' } }] }) as {
      rows: { props: Record<string, unknown> }[];
    };
    const p = out.rows[0].props;
    expect((p.starts as unknown[]).every((x) => neo4j.isInt(x))).toBe(true);
    expect(neo4j.isInt(p.count)).toBe(true);
    expect(p.confidence).toBe(1);
    expect(p.ratio).toBe(0.5);
    expect(p.text).toBe('x');
    expect(withIntegers(neo4j.int(3))).toEqual(neo4j.int(3));
  });
});

describe('byPosition', () => {
  test('pairs name their ends by position in one list of distinct ids', () => {
    const rows = [
      { a: 'agency:a', b: 'country:b', weight: 2 },
      { a: 'agency:a', b: 'meeting:c', weight: 1 },
      { a: 'country:b', b: 'meeting:c', weight: 3 },
    ];
    const { ids, a, b, weight } = byPosition(rows);
    expect(ids).toEqual(['agency:a', 'country:b', 'meeting:c']);
    rows.forEach((r, i) => expect([ids[a[i]], ids[b[i]], weight[i]]).toEqual([r.a, r.b, r.weight]));
    // given ids keep their positions; unknown ends are appended
    expect(byPosition(rows, ['meeting:c', 'x']).ids).toEqual(['meeting:c', 'x', 'agency:a', 'country:b']);
  });
});
