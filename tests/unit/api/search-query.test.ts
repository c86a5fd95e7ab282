import { luceneQuery } from '../../../src/api/services/search';
import { decodeCursor, encodeCursor } from '../../../src/api/services/cursor';
import { parsePort } from '../../../src/cli/serve';

describe('luceneQuery', () => {
  test('normalises Arabic like the indexed search keys (hamza, ta marbuta) and ranks the exact phrase first', () => {
    const q = luceneQuery('منظمة الأمم المتحدة للطفولة')!;
    expect(q.key).toBe('منظمه الامم المتحده للطفوله');
    expect(q.lucene.startsWith('"منظمه الامم المتحده للطفوله"^4 OR ')).toBe(true);
  });

  test('every word is required, fuzzy by length, and an Arabic word also matches with/without the article', () => {
    const q = luceneQuery('يونيسيف')!.lucene;
    expect(q).toContain('+(يونيسيف~2 OR اليونيسيف)');
    expect(luceneQuery('UN Women')!.lucene).toContain('(+un +women~1)');
  });

  test('the exact form (tried first by search) has the same clauses without typo tolerance', () => {
    const q = luceneQuery('يونيسيف', false)!.lucene;
    expect(q).toContain('+(يونيسيف OR اليونيسيف)');
    expect(q).not.toContain('~');
  });

  test('punctuation cannot inject Lucene syntax; text without words gives no query', () => {
    const q = luceneQuery('UNICEF) OR name:*')!.lucene;
    expect(q).not.toMatch(/name:/);
    expect(luceneQuery('  ?!* ')).toBeNull();
  });
});

describe('cursors', () => {
  test('round-trip and refuse garbage with a message saying what to pass', () => {
    const k = { nk: -3, sk: 'منظمه', id: 'agency:unicef' };
    expect(decodeCursor(encodeCursor(k))).toEqual(k);
    expect(() => decodeCursor('not-a-cursor')).toThrow(/pageInfo.endCursor/);
  });
});

describe('parsePort', () => {
  test('--port wins over PORT, default 4000, nonsense refused', () => {
    expect(parsePort([], {})).toBe(4000);
    expect(parsePort([], { PORT: '5000' })).toBe(5000);
    expect(parsePort(['--port', '6000'], { PORT: '5000' })).toBe(6000);
    expect(parsePort(['--port=7000'], {})).toBe(7000);
    expect(() => parsePort(['--port', 'x'], {})).toThrow(/--port N/);
  });
});
