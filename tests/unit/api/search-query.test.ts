import { fuzziness, luceneQuery, SEARCH_LIMITS, searchTerms } from '../../../src/api/services/search';
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
    expect(q).toContain('+(يونيسيف~1 OR اليونيسيف)');
    expect(luceneQuery('UN Women')!.lucene).toContain('(+un +women~1)');
    expect(luceneQuery('trafficking')!.lucene).toContain('+trafficking~2');
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

describe('search input bounds (nothing oversized reaches Neo4j)', () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return [(e as { extensions?: { code?: string } }).extensions?.code, (e as Error).message];
    }
    return null;
  };

  test('a text too long, with too many words or a word too long is refused as BAD_USER_INPUT saying the limit', () => {
    expect(code(() => searchTerms('a'.repeat(1001)))).toEqual(['BAD_USER_INPUT', expect.stringMatching(/at most 200/)]);
    expect(code(() => searchTerms(Array(12).fill('word').join(' ')))).toEqual(['BAD_USER_INPUT', expect.stringMatching(/12 words.*at most 10/)]);
    expect(code(() => searchTerms('x'.repeat(41)))).toEqual(['BAD_USER_INPUT', expect.stringMatching(/41 letters.*at most 40/)]);
    expect(code(() => luceneQuery(Array(12).fill('b'.repeat(16)).join(' ')))).toEqual(['BAD_USER_INPUT', expect.any(String)]);
    expect(searchTerms('Palermo Protocol').terms).toEqual(['palermo', 'protocol']);
  });

  test('typo tolerance only where cheap: words of 4 to 20 letters, texts of at most 4 words', () => {
    expect([fuzziness('un'), fuzziness('ilo'), fuzziness('unodc'), fuzziness('trafficking'), fuzziness('x'.repeat(21))]).toEqual([0, 0, 1, 2, 0]);
    expect(luceneQuery('un ilo', 'fuzzy')).toBeNull(); // nothing to tolerate: no second query
    expect(luceneQuery('one two three four five', 'fuzzy')).toBeNull();
    expect(luceneQuery('one two three four', 'fuzzy')!.lucene).toContain('+four~1');
    expect(SEARCH_LIMITS.maxFuzzyTerms).toBe(4);
  });

  test('partial mode: any word of 3+ letters, never fuzzy, only for texts of several words', () => {
    const q = luceneQuery('Palermo Convention', 'partial')!.lucene;
    expect(q).toContain('(palermo OR convention)');
    expect(q).not.toContain('~');
    expect(luceneQuery('Palermo', 'partial')).toBeNull();
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
