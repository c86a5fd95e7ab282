import { endRanges, placeAround, shortLabel } from '../../../browser/layout';
import { displayName } from '../../../src/api/services/graph';

describe('placeAround (new nodes of an expansion)', () => {
  it('gives every new node a place clear of the others and of the nodes already drawn', () => {
    const occupied = [{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 0, y: 100 }];
    const spots = placeAround({ x: 0, y: 0 }, 150, occupied, 70);
    expect(spots).toHaveLength(150);
    const all = [...occupied, ...spots];
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) expect(Math.hypot(all[i].x - all[j].x, all[i].y - all[j].y)).toBeGreaterThanOrEqual(56);
    }
  });

  it('starts on the side away from the rest of the graph', () => {
    const [first] = placeAround({ x: 100, y: 0 }, 1, [{ x: 100, y: 0 }], 70, { x: 0, y: 0 });
    expect(first.x).toBeGreaterThan(100);
    expect(Math.abs(first.y)).toBeLessThan(1);
  });
});

describe('labels and names fit to show', () => {
  it('shortLabel collapses whitespace and caps the length with an ellipsis', () => {
    expect(shortLabel('حلقة\nعمل   إقليمية')).toBe('حلقة عمل إقليمية');
    const long = shortLabel('ا'.repeat(266));
    expect(long.length).toBe(28);
    expect(long.endsWith('…')).toBe(true);
  });

  it('displayName: a document by its header title (else symbol), no newline, at most 80 characters', () => {
    expect(displayName({ id: 'document:x', kind: 'Document', name: 'x.txt', title: '  تقرير\nالمقرر الخاص ', symbol: 'A/HRC/1/1' })).toBe('تقرير المقرر الخاص');
    expect(displayName({ id: 'document:x', kind: 'Document', name: 'x.txt', symbol: 'A/HRC/1/1' })).toBe('A/HRC/1/1');
    expect(displayName({ id: 'agency:a', kind: 'Agency', name: 'م'.repeat(266) }).length).toBe(80);
    expect(displayName({ id: 'agency:a', kind: 'Agency', name: null })).toBe('agency:a');
  });

  it('displayName: every run of whitespace (tabs, newlines, no-break spaces, doubled or outer spaces) is one space, a tidy name stays as it is', () => {
    const names = ['مكتب  الأمم', 'مكتب\tالأمم', ' مكتب الأمم', 'مكتب الأمم ', 'مكتب\u00a0الأمم', 'مكتب\n\nالأمم', '\u2003مكتب', 'مكتب الأمم المتحدة', 'UN Women'];
    for (const name of names) expect(displayName({ id: 'agency:a', kind: 'Agency', name })).toBe(name.replace(/\s+/g, ' ').trim());
  });
});

describe('endRanges (both ends of a relation in its evidence)', () => {
  it('marks each end by its longest form, without overlaps', () => {
    const s = 'وتدير اليونيسيف قاعدة بيانات عالمية بالتعاون مع منظمة العمل الدولية.';
    const r = endRanges(s, ['اليونيسيف', 'يونيسيف'], ['قاعدة بيانات عالمية', 'قاعدة']);
    expect(r.map(([a, b, w]) => [s.slice(a, b), w])).toEqual([
      ['اليونيسيف', 'a'],
      ['قاعدة بيانات عالمية', 'b'],
    ]);
  });
});
